import { strict as assert } from 'assert';
import { readWorkbook } from 'rubric-studio-server/out/spreadsheet/read-workbook';
import { inspectWorkbookBytes } from 'rubric-studio-server/out/spreadsheet/workbook-bytes';
import { buildAssessmentWorkbook } from 'rubric-studio-server/out/spreadsheet/export-assessment-table';
import { compoundFile, minimalXlsx, zipArchive } from '../../support/crafted-files';
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
    assert.equal(inspectWorkbookBytes(encrypted)?.message['zh-CN'].startsWith('设置了打开密码'), true);
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
    const started = Date.now();
    const bytes = minimalXlsx(SHEET('').replace('</worksheet>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'));
    assert.match(await refusal(bytes), /merges .* cells \(A1:XFD1048576/);
    assert.ok(Date.now() - started < 5000);
  });

  it('refuses an archive that claims to unpack to more than 512 MB (a zip bomb)', async () => {
    const bytes = minimalXlsx(SHEET(''));
    // Patch the sheet's uncompressed size in the central directory to 600 MB.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = bytes.lastIndexOf(name) - 46;
    assert.equal(bytes.readUInt32LE(at), 0x02014b50);
    bytes.writeUInt32LE(600 * 1024 * 1024, at + 24);
    assert.match(await refusal(bytes), /unpacks to 600 MB/);
  });
});
