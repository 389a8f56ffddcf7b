import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { importScores } from 'rubric-studio-server/out/spreadsheet/import-scores';
import { buildScoringTemplate, templateMetaOf } from 'rubric-studio-server/out/spreadsheet/scoring-template';
import { draftOfText, mergesOf, roundTripBytes, sampleText } from '../../support/sheets';

async function template(name: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { draft } = draftOfText(sampleText(name));
  const { read } = await roundTripBytes(buildScoringTemplate(draft, { locale, rubricPath: `../samples/${name}.rubric.yaml`, sha256: 'abc', document: 1 }));
  return { draft, workbook: read };
}

/** Fills cells (`{B8: 15}`) of a sheet, writes the workbook and reads it back, as a scorer's save would. */
async function filled(workbook: ExcelJS.Workbook, sheetName: string, values: Record<string, ExcelJS.CellValue>) {
  const sheet = workbook.getWorksheet(sheetName)!;
  for (const [address, value] of Object.entries(values)) sheet.getCell(address).value = value;
  return (await roundTripBytes(workbook)).read;
}

const validationOf = (sheet: ExcelJS.Worksheet, address: string) =>
  (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];

describe('template: the forest-chief scoring sheet', () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  before(async () => {
    ({ workbook } = await template('forest-chief-2022'));
    sheet = workbook.getWorksheet('打分表')!;
  });

  it('has one scoring sheet and a hidden record of the rubric it was made from', () => {
    assert.deepEqual(
      workbook.worksheets.map((s) => [s.name, s.state]),
      [
        ['打分表', 'visible'],
        ['_rubric', 'hidden'],
      ],
    );
    const meta = templateMetaOf(workbook)!;
    assert.equal(meta.rubric, '../samples/forest-chief-2022.rubric.yaml');
    assert.equal(meta.sha256, 'abc');
    assert.deepEqual(meta.sheets, [{ name: '打分表', role: 'scores', subjectColumn: 1, keyRow: 5, firstRow: 8, lastRow: 17 }]);
  });

  it('groups the leaves under their indicators, subjects down the first column', () => {
    // Subjects in A, ten leaves in B–K, three bonus items L–N, two vetoes O–P, the total in Q.
    for (const merge of ['A3:A4', 'B3:C3', 'D3:E3', 'F3:G3', 'H3:I3', 'J3:K3', 'L3:N3', 'O3:P3', 'Q3:Q4']) assert.ok(mergesOf(sheet).includes(merge), merge);
    assert.equal(sheet.getCell('B3').value, '国土绿化');
    assert.equal(sheet.getCell('B4').value, '年度营造林\n任务完成\n（15分）');
    assert.equal(sheet.getCell('L3').value, '加分项（≤5）');
    assert.deepEqual(
      [8, 9, 17].map((r) => sheet.getCell(r, 1).value),
      ['古绛镇', '横水镇', '么里镇'],
    );
    assert.equal(sheet.getCell('B5').value, 'points:afforestation');
    assert.deepEqual(
      [5, 6, 7].map((r) => sheet.getRow(r).hidden),
      [true, true, true],
    );
  });

  it('breaks its headings between words, each points figure whole on its line, and leaves room to write a score by hand', () => {
    // Not 林地保护利 / 用, nor （1.5分 / ）: the breaks are the sheet's own, where a reader expects them.
    assert.equal(sheet.getCell('D4').value, '林地保护\n利用\n（8分）');
    assert.equal(sheet.getCell('I4').value, '检疫执法\n（1.5分）');
    for (const c of 'BCDEFGHIJK') {
      const lines = String(sheet.getCell(`${c}4`).value).split('\n');
      assert.match(lines.at(-1)!, /^（[\d.]+分）$/, `${c}4`);
      assert.ok(
        lines.every((line) => !/^[。，、；：）]/.test(line)),
        `${c}4: ${lines.join(' / ')}`,
      );
    }
    assert.ok([8, 12, 17].every((r) => sheet.getRow(r).height! >= 26));
  });

  it('checks each score cell from 0 to its weight and says the rule when it is selected', () => {
    const v = validationOf(sheet, 'B17');
    assert.deepEqual(
      [v.type, v.operator, v.formulae, v.showInputMessage, v.showErrorMessage, v.errorStyle],
      ['decimal', 'between', [0, 15], true, true, 'stop'],
    );
    assert.equal(
      v.prompt,
      '0 至 15 分；15分：任务完成率 100% 且核查合格率 95% 以上；12分：任务完成率 90% 以上；8分：任务完成率 80% 以上；0分：任务完成率不足 80%',
    );
    const logging = validationOf(sheet, 'E8');
    assert.deepEqual(logging.formulae, [0, 12]);
    assert.equal(logging.prompt, '0 至 12 分；填写扣分后的得分，空白按满分计；每发现一起无证采伐或超证采伐扣2分，扣完为止');
    assert.equal(validationOf(sheet, 'O8').type, 'list');
  });

  it('totals by formula once a row has an entry: points × factor, blank deduction items at full weight, bonus capped at 5, rounded to 2 decimals', () => {
    const formula = (sheet.getCell('Q8').value as ExcelJS.CellFormulaValue).formula;
    assert.equal(
      formula,
      'IF(SUMPRODUCT(LEN(B8:P8))=0,"",ROUND(SUMPRODUCT(B8:K8,B$6:K$6)+SUMPRODUCT((B8:K8="")*B$7:K$7)+MIN(5,N(L8)*L$6+N(M8)*M$6+N(N8)*N$6),2))',
    );
    // What a blank cell counts: 林木采伐监管 12, 防火宣传 3, 检疫执法 1.5 (扣分制); every other leaf 0.
    assert.deepEqual(
      ['B', 'E', 'G', 'I', 'K'].map((c) => sheet.getCell(`${c}7`).value),
      [0, 12, 3, 1.5, 0],
    );
  });

  it('locks the headings and names, unlocks the score cells, and freezes both', () => {
    assert.equal((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet, true);
    assert.equal(sheet.getCell('B8').protection?.locked, false);
    assert.notEqual(sheet.getCell('A8').protection?.locked, false);
    assert.notEqual(sheet.getCell('Q8').protection?.locked, false);
    assert.deepEqual([sheet.views[0].state, (sheet.views[0] as { xSplit: number }).xSplit, (sheet.views[0] as { ySplit: number }).ySplit], ['frozen', 1, 7]);
  });
});

