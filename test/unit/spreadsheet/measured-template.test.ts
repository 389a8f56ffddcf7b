import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import { importScores } from 'rubric-studio-server/out/spreadsheet/import-scores';
import { buildScoringTemplate, templateMetaOf } from 'rubric-studio-server/out/spreadsheet/scoring-template';
import { rankingTable } from 'rubric-studio-server/out/core/scoresheet/services/ranking';
import { analyze, core } from '../../support/rubric-core';
import { draftOfText, roundTripBytes, sampleText } from '../../support/sheets';

/**
 * Points from measurements in the scoring template (issue 21): a measured indicator gets a
 * validated column per input and its points by an Excel formula; a leaf with deductions set within
 * a range gets a column per rule; `rubric import` reads them into `measured:` and `deductions:`,
 * and the core's totals are the hand-worked ones.
 */

type Locale = 'zh-CN' | 'en';

function template(text: string, locale: Locale = 'zh-CN') {
  const { draft } = draftOfText(text);
  const workbook = buildScoringTemplate(draft, { locale, rubricPath: 'r.rubric.yaml', sha256: '', document: 1 });
  return { draft, workbook, sheet: workbook.worksheets[0] };
}

/** The hidden key row and each key's column number. */
function keysOf(sheet: ExcelJS.Worksheet): { keyRow: number; column: (key: string) => number } {
  let keyRow = 0;
  sheet.eachRow((row, r) => {
    if (row.getCell(1).value === 'subject') keyRow = r;
  });
  const columns = new Map<string, number>();
  sheet.getRow(keyRow).eachCell((cell, c) => columns.set(String(cell.value), c));
  return {
    keyRow,
    column: (key) => {
      const c = columns.get(key);
      assert.ok(c, `no column ${key} among ${[...columns.keys()].join(' ')}`);
      return c!;
    },
  };
}

/** A cell's validation as a spreadsheet program reads it (exceljs keys them by cell once the file is read). */
const validationAt = (sheet: ExcelJS.Worksheet, address: string) =>
  (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];

/** The template written and read back: its first sheet. */
async function written(text: string, locale: Locale = 'zh-CN'): Promise<ExcelJS.Worksheet> {
  const { read } = await roundTripBytes(template(text, locale).workbook);
  return read.worksheets[0];
}

/** Types the cells, writes and reads the workbook, imports it and ranks it with the rubric. */
async function importTyped(text: string, typed: Record<string, Record<string, number | string>>, names?: string[]) {
  const { draft, workbook, sheet } = template(text);
  const { keyRow, column } = keysOf(sheet);
  const firstRow = keyRow + 3;
  (names ?? []).forEach((name, index) => (sheet.getCell(firstRow + index, 1).value = name));
  for (let r = firstRow; r < firstRow + 40; r++) {
    const cells = typed[String(sheet.getCell(r, 1).value ?? '')];
    for (const [key, value] of Object.entries(cells ?? {})) sheet.getCell(r, column(key)).value = value;
  }
  const { read } = await roundTripBytes(workbook);
  const imported = importScores(read, templateMetaOf(read)!, draft, { rubricReference: 'r.rubric.yaml', header: [] });
  const analysis = core().analyzeScoresheet(imported.yaml, () => ({ found: true, analysis: analyze(text), location: 'r' }));
  const totals = Object.fromEntries(rankingTable(analysis).groups[0]?.rows.map((row) => [row.subject, row.total]) ?? []);
  return { imported, totals, findings: analysis.findings.map((f) => f.code) };
}

const input = (leaf: string, id: string) => `input:${JSON.stringify([leaf, id])}`;
const deduct = (leaf: string, id: string) => `deduct:${JSON.stringify([leaf, id])}`;

