import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { DocumentAnalysis } from 'rubric-studio-server';
import { DraftRubric, draftOf } from 'rubric-studio-server/out/spreadsheet/rubric-draft';
import { listZipEntries } from 'rubric-studio-server/out/spreadsheet/zip-archive';
import { analyze } from './rubric-core';

export const ROOT = path.resolve(__dirname, '../../..');

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'samples', `${name}.rubric.yaml`), 'utf8');
}

export const SAMPLE_NAMES = fs
  .readdirSync(path.join(ROOT, 'samples'))
  .filter((f) => f.endsWith('.rubric.yaml'))
  .map((f) => f.replace(/\.rubric\.yaml$/, ''));

/** A rubric text's first document and its draft. */
export function draftOfText(text: string): { document: DocumentAnalysis; draft: DraftRubric } {
  const document = analyze(text).documents[0];
  return { document, draft: draftOf(text, document) };
}

/** A workbook written to bytes and read back, as a person's spreadsheet program would get it. */
export async function roundTripBytes(workbook: ExcelJS.Workbook): Promise<{ bytes: Buffer; read: ExcelJS.Workbook }> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { bytes, read };
}

/** The merged ranges of a sheet as `A7:A8` strings. */
export function mergesOf(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as unknown as { merges: string[] }).merges;
}

/** The rows after which a manual page break is set, read from the sheet's XML (exceljs does not read them back). */
export function rowBreaksOf(bytes: Buffer, sheetNumber = 1): number[] {
  const xml = zipEntryText(bytes, `xl/worksheets/sheet${sheetNumber}.xml`);
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

/** The text of one entry of a zip archive ('' when there is none). */
export function zipEntryText(bytes: Buffer, name: string): string {
  const listing = listZipEntries(bytes);
  const entry = listing.ok ? listing.entries.find((e) => e.name === name) : undefined;
  if (!entry) return '';
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}