describe('template: a rubric with raters gets a summary and one sheet per rater group', () => {
  it('lays out 汇总 first, then 大学生说 / 干部评 / 群众议, the summary weighing their subtotals', async () => {
    const { workbook } = await template('village-graduates-2022');
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['汇总', '大学生说', '干部评', '群众议', '_rubric'],
    );
    const summary = workbook.getWorksheet('汇总')!;
    // Three views (B–D) and two vetoes (E–F), the total in G; 45 subjects from row 8. A view sheet has
    // its 13 leaves in B–N and its subtotal in O, from row 9 (three heading rows).
    assert.equal((summary.getCell('B8').value as ExcelJS.CellFormulaValue).formula, "'大学生说'!O9");
    assert.equal((summary.getCell('G8').value as ExcelJS.CellFormulaValue).formula, 'IF(SUMPRODUCT(LEN(B8:F8))=0,"",ROUND(N(B8)*B$6+N(C8)*C$6+N(D8)*D$6,2))');
    assert.deepEqual(
      ['B', 'C', 'D'].map((c) => summary.getCell(`${c}6`).value),
      [0.2, 0.4, 0.4],
    );
    const cadres = workbook.getWorksheet('干部评')!;
    assert.equal(cadres.getCell('A9').formula, 'IF(\'汇总\'!A8="","",\'汇总\'!A8)');
    // 考实：为民实绩 spans D–I (党组织建设, the three leaves of 重点工作 in E–G, 帮办代办, 集体经济): three heading rows.
    assert.ok(mergesOf(cadres).includes('D3:I3') && mergesOf(cadres).includes('E4:G4'), mergesOf(cadres).join(' '));
    assert.equal(cadres.getCell('E4').value, '重点工作');
  });
});