describe('scoring template: measured indicators', () => {
  it('one column per input, headed by its name and unit, validated by its range, the formula in words in its message', async () => {
    const sheet = await written(sampleText('zhoushan-water-2021'));
    const { keyRow, column } = keysOf(sheet);
    const c = column(input('provincial', 'ratio'));
    assert.equal(sheet.getCell(keyRow - 1, c).value, '省控断面Ⅲ类\n以上水质比例\n（%）');
    const validation = validationAt(sheet, sheet.getCell(keyRow + 3, c).address)!;
    assert.equal(validation.type, 'decimal');
    assert.equal(validation.operator, 'between');
    assert.deepEqual(validation.formulae, [0, 100]);
    assert.equal(
      validation.prompt,
      '省控断面水环境质量的计分数据，0—100；计分公式：if(达到年度任务书要求（是 1，否 0） = 1, 省控断面Ⅲ类以上水质比例% × 30, 省控断面Ⅲ类以上水质比例% × 30 × 0.8)',
    );
    // An input with only a lower bound: at least 0.
    const missed = validationAt(sheet, sheet.getCell(keyRow + 3, column(input('national', 'missed'))).address)!;
    // A count (`integer: true`) takes a whole number.
    assert.equal(missed.type, 'whole');
    assert.equal(missed.operator, 'greaterThanOrEqual');
    assert.deepEqual(missed.formulae, [0]);
    // The leaf's name and points head its inputs and its points, merged across them.
    assert.equal(sheet.getCell(keyRow - 2, c).value, '省控断面水环境质量（30分）');
  });

  it('in English: the inputs as named, the formula with English words', async () => {
    const sheet = await written(sampleText('zhoushan-water-2021'), 'en');
    const { keyRow, column } = keysOf(sheet);
    const c = column(input('provincial', 'ratio'));
    assert.equal(sheet.getCell(keyRow - 1, column(`measured:provincial`)).value, 'Points');
    assert.equal(
      validationAt(sheet, sheet.getCell(keyRow + 3, c).address)!.prompt,
      'Measured for 省控断面水环境质量, 0–100; Points: if(达到年度任务书要求（是 1，否 0） = 1, 省控断面Ⅲ类以上水质比例% × 30, 省控断面Ⅲ类以上水质比例% × 30 × 0.8)',
    );
  });

  it('the points by an Excel formula over the row’s inputs, limited to 0..weight, blank until every input is there', () => {
    const { sheet } = template(sampleText('zhoushan-water-2021'));
    const { keyRow, column } = keysOf(sheet);
    const r = keyRow + 3;
    const at = (key: string) => sheet.getCell(r, column(key)).address;
    const [ratio, met] = [at(input('provincial', 'ratio')), at(input('provincial', 'met'))];
    assert.equal(
      (sheet.getCell(r, column('measured:provincial')).value as ExcelJS.CellFormulaValue).formula,
      `IF(COUNT(${ratio},${met})<2,"",MIN(30,MAX(0,IF((${met}=1),((${ratio}/100)*30),(((${ratio}/100)*30)*0.8)))))`,
    );
    // Its factor in the total is 1; the inputs' factor is 0 (they are not points).
    assert.equal(sheet.getCell(keyRow + 1, column('measured:provincial')).value, 1);
    assert.equal(sheet.getCell(keyRow + 1, column(input('provincial', 'ratio'))).value, 0);
  });

  it('best / worst / mean: MAX / MIN / AVERAGE of the input over the rows of the subject’s group', () => {
    const text = [
      'rubric: 功效系数',
      'subjects: {groups: [{id: a, name: 甲组, members: [甲1, 甲2]}, {id: b, name: 乙组, members: [乙1, 乙2, 乙3]}]}',
      'indicators:',
      '  - {id: forest, name: 森林覆盖率提升, weight: 10, scoring: {inputs: [{id: gain, name: 提升幅度, unit: 个百分点}],',
      "     formula: 'if(best(gain) = worst(gain), weight, 60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight)'}}",
      '  - {id: rest, name: 其他, weight: 90}',
    ].join('\n');
    const { sheet } = template(text);
    const { keyRow, column } = keysOf(sheet);
    const g = sheet.getCell(1, column(input('forest', 'gain'))).address.replace(/\d+/, '');
    const first = keyRow + 3;
    const formulaAt = (r: number) => (sheet.getCell(r, column('measured:forest')).value as ExcelJS.CellFormulaValue).formula;
    // 乙2 is the fourth row: its group is rows first + 2 .. first + 4.
    const group = `${g}$${first + 2}:${g}$${first + 4}`;
    assert.ok(formulaAt(first + 3).includes(`MAX(${group})`), formulaAt(first + 3));
    assert.ok(formulaAt(first + 3).includes(`MIN(${group})`));
    assert.ok(formulaAt(first).includes(`MAX(${g}$${first}:${g}$${first + 1})`));
  });

  it('round trip: the zhoushan sample typed in, imported, totals as worked by hand', async () => {
    // Hand-worked (the sample scoresheet's comments): 国控 if met: ratio% × 50, else × 0.8, − 2 per month, − 5 per section, ≥ 0;
    // 省控 ratio% × 30 (× 0.8 if not met).
    //   定海区 50 + 27 + 40 = 117; 普陀区 80% × 50 × 0.8 − 2 = 30, + 30 + 42 = 102;
    //   岱山县 37.5 − 5 = 32.5, 83.3% × 30 × 0.8 = 19.992, + 38 = 90.492 → 90.49;
    //   嵊泗县 20 − 12 − 10 → 0, 66.7% × 30 = 20.01, + 35 = 55.01; 新城管委会 50 + 30 + 44 = 124.
    const row = (n: number[], p: number[], rest: number) => ({
      [input('national', 'ratio')]: n[0],
      [input('national', 'met')]: n[1],
      [input('national', 'bad_months')]: n[2],
      [input('national', 'missed')]: n[3],
      [input('provincial', 'ratio')]: p[0],
      [input('provincial', 'met')]: p[1],
      'points:not-seen': rest,
    });
    const { imported, totals, findings } = await importTyped(sampleText('zhoushan-water-2021'), {
      定海区: row([100, 1, 0, 0], [90, 1], 40),
      普陀区: row([80, 0, 1, 0], [100, 1], 42),
      岱山县: row([75, 1, 0, 1], [83.3, 0], 38),
      嵊泗县: row([50, 0, 6, 2], [66.7, 1], 35),
      新城管委会: row([100, 1, 0, 0], [100, 1], 44),
    });
    assert.deepEqual(imported.problems, []);
    assert.deepEqual(findings, []);
    assert.deepEqual(totals, { 定海区: '117', 普陀区: '102', 岱山县: '90.49', 嵊泗县: '55.01', 新城管委会: '124' });
    assert.ok(imported.yaml.includes('      provincial: {ratio: 83.3, met: 0}\n'), imported.yaml);
  });

  it('an input outside its range is refused at its cell, as a score above the weight is', async () => {
    const { imported } = await importTyped(sampleText('zhoushan-water-2021'), {
      定海区: { [input('provincial', 'ratio')]: 120, [input('provincial', 'met')]: 1 },
    });
    const errors = imported.problems.filter((p) => p.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].address, '打分表!G9');
    assert.equal(errors[0].message.en, '120 is outside 0–100, the range of “省控断面Ⅲ类以上水质比例”');
    assert.equal(errors[0].message['zh-CN'], '120 超出“省控断面Ⅲ类以上水质比例”的范围 0—100');
  });
});

