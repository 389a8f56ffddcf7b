import { zipEntryText } from './sheets';

/**
 * A Word document read back from its XML (word/document.xml), as a reader of the page would take
 * it: the paragraphs' text outside tables, and each table's cells row by row. Enough for the
 * notice's tests; no layout.
 */
export interface DocxText {
  paragraphs: string[];
  tables: string[][][];
  /** The raw XML, for the few properties a test asserts (page size, margins, fonts). */
  xml: string;
}

const unescape = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of the runs in a piece of WordprocessingML; a `<w:br/>` is a line break. */
function runsText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescape(m[1]))).join('');
}

const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p(?=[\s>/])(?:[^>]*\/>|[\s\S]*?<\/w:p>)/g)].map((m) => runsText(m[0]));

export function docxText(bytes: Buffer, part = 'word/document.xml'): DocxText {
  const xml = zipEntryText(bytes, part);
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr(?=[\s>])[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => runsText(cell[0]))),
  );
  return { paragraphs: paragraphsOf(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')), tables, xml };
}
