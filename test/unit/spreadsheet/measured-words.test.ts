import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import { parseCriteriaCell } from 'rubric-studio-server/out/spreadsheet/criteria-text';
import { buildAssessmentWorkbook } from 'rubric-studio-server/out/spreadsheet/export-assessment-table';
import { importAssessmentTable } from 'rubric-studio-server/out/spreadsheet/import-assessment-table';
import { DraftIndicator, walkDraft } from 'rubric-studio-server/out/spreadsheet/rubric-draft';
import { draftOfText, roundTripBytes, sampleText } from '../../support/sheets';

/**
 * The 考评表 writes a measured leaf's formula as the scheme would (the inputs by name, `weight` as
 * its number, × ÷ −), its inputs with unit and range, and each deduction set within a range, in the
 * export's language; its own lines come back as `scoring: {inputs, formula}` and ranged rules.
 */

type Locale = 'zh-CN' | 'en';

function exported(sample: string, locale: Locale) {
  const { document, draft } = draftOfText(sampleText(sample));
  return buildAssessmentWorkbook(draft, document, { locale });
}

/** The 评分标准 cell of the row naming the leaf: the longest text on it. */
function criteriaOf(workbook: ExcelJS.Workbook, leaf: string): string {
  const sheet = workbook.worksheets[0];
  let found = '';
  sheet.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell((cell) => texts.push(typeof cell.value === 'string' ? cell.value : ''));
    if (texts.includes(leaf)) found = texts.reduce((a, b) => (b.length > a.length && !b.startsWith('{') ? b : a), '');
  });
  return found;
}

const leafOf = (indicators: DraftIndicator[], id: string) => [...walkDraft(indicators)].find(({ indicator }) => indicator.id === id)?.indicator;

describe('the 考评表 writes formulas and ranged deductions as the scheme would', () => {
  it('in Chinese: 计分公式 with the inputs’ names and the points as a number, 计分数据 with unit and range', () => {
    const lines = criteriaOf(exported('zhoushan-water-2021', 'zh-CN'), '省控断面水环境质量').split('\n');
    assert.deepEqual(lines.slice(1), [
      '计分公式：if(达到年度任务书要求（是 1，否 0） = 1, 省控断面Ⅲ类以上水质比例% × 30, 省控断面Ⅲ类以上水质比例% × 30 × 0.8)',
      '计分数据：省控断面Ⅲ类以上水质比例（%，0—100）；达到年度任务书要求（是 1，否 0）（0—1，整数）',
    ]);
    const national = criteriaOf(exported('zhoushan-water-2021', 'zh-CN'), '国控断面水环境质量').split('\n');
    assert.equal(
      national[1],
      '计分公式：if(达到年度任务书要求（是 1，否 0） = 1, 国控断面Ⅲ类以上水质比例% × 50, 国控断面Ⅲ类以上水质比例% × 50 × 0.8) − 水质反弹为劣Ⅴ类的月数 × 2 − 年均水质未达到年度目标的断面数 × 5',
    );
    assert.equal(
      national[2],
      '计分数据：国控断面Ⅲ类以上水质比例（%，0—100）；达到年度任务书要求（是 1，否 0）（0—1，整数）；水质反弹为劣Ⅴ类的月数（月，0—12，整数）；年均水质未达到年度目标的断面数（个，≥ 0，整数）',
    );
  });

  it('in English: Points and Measured, the inputs as the rubric names them (it has no English names)', () => {
    const lines = criteriaOf(exported('zhoushan-water-2021', 'en'), '省控断面水环境质量').split('\n');
    assert.deepEqual(lines.slice(1), [
      'Points: if(达到年度任务书要求（是 1，否 0） = 1, 省控断面Ⅲ类以上水质比例% × 30, 省控断面Ⅲ类以上水质比例% × 30 × 0.8)',
      'Measured: 省控断面Ⅲ类以上水质比例 (%, 0–100); 达到年度任务书要求（是 1，否 0） (0–1, whole number)',
    ]);
  });

  it('a deduction set within a range, one line per rule, in either language', () => {
    assert.equal(
      criteriaOf(exported('fire-safety-responsibility', 'zh-CN'), '建立和完善消防安全管理制度'),
      '未建立消防安全管理制度，扣25分\n制度不完善：视情节扣 5—20 分\n制度不规范：视情节扣 5—10 分\n扣完为止',
    );
    assert.equal(
      criteriaOf(exported('fire-safety-responsibility', 'en'), '建立和完善消防安全管理制度'),
      '25 points off once if 未建立消防安全管理制度\n制度不完善: 5–20 points off, as the case warrants\n制度不规范: 5–10 points off, as the case warrants\nNot below 0',
    );
  });
});

describe('the 考评表 reads its own formula lines back', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`zhoushan (${locale}): scoring {inputs, formula} as the rubric had them, the criteria word for word`, async () => {
      const { draft } = draftOfText(sampleText('zhoushan-water-2021'));
      const { read } = await roundTripBytes(exported('zhoushan-water-2021', locale));
      const back = importAssessmentTable(read).draft!;
      for (const id of ['national', 'provincial']) {
        const [was, is] = [leafOf(draft.indicators, id)!, leafOf(back.indicators, id)!];
        assert.equal(is.scoring?.formula, was.scoring?.formula);
        assert.deepEqual(
          is.scoring?.inputs?.map((i) => [i.id, i.name, i.unit, i.min?.toFixed(), i.max?.toFixed(), i.integer]),
          was.scoring?.inputs?.map((i) => [i.id, i.name, i.unit, i.min?.toFixed(), i.max?.toFixed(), i.integer]),
        );
        assert.equal(is.criteria, was.criteria);
        // The criteria's “…每个断面扣5分。” is the scheme's words, not a rule of ours.
        assert.deepEqual(is.scoring?.rules, []);
      }
    });
  }

  it('a formula line edited in the sheet is read from its words: the names back to their ids, × ÷ − as the language has them', async () => {
    const workbook = exported('zhoushan-water-2021', 'zh-CN');
    const sheet = workbook.worksheets[0];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('计分公式：if(达到年度任务书要求（是 1，否 0） = 1, 省控'))
          cell.value = cell.value.replace(/计分公式：.*/, '计分公式：min(省控断面Ⅲ类以上水质比例 ÷ 100 × 30, 30) − (1 − 达到年度任务书要求（是 1，否 0）) × 6');
      }),
    );
    const { read } = await roundTripBytes(workbook);
    const provincial = leafOf(importAssessmentTable(read).draft!.indicators, 'provincial')!;
    assert.equal(provincial.scoring?.formula, 'min(ratio / 100 * 30, 30) - (1 - met) * 6');
  });

  it('an office’s own table: a criteria sentence holding two deductions, and a 计分公式 line, stay criteria', () => {
    // From zhoushan-water-2021 (舟山市 2021 评分细则): two rules of a measured indicator in one sentence.
    const sentence = '国控断面部分月份水质反弹为劣Ⅴ类的，每月扣2分；国控断面年均水质未达到年度目标的，每个断面扣5分。';
    assert.deepEqual(parseCriteriaCell(sentence), { criteria: sentence, scoring: undefined });
    const formula = '计分公式：达标断面个数 ÷ 断面总个数 × 30 × 80%';
    assert.deepEqual(parseCriteriaCell(formula), { criteria: formula, scoring: undefined });
    // One rule in one sentence is still read as one.
    assert.equal(parseCriteriaCell('每发现一起无证采伐扣2分。').scoring?.deduct?.toFixed(), '2');
  });
});
