import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, RUBRIC, rubric } from '../support/cli';

const BROKEN = path.join(ROOT, 'samples/broken');
const VALID = fs
  .readdirSync(path.join(ROOT, 'samples'))
  .filter((f) => f.endsWith('.rubric.yaml'))
  .map((f) => `samples/${f}`);

describe('rubric command line (child process)', function () {
  // Each test starts Node processes; on a loaded machine one can take seconds.
  this.timeout(30000);
  let scratch: string;
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-cli-'));
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('checks the valid samples: exit 0, no findings', () => {
    assert.ok(VALID.length >= 3);
    const result = rubric(['check', ...VALID]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`^${VALID.length} files checked: 0 errors, 0 warnings$`, 'm'));
  });

  it('reports every broken sample, rubric or scoresheet, with the code it is named for, and exits 1', () => {
    const result = rubric(['check', '--format', 'json', 'samples/broken']);
    assert.equal(result.status, 1);
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string }[] }[];
    // Rubrics and scoresheets alike: a folder is searched for both.
    const files = fs.readdirSync(BROKEN).filter((f) => /\.(rubric|scores)\.yaml$/.test(f));
    assert.ok(files.some((f) => f.endsWith('.scores.yaml')));
    assert.equal(reports.length, files.length);
    for (const report of reports) {
      const code = path.basename(report.file).replace(/\.(rubric|scores)\.yaml$/, '');
      assert.deepEqual([...new Set(report.diagnostics.map((d) => d.code))], [code], report.file);
    }
  });

  it('prints file:line:col: severity code: message in text mode', () => {
    const result = rubric(['check', 'samples/broken/weights-sum.rubric.yaml']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^samples\/broken\/weights-sum\.rubric\.yaml:10:1: error weights-sum: Top-level weights add up to 95, not 100: 5 missing$/m);
  });

  it('gives the JSON shape of the contract with LSP positions', () => {
    const result = rubric(['check', '--format', 'json', 'samples/broken/children-sum.rubric.yaml']);
    const [report] = JSON.parse(result.stdout);
    assert.equal(report.file, 'samples/broken/children-sum.rubric.yaml');
    const [diagnostic] = report.diagnostics;
    assert.deepEqual(Object.keys(diagnostic).sort(), ['code', 'message', 'range', 'severity']);
    assert.equal(diagnostic.severity, 'error');
    assert.deepEqual(Object.keys(diagnostic.range.start).sort(), ['character', 'line']);
    assert.equal(diagnostic.range.start.line, 12);
  });

  it('speaks Chinese with --locale zh-CN or a zh LANG', () => {
    const byOption = rubric(['check', '--locale', 'zh-CN', 'samples/broken/weights-sum.rubric.yaml']);
    // The severity word stays English for CI matchers; the message is Chinese.
    assert.match(byOption.stdout, /:10:1: error weights-sum: 一级指标分值合计 95，应为 100：还差 5/);
    assert.match(byOption.stdout, /已检查 1 个文件：1 个错误，0 个警告/);
    const byEnv = rubric(['check', 'samples/broken/weights-sum.rubric.yaml'], ROOT, { LANG: 'zh_CN.UTF-8' });
    assert.match(byEnv.stdout, /一级指标分值合计/);
  });

  it('exits 2 with a clear message for a missing file, and still checks the others', () => {
    const result = rubric(['check', 'no/such.rubric.yaml', VALID[0]]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no\/such\.rubric\.yaml: cannot read: no such file or folder/);
    assert.match(result.stdout, /1 file checked/);
  });

  it('checks a folder whose files write numbers with a plus sign (+100, a score +15), every file reported', () => {
    const folder = path.join(scratch, 'signed');
    fs.mkdirSync(folder);
    const rubricText = 'rubric: T\nsubjects: [甲]\nindicators:\n  - {id: a, name: A, weight: +100}\ntiers:\n  - {id: x, name: X}\n';
    fs.writeFileSync(path.join(folder, 'plus.rubric.yaml'), rubricText);
    fs.writeFileSync(path.join(folder, 'plus.scores.yaml'), 'rubric: plus.rubric.yaml\nscores:\n  - subject: 甲\n    points: {a: +15}\n');
    fs.writeFileSync(path.join(folder, 'other.rubric.yaml'), rubricText.replace('+100', '90'));
    const result = rubric(['check', '--format', 'json', folder], folder);
    assert.equal(result.status, 1, result.stderr);
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string }[] }[];
    const codes = Object.fromEntries(reports.map((r) => [path.basename(r.file), r.diagnostics.map((d) => d.code)]));
    assert.deepEqual(codes, { 'other.rubric.yaml': ['weights-sum'], 'plus.rubric.yaml': [], 'plus.scores.yaml': [] });
    const ranked = rubric(['rank', '--format', 'json', path.join(folder, 'plus.scores.yaml')], folder);
    assert.equal(ranked.status, 0, ranked.stderr);
    assert.equal((JSON.parse(ranked.stdout) as { rows: { total: number }[] }).rows[0].total, 15);
  });

  it('exits 2 for a file that is not UTF-8 and says to save it as UTF-8', () => {
    const gbk = path.join(scratch, 'gbk.rubric.yaml');
    fs.writeFileSync(gbk, Buffer.from([0x72, 0x75, 0x62, 0x72, 0x69, 0x63, 0x3a, 0x20, 0xbf, 0xbc, 0xba, 0xcb, 0x0a])); // "rubric: 考核" in GBK
    const result = rubric(['check', gbk]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is not UTF-8 text .*save it as UTF-8/);
    const json = rubric(['check', '--format', 'json', gbk]);
    assert.equal(json.status, 2);
    const [report] = JSON.parse(json.stdout);
    assert.deepEqual(report.diagnostics, []);
    assert.match(report.error, /not UTF-8/);
  });

  it('reads a file behind a BOM with CRLF lines, at the columns editors show', () => {
    const file = path.join(scratch, 'bom.rubric.yaml');
    const body = ['rubric: 考评表', 'indicators:', '  - {name: 甲, weight: 30}', 'tiers: [{name: 优秀}]', ''].join('\r\n');
    fs.writeFileSync(file, '\uFEFF' + body, 'utf8');
    const result = rubric(['check', '--format', 'json', file]);
    assert.equal(result.status, 1);
    const [report] = JSON.parse(result.stdout);
    assert.deepEqual(
      report.diagnostics.map((d: { code: string; range: unknown }) => [d.code, d.range]),
      [['weights-sum', { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }]],
    );
  });

  it('exits 2 on bad usage', () => {
    assert.equal(rubric(['check']).status, 2);
    assert.equal(rubric(['frobnicate', 'x']).status, 2);
    assert.equal(rubric(['check', '--format', 'xml', VALID[0]]).status, 2);
    assert.equal(rubric(['check', '--bogus', VALID[0]]).status, 2);
    assert.equal(rubric(['simulate', '--range', '9..3', VALID[0]]).status, 2);
  });

  it('explains both commands in --help', () => {
    const result = rubric(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /rubric check/);
    assert.match(result.stdout, /rubric simulate/);
    assert.match(rubric(['--help', '--locale', 'zh-CN']).stdout, /模拟等次名额/);
  });

  describe('simulate', () => {
    const forest = 'samples/forest-chief-2022.rubric.yaml';

    it("gives the seed case for the rubric's own N: 优秀 3 · 良好 5 · 一般 2", () => {
      const result = rubric(['simulate', '--format', 'json', forest]);
      assert.equal(result.status, 0, result.stderr);
      const output = JSON.parse(result.stdout);
      assert.equal(output.file, forest);
      assert.equal(output.rows.length, 1);
      const [row] = output.rows;
      assert.equal(row.subjects, 10);
      assert.deepEqual(
        row.tiers.map((t: { id: string; name: string; min: number; max: number; share: number }) => [t.id, t.name, t.min, t.max, t.share]),
        [
          ['excellent', '优秀', 3, 3, 0.3],
          ['good', '良好', 5, 5, 0.5],
          ['average', '一般', 2, 2, 0.2],
        ],
      );
      assert.deepEqual(row.warnings, []);
    });

    it('simulates a --range, one row per N, and flags where rounding breaks the rule', () => {
      const file = path.join(scratch, 'cap.rubric.yaml');
      fs.writeFileSync(file, 'rubric: cap\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: top, quota: {max: 30%}}\n  - {name: rest}\n');
      const output = JSON.parse(rubric(['simulate', '--range', '14..16', '--format', 'json', file]).stdout);
      assert.deepEqual(
        output.rows.map((r: { subjects: number }) => r.subjects),
        [14, 15, 16],
      );
      assert.deepEqual(
        output.rows.map((r: { tiers: { max: number }[] }) => r.tiers[0].max),
        [4, 5, 5],
      );
      assert.deepEqual(
        output.rows.map((r: { warnings: string[] }) => r.warnings),
        [[], ['quota-rounding'], ['quota-rounding']],
      );
    });

    it('prints one block per group (分序列) at its own N, and JSON rows name their group', () => {
      const file = path.join(scratch, 'groups.rubric.yaml');
      fs.writeFileSync(
        file,
        'rubric: g\nsubjects:\n  groups:\n    - {id: towns, name: 乡镇序列, count: 10}\n    - {id: depts, name: 部门序列, count: 20}\n' +
          'indicators: [{name: a, weight: 100}]\ntiers:\n  - {id: top, name: 优秀, quota: {exactly: 30%}}\n  - {id: rest, name: 其他}\n',
      );
      const text = rubric(['simulate', file]);
      assert.equal(text.status, 0, text.stderr);
      // 10 × 30% = 3, the rest 7; 20 × 30% = 6, the rest 14.
      assert.match(text.stdout, /乡镇序列\n\s*N\s+优秀\s+其他[^\n]*\n\s*10\s+3 \(30%\)\s+7 \(70%\)/);
      assert.match(text.stdout, /部门序列\n\s*N\s+优秀\s+其他[^\n]*\n\s*20\s+6 \(30%\)\s+14 \(70%\)/);
      const json = JSON.parse(rubric(['simulate', '--format', 'json', file]).stdout);
      assert.deepEqual(
        json.rows.map((r: { group: { id: string }; subjects: number }) => [r.group.id, r.subjects]),
        [
          ['towns', 10],
          ['depts', 20],
        ],
      );
    });

    it('prints a text table with --subjects', () => {
      const result = rubric(['simulate', '--subjects', '20', forest]);
      assert.equal(result.status, 0);
      assert.match(result.stdout, /20\s+6 \(30%\)\s+10 \(50%\)\s+4 \(20%\)/);
    });

    it('asks for N when the rubric does not state it', () => {
      const file = path.join(scratch, 'no-n.rubric.yaml');
      fs.writeFileSync(file, 'rubric: x\nindicators: [{name: a, weight: 100}]\ntiers: [{name: t}]\n');
      const result = rubric(['simulate', file]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--subjects N or --range A\.\.B/);
    });

    it('exits 2 for a missing file', () => {
      const result = rubric(['simulate', 'missing.rubric.yaml']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot read/);
    });
  });
  it('ends quietly when the reader closes the pipe early (rubric check … | head)', async () => {
    // Enough output to outlast the pipe's buffer: the broken samples' findings, fifty times over.
    const args = ['check', ...Array.from({ length: 50 }, () => 'samples/broken')];
    const child = spawn(process.execPath, [RUBRIC, ...args], { cwd: ROOT, env: { ...process.env, LANG: 'C.UTF-8' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    assert.equal(signal, null);
    assert.doesNotMatch(stderr, /EPIPE|Error:|at /);
    // Whatever the run had reached when its reader left: never a crash's stack trace.
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
  });
});
