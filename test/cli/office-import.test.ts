import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DISAGREEING_FIXTURE, fixtureDocx, fixtureWorkbook, LAYOUT_FIXTURES, treeLines } from '../support/table-fixtures';
import { draftOfText } from '../support/sheets';
import { ROOT, rubric as rubricIn } from '../support/cli';

/** LibreOffice's conversions take seconds each, minutes on a loaded machine. */
const rubric = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => rubricIn(args, cwd, env, { timeout: 240000 });

/**
 * `rubric import` of the files offices hand out, as a person runs it: a Word document, a table whose
 * figures disagree (refused, or written with the findings at the top), `--format json` for
 * scripts, and the old binary formats converted through LibreOffice — really, when it is
 * installed (scripts/setup-office.sh), and through a stand-in that hangs, to see it stopped.
 */

/** Whether a process runs (a zombie waiting for a parent to reap it does not). */
function running(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('rubric import of Word documents and disagreeing tables (child process)', function () {
  this.timeout(60000);
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-office-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('reads a .docx 考评表, says the layout, keeps the notes and writes the veto they speak of commented out', () => {
    fs.writeFileSync(path.join(scratch, '党建细则.docx'), fixtureDocx(LAYOUT_FIXTURES[0]));
    const result = rubric(['import', '党建细则.docx', '--locale', 'zh-CN'], scratch);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^表格布局：表1：指标在同一列、按编号分级（一、\/（一）\/1\.）；列名在第 1 行；指标 A，分值 B，评分标准 C$/m);
    assert.match(result.stdout, /^已写入 党建细则\.rubric\.yaml：细则，8 个指标$/m);
    const yaml = fs.readFileSync(path.join(scratch, '党建细则.rubric.yaml'), 'utf8');
    assert.deepEqual(treeLines(draftOfText(yaml).draft.indicators), LAYOUT_FIXTURES[0].tree);
    assert.match(yaml, /^# {3}- \{name: 发生重大安全生产事故, tier: 请填写等次\} {2}# 表1!A17$/m);
    const check = rubric(['check', '党建细则.rubric.yaml'], scratch);
    assert.equal(check.status, 0, check.stdout);
  });

  it('refuses a table whose sums disagree, naming the cells; --allow-errors writes it with the findings at the top', async () => {
    await fixtureWorkbook(DISAGREEING_FIXTURE).xlsx.writeFile(path.join(scratch, 'sums.xlsx'));
    const refused = rubric(['import', 'sums.xlsx'], scratch);
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /^考评表!B12: the 合计 row says 100, the 3 first-level indicators read add up to 95$/m);
    assert.match(refused.stdout, /^考评表!A6: “党组织建设规范化” states 45 points, its 3 items read add up to 40$/m);
    assert.match(refused.stderr, /Nothing written: 2 errors/);
    assert.deepEqual(fs.readdirSync(scratch), ['sums.xlsx']);

    const written = rubric(['import', 'sums.xlsx', '--allow-errors'], scratch);
    assert.equal(written.status, 1);
    const yaml = fs.readFileSync(path.join(scratch, 'sums.rubric.yaml'), 'utf8');
    const top = yaml.split('\n').slice(0, 3);
    assert.deepEqual(top, [
      "# The import found 2 errors: this file's figures disagree with the table; check each against the table, correct, then delete these lines",
      '#   考评表!B12: the 合计 row says 100, the 3 first-level indicators read add up to 95',
      '#   考评表!A6: “党组织建设规范化” states 45 points, its 3 items read add up to 40',
    ]);
  });

  it('--format json: the layout and what was read by cell, the file written, "Wrote" on stderr', () => {
    fs.writeFileSync(path.join(scratch, 'eval.docx'), fixtureDocx(LAYOUT_FIXTURES[2]));
    const result = rubric(['import', 'eval.docx', '--format', 'json', '--locale', 'en'], scratch);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), 'Wrote eval.rubric.yaml: a rubric of 17 indicators');
    const json = JSON.parse(result.stdout);
    assert.equal(json.written, path.join(fs.realpathSync(scratch), 'eval.rubric.yaml'));
    assert.deepEqual([json.kind, json.errors, json.count], ['rubric', 0, 17]);
    assert.equal(json.table.layout.hierarchy, 'level-points');
    assert.deepEqual(json.table.layout.columns, { indicators: ['A', 'C', 'E'], points: ['B', 'D', 'F'], criteria: 'G' });
    assert.deepEqual(json.table.layout.headerRows, [1]);
    const [decision] = json.table.indicators;
    assert.deepEqual(
      [decision.name, decision.cell, decision.points, decision.pointsCell, decision.items[0].pointsCell, decision.items[0].items[1].cell],
      ['决策', 'Table1!A2', '15', 'Table1!B2', 'Table1!D2', 'Table1!E3'],
    );
    assert.deepEqual(decision.items[0].items[0].criteriaCells, ['Table1!G2']);
    assert.equal(json.table.total, null);
    assert.deepEqual(json.table.notes, [{ text: LAYOUT_FIXTURES[2].notes![0].text, cell: 'Table1!A19' }]);
  });

  it('names an .xls, .et or .doc when LibreOffice is not installed, with the packages to install', () => {
    fs.writeFileSync(path.join(scratch, 'old.doc'), 'not really a document');
    const result = rubric(['import', 'old.doc'], scratch, { PATH: path.join(scratch, 'empty-path') });
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /^old\.doc: is an old Word 97–2003 document \(\.doc\), which is read by converting it with LibreOffice, and LibreOffice is not installed: install it \(Debian\/Ubuntu: sudo apt-get install libreoffice-writer;/,
    );
  });

  it('stops a conversion that hangs: the whole process group killed, a clear message, nothing left behind', () => {
    // A stand-in for soffice that never finishes, and a child of its own, as soffice starts soffice.bin.
    const pids = path.join(scratch, 'pids');
    const fake = path.join(scratch, 'soffice');
    fs.writeFileSync(fake, `#!/bin/sh\nsleep 600 &\necho $! >> ${pids}\necho $$ >> ${pids}\nwait\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(scratch, 'hangs.xls'), 'whatever');
    const tmpBefore = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('rubric-convert-'));
    const result = rubric(['import', 'hangs.xls'], scratch, { RUBRIC_SOFFICE: fake, RUBRIC_CONVERT_TIMEOUT: '2' });
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /^hangs\.xls: could not be converted: LibreOffice had not finished after 2 s and was stopped \(RUBRIC_CONVERT_TIMEOUT sets the limit\)/,
    );
    for (const pid of fs.readFileSync(pids, 'utf8').trim().split('\n').map(Number)) assert.ok(!running(pid), `process ${pid} is gone`);
    assert.deepEqual(
      fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('rubric-convert-')),
      tmpBefore,
      'the conversion folder is removed',
    );
    assert.deepEqual(fs.readdirSync(scratch).sort(), ['hangs.xls', 'pids', 'soffice']);
  });
});

describe('rubric import of .xls, .et and .doc through LibreOffice (real soffice)', function () {
  this.timeout(600000);
  let scratch: string;
  let profile: string;

  before(function () {
    if (process.env.RUBRIC_SKIP_OFFICE === '1') this.skip();
    if (!has('soffice')) {
      const setup = spawnSync('bash', [path.join(ROOT, 'scripts/setup-office.sh')], { encoding: 'utf8', timeout: 900000 });
      assert.equal(setup.status, 0, `scripts/setup-office.sh failed (RUBRIC_SKIP_OFFICE=1 skips): ${setup.stderr}`);
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-office-real-'));
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-soffice-'));
  });
  after(() => {
    for (const folder of [scratch, profile]) if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Saves a file in another format with LibreOffice, as an office's old copy would be. */
  function saveAs(file: string, format: 'xls' | 'doc' | 'odt'): string {
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', scratch, file],
      { encoding: 'utf8', timeout: 240000 },
    );
    const out = file.replace(/\.[^.]+$/, `.${format}`);
    // LibreOffice without Writer (libreoffice-calc alone) cannot open a Word document: scripts/setup-office.sh installs both.
    assert.ok(fs.existsSync(out), `soffice made no .${format}: ${converted.stdout} ${converted.stderr}`);
    return out;
  }

  it('an .xls and the same file as WPS .et are converted and read to the same tree', async () => {
    const fixture = LAYOUT_FIXTURES[2];
    const xlsx = path.join(scratch, 'eval.xlsx');
    await fixtureWorkbook(fixture).xlsx.writeFile(xlsx);
    const xls = saveAs(xlsx, 'xls');
    fs.rmSync(xlsx);
    fs.copyFileSync(xls, path.join(scratch, 'eval-wps.et'));
    for (const file of ['eval.xls', 'eval-wps.et']) {
      const result = rubric(['import', file], scratch);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, new RegExp(`^${file.replace('.', '\\.')}: converted from \\.(xls|et) with LibreOffice$`, 'm'));
      const yaml = fs.readFileSync(path.join(scratch, file.replace(/\.(xls|et)$/, '.rubric.yaml')), 'utf8');
      assert.deepEqual(treeLines(draftOfText(yaml).draft.indicators), fixture.tree);
    }
  });

  it('a .doc is converted and its first 考评表 table read', () => {
    const fixture = LAYOUT_FIXTURES[4];
    const docx = path.join(scratch, 'archives.docx');
    fs.writeFileSync(docx, fixtureDocx(fixture));
    // Through OpenDocument: LibreOffice 7.4 writes the table of this minimal .docx into a .doc as plain paragraphs.
    const odt = saveAs(docx, 'odt');
    saveAs(odt, 'doc');
    fs.rmSync(docx);
    fs.rmSync(odt);
    const result = rubric(['import', 'archives.doc', '--locale', 'zh-CN'], scratch);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^archives\.doc：已用 LibreOffice 从 \.doc 转换$/m);
    const yaml = fs.readFileSync(path.join(scratch, 'archives.rubric.yaml'), 'utf8');
    assert.deepEqual(treeLines(draftOfText(yaml).draft.indicators), fixture.tree);
  });
});
