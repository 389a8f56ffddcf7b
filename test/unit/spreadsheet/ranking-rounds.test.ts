import { strict as assert } from 'assert';
import type { RankingRow, RankingTable } from 'rubric-studio-server';
import { buildRankingWorkbook } from 'rubric-studio-server/out/spreadsheet/ranking-workbook';

const row = (subject: string, total: string, rank: number, extra: Partial<RankingRow>): RankingRow => ({
  subject,
  total,
  rank,
  tier: null,
  vetoes: [],
  tiedAtBoundary: false,
  margin: {},
  ...extra,
});

/** A quarter from two months, against last month's result. */
const TABLE: RankingTable = {
  title: '季度考核',
  outOf: '100',
  tiers: [],
  groups: [
    {
      counts: [],
      rows: [
        row('文峰', '94.87', 1, { previousRank: 2, roundTotals: ['94.78', '94.9'], roundRanks: [2, 2] }),
        row('中兴', '94.77', 2, { previousRank: 1, roundTotals: ['94.91', null], roundRanks: [1, null] }),
        row('城东', '90.5', 3, { previousRank: null, roundTotals: ['90.61', '90.65'], roundRanks: [3, 3] }),
      ],
    },
  ],
  rounds: [
    { indicator: 'months', indicatorName: '月度', path: '07.scores.yaml', label: '2017-07' },
    { indicator: 'months', indicatorName: '月度', path: '08.scores.yaml', label: '2017-08' },
  ],
  errors: 0,
  warnings: 0,
};

describe('ranking workbook with rounds and a previous result', () => {
  it('a change column after the rank and a column per round after the subject, figures as numbers', () => {
    const sheet = buildRankingWorkbook(TABLE, { locale: 'zh-CN', scoresheet: 'q3.scores.yaml' }).getWorksheet('排名')!;
    const cells = (r: number) => Array.from({ length: 7 }, (_, c) => sheet.getCell(r, c + 1).value);
    assert.deepEqual(cells(4), ['名次', '名次变化', '考核对象', '2017-07', '2017-08', '总分', '等次']);
    assert.deepEqual(cells(5), [1, '↑1', '文峰', 94.78, 94.9, 94.87, '']);
    // No total in a round: an empty cell, never 0.
    assert.deepEqual(cells(6), [2, '↓1', '中兴', 94.91, '', 94.77, '']);
    assert.deepEqual(cells(7), [3, '新', '城东', 90.61, 90.65, 90.5, '']);
  });

  it('without them, the columns of before', () => {
    const plain: RankingTable = { ...TABLE, rounds: undefined, groups: [{ counts: [], rows: [row('文峰', '94.87', 1, {})] }] };
    const sheet = buildRankingWorkbook(plain, { locale: 'en', scoresheet: 'q3.scores.yaml' }).getWorksheet(1)!;
    assert.deepEqual(
      Array.from({ length: 4 }, (_, c) => sheet.getCell(4, c + 1).value),
      ['Rank', 'Subject', 'Total', 'Tier'],
    );
  });
});
