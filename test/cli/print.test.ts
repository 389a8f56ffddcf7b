import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { Office, ROOT, run } from '../support/office';
import { rowBreaksOf } from '../support/sheets';

/**
 * The exported 考评表 and the scoring template as a reader's office suite prints them: LibreOffice
 * (headless) turns each workbook into a PDF, and the PDF's text and page count are checked with
 * poppler's pdftotext and pdfinfo (see support/office.ts).
 */

const RUBRIC = path.join(ROOT, 'node_modules/.bin/rubric');

describe('print: the workbooks as LibreOffice prints them (PDF)', function () {
  this.timeout(300000);
  let office: Office;
  let scratch: string;

  before(function () {
    Office.prepare(this);
    office = new Office();
    scratch = office.scratch;
  });
  after(() => office?.dispose());

  const toPdf = (xlsx: string) => office.toPdf(xlsx);

  it('prints the forest-chief 考评表 in Chinese on the pages the export planned, every column on the page', () => {
    const xlsx = path.join(scratch, 'forest.xlsx');
    const made = run(process.execPath, [RUBRIC, 'export', path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml'), '--out', xlsx]);
    assert.equal(made.status, 0, made.stderr);
    const { text, pages } = toPdf(xlsx);
    // LibreOffice breaks the pages where the export did, and nowhere else: no row or column spills.
    assert.equal(pages, rowBreaksOf(fs.readFileSync(xlsx)).length + 1);
    assert.match(text, /绛县2022年度林长制工作考评表/);
    for (const words of [
      '一级指标',
      '评分标准',
      '考核方式',
      '国土绿化',
      '每发现一起无证采伐或超证采伐扣2分，扣完为止',
      '合计',
      '加分项',
      '直接确定为“一般”等次',
      '10 × 30% = 3 → 3',
    ]) {
      assert.ok(text.includes(words), `the PDF shows ${words}`);
    }
    // The header row is printed again on every page, and the footer numbers them.
    assert.equal((text.match(/一级指标/g) ?? []).length, pages);
    assert.match(text, new RegExp(`第 ${pages} 页，共 ${pages} 页`));
  });

  it('prints the scoring template on one page wide, a total only on the row with a score entered', async () => {
    const blank = path.join(scratch, 'blank.xlsx');
    const made = run(process.execPath, [RUBRIC, 'template', path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml'), '--out', blank]);
    assert.equal(made.status, 0, made.stderr);
    // One score entered, as a person would: 古绛镇 (row 8), 年度营造林任务完成 (B) 13.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(blank);
    workbook.getWorksheet('打分表')!.getCell('B8').value = 13;
    const xlsx = path.join(scratch, 'template.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const { text, pages } = toPdf(xlsx);
    assert.equal(pages, 1);
    assert.match(text, /绛县2022年度林长制工作考评表 · 打分表/);
    assert.match(text, /古绛镇/);
    // 古绛镇: 13 + the items scored by deduction, left blank at their full points (林木采伐监管 12 +
    // 防火宣传与隐患排查 3 + 检疫执法 1.5) = 29.5. The nine rows with nothing entered show no total
    // (not the 16.5 the deduction items would give), so a blank form reads blank.
    assert.equal((text.match(/29\.5/g) ?? []).length, 1);
    assert.equal((text.match(/16\.5/g) ?? []).length, 0);
  });

  it('prints a measured template with each indicator’s points and the totals as LibreOffice computes the formulas (issue 21)', async () => {
    const blank = path.join(scratch, 'water-blank.xlsx');
    const made = run(process.execPath, [RUBRIC, 'template', path.join(ROOT, 'samples/zhoushan-water-2021.rubric.yaml'), '--out', blank]);
    assert.equal(made.status, 0, made.stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(blank);
    const sheet = workbook.getWorksheet('打分表')!;
    // 国控 ratio met bad_months missed (B–E), 省控 ratio met (G, H), the rest (J); 定海区 row 9 … 嵊泗县 row 12.
    const typed = [
      [100, 1, 0, 0, 90, 1, 40],
      [80, 0, 1, 0, 100, 1, 42],
      [75, 1, 0, 1, 83.3, 0, 38],
      [50, 0, 6, 2, 66.7, 1, 35],
    ];
    typed.forEach((values, i) => ['B', 'C', 'D', 'E', 'G', 'H', 'J'].forEach((c, j) => (sheet.getCell(`${c}${9 + i}`).value = values[j])));
    const xlsx = path.join(scratch, 'water.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const { text, pages } = toPdf(xlsx);
    assert.equal(pages, 1);
    const rows = text.split('\n').map((line) => line.trim().split(/\s+/));
    const row = (first: string) => rows.find((cells) => cells[0] === first)?.join(' ');
    // Each row: the inputs, the points of 国控 and 省控 worked by the sheet's formulas, the rest, the total.
    // 定海区 50, 27, 117; 普陀区 80% × 50 × 0.8 − 2 = 30, 30, 102; 岱山县 37.5 − 5 = 32.5, 83.3% × 30 × 0.8 = 19.992,
    // 90.49; 嵊泗县 20 − 12 − 10 → 0, 20.01, 55.01. 新城管委会 has nothing entered: no total.
    // The name is level with its row's figures (centred vertically, as they are).
    assert.equal(row('定海区'), '定海区 100 1 0 0 50 90 1 27 40 117');
    assert.equal(row('普陀区'), '普陀区 80 0 1 0 30 100 1 30 42 102');
    assert.equal(row('岱山县'), '岱山县 75 1 0 1 32.5 83.3 0 19.992 38 90.49');
    assert.equal(row('嵊泗县'), '嵊泗县 50 0 6 2 0 66.7 1 20.01 35 55.01');
    assert.equal(row('新城管委会'), '新城管委会');
    assert.match(text, /国控断面Ⅲ类\s/);
    assert.ok(!/\b124\b/.test(text), 'no total on the row with nothing entered');
  });
});
