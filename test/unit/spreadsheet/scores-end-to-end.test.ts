import { strict as assert } from 'assert';
import { importScores } from 'rubric-studio-server/out/spreadsheet/import-scores';
import { buildRankingWorkbook } from 'rubric-studio-server/out/spreadsheet/ranking-workbook';
import { buildScoringTemplate, templateMetaOf } from 'rubric-studio-server/out/spreadsheet/scoring-template';
import { rankingTable } from 'rubric-studio-server/out/core/scoresheet/services/ranking';
import { analyze, core } from '../../support/rubric-core';
import * as fs from 'fs';
import * as path from 'path';
import { draftOfText, ROOT, roundTripBytes, sampleText } from '../../support/sheets';

/**
 * The forest-chief sample's scores typed into the scoring template as a scorer would (a
 * deduction-scored leaf as the points left: 林木采伐监管 with one case is 12 − 2 × 1 = 10), read back
 * by `rubric import`, then ranked by the core: the totals are the sample scoresheet's own.
 */
const TYPED: Record<string, Record<string, number | string>> = {
  // 15 + 8 + 8 + 22 + 13 + 10 + 3.5, 检疫执法 1.5 − 0.5 × 1 = 1, blanks 林木采伐监管 12 and 防火宣传 3: 95.5.
  古绛镇: { B: 15, C: 8, D: 8, F: 22, H: 13, I: 1, J: 10, K: 3.5 },
  // 12 + 8 + 8 + 22 + 13 + 10 + 1.5 + 12 + 3 + 1.5 = 91, bonus 1: 92.
  横水镇: { B: 12, C: 8, D: 8, F: 22, H: 13, J: 10, K: 1.5, N: 1 },
  // 15 + 5 + 8 + 10 + 15 + 3 + 13 + 1.5 + 14 + 3.5 = 88.
  卫庄镇: { B: 15, C: 5, D: 8, E: 10, F: 15, H: 13, J: 14, K: 3.5 },
  // 12 + 8 + 5 + 12 + 22 + 1 + 9 + 1.5 + 10 + 3.5 = 84, bonus 3 + 1: 88.
  陈村镇: { B: 12, C: 8, D: 5, F: 22, G: 1, H: 9, J: 10, K: 3.5, L: 3, N: 1 },
  // 12 + 5 + 8 + 12 + 22 + 3 + 9 + 1.5 + 10 + 1.5 = 84.
  南樊镇: { B: 12, C: 5, D: 8, F: 22, H: 9, J: 10, K: 1.5 },
  // 林木采伐监管 with two cases: 12 − 2 × 2 = 8; 12 + 5 + 5 + 8 + 22 + 3 + 9 + 1.5 + 10 + 3.5 = 79.
  安峪镇: { B: 12, C: 5, D: 5, E: 8, F: 22, H: 9, J: 10, K: 3.5 },
  // 8 + 5 + 5 + 12 + 15 + 3 + 9 + 1 + 14 + 1.5 = 73.5.
  郝庄乡: { B: 8, C: 5, D: 5, F: 15, H: 9, I: 1, J: 14, K: 1.5 },
  // 12 + 2 + 5 + 12 + 15 + 3 + 9 + 1.5 + 10 + 1.5 = 71.
  大交镇: { B: 12, C: 2, D: 5, F: 15, H: 9, J: 10, K: 1.5 },
  // Three cases: 12 − 2 × 3 = 6; 8 + 2 + 2 + 6 + 22 + 3 + 9 + 1.5 + 10 + 1.5 = 65.
  冷口乡: { B: 8, C: 2, D: 2, E: 6, F: 22, H: 9, J: 10, K: 1.5 },
  // 么里镇: 15 + 8 + 8 + 12 + 8 + 3 + 13 + 1.5 + 14 + 3.5 = 86, vetoed (发生重大森林火灾).
  么里镇: { B: 15, C: 8, D: 8, F: 8, H: 13, J: 14, K: 3.5, O: '是' },
};

describe('scores: template → typed → import → ranked by the core', () => {
  it('gives the totals, ranks and tiers the sample scoresheet gives', async () => {
    const { draft } = draftOfText(sampleText('forest-chief-2022'));
    const template = buildScoringTemplate(draft, { locale: 'zh-CN', rubricPath: 'forest-chief-2022.rubric.yaml', sha256: '', document: 1 });
    const sheet = template.getWorksheet('打分表')!;
    for (let r = 8; r <= 17; r++) {
      const typed = TYPED[String(sheet.getCell(r, 1).value)];
      for (const [column, value] of Object.entries(typed ?? {})) sheet.getCell(`${column}${r}`).value = value;
    }
    const { read } = await roundTripBytes(template);
    const imported = importScores(read, templateMetaOf(read)!, draft, { rubricReference: 'forest-chief-2022.rubric.yaml', header: [] });
    assert.deepEqual(
      imported.problems.filter((p) => p.severity === 'error'),
      [],
    );
    const analysis = core().analyzeScoresheet(imported.yaml, () => ({ found: true, analysis: analyze(sampleText('forest-chief-2022')), location: 'forest' }));
    const rows = (a: typeof analysis) =>
      rankingTable(a).groups[0].rows.map((row) => [row.subject, row.total, row.rank, row.tier?.name, row.vetoes, row.tiedAtBoundary]);
    assert.deepEqual(rows(analysis).slice(0, 5), [
      ['古绛镇', '95.5', 1, '优秀', [], false],
      ['横水镇', '92', 2, '优秀', [], false],
      ['卫庄镇', '88', 3, '优秀', [], true],
      ['陈村镇', '88', 3, '良好', [], true],
      ['么里镇', '86', 5, '一般', ['major-fire'], false],
    ]);
    // And every row as the sample scoresheet itself ranks.
    const sample = core().analyzeScoresheet(fs.readFileSync(path.join(ROOT, 'samples/forest-chief-2022.scores.yaml'), 'utf8'), () => ({
      found: true,
      analysis: analyze(sampleText('forest-chief-2022')),
      location: 'forest',
    }));
    assert.deepEqual(rows(analysis), rows(sample));

    // The same ranking as a workbook (`rubric rank --out`): one row per subject in rank order.
    const workbook = buildRankingWorkbook(rankingTable(analysis), {
      locale: 'zh-CN',
      scoresheet: 'x.scores.yaml',
      vetoNames: new Map([['major-fire', '发生重大森林火灾']]),
    });
    const { read: ranking } = await roundTripBytes(workbook);
    const out = ranking.getWorksheet('排名')!;
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((c) => String(out.getCell(4, c).value)),
      ['名次', '考核对象', '总分', '等次', '距上一等次', '距下一等次', '一票否决', '分界处并列'],
    );
    const sheetRows = Array.from({ length: 10 }, (_, i) => out.getRow(5 + i));
    const mo = sheetRows.find((row) => row.getCell(2).value === '么里镇')!;
    assert.deepEqual([mo.getCell(3).value, mo.getCell(4).value, mo.getCell(7).value], [86, '一般', '发生重大森林火灾']);
    assert.equal(sheetRows.find((row) => row.getCell(2).value === '陈村镇')!.getCell(8).value, '是', 'the tie across the 优秀 boundary is marked');
    assert.equal(out.pageSetup.printTitlesRow, '4:4');
  });
});
