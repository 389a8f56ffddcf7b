import { constants, deflateRawSync } from 'zlib';

/**
 * Files built byte by byte for the bad-input tests: a zip archive (stored entries) and an OLE
 * compound file (the container of .xls and of password-protected .xlsx), each valid enough that
 * the tools which read such files see what they are.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: string | Buffer;
  /** Deflate the data (else it is stored as it is). */
  deflate?: boolean;
  /** Already raw-deflated bytes, with the size they unpack to. */
  deflated?: { bytes: Buffer; size: number };
  /** The unpacked size the archive states, when it should lie. */
  declaredSize?: number;
}

/** A zip archive; `prefix` bytes before it (the offsets not shifted), the last `uncountedRecords` directory records left out of the end record's count. */
export function zipArchive(entries: ZipInput[], options: { prefix?: Buffer; uncountedRecords?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const plain = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const stored = entry.deflated?.bytes ?? (entry.deflate ? deflateRawSync(plain) : plain);
    const size = entry.deflated?.size ?? plain.length;
    const crc = entry.deflated ? 0 : crc32(plain);
    const method = entry.deflate || entry.deflated ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const counted = entries.length - (options.uncountedRecords ?? 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(counted, 8);
  end.writeUInt16LE(counted, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([options.prefix ?? Buffer.alloc(0), ...locals, directory, end]);
}

/**
 * Raw deflate of `megabytes` MiB of zeros, made without holding them: one flushed block of a MiB
 * repeated (a full flush ends each at a byte boundary with a fresh dictionary), then a final
 * empty block.
 */
export function deflatedZeros(megabytes: number): { bytes: Buffer; size: number } {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  return { bytes: Buffer.concat([...Array.from({ length: megabytes }, () => block), final]), size: megabytes * 1024 * 1024 };
}

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE compound file (version 3) with up to three streams, each at least 4096 bytes so that
 * it lives in regular sectors: sector 0 is the FAT, sector 1 the directory, then the streams.
 */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  if (streams.length > 3) throw new Error('at most three streams');
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data, size: s.data.length };
  });
  const fat: number[] = [FAT_SECTOR, END_OF_CHAIN];
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(fat.length);
    const sectors = s.data.length / SECTOR;
    for (let i = 0; i < sectors; i++) fat.push(i === sectors - 1 ? END_OF_CHAIN : fat.length + 1);
  }
  if (fat.length > SECTOR / 4) throw new Error('streams too large for one FAT sector');
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  const fatSector = Buffer.alloc(SECTOR, 0xff);
  fat.forEach((value, i) => fatSector.writeUInt32LE(value, i * 4));
  const directory = Buffer.alloc(SECTOR);
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1; // black
    directory.writeUInt32LE(FREE, at + 68); // left
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, padded.length > 0 ? 1 : FREE, FREE, END_OF_CHAIN, 0);
  padded.forEach((s, i) => entry(i + 1, s.name, 2, FREE, i + 1 < padded.length ? i + 2 : FREE, starts[i], s.size));
  return Buffer.concat([header, fatSector, directory, ...padded.map((s) => s.data)]);
}

export interface MinimalXlsxOptions {
  /** The sheet's part name (the workbook's relationship still says worksheets/sheet1.xml). */
  sheetPart?: string;
  /** What goes in xl/workbook.xml after `<sheets>` (defined names). */
  workbookTail?: string;
  deflate?: boolean;
  /** More entries, after the package's own. */
  extra?: ZipInput[];
  declaredSheetSize?: number;
}

/** The smallest .xlsx package around one sheet's XML (no styles, no shared strings). */
export function minimalXlsx(sheetXml: string, options: MinimalXlsxOptions = {}): Buffer {
  return zipArchive([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>' +
        `${options.workbookTail ?? ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: options.sheetPart ?? 'xl/worksheets/sheet1.xml', data: sheetXml, deflate: options.deflate, declaredSize: options.declaredSheetSize },
    ...(options.extra ?? []),
  ]);
}
