import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT } from '../support/lsp-client';

/**
 * The Neovim configuration of docs/editors/neovim.md, run as written (only its `/path/to/rubric-studio` replaced)
 * in a headless Neovim against the real server. Skipped where `nvim` is not installed: nothing
 * installs it for the tests.
 */

const SAMPLE = 'samples/broken/weights-sum.rubric.yaml';

/** The Lua blocks of docs/editors/neovim.md, each known by its first line. */
function readmeLua(): Map<string, string> {
  const readme = fs.readFileSync(path.join(ROOT, 'docs/editors/neovim.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const match of readme.matchAll(/```lua\n([\s\S]*?)```/g)) {
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
  result.diagnosticsArrived = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.message })
  end
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  result.clients = #clients
  result.rootUri = clients[1] and clients[1].workspace_folders and clients[1].workspace_folders[1].uri

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

  -- The code lens, fetched by the page's on_attach, then run as a user would.
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
    result.simulation = printed
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
  completion: string[];
  lens?: [string, number];
  simulation?: string;
}

describe('the Neovim configuration of docs/editors/neovim.md (headless nvim, skipped without it)', function () {
  this.timeout(90000);
  let version: [number, number] | undefined;
  let scratch: string;

  before(function () {
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    const match = /NVIM v(\d+)\.(\d+)/.exec(probe.stdout ?? '');
    if (probe.error || !match) this.skip();
    version = [Number(match![1]), Number(match![2])];
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-nvim-'));
  });
  after(() => scratch && fs.rmSync(scratch, { recursive: true, force: true }));

  it('gives Chinese diagnostics from the first publication, hover, completion and the code lens with its command', () => {
    const blocks = readmeLua();
    const shared = blocks.get('-- Rubric Studio, for every Neovim version');
    const modern = blocks.get('-- Rubric Studio, Neovim 0.8 and later');
    const legacy = blocks.get('-- Rubric Studio, Neovim 0.7');
    assert.ok(shared && modern && legacy, 'docs/editors/neovim.md has the three Neovim blocks');
    const [mine, other] = version![0] > 0 || version![1] >= 8 ? [modern, legacy] : [legacy, modern];
    fs.writeFileSync(path.join(scratch, 'init.lua'), `${shared}\n${mine}`);
    fs.writeFileSync(path.join(scratch, 'driver.lua'), DRIVER);
    const resultFile = path.join(scratch, 'result.json');

    // Opened by a relative name, as `nvim samples/…` from the repository root does.
    const run = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(scratch, 'init.lua'), SAMPLE, '-c', `luafile ${path.join(scratch, 'driver.lua')}`],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 80000,
        env: {
          ...process.env,
          RUBRIC_NVIM_RESULT: resultFile,
          RUBRIC_NVIM_OTHER_BLOCK: other,
          XDG_CACHE_HOME: scratch,
          XDG_STATE_HOME: scratch,
          XDG_DATA_HOME: scratch,
        },
      },
    );
    assert.ok(fs.existsSync(resultFile), `nvim wrote no result: ${run.stderr}${run.error ?? ''}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimResult;
    assert.equal(result.error, undefined);
    assert.equal(result.compiles, true, 'the other version’s block at least compiles');
    assert.equal(result.clients, 1);
    assert.equal(result.rootUri, pathToFileURL(path.join(ROOT, 'samples/broken')).href);
    assert.ok(result.diagnosticsArrived);
    // Line 10 `indicators:` (0-based 9), characters 0..10; 30 + 35 + 30 = 95, 5 short of 100.
    // Chinese at once: init_options carried the locale before the first publication.
    assert.deepEqual(result.diagnostics, [['weights-sum', 9, 0, 9, 10, 1, '一级指标分值合计 95，应为 100：还差 5']]);
    // Line 13 is `    weight: 30`: the key's description from the schema.
    assert.match(result.hover ?? '', /分值/);
    assert.ok(result.completion.length > 0, 'keys are offered');
    // The sample has 10 subjects: 30% → 3 优秀, 20% → 2 一般, the other 5 良好; the lens sits on `tiers:` (line 41, 0-based 40).
    assert.deepEqual(result.lens, ['10 个考核对象：优秀 3 · 良好 5 · 一般 2', 40]);
    const rows = (result.simulation ?? '').split('\n');
    assert.equal(rows.length, 30);
    assert.equal(rows[9], ' 10  优秀 3 (30%)  良好 5 (50%)  一般 2 (20%)');
  });
});