describe('import: a filled template back into a scoresheet', () => {
  it('writes exact points, bonus and vetoes, and reports each bad cell by its address', async () => {
    const { draft, workbook } = await template('forest-chief-2022');
    const read = await filled(workbook, '打分表', {
      // 古绛镇: every leaf but 林木采伐监管 (blank: full 12 by deduction), 0.1 and 0.2 to see exactness.
      B8: 15,
      C8: 8,
      D8: 8,
      F8: 22,
      G8: 2,
      H8: 13,
      I8: 0.1,
      J8: 14,
      K8: 0.2,
      L8: 3,
      // 横水镇: 16 above the 15 of 年度营造林任务完成, text in 村庄绿化美化, a number stored as text.
      B9: 16,
      C9: '八',
      D9: ' 5',
      // 卫庄镇: vetoed for a major fire.
      O10: '是',
      P10: '也许',
      // A subject the rubric does not list.
      A18: '新城镇',
      B18: 12,
    });
    const meta = templateMetaOf(read)!;
    const result = importScores(read, meta, draft, { rubricReference: 'forest.rubric.yaml', header: ['test'] });
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.address}: ${p.message.en}`);
    assert.deepEqual(errors, [
      '打分表!B9: 16 exceeds the weight 15',
      '打分表!C9: “八” is text in a number cell',
      '打分表!P10: “也许” for a veto: write 是 / yes, or leave it blank',
    ]);
    const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => p.address);
    assert.ok(warnings.includes('打分表!D9'), 'the number stored as text is named');
    assert.ok(warnings.includes('打分表!A18'), 'the subject the rubric lacks is named');
    assert.ok(warnings.includes('打分表!K8'), '0.2 is none of the levels of 护林员队伍管理 (3.5, 1.5)');
    assert.ok(!warnings.includes('打分表!I8'), '检疫执法 is scored by deduction: any points up to 1.5');

    assert.match(result.yaml, /^rubric: forest\.rubric\.yaml$/m);
    const scores = (parse(result.yaml) as { scores: Record<string, unknown>[] }).scores;
    assert.equal(scores.length, 11);
    assert.deepEqual(scores[0], {
      subject: '古绛镇',
      points: { afforestation: 15, 'village-greening': 8, 'land-use': 8, fire: 22, 'fire-duty': 2, pests: 13, quarantine: 0.1, mechanism: 14, rangers: 0.2 },
      bonus: { innovation: 3 },
    });
    // Exact as typed: 0.1 and 0.2, never 0.30000000000000004-style noise.
    assert.match(result.yaml, /quarantine: 0\.1, mechanism: 14, rangers: 0\.2\}/);
    assert.deepEqual(scores[1], { subject: '横水镇', points: { 'land-use': 5 } });
    assert.deepEqual(scores[2], { subject: '卫庄镇', veto: ['major-fire'] });
    assert.deepEqual(scores[10], { subject: '新城镇', points: { afforestation: 12 } });
  });

  it('names a column whose key the rubric does not have, and a group scored instead of its leaves', async () => {
    const { draft, workbook } = await template('forest-chief-2022');
    const read = await filled(workbook, '打分表', { C5: 'points:no-such-leaf', D5: 'points:greening' });
    const result = importScores(read, templateMetaOf(read)!, draft, { rubricReference: 'r', header: [] });
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.address}: ${p.message.en}`);
    assert.deepEqual(errors, [
      '打分表!C4: the rubric has no indicator “no-such-leaf”',
      '打分表!D4: “greening” is a group in the rubric, not a leaf: its items are scored',
    ]);
  });

  it('reads each rater group’s sheet into `by:` under the names typed once in the summary', async () => {
    const { draft, workbook } = await template('village-graduates-2022');
    workbook.getWorksheet('汇总')!.getCell('A8').value = '李明';
    const read = await filled(workbook, '干部评', { B9: 9, C9: 10, D9: 8, E9: 6 });
    const result = importScores(read, templateMetaOf(read)!, draft, { rubricReference: 'r', header: [] });
    assert.deepEqual(
      result.problems.filter((p) => p.severity === 'error'),
      [],
    );
    const scores = (parse(result.yaml) as { scores: Record<string, unknown>[] }).scores;
    assert.deepEqual(scores, [{ subject: '李明', by: { cadres: { positioning: 9, goals: 10, 'party-building': 8, epidemic: 6 } } }]);
  });
});

describe('template: rater names are sheet names, by Excel’s rules (issue 20, fault 5)', () => {
  const hostile = "x'!A1+cmd|' /C calc'!A0+'";
  async function withRaters(names: [string, string, string]) {
    const text = sampleText('village-graduates-2022')
      .replace('name: 大学生说,', `name: ${JSON.stringify(names[0])},`)
      .replace('name: 干部评,', `name: ${JSON.stringify(names[1])},`)
      .replace('name: 群众议,', `name: ${JSON.stringify(names[2])},`);
    const { draft } = draftOfText(text);
    const { read } = await roundTripBytes(buildScoringTemplate(draft, { locale: 'zh-CN', rubricPath: 'x.rubric.yaml', sha256: '', document: 1 }));
    return read;
  }

  it('keeps a name with quotes a name: quoted, each quote doubled, never formula code', async () => {
    const workbook = await withRaters([hostile, "'quoted'", 'a/b:c*?[d]']);
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      // The slash is one of the characters a sheet's name cannot have: a space.
      ['汇总', "x'!A1+cmd|'  C calc'!A0+", 'quoted', 'a b c   d', '_rubric'],
    );
    const summary = workbook.getWorksheet('汇总')!;
    const formulas = ['B8', 'C8', 'D8'].map((a) => (summary.getCell(a).value as ExcelJS.CellFormulaValue).formula);
    assert.deepEqual(formulas, ["'x''!A1+cmd|''  C calc''!A0+'!O9", "'quoted'!O9", "'a b c   d'!O9"]);
  });

  it('gives History (Excel’s own) and a name too long or repeated a sheet of their own', async () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五';
    const workbook = await withRaters(['History', long, long]);
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['汇总', 'History 2', long.slice(0, 28), `${long.slice(0, 28)} 2`, '_rubric'],
    );
    const meta = templateMetaOf(workbook)!;
    assert.deepEqual(
      meta.sheets.map((s) => s.rater ?? s.role),
      ['summary', 'self', 'cadres', 'villagers'],
    );
  });
});
