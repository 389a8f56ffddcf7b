import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rubric } from '../support/cli';

/**
 * Two groups ranked apart (分序列); 优秀 25% of each group's N (4 × 25% = 1; 2 × 25% = 0.5 → 1),
 * at least 80 points; a veto forces 不合格. 安全生产 is scored by deduction: 40 − 5 per accident.
 */
const RUBRIC_TEXT = `rubric: 安全生产考评
subjects:
  groups:
    - {id: towns, name: 乡镇, members: [甲镇, 乙镇, 丙镇, 丁镇]}
    - {id: depts, name: 部门, members: [林业局, 水利局]}
indicators:
  - {id: work, name: 工作实绩, weight: 60}
  - {id: safety, name: 安全生产, weight: 40, scoring: {deduct: 5, per: 每起事故}}
veto:
  - {id: accident, name: 发生重大事故, tier: poor}
tiers:
  - {id: good, name: 优秀, quota: {exactly: 25%}, min_score: 80}
  - {id: fair, name: 合格}
  - {id: poor, name: 不合格}
`;

// Totals by hand (安全生产 40 unless deducted):
//   甲镇 55 + 40 = 95; 乙镇 50 + (40 − 5 × 2) = 80; 丙镇 58 + 40 = 98 (vetoed); 丁镇 30 + 40 = 70
//   林业局 52.5 + 40 = 92.5; 水利局 41 + (40 − 5 × 1) = 76
// 乡镇: ranks 丙镇 1, 甲镇 2, 乙镇 3, 丁镇 4; 丙镇 is forced to 不合格, so the one 优秀 slot goes to
// 甲镇 (95 ≥ 80); the rest 合格. 部门: 林业局 1 (优秀), 水利局 2 (合格).
const SCORES_TEXT = `rubric: safety.rubric.yaml
scores:
  - {subject: 甲镇, points: {work: 55}}
  - {subject: 乙镇, points: {work: 50}, deductions: {safety: 2}}
  - {subject: 丙镇, points: {work: 58}, veto: [accident]}
  - {subject: 丁镇, points: {work: 30}}
  - {subject: 林业局, points: {work: 52.5}}
  - {subject: 水利局, points: {work: 41}, deductions: {safety: 1}}
`;

interface Row {
  subject: string;
  group: string | null;
  total: number | null;
  rank: number | null;
  tier: string | null;
  margin: { up?: number; down?: number };
  vetoes: string[];
  tied: boolean;
}

