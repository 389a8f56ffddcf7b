import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import { importAssessmentTable } from 'rubric-studio-server/out/spreadsheet/import-assessment-table';
import { readWorkbook } from 'rubric-studio-server/out/spreadsheet/read-workbook';
import { inspectWorkbookBytes } from 'rubric-studio-server/out/spreadsheet/workbook-bytes';
import { buildAssessmentWorkbook } from 'rubric-studio-server/out/spreadsheet/export-assessment-table';
import { columnLetter } from 'rubric-studio-server/out/spreadsheet/import-report';
import { compoundFile, deflatedZeros, minimalXlsx, zipArchive } from '../../support/crafted-files';
import { draftOfText, sampleText } from '../../support/sheets';

async function exportedBytes(): Promise<Buffer> {
  const { document, draft } = draftOfText(sampleText('forest-chief-2022'));
  return Buffer.from(await buildAssessmentWorkbook(draft, document, { locale: 'zh-CN' }).xlsx.writeBuffer());
}

async function refusal(bytes: Buffer): Promise<string> {
  const read = await readWorkbook(bytes);
  assert.equal(read.ok, false, 'refused');
  return (read as { reason: { en: string } }).reason.en;
}

const SHEET = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;

describe('bad input: workbooks that are not what they say', () => {
  it('reads the smallest hand-made .xlsx (so the crafted files below are what they claim)', async () => {
    const bytes = minimalXlsx(SHEET('<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c></row>'));
    const read = await readWorkbook(bytes);
    assert.ok(read.ok);
    assert.equal(read.workbook.worksheets[0].getCell('A1').value, '指标');
  });

  it('names an .xls (Excel 97–2003) and says how to convert it', async () => {
    const xls = compoundFile([{ name: 'Workbook', data: Buffer.from([0x09, 0x08, 0x10, 0x00]) }]);
    assert.match(await refusal(xls), /old Excel 97–2003 workbook \(\.xls\): save it as an Excel workbook \(\.xlsx\)/);
  });

  it('names a password-protected workbook (an encrypted package in a compound file)', async () => {
    const encrypted = compoundFile([
      { name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) },
      { name: 'EncryptedPackage', data: Buffer.alloc(64, 0xab) },
    ]);
    const reason = await refusal(encrypted);
    assert.match(reason, /protected by a password/);
    assert.equal((await inspectWorkbookBytes(encrypted))?.message['zh-CN'].startsWith('设置了打开密码'), true);
  });

  it('names a cut-short download, random bytes and an empty file as not a zip archive', async () => {
    const whole = await exportedBytes();
    for (const bytes of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from('\x89PNG\r\n\x1a\n not a workbook'), Buffer.alloc(0)]) {
      assert.match(await refusal(bytes), /not a zip archive, or cut short/);
    }
  });

  it('says a zip archive with damaged contents is damaged, without a crash', async () => {
    const whole = await exportedBytes();
    const damaged = Buffer.from(whole);
    // Overwrite the middle of the archive (compressed sheet data), keeping the directory at the end.
    damaged.fill(0x55, Math.floor(whole.length * 0.3), Math.floor(whole.length * 0.6));
    assert.match(await refusal(damaged), /damaged/);
  });

  it('names an OpenDocument spreadsheet and a zip that is no workbook', async () => {
    const ods = zipArchive([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    assert.match(await refusal(ods), /OpenDocument spreadsheet \(\.ods\)/);
    const docx = zipArchive([{ name: 'word/document.xml', data: '<w:document/>' }]);
    assert.match(await refusal(docx), /not an \.xlsx workbook \(no xl\/workbook\.xml\)/);
  });

  it('refuses a merge over the whole sheet at once, before exceljs would expand it cell by cell', async () => {
    const bytes = minimalXlsx(SHEET('').replace('</worksheet>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'));
    assert.match(await refusal(bytes), /merges 17,179,869,184 cells at once \(A1:XFD1048576 in xl\/worksheets\/sheet1\.xml\)/);
  });

  it('refuses an archive whose entry declares a kilobyte and inflates to 600 MB, counting what comes out (issue 20, fault 11)', async () => {
    const bytes = minimalXlsx(SHEET(''), { extra: [{ name: 'xl/sharedStrings.xml', data: '', deflated: deflatedZeros(600), declaredSize: 1024 }] });
    assert.match(await reason(bytes), /^unpacks to more than 32 MB \(reached in xl\/sharedStrings\.xml\)/);
  });

  it('calls an entry that unpacks to another size than it declares damaged', async () => {
    const bytes = minimalXlsx(SHEET(''), { declaredSheetSize: 600 * 1024 * 1024 });
    const actual = Buffer.byteLength(SHEET(''));
    assert.equal(await reason(bytes), `is damaged: xl/worksheets/sheet1.xml declares 629145600 bytes but unpacks to ${actual}`);
  });
});

