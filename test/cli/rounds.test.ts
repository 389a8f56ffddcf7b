import { strict as assert } from 'assert';
import * as path from 'path';
import { ROOT, rubric as rubricIn } from '../support/cli';

const SAMPLES = path.join(ROOT, 'samples/rounds');

/** `rubric …` in samples/rounds (the workspace its sheets must stay in). */
const rubric = (args: string[]) => rubricIn(args, SAMPLES);

interface Row {
  subject: string;
  total: number | null;
  rank: number | null;
  tier: string | null;
  previous_rank?: number | null;
  round_totals?: (number | null)[];
  round_ranks?: (number | null)[];
}

function rankJson(file: string): { rows: Row[]; rounds?: { indicator: string; label: string; path: string }[]; diagnostics: { code: string }[] } {
  const run = rubric(['rank', '--format', 'json', file]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('rubric rank of rounds (samples/rounds, child process)', function () {
  this.timeout(60000);

  it('南通 2017年8月: the published totals from the published parts (40% / 40% / 20%)', () => {
    const { rows, diagnostics } = rankJson('nantong-2017-08.scores.yaml');
    assert.deepEqual(diagnostics, []);
    // 中兴 95.65 × 0.4 + 93.73 × 0.4 + 95.80 × 0.2 = 38.26 + 37.492 + 19.16 = 94.912 → 94.91 (published 94.91, 1st).
    // 金沙 95.53 × 0.4 + 91.01 × 0.4 + 91.60 × 0.2 = 92.936 → 92.94 (published 92.93: its parts were rounded for print).
    // 新开 94.308 and 钟秀 94.31 both 94.31: one rank, 4 (published 4 and 5); 小海 then 6th.
    // 城东 96.92 × 0.4 + 83.68 × 0.4 + 92.05 × 0.2 = 90.65 (the published figure is cut at "90.").
    const published = [
      ['中兴街道', 94.91, 1],
      ['文峰街道', 94.9, 2],
      ['港闸开发区', 94.46, 3],
      ['新开街道', 94.31, 4],
      ['钟秀街道', 94.31, 4],
      ['小海街道', 94.19, 6],
      ['秦灶街道', 94.14, 7],
      ['陈桥街道', 94.08, 8],
      ['幸福街道', 93.88, 9],
      ['唐闸镇街道', 93.51, 10],
      ['狼山镇街道', 93.11, 11],
      ['金沙街道', 92.94, 12],
      ['金新街道', 92.48, 13],
      ['虹桥街道', 91.83, 14],
      ['任港街道', 91.28, 15],
      ['和平桥街道', 91.2, 16],
      ['竹行街道', 91.14, 17],
      ['新城桥街道', 91.1, 18],
      ['学田街道', 90.74, 19],
      ['城东街道', 90.65, 20],
    ];
    assert.deepEqual(
      rows.map((r) => [r.subject, r.total, r.rank]),
      published,
    );
  });

  it('a quarter from three months: the mean of each month’s total, the months’ columns, the change against August', () => {
    const { rows, rounds, diagnostics } = rankJson('nantong-2017-q3.scores.yaml');
    assert.deepEqual(
      rounds?.map((r) => r.label),
      ['nantong-2017-07', 'nantong-2017-08', 'nantong-2017-09'],
    );
    // 20 streets × 20% = 4 at most (max), above the target 20 × 15% = 3: said, not enforced.
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['quota-above-target'],
    );
    const row = (name: string) => rows.find((r) => r.subject === name)!;
    // 文峰: (94.78 + 94.90 + 94.94) / 3 = 284.62 / 3 = 94.8733… → 94.87, 1st (2nd in August: ↑1).
    assert.deepEqual(row('文峰街道'), {
      ...row('文峰街道'),
      total: 94.87,
      rank: 1,
      tier: 'excellent',
      previous_rank: 2,
      round_totals: [94.78, 94.9, 94.94],
      round_ranks: [2, 2, 1],
    });
    // 中兴: (94.91 + 94.91 + 94.50) / 3 = 284.32 / 3 = 94.7733… → 94.77, 2nd (1st in August).
    assert.deepEqual([row('中兴街道').total, row('中兴街道').rank, row('中兴街道').previous_rank], [94.77, 2, 1]);
    // Four 优秀 (20% of 20), the rest 良好.
    assert.equal(rows.filter((r) => r.tier === 'excellent').length, 4);
  });

  it('rank --help names every key the JSON of rounds and previous: holds, in both languages', () => {
    const json = JSON.parse(rubric(['rank', '--format', 'json', 'nantong-2017-q3.scores.yaml']).stdout);
    const keys = [...Object.keys(json), ...Object.keys(json.rows[0]), ...Object.keys(json.rounds[0])];
    for (const locale of ['en', 'zh-CN']) {
      const help = rubric(['rank', '--help', '--locale', locale]).stdout;
      assert.deepEqual(
        keys.filter((key) => !help.includes(key)),
        [],
        `keys missing from the ${locale} help`,
      );
    }
  });

  it('公务员 style year: four quarters’ mean × 95% + the leaders’ 5, 优秀 within 25% of N rounded down, the recruit ranked without a tier', () => {
    const { rows, diagnostics } = rankJson('staff-2023.scores.yaml');
    const row = (name: string) => rows.find((r) => r.subject === name)!;
    // 陈静: (93.5 + 94 + 94 + 95) / 4 = 94.125 × 0.95 = 89.41875 + 4.9 = 94.31875 → 94.32, 1st.
    assert.deepEqual([row('陈静').total, row('陈静').rank, row('陈静').tier, row('陈静').round_totals], [94.32, 1, 'excellent', [93.5, 94, 94, 95]]);
    // 王立: (94 + 94.5 + 92.5 + 93.5) / 4 = 93.625 × 0.95 = 88.94375 + 4.8 = 93.74375 → 93.74, 2nd.
    assert.deepEqual([row('王立').total, row('王立').rank, row('王立').tier], [93.74, 2, 'excellent']);
    // N = 9 (吴昊 on probation is not counted): 25% × 9 = 2.25 → 2 优秀; 张敏 3rd is 称职.
    assert.equal(row('张敏').tier, 'competent');
    // 吴昊: (82.5 + 84 + 83 + 82.5) / 4 = 83 × 0.95 = 78.85 + 4.2 = 83.05: ranked 10th, no tier.
    assert.deepEqual([row('吴昊').total, row('吴昊').rank, row('吴昊').tier], [83.05, 10, null]);
    // 2 of 9 is above the target 9 × 20% = 1.8: an info, the exit code stays 0.
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['quota-above-target'],
    );
  });

  it('the text table: a column per round with its total and rank there, and the change against previous:', () => {
    const run = rubric(['rank', '--locale', 'zh-CN', 'nantong-2017-q3.scores.yaml']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[1], /^名次 {2}名次变化 {2}考核对象 +nantong-2017-07 {2}nantong-2017-08 {2}nantong-2017-09 +总分/);
    assert.match(lines[2], /^ {3}1 {2}↑1 +文峰街道 +94\.78 \(2\) +94\.9 \(2\) +94\.94 \(1\) +94\.87 {2}优秀/);
    assert.ok(lines.includes('各轮次：该轮总分（该轮名次）；名次变化：与上期结果相比'));
  });
});