describe('rubric rank (child process)', function () {
  this.timeout(30000);
  let scratch: string;
  const write = (name: string, content: string) => {
    const file = path.join(scratch, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  before(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-rank-')));
    write('work/safety.rubric.yaml', RUBRIC_TEXT);
    write('work/2023.scores.yaml', SCORES_TEXT);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('gives the JSON of the contract: file, rubric, rows with a numeric total and the tier id, diagnostics', () => {
    const result = rubric(['rank', '--format', 'json', 'work/2023.scores.yaml'], scratch);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { file: string; rubric: string; rows: Row[]; diagnostics: unknown[] };
    assert.deepEqual(Object.keys(json), ['file', 'rubric', 'rows', 'diagnostics']);
    assert.equal(json.file, 'work/2023.scores.yaml');
    assert.equal(json.rubric, 'work/safety.rubric.yaml');
    assert.deepEqual(json.diagnostics, []);
    const brief = json.rows.map((r) => [r.group, r.subject, r.total, r.rank, r.tier]);
    assert.deepEqual(brief, [
      ['towns', '丙镇', 98, 1, 'poor'],
      ['towns', '甲镇', 95, 2, 'good'],
      ['towns', '乙镇', 80, 3, 'fair'],
      ['towns', '丁镇', 70, 4, 'fair'],
      ['depts', '林业局', 92.5, 1, 'good'],
      ['depts', '水利局', 76, 2, 'fair'],
    ]);
    assert.equal(typeof json.rows[0].total, 'number');
    assert.deepEqual(json.rows[0].vetoes, ['accident']);
    assert.ok(json.rows.every((r) => r.tied === false));
    // 甲镇 holds 优秀 and 乙镇 is below it: the one can lose points before dropping, the other lacks some to rise.
    assert.ok(json.rows[1].margin.down! > 0 && json.rows[1].margin.up === undefined);
    assert.ok(json.rows[2].margin.up! > 0);
  });

  it('prints a table per group, aligned for CJK names, with the tier counts against the quota', () => {
    const result = rubric(['rank', 'work/2023.scores.yaml'], scratch);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'work/2023.scores.yaml — 安全生产考评 (work/safety.rubric.yaml)');
    const towns = lines.indexOf('乡镇');
    const depts = lines.indexOf('部门');
    assert.ok(towns > 0 && depts > towns, result.stdout);
    assert.match(lines[towns + 1], /^rank {2}subject {2}total {2}tier/);
    assert.match(lines[towns + 2], /^ {3}1 {2}丙镇 {8}98 {2}不合格 .*vetoed \(发生重大事故\)$/);
    assert.match(lines[towns + 3], /^ {3}2 {2}甲镇 {8}95 {2}优秀 /);
    // The totals end in one column: 丙镇 and 林业局 take 4 and 6 terminal columns.
    const totalEnd = (line: string, total: string) => columns(line.slice(0, line.indexOf(total) + total.length));
    assert.equal(totalEnd(lines[towns + 2], '98'), totalEnd(lines[towns + 1], 'total'));
    assert.equal(totalEnd(lines[depts + 2], '92.5'), totalEnd(lines[depts + 1], 'total'));
    // 乡镇: 1 优秀 of its 1 slot; 合格 and 不合格 have no quota of their own.
    assert.ok(lines.includes('优秀 1/1 · 合格 2 · 不合格 1'), result.stdout);
    assert.match(result.stdout, /^1 file checked: 0 errors, 0 warnings$/m);
  });

  it('speaks Chinese with --locale zh-CN', () => {
    const result = rubric(['rank', '--locale', 'zh-CN', 'work/2023.scores.yaml'], scratch);
    assert.match(result.stdout, /^名次 {2}考核对象 {2}总分 {2}等次/m);
    assert.match(result.stdout, /一票否决（发生重大事故）/);
    assert.match(result.stdout, /已检查 1 个文件：0 个错误，0 个警告/);
    assert.match(rubric(['--help', '--locale', 'zh-CN'], scratch).stdout, /rubric rank .*文件\.scores\.yaml/);
    assert.match(rubric(['--help'], scratch).stdout, /rubric rank \[--format text\|json\]/);
  });

  it('exits 1 with rubric-not-found, and no rows, when the rubric path climbs out of the current folder', () => {
    write('work/escape.scores.yaml', 'rubric: ../../etc/passwd\nscores:\n  - {subject: 甲镇, points: {work: 55}}\n');
    const result = rubric(['rank', '--format', 'json', 'work/escape.scores.yaml'], scratch);
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(result.stdout) as { rubric: string | null; rows: Row[]; diagnostics: { code: string; message: string }[] };
    assert.equal(json.rubric, null);
    assert.ok(json.rows.every((r) => r.tier === null));
    const codes = json.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('rubric-not-found'), codes.join());
    assert.match(json.diagnostics.find((d) => d.code === 'rubric-not-found')!.message, /outside the workspace folder/);
    const zh = rubric(['rank', '--locale', 'zh-CN', 'work/escape.scores.yaml'], scratch);
    assert.equal(zh.status, 1);
    assert.match(zh.stdout, /在工作区文件夹之外/);
    assert.match(zh.stdout, /未找到考核细则，无法排名/);
  });

  it('exits 1 on a score above the weight, 0 on warnings only', () => {
    write('work/over.scores.yaml', SCORES_TEXT.replace('work: 55', 'work: 65'));
    const over = rubric(['rank', '--format', 'json', 'work/over.scores.yaml'], scratch);
    assert.equal(over.status, 1);
    assert.ok((JSON.parse(over.stdout) as { diagnostics: { code: string }[] }).diagnostics.some((d) => d.code === 'score-out-of-range'));
    // A subject left out is a warning (missing-score): still exit 0.
    write('work/short.scores.yaml', SCORES_TEXT.replace(/ {2}- \{subject: 丁镇.*\n/, ''));
    const short = rubric(['rank', '--format', 'json', 'work/short.scores.yaml'], scratch);
    const diagnostics = (JSON.parse(short.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity !== 'error'), JSON.stringify(diagnostics));
    assert.equal(short.status, 0);
  });

  it('exits 2 for a missing file, a file that is not a scoresheet, two files and a bad format', () => {
    const missing = rubric(['rank', 'work/none.scores.yaml'], scratch);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /work\/none\.scores\.yaml: cannot read: no such file/);
    const notSheet = rubric(['rank', 'work/safety.rubric.yaml'], scratch);
    assert.equal(notSheet.status, 2);
    assert.match(notSheet.stderr, /this is a rubric, not a scoresheet: rank takes a scoresheet/);
    assert.equal(rubric(['rank', 'work/2023.scores.yaml', 'work/2023.scores.yaml'], scratch).status, 2);
    const format = rubric(['rank', '--format', 'sarif', 'work/2023.scores.yaml'], scratch);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format must be text or json/);
  });

  it('check searches folders for scoresheets too, and reports their findings with the rubrics', () => {
    write('folder/a.rubric.yaml', RUBRIC_TEXT);
    write('folder/a.scores.yaml', SCORES_TEXT.replace('safety.rubric.yaml', 'a.rubric.yaml').replace('work: 55', 'work: 65'));
    const result = rubric(['check', '--format', 'json', 'folder'], scratch);
    assert.equal(result.status, 1);
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(
      reports.map((r) => [r.file, r.diagnostics.map((d) => d.code)]),
      [
        ['folder/a.rubric.yaml', []],
        ['folder/a.scores.yaml', ['score-out-of-range']],
      ],
    );
  });
});

/** Terminal columns (CJK characters two). */
function columns(value: string): number {
  return [...value].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
}
