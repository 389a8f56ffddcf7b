import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rubric } from '../support/cli';
import { MEASURED_RUBRIC, MEASURED_SHEET } from '../support/measured';

/**
 * `rubric rank --detail`: each subject's points per scored indicator as they count in the total,
 * on the measured sheet worked by hand in test/unit/measured-points.test.ts.
 */
describe('rubric rank --detail (child process)', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-detail-'));
    fs.writeFileSync(path.join(dir, 'measured.rubric.yaml'), MEASURED_RUBRIC);
    fs.writeFileSync(path.join(dir, 'towns.scores.yaml'), MEASURED_SHEET);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('JSON rows gain points per indicator: formulas worked out, out_of scaled, deductions taken, null where it does not apply', () => {
    const result = rubric(['rank', '--detail', '--format', 'json', 'towns.scores.yaml'], dir);
    assert.equal(result.status, 0, result.stderr);
    const rows = (JSON.parse(result.stdout) as { rows: { subject: string; total: number; points: Record<string, number | null> }[] }).rows;
    assert.deepEqual(
      rows.map((r) => [r.subject, r.total, r.points]),
      [
        // 横水镇: 24 + 20 + 6 + 70 × 30 / 100 + (10 − 2 − 1) = 78
        ['横水镇', 78, { water: 24, satisfaction: 20, forest: 6, review: 21, safety: 7 }],
        // 古绛镇: 19.2 + 17.5 + 8 + 26.4 + 3 = 74.1
        ['古绛镇', 74.1, { water: 19.2, satisfaction: 17.5, forest: 8, review: 26.4, safety: 3 }],
        // 卫庄镇: water does not apply; 50 over 70 → 71.43
        ['卫庄镇', 71.43, { water: null, satisfaction: 0, forest: 10, review: 30, safety: 10 }],
      ],
    );
  });

  it('without --detail the rows are as before (no points key)', () => {
    const result = rubric(['rank', '--format', 'json', 'towns.scores.yaml'], dir);
    const rows = (JSON.parse(result.stdout) as { rows: Record<string, unknown>[] }).rows;
    assert.ok(rows.every((r) => !('points' in r)));
  });

  it('text: one line per subject in ranking order, in both languages', () => {
    const en = rubric(['rank', '--detail', 'towns.scores.yaml'], dir);
    assert.match(
      en.stdout,
      /\nPoints per indicator, as they count in the total\n横水镇: water 24 · satisfaction 20 · forest 6 · review 21 · safety 7\n古绛镇: water 19\.2 · /,
    );
    assert.match(en.stdout, /\n卫庄镇: water — · satisfaction 0 · forest 10 · review 30 · safety 10\n/);
    const zh = rubric(['rank', '--detail', '--locale', 'zh-CN', 'towns.scores.yaml'], dir);
    assert.match(zh.stdout, /\n各指标计入总分的得分\n横水镇：water 24 · /);
  });
});
