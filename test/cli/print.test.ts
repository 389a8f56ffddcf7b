import { strict as assert } from 'assert';
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

  it('prints the scoring template on one page wide, its totals computed by the formulas', () => {
    const xlsx = path.join(scratch, 'template.xlsx');
    const made = run(process.execPath, [RUBRIC, 'template', path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml'), '--out', xlsx]);
    assert.equal(made.status, 0, made.stderr);
    const { text, pages } = toPdf(xlsx);
    assert.equal(pages, 1);
    assert.match(text, /绛县2022年度林长制工作考评表 · 打分表/);
    assert.match(text, /古绛镇/);
    // Nothing entered yet: only the items scored by deduction count, at their full points:
    // 林木采伐监管 12 + 防火宣传与隐患排查 3 + 检疫执法 1.5 = 16.5 for each of the 10 subjects.
    assert.equal((text.match(/16\.5/g) ?? []).length, 10);
  });
});