describe('scoring template: deductions set within a range', () => {
  it('round trip: the fire-safety sample, one column per rule, totals as worked by hand', async () => {
    // Hand-worked (the sample scoresheet's comments):
    //   一车间 organisation 30 − 5 = 25 (brigade typed as 10 − 5 = 5); 制度 25 − 不完善 12 = 13, 预案 10;
    //          责任书 20 − 签订不全面 6 = 14, 职责 15: 25 + 23 + 29 = 77
    //   二车间 nothing typed but the name: every deduction-scored item full, 100
    //   三车间 staffing 10 − 5 = 5: 25; 制度 25 − 20 − 10 → 0, 预案 10 − 8 = 2; 责任书 20 − 15 = 5, 职责 15 − 5 = 10: 42
    //   四车间 预案 10 − 未制定 10 = 0: 90
    const names = ['一车间', '二车间', '三车间', '四车间'];
    const { imported, totals, findings } = await importTyped(
      sampleText('fire-safety-responsibility'),
      {
        一车间: { 'points:brigade': 5, [deduct('system', 'incomplete')]: 12, [deduct('pledges', 'partial')]: 6 },
        二车间: {},
        三车间: {
          'points:staffing': 5,
          [deduct('system', 'incomplete')]: 20,
          [deduct('system', 'irregular')]: 10,
          [deduct('plan', 'outdated')]: 8,
          [deduct('pledges', 'unsigned')]: '是',
          [deduct('duties', 'post-incomplete')]: 5,
        },
        四车间: { [deduct('plan', 'no-plan')]: '是' },
      },
      names,
    );
    assert.deepEqual(imported.problems, []);
    assert.deepEqual(findings, []);
    assert.deepEqual(totals, { 一车间: '77', 二车间: '100', 三车间: '42', 四车间: '90' });
    assert.ok(imported.yaml.includes('      system: {incomplete: [20], irregular: [10]}\n'), imported.yaml);
    assert.ok(imported.yaml.includes('      plan: {no-plan: 1}\n'), imported.yaml);
  });

  it('the rule columns: 是 for a one-off rule, the amount within its range, the points by formula', async () => {
    const sheet = await written(sampleText('fire-safety-responsibility'));
    const { keyRow, column } = keysOf(sheet);
    const r = keyRow + 3;
    const cell = (key: string) => sheet.getCell(r, column(key)).address;
    const once = validationAt(sheet, cell(deduct('system', 'no-system')))!;
    assert.equal(once.type, 'list');
    assert.deepEqual(once.formulae, ['"是"']);
    const ranged = validationAt(sheet, cell(deduct('system', 'incomplete')))!;
    assert.deepEqual([ranged.type, ranged.operator, ranged.formulae], ['decimal', 'between', [5, 20]]);
    assert.equal(sheet.getCell(keyRow - 1, column(deduct('system', 'incomplete'))).value, '制度不完善\n（扣5—20分）');
    const [a, b, c] = ['no-system', 'incomplete', 'irregular'].map((id) => cell(deduct('system', id)));
    assert.equal(
      (sheet.getCell(r, column('deducted:system')).value as ExcelJS.CellFormulaValue).formula,
      `IF(COUNTA(${a},${b},${c})=0,"",MAX(0,25-(IF(${a}="",0,25)+N(${b})+N(${c}))))`,
    );
    // Blank, the item counts its full points in the total (扣分制).
    assert.equal(sheet.getCell(keyRow + 2, column('deducted:system')).value, 25);
  });

  it('a per-case rule set within a range takes the amounts "5, 12", each checked against the range', async () => {
    const text = [
      'rubric: 安全生产',
      'subjects: [甲镇, 乙镇, 丙镇]',
      'indicators:',
      '  - {id: safety, name: 安全生产, weight: 20, scoring: {deduct: [{id: fire, points: [5, 15], per: 次}]}}',
      '  - {id: review, name: 年度述职, weight: 80, out_of: 100}',
    ].join('\n');
    // 甲镇 20 − 5 − 12 = 3, 述职 90 of 100 counts 90 × 80 / 100 = 72: 75. 乙镇 述职 100 → 80, safety full 20: 100.
    const { imported, totals } = await importTyped(text, {
      甲镇: { [deduct('safety', 'fire')]: '5, 12', 'points:review': 90 },
      乙镇: { 'points:review': 100 },
      丙镇: { [deduct('safety', 'fire')]: '5，16', 'points:review': 101 },
    });
    const errors = imported.problems.filter((p) => p.severity === 'error').map((p) => p.message.en);
    assert.deepEqual(errors, ['16 is outside 5–15, the range of a case of “安全生产”', '101 exceeds 100, the scale it is scored on']);
    assert.equal(totals['甲镇'], '75');
    assert.equal(totals['乙镇'], '100');
    assert.ok(imported.yaml.includes('      safety: {fire: [5, 12]}\n'), imported.yaml);
  });

  it('a leaf scored on its own scale (out_of) accepts 0..out_of and counts weight / out_of a point', async () => {
    const sheet = await written(
      'rubric: 述职\nindicators:\n  - {id: review, name: 年度述职, weight: 40, out_of: 100}\n  - {id: rest, name: 其他, weight: 60}\n',
    );
    const { keyRow, column } = keysOf(sheet);
    const c = column('points:review');
    assert.deepEqual(validationAt(sheet, sheet.getCell(keyRow + 3, c).address)!.formulae, [0, 100]);
    assert.equal(sheet.getCell(keyRow + 1, c).value, 0.4);
    assert.equal(sheet.getCell(keyRow - 1, c).value, '年度述职\n（100 → 40分）');
  });
});
