import { createInflateRaw } from 'zlib';
import { LocalizedText, text } from '../core';

/**
 * The entries of a zip archive (an .xlsx, later a .docx), read the way JSZip — which exceljs
 * loads them with — reads them, or refused where the two readings could differ. JSZip finds the
 * last end-of-directory record anywhere in the file, shifts every offset when bytes were put in
 * front of the archive, reads directory records for as long as their signature lasts (whatever
 * count the end record states), and takes sizes from ZIP64 fields; an archive that needs any of
 * these is not one a spreadsheet program writes, so it is refused rather than read a second way.
 * The sizes an entry declares are never trusted: `entryChunks` counts what actually inflates.
 */

export interface ZipEntry {
  /** The name in the central directory (for messages only: every entry is looked at, whatever its name). */
  name: string;
  method: number;
  compressedSize: number;
  /** What the archive says the entry unpacks to: compared with what it does, never used as a limit. */
  declaredSize: number;
  /** Where the entry's compressed bytes start. */
  dataStart: number;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; problem: 'not-zip' | 'unusual' | 'damaged'; detail: LocalizedText; entry?: string };

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DIRECTORY_RECORD = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

export function listZipEntries(bytes: Buffer): ZipListing {
  const end = bytes.lastIndexOf(END_OF_DIRECTORY);
  if (end < 0 || end + 22 > bytes.length) return { ok: false, problem: 'not-zip', detail: text('no end-of-directory record', '没有目录结束记录') };
  const recordsOnDisk = bytes.readUInt16LE(end + 8);
  const records = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (
    [bytes.readUInt16LE(end + 4), bytes.readUInt16LE(end + 6), recordsOnDisk, records].includes(MAX_16) ||
    [directorySize, directoryOffset].includes(MAX_32)
  ) {
    return { ok: false, problem: 'unusual', detail: text('a ZIP64 archive', 'ZIP64 格式') };
  }
  if (directoryOffset + directorySize !== end) {
    return directoryOffset + directorySize > end
      ? { ok: false, problem: 'not-zip', detail: text('the directory is cut short', '目录不完整') }
      : { ok: false, problem: 'unusual', detail: text('bytes before or inside the archive that belong to no entry', '压缩包前面或中间有不属于任何文件的数据') };
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  while (at + 46 <= bytes.length && bytes.readUInt32LE(at) === DIRECTORY_RECORD) {
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const declaredSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, Math.min(bytes.length, at + 46 + nameLength));
    if ([compressedSize, declaredSize, localOffset].includes(MAX_32))
      return { ok: false, problem: 'unusual', detail: text('a ZIP64 entry', 'ZIP64 格式的文件'), entry: name };
    if (flags & 1) return { ok: false, problem: 'unusual', detail: text('an encrypted entry', '加密的文件'), entry: name };
    if (method !== 0 && method !== 8) return { ok: false, problem: 'unusual', detail: text(`compression method ${method}`, `压缩方式 ${method}`), entry: name };
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) {
      return { ok: false, problem: 'damaged', detail: text('no local header where the directory points', '目录所指位置没有文件头'), entry: name };
    }
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length)
      return { ok: false, problem: 'damaged', detail: text('its data runs past the end of the file', '数据超出文件末尾'), entry: name };
    entries.push({ name, method, compressedSize, declaredSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length !== records || at !== end)
    return {
      ok: false,
      problem: 'damaged',
      detail: text(`the directory lists ${records} entries but holds ${entries.length}`, `目录记载 ${records} 个文件，实有 ${entries.length} 个`),
    };
  return { ok: true, entries };
}

/** An entry's bytes inflated past what the caller allows, or not inflating at all. */
export class EntryDataError extends Error {
  constructor(
    readonly entry: string,
    readonly kind: 'over-limit' | 'damaged' | 'size-mismatch',
    readonly detail: LocalizedText,
  ) {
    super(detail.en);
  }
}

/**
 * The unpacked bytes of one entry, chunk by chunk, stopping as soon as more than `limit` bytes
 * have come out (whatever the entry declares). An entry that unpacks to another size than it
 * declares is damaged (JSZip would refuse it, after unpacking all of it).
 */
export async function* entryChunks(bytes: Buffer, entry: ZipEntry, limit: number): AsyncGenerator<Buffer> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let produced = 0;
  const check = (size: number) => {
    produced += size;
    if (produced > limit) throw new EntryDataError(entry.name, 'over-limit', text(`unpacks to more than ${limit} bytes`, `解压后超过 ${limit} 字节`));
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 64 * 1024) {
      const chunk = data.subarray(at, at + 64 * 1024);
      check(chunk.length);
      yield chunk;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        check(chunk.length);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof EntryDataError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new EntryDataError(entry.name, 'damaged', text(`does not unpack (${reason})`, `无法解压（${reason}）`));
    } finally {
      inflate.destroy();
    }
  }
  if (produced !== entry.declaredSize) {
    const sizes = text(`declares ${entry.declaredSize} bytes but unpacks to ${produced}`, `声明 ${entry.declaredSize} 字节，解压后为 ${produced} 字节`);
    throw new EntryDataError(entry.name, 'size-mismatch', sizes);
  }
}
