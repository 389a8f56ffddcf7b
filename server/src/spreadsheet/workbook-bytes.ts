import { inflateRawSync } from 'zlib';
import { LocalizedText, text } from '../core';

/**
 * What a file must be before exceljs sees it. exceljs reads a whole archive into memory and
 * expands every merged range and validated range into cells, so a small hostile file (a merge over
 * A1:XFD1048576, a zip bomb) would hang or exhaust the process; an .xls or a password-protected
 * workbook (both OLE compound files) only gets a zip error from it. Each is named here instead.
 */

/** Larger files are refused: a 10,000-row 考评表 is about 1 MB. */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;
/** The archive's entries unpacked, all together. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
/** Cells covered by merged ranges, per sheet. */
export const MAX_MERGED_CELLS = 2_000_000;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const utf16 = (name: string) => Buffer.from(name, 'utf16le');

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The archive's central directory, or undefined when the bytes are not a whole zip archive. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      localOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryText(bytes: Buffer, entry: ZipEntry): string | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) }).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/** The text of one entry of a zip archive (an .xlsx part), or undefined. */
export function zipEntryText(bytes: Buffer, name: string): string | undefined {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  return entry && entryText(bytes, entry);
}

const COLUMN = /^([A-Z]{1,3})(\d{1,7})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells a range like `A1:C10` covers (1 for a single cell). */
export function rangeArea(range: string): number {
  const [from, to = from] = range.split(':');
  const a = COLUMN.exec(from);
  const b = COLUMN.exec(to);
  if (!a || !b) return 1;
  const rows = Math.abs(Number(b[2]) - Number(a[2])) + 1;
  const cols = Math.abs(columnNumber(b[1]) - columnNumber(a[1])) + 1;
  return rows * cols;
}

export type WorkbookBytesProblem = { kind: 'xls' | 'encrypted' | 'ole' | 'ods' | 'not-zip' | 'not-xlsx' | 'too-large' | 'corrupt'; message: LocalizedText };

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** Undefined when the bytes may be given to exceljs; otherwise what they are, in words. */
export function inspectWorkbookBytes(bytes: Buffer): WorkbookBytesProblem | undefined {
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
  const entries = zipEntries(bytes);
  if (!entries) {
    return {
      kind: 'not-zip',
      message: text(
        'is not an .xlsx workbook: not a zip archive, or cut short (an incomplete download?)',
        '不是 .xlsx 工作簿：不是 zip 压缩包，或文件不完整（下载未完成？）',
      ),
    };
  }
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
  const unpacked = entries.reduce((total, e) => total + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    return {
      kind: 'too-large',
      message: text(
        `unpacks to ${MB(unpacked)}, above the ${MB(MAX_UNPACKED_BYTES)} a workbook may have`,
        `解压后为 ${MB(unpacked)}，超过上限 ${MB(MAX_UNPACKED_BYTES)}`,
      ),
    };
  }
  for (const entry of entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))) {
    const xml = entryText(bytes, entry);
    if (xml === undefined) {
      return { kind: 'corrupt', message: text(`is damaged: ${entry.name} cannot be unpacked`, `已损坏：无法解压 ${entry.name}`) };
    }
    let merged = 0;
    for (const match of xml.matchAll(/<mergeCell\s+ref="([^"]+)"/g)) {
      merged += rangeArea(match[1]);
      if (merged > MAX_MERGED_CELLS) {
        return {
          kind: 'too-large',
          message: text(
            `merges ${merged.toLocaleString('en')}+ cells (${match[1]} in ${entry.name}): more than a table has; unmerge them and import again`,
            `合并单元格过大（${entry.name} 中的 ${match[1]}，累计超过 ${merged} 个单元格）：请取消合并后再导入`,
          ),
        };
      }
    }
  }
  return undefined;
}