/** The reason the guard gives, without handing the bytes to exceljs (which a bypass would exhaust). */
async function reason(bytes: Buffer): Promise<string> {
  const problem = await inspectWorkbookBytes(bytes);
  assert.ok(problem, 'refused');
  return problem.message.en;
}

const MERGE = (mergeCell: string) => SHEET('').replace('</worksheet>', `<mergeCells count="1">${mergeCell}</mergeCells></worksheet>`);

describe('bad input: the merged-cell guard in every spelling (issue 20, fault 2)', () => {
  const spellings: [string, string][] = [
    ['with $ signs', '<mergeCell ref="$A$1:$XFD$1048576"/>'],
    ['in single quotes', "<mergeCell ref='A1:XFD1048576'/>"],
    ['after another attribute', '<mergeCell xr:uid="{1}" ref="A1:XFD1048576"/>'],
    ['across lines, with a character reference', '<mergeCell\n  ref = "A1&#58;XFD1048576"\n/>'],
    ['reversed', '<mergeCell ref="XFD1048576:A1"/>'],
  ];
  for (const [spelling, element] of spellings) {
    it(`refuses a whole-sheet merge written ${spelling}`, async () => {
      assert.match(await reason(minimalXlsx(MERGE(element))), /^merges 17,179,869,184 cells at once \(.*XFD.* in xl\/worksheets\/sheet1\.xml\)/);
    });
  }

  it('reads a range as exceljs does: lower-case letters and a row range still cover a million cells of column A', async () => {
    assert.match(await reason(minimalXlsx(MERGE('<mergeCell ref="a1:a1048576"/>'))), /^merges 1,048,576 cells at once/);
    assert.match(await reason(minimalXlsx(MERGE('<mergeCell ref="1:1048576"/>'))), /^merges 1,048,576 cells at once/);
  });

  it('looks at a worksheet under an absolute, nested or suffixed part name (exceljs reads them all as sheets)', async () => {
    for (const part of ['/xl/worksheets/sheet1.xml', 'nested/xl/worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml.bak']) {
      const bytes = minimalXlsx(SHEET(''), { extra: [{ name: part, data: MERGE('<mergeCell ref="A1:XFD1048576"/>'), deflate: true }] });
      assert.match(await reason(bytes), new RegExp(`^merges 17,179,869,184 cells at once \\(A1:XFD1048576 in ${part.replace(/[./]/g, '\\$&')}\\)`));
    }
  });

  it('refuses thousands of small merges (exceljs compares each with all before it)', async () => {
    const merges = Array.from({ length: 5_001 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:A${2 * i + 2}"/>`).join('');
    assert.match(await reason(minimalXlsx(MERGE(merges))), /^has more than 5,000 merged ranges \(in xl\/worksheets\/sheet1\.xml\)/);
  });

  it('reads small merges in any spelling', async () => {
    const read = await readWorkbook(minimalXlsx(MERGE("<mergeCell xr:uid='{1}'\n ref='$A$1:$B$2'/>")));
    assert.ok(read.ok);
    assert.equal(read.workbook.worksheets[0].getCell('B2').master.address, 'A1');
  });
});

describe('bad input: columns, far rows and named ranges (issue 20, faults 3 and 4)', () => {
  it('refuses a column range beyond the sheet, in max or in min (exceljs makes every column before min too)', async () => {
    const cols = (col: string) => SHEET('').replace('<sheetData>', `<cols>${col}</cols><sheetData>`);
    assert.match(
      await reason(minimalXlsx(cols('<col min="1" max="100000000" width="9"/>'))),
      /^defines columns up to 100,000,000 \(a <col> in xl\/worksheets\/sheet1\.xml\)/,
    );
    assert.match(await reason(minimalXlsx(cols("<col width='9' max='100000000' min='100000000'/>"))), /^defines columns up to 100,000,000/);
    const read = await readWorkbook(minimalXlsx(cols('<col min="1" max="16384" width="9"/>')));
    assert.ok(read.ok, 'a range over every column Excel has is read');
  });

  it('refuses a row beyond the sheet, whatever the sheet declares as its used range', async () => {
    const bytes = minimalXlsx(SHEET('<row r="50000000"><c r="Z50000000"><v>1</v></c></row>').replace('<sheetData>', '<dimension ref="A1:B2"/><sheetData>'));
    assert.match(await reason(bytes), /^has a row numbered 50,000,000 in xl\/worksheets\/sheet1\.xml, beyond the 1,048,576 rows a sheet has/);
    assert.match(
      await reason(minimalXlsx(SHEET('<row r="1"><c r="XFE1"><v>1</v></c></row>'))),
      /^has a cell XFE1 in xl\/worksheets\/sheet1\.xml, beyond column XFD/,
    );
  });

  it('refuses a defined name over a whole sheet (exceljs keeps every cell of it), in the spellings exceljs reads', async () => {
    for (const formula of ['Sheet1!$A$1:$XFD$1048576', "x'A1:,X'$F$D$1048576"]) {
      const bytes = minimalXlsx(SHEET(''), { workbookTail: `<definedNames><definedName name="data">${formula}</definedName></definedNames>` });
      assert.match(await reason(bytes), /^names 17,179,869,184 cells at once \(“data” = /);
    }
    const printArea = minimalXlsx(SHEET(''), {
      workbookTail: '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>',
    });
    assert.equal(await inspectWorkbookBytes(printArea), undefined, 'a print area is a page setting, not named cells');
  });

  it('refuses more cells than the budget, counting what is there', async () => {
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 100 }, (_, c) => `<c r="${columnLetter(c + 1)}${r}"/>`).join('')}</row>`;
    const bytes = minimalXlsx(SHEET(Array.from({ length: 2_500 }, (_, i) => row(i + 1)).join('')), { deflate: true });
    assert.match(await reason(bytes), /^holds more than 200,000 cells/);
  });

  it('refuses a cell longer than Excel allows', async () => {
    const bytes = minimalXlsx(SHEET(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'分'.repeat(32_768)}</t></is></c></row>`), { deflate: true });
    assert.match(await reason(bytes), /^has a cell or name in xl\/worksheets\/sheet1\.xml holding more than 32,767 characters/);
  });
});

