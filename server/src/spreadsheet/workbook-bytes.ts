import { LocalizedText, text } from '../core';
import { WorkbookBudget } from './workbook-budget';
import { EntryDataError, entryChunks, listZipEntries, ZipEntry } from './zip-archive';
import { XmlPartScan } from './xml-scan';

/**
 * What a file must be before exceljs sees it. exceljs unpacks every entry of the archive into
 * memory and builds an object for every cell, merged cell, column and named cell, so a small
 * hostile file (a merge over A1:XFD1048576 in any spelling, a `<col max="100000000">`, an entry
 * that declares 1 KB and inflates to gigabytes) would hang or exhaust the process; an .xls or a
 * password-protected workbook (both OLE compound files) only gets a zip error from it. Each entry
 * is unpacked here as far as the limits allow — counting what actually comes out — and read as XML
 * against the workbook's budget (workbook-budget.ts); each refusal says what was found.
 */

/** Larger files are refused: a 10,000-row 考评表 is about 0.4 MB, and unpacks to about 4 MB. */
export const MAX_WORKBOOK_BYTES = 32 * 1024 * 1024;
/** The archive's entries as they actually unpack, all together (their declared sizes are not trusted). */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** Entries in the archive: a workbook of fifty sheets has about a hundred and twenty. */
export const MAX_ARCHIVE_ENTRIES = 1_000;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const utf16 = (name: string) => Buffer.from(name, 'utf16le');

export type WorkbookBytesProblem = { kind: 'xls' | 'encrypted' | 'ole' | 'ods' | 'not-zip' | 'not-xlsx' | 'too-large' | 'corrupt'; message: LocalizedText };

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** Undefined when the bytes may be given to exceljs; otherwise what they are, in words. */
export async function inspectWorkbookBytes(bytes: Buffer): Promise<WorkbookBytesProblem | undefined> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    return {
      kind: 'too-large',
      message: text(
        `is ${MB(bytes.length)}, above the ${MB(MAX_WORKBOOK_BYTES)} a workbook may have`,
        `大小为 ${MB(bytes.length)}，超过工作簿上限 ${MB(MAX_WORKBOOK_BYTES)}`,
      ),
    };
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(utf16('EncryptedPackage'))) {
      return {
        kind: 'encrypted',
        message: text(
          'is protected by a password (an encrypted workbook): open it in Excel or WPS, remove the password (File › Info › Protect Workbook), save, and import again',
          '设置了打开密码（加密的工作簿）：请在 Excel 或 WPS 中打开，取消密码（文件 › 信息 › 保护工作簿）后保存，再导入',
        ),
      };
    }
    if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) {
      return {
        kind: 'xls',
        message: text(
          'is an old Excel 97–2003 workbook (.xls): save it as an Excel workbook (.xlsx) in Excel or WPS and import that',
          '是旧版 Excel 97–2003 工作簿（.xls）：请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后再导入',
        ),
      };
    }
    return {
      kind: 'ole',
      message: text('is an OLE compound document (perhaps a .doc), not an .xlsx workbook', '是 OLE 复合文档（可能是 .doc），不是 .xlsx 工作簿'),
    };
  }
  const listing = listZipEntries(bytes);
  if (!listing.ok) {
    if (listing.problem === 'not-zip') {
      return {
        kind: 'not-zip',
        message: text(
          'is not an .xlsx workbook: not a zip archive, or cut short (an incomplete download?)',
          '不是 .xlsx 工作簿：不是 zip 压缩包，或文件不完整（下载未完成？）',
        ),
      };
    }
    const where = listing.entry ? ` (${listing.entry})` : '';
    const { en, 'zh-CN': zh } = listing.detail;
    return listing.problem === 'unusual'
      ? {
          kind: 'corrupt',
          message: text(
            `is a zip archive no spreadsheet program writes: ${en}${where}; open it in Excel or WPS and save it again`,
            `是电子表格软件不会生成的 zip 压缩包（${zh}${where}）：请在 Excel 或 WPS 中打开后重新保存`,
          ),
        }
      : { kind: 'corrupt', message: text(`is damaged: ${en}${where}`, `已损坏：${zh}${where}`) };
  }
  const entries = listing.entries;
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml') && names.has('mimetype')) {
      return {
        kind: 'ods',
        message: text('is an OpenDocument spreadsheet (.ods): save it as .xlsx and import that', '是 OpenDocument 电子表格（.ods）：请另存为 .xlsx 后再导入'),
      };
    }
    return {
      kind: 'not-xlsx',
      message: text('is a zip archive but not an .xlsx workbook (no xl/workbook.xml)', '是 zip 压缩包，但不是 .xlsx 工作簿（缺少 xl/workbook.xml）'),
    };
  }
  if (entries.length > MAX_ARCHIVE_ENTRIES) {
    return {
      kind: 'too-large',
      message: text(
        `holds ${entries.length.toLocaleString('en')} files, more than the ${MAX_ARCHIVE_ENTRIES.toLocaleString('en')} a workbook may have`,
        `包含 ${entries.length} 个文件，超过工作簿上限 ${MAX_ARCHIVE_ENTRIES} 个`,
      ),
    };
  }
  return scanEntries(bytes, entries);
}

/** Every entry unpacked and read as XML against the budget, whatever its name. */
async function scanEntries(bytes: Buffer, entries: readonly ZipEntry[]): Promise<WorkbookBytesProblem | undefined> {
  const budget = new WorkbookBudget();
  let unpacked = 0;
  for (const entry of entries) {
    const scan = new XmlPartScan(budget.part(entry.name));
    try {
      for await (const chunk of entryChunks(bytes, entry, MAX_UNPACKED_BYTES - unpacked)) {
        unpacked += chunk.length;
        scan.write(chunk);
        if (budget.problem) return { kind: 'too-large', message: budget.problem };
      }
    } catch (error) {
      if (!(error instanceof EntryDataError)) throw error;
      if (error.kind === 'over-limit') {
        return {
          kind: 'too-large',
          message: text(
            `unpacks to more than ${MB(MAX_UNPACKED_BYTES)} (reached in ${error.entry}), above what a workbook may have`,
            `解压后超过 ${MB(MAX_UNPACKED_BYTES)}（解压至 ${error.entry} 时），超出工作簿上限`,
          ),
        };
      }
      return { kind: 'corrupt', message: text(`is damaged: ${error.entry} ${error.detail.en}`, `已损坏：${error.entry} ${error.detail['zh-CN']}`) };
    }
    scan.end();
    if (budget.problem) return { kind: 'too-large', message: budget.problem };
  }
  return undefined;
}
