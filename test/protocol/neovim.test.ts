import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { installEditors } from '../support/lsp-editors';
import { ROOT } from '../support/lsp-client';

/**
 * The Neovim configuration of docs/editors/neovim.md, run as written (only its
 * `/path/to/rubric-studio` replaced) in a headless Neovim against the real server, with a rubric
 * and with a scoresheet. Skipped, saying why, where `nvim` is not installed
 * (`apt-get install neovim`: Debian 12 has 0.7.2).
 */

const RUBRIC_SAMPLE = 'samples/broken/weights-sum.rubric.yaml';
/** Its rubric is in the folder above (`../forest-chief-2022.rubric.yaml`). */
const SCORESHEET_SAMPLE = 'samples/broken/tie-at-boundary.scores.yaml';

/** The page's Lua blocks, each known by its first line. */
function documentedLua(): Map<string, string> {
  const page = fs.readFileSync(path.join(ROOT, 'docs/editors/neovim.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const match of page.matchAll(/```lua\n([\s\S]*?)```/g)) {
    const [first] = match[1].split('\n');
    blocks.set(first, match[1].replace(/\/path\/to\/rubric-studio/g, ROOT));
  }
  return blocks;
}

// Waits on conditions with vim.wait (Neovim's event loop runs meanwhile), then writes what it
// saw as JSON. Only API present from 0.7 on.
const DRIVER = String.raw`
local result = {}
local buf = vim.api.nvim_get_current_buf()
local function finish()
  local file = io.open(os.getenv('RUBRIC_NVIM_RESULT'), 'w')
  file:write(vim.json.encode(result))
  file:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  result.compiles = loadstring(os.getenv('RUBRIC_NVIM_OTHER_BLOCK')) ~= nil
  local rubric = os.getenv('RUBRIC_NVIM_KIND') == 'rubric'
  result.diagnosticsArrived = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.message })
  end
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  result.clients = #clients
  result.rootUri = clients[1] and clients[1].workspace_folders and clients[1].workspace_folders[1].uri

  if rubric then
  -- Hover through the user's function: a floating window with the key's description.
  vim.api.nvim_win_set_cursor(0, { 13, 6 })
  vim.lsp.buf.hover()
  local function float_text()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
      end
    end
  end
  vim.wait(10000, function() return float_text() ~= nil end, 10)
  result.hover = float_text()

  -- Completion at the start of line 4 (period:): the request the completion plugins send.
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 3, character = 0 } }, 10000)
  result.completion = {}
  for _, answer in pairs(answers or {}) do
    for _, item in ipairs(answer.result and (answer.result.items or answer.result) or {}) do table.insert(result.completion, item.label) end
  end
  end

  -- The code lens, fetched by the README's on_attach, then run as a user would.
  vim.wait(10000, function() return #vim.lsp.codelens.get(buf) > 0 end, 10)
  local lens = vim.lsp.codelens.get(buf)[1]
  result.lens = lens and lens.command and { lens.command.title, lens.range.start.line }
  if lens then
    local printed
    local original = print
    print = function(text) printed = text end
    vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
    vim.lsp.codelens.run()
    vim.wait(10000, function() return printed ~= nil end, 10)
    print = original
    result.printed = printed
  end
end)
if not ok then result.error = tostring(err) end
finish()
`;

interface NeovimResult {
  error?: string;
  compiles: boolean;
  diagnosticsArrived: boolean;
  diagnostics: [string, number, number, number, number, number, string][];
  clients: number;
  rootUri?: string;
  hover?: string;
  completion?: string[];
  lens?: [string, number];
  /** What running the lens printed: the simulation or the ranking. */
  printed?: string;
}

describe('the Neovim configuration of docs/editors/neovim.md (headless nvim)', function () {
  this.timeout(90000);
  let version: [number, number] | undefined;
  let scratch: string;

  before(function () {
    // Installed on first run where apt-get runs as root (scripts/setup-lsp-editors.sh).
    this.timeout(900000);
    const setup = installEditors();
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    const match = /NVIM v(\d+)\.(\d+)/.exec(probe.stdout ?? '');
    if (probe.error || !match) {
      console.log(`    (skipped: nvim is not installed and could not be: ${setup})`);
      this.skip();
    }
    version = [Number(match![1]), Number(match![2])];
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-nvim-'));
  });
  after(() => scratch && fs.rmSync(scratch, { recursive: true, force: true }));

  /** Opens `sample` in a headless Neovim configured by the page's blocks for its version, and reports what it saw. */
  function runNeovim(sample: string, kind: 'rubric' | 'scoresheet'): NeovimResult {
    const blocks = documentedLua();
    const shared = blocks.get('-- Rubric Studio, for every Neovim version');
    const modern = blocks.get('-- Rubric Studio, Neovim 0.8 and later');
    const legacy = blocks.get('-- Rubric Studio, Neovim 0.7');
    assert.ok(shared && modern && legacy, 'the page has the three Neovim blocks');
    const [mine, other] = version![0] > 0 || version![1] >= 8 ? [modern, legacy] : [legacy, modern];
    fs.writeFileSync(path.join(scratch, 'init.lua'), `${shared}\n${mine}`);
    fs.writeFileSync(path.join(scratch, 'driver.lua'), DRIVER);
    const resultFile = path.join(scratch, `${kind}.json`);
    // Opened by a relative name, as `nvim samples/…` from the repository root does.
    const run = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(scratch, 'init.lua'), sample, '-c', `luafile ${path.join(scratch, 'driver.lua')}`],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 80000,
        env: {
          ...process.env,
          // The locale comes from the settings in init_options, not from the environment.
          LANG: 'C.UTF-8',
          LC_ALL: '',
          LC_MESSAGES: '',
          RUBRIC_NVIM_RESULT: resultFile,
          RUBRIC_NVIM_OTHER_BLOCK: other,
          RUBRIC_NVIM_KIND: kind,
          XDG_CACHE_HOME: scratch,
          XDG_STATE_HOME: scratch,
          XDG_DATA_HOME: scratch,
        },
      },
    );
    assert.ok(fs.existsSync(resultFile), `nvim wrote no result: ${run.stderr}${run.error ?? ''}`);
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimResult;
  }

  it('a rubric: Chinese diagnostics from the first publication, hover, completion, the quota lens and its command', () => {
    const result = runNeovim(RUBRIC_SAMPLE, 'rubric');
    assert.equal(result.error, undefined);
    assert.equal(result.compiles, true, 'the other version’s block at least compiles');
    assert.equal(result.clients, 1);
    // The repository's folder, found above the file: a scoresheet's rubric may be in a folder above its own.
    assert.equal(result.rootUri, pathToFileURL(ROOT).href);
    assert.ok(result.diagnosticsArrived);
    // Line 10 `indicators:` (0-based 9), characters 0..10; 30 + 35 + 30 = 95, 5 short of 100.
    // Chinese at once: init_options carried the locale before the first publication.
    assert.deepEqual(result.diagnostics, [['weights-sum', 9, 0, 9, 10, 1, '一级指标分值合计 95，应为 100：还差 5']]);
    // Line 13 is `    weight: 30`: the key's description from the schema.
    assert.match(result.hover ?? '', /分值/);
    assert.ok((result.completion ?? []).length > 0, 'keys are offered');
    // The sample has 10 subjects: 30% → 3 优秀, 20% → 2 一般, the other 5 良好; the lens sits on `tiers:` (line 41, 0-based 40).
    assert.deepEqual(result.lens, ['10 个考核对象：优秀 3 · 良好 5 · 一般 2', 40]);
    const rows = (result.printed ?? '').split('\n');
    assert.equal(rows.length, 30);
    assert.equal(rows[9], ' 10  优秀 3 (30%)  良好 5 (50%)  一般 2 (20%)');
  });

  it('a scoresheet: its rubric read from the folder above, Chinese diagnostics, the tier lens and the ranking it shows', () => {
    const result = runNeovim(SCORESHEET_SAMPLE, 'scoresheet');
    assert.equal(result.error, undefined);
    assert.equal(result.clients, 1);
    assert.ok(result.diagnosticsArrived);
    // 卫庄镇 (line 7) and 陈村镇 (line 8) both at 90 across the third and last slot of 优秀.
    assert.deepEqual(
      result.diagnostics.map(([code, line, , , , severity, message]) => [code, line, severity, message]),
      [
        ['tie-at-boundary', 6, 2, '卫庄镇与陈村镇同为 90 分，跨越优秀（3 个名额）的分界：按文件顺序评为优秀'],
        ['tie-at-boundary', 7, 2, '陈村镇与卫庄镇同为 90 分，跨越优秀（3 个名额）的分界：按文件顺序未评为优秀'],
      ],
    );
    // The lens on `scores:` (line 4, 0-based 3): 3 of 3 优秀, 5 良好 (no quota of its own), 2 of 2 一般.
    assert.deepEqual(result.lens, ['已定等次 10 个：优秀 3/3 · 良好 5 · 一般 2/2', 3]);
    const lines = (result.printed ?? '').split('\n');
    assert.equal(lines[0], '绛县2022年度林长制工作考评表');
    assert.equal(lines.length, 11);
    assert.match(lines[1], /^ {2}1 {2}\S+ {2}\d+(\.\d+)? {2}优秀$/);
  });
});