describe('bad input: archives read another way by JSZip', () => {
  it('refuses bytes before the archive, a directory record left out of the count, and more entries than a workbook has', async () => {
    const plain = minimalXlsx(SHEET(''));
    assert.match(await reason(Buffer.concat([Buffer.alloc(64), plain])), /^is a zip archive no spreadsheet program writes: bytes before or inside the archive/);
    const uncounted = zipArchive(
      [
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: MERGE('<mergeCell ref="A1:XFD1048576"/>') },
      ],
      { uncountedRecords: 1 },
    );
    assert.match(await reason(uncounted), /^is damaged: the directory lists 1 entries but holds 2/);
    const many = zipArchive([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      ...Array.from({ length: 1_000 }, (_, i) => ({ name: `x/${i}.xml`, data: '<x/>' })),
    ]);
    assert.match(await reason(many), /^holds 1,001 files, more than the 1,000 a workbook may have/);
  });
});

describe('bad input: a cell far below the table (issue 20, fault 4)', () => {
  const table =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>分值</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>任务完成率</t></is></c><c r="B2"><v>60</v></c></row>' +
    '<row r="3"><c r="A3" t="inlineStr"><is><t>台账规范</t></is></c><c r="B3"><v>40</v></c></row>';
  const rowsHeld = (sheet: ExcelJS.Worksheet) => (sheet.findRows(1, sheet.rowCount) ?? []).filter(Boolean).length;

  it('reads only the rows the file has: none is made between the table and the stray cell', async () => {
    const read = await readWorkbook(minimalXlsx(SHEET(`${table}<row r="20000"><c r="A20000" t="inlineStr"><is><t>其他</t></is></c></row>`)));
    assert.ok(read.ok);
    const sheet = read.workbook.worksheets[0];
    assert.equal(rowsHeld(sheet), 4);
    const result = importAssessmentTable(read.workbook);
    assert.equal(rowsHeld(sheet), 4, 'the import made no row');
    assert.deepEqual(
      result.draft?.indicators.map((i) => i.name),
      ['任务完成率', '台账规范', '其他'],
    );
    assert.deepEqual(
      result.problems.filter((p) => p.severity === 'error').map((p) => `${p.address} ${p.message.en}`),
      ['Sheet1!B20000 no points for “其他”'],
    );
  });
});

describe('bad input: a table longer than a rubric is read from', () => {
  it('refuses 12,001 rows below the header, naming the sheet', () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('长表');
    sheet.addRow(['指标', '分值']);
    for (let i = 1; i <= 12_001; i++) sheet.addRow([`指标${i}`, 1]);
    const result = importAssessmentTable(workbook);
    assert.equal(result.draft, undefined);
    assert.deepEqual(
      result.problems.map((p) => `${p.severity} ${p.address} ${p.message.en}`),
      ['error 长表 the table has 12,001 rows below its header, more than the 12,000 a rubric is read from'],
    );
  });
});
