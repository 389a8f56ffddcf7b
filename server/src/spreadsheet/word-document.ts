import { LocalizedText, text } from '../core';
import { MAX_CELL_CHARACTERS, MAX_WORKBOOK_CELLS } from './workbook-budget';
import { MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES } from './workbook-bytes';
import { WordCell, WordTableGrid } from './word-table';
import { XmlListener, XmlPartScan } from './xml-scan';
import { EntryDataError, entryChunks, listZipEntries } from './zip-archive';

/**
 * The tables of a Word document (.docx), read straight from its OOXML: the archive through the
 * reader the workbook guard uses (zip-archive.ts: the sizes an entry declares are not trusted,
 * what inflates is counted and stopped), the document part through saxes (xml-scan.ts: no DTD is
 * processed, so an entity bomb is an undefined entity and the part is refused as damaged). Only
 * `word/document.xml` is unpacked; the rest of the archive is never inflated. The tables are
 * counted as they are read — rows, the grid cells each cell spans, the characters of a cell — and
 * a document past the budget is refused with the reason, before any table is built.
 *
 * Chosen over mammoth (docx → HTML): mammoth loads the whole archive through JSZip, trusting the
 * declared sizes, and parses the XML with xmldom into a tree; its HTML would then be parsed again
 * for the tables' colspan and rowspan. Reading the part as a stream with the parser the workbook
 * guard already uses keeps one guard for both kinds of file and needs no new dependency.
 */

/** Grid columns a table row may have: Word itself stops at 63. */
export const MAX_WORD_COLUMNS = 200;
/** Paragraphs above a table kept as its title and info lines. */
const PARAGRAPHS_ABOVE = 8;

export type WordRead = { ok: true; tables: WordTableGrid[] } | { ok: false; kind: 'doc' | 'not-docx' | 'too-large' | 'corrupt'; reason: LocalizedText };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAIN_PART = 'word/document.xml';
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
const count = (n: number) => n.toLocaleString('en');

/** The tables of a .docx, named `表1`, `表2`, … (`tableName`), or why they cannot be read. */
export async function readWordTables(bytes: Buffer, tableName: (index: number) => string): Promise<WordRead> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    return {
      ok: false,
      kind: 'too-large',
      reason: text(
        `is ${MB(bytes.length)}, above the ${MB(MAX_WORKBOOK_BYTES)} a document may have`,
        `大小为 ${MB(bytes.length)}，超过文档上限 ${MB(MAX_WORKBOOK_BYTES)}`,
      ),
    };
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    return {
      ok: false,
      kind: 'doc',
      reason: text(
        'is an old Word 97–2003 document (.doc) or encrypted: save it as a Word document (.docx) and import that',
        '是旧版 Word 97–2003 文档（.doc）或已加密：请另存为 Word 文档（.docx）后再导入',
      ),
    };
  }
  const listing = listZipEntries(bytes);
  if (!listing.ok) {
    if (listing.problem === 'not-zip')
      return {
        ok: false,
        kind: 'not-docx',
        reason: text('is not a .docx document: not a zip archive, or cut short', '不是 .docx 文档：不是 zip 压缩包，或文件不完整'),
      };
    const where = listing.entry ? ` (${listing.entry})` : '';
    return { ok: false, kind: 'corrupt', reason: text(`is damaged: ${listing.detail.en}${where}`, `已损坏：${listing.detail['zh-CN']}${where}`) };
  }
  const main = listing.entries.filter((e) => e.name === MAIN_PART);
  if (main.length !== 1) {
    return main.length === 0
      ? {
          ok: false,
          kind: 'not-docx',
          reason: text(`is a zip archive but not a .docx document (no ${MAIN_PART})`, `是 zip 压缩包，但不是 .docx 文档（缺少 ${MAIN_PART}）`),
        }
      : { ok: false, kind: 'corrupt', reason: text(`is damaged: it holds ${MAIN_PART} twice`, `已损坏：包含两个 ${MAIN_PART}`) };
  }
  const builder = new WordTablesBuilder();
  const scan = new XmlPartScan(builder);
  try {
    for await (const chunk of entryChunks(bytes, main[0], MAX_UNPACKED_BYTES)) {
      scan.write(chunk);
      if (builder.problem) return { ok: false, kind: 'too-large', reason: builder.problem };
    }
  } catch (error) {
    if (!(error instanceof EntryDataError)) throw error;
    if (error.kind === 'over-limit')
      return {
        ok: false,
        kind: 'too-large',
        reason: text(`unpacks to more than ${MB(MAX_UNPACKED_BYTES)} (${MAIN_PART})`, `解压后超过 ${MB(MAX_UNPACKED_BYTES)}（${MAIN_PART}）`),
      };
    return { ok: false, kind: 'corrupt', reason: text(`is damaged: ${error.entry} ${error.detail.en}`, `已损坏：${error.entry} ${error.detail['zh-CN']}`) };
  }
  scan.end();
  if (builder.problem) return { ok: false, kind: 'too-large', reason: builder.problem };
  if (scan.failure !== undefined) {
    return {
      ok: false,
      kind: 'corrupt',
      reason: text(`is damaged: ${MAIN_PART} is not well-formed XML (${scan.failure})`, `已损坏：${MAIN_PART} 不是格式正确的 XML（${scan.failure}）`),
    };
  }
  return { ok: true, tables: builder.tables.map((t, index) => new WordTableGrid(tableName(index + 1), t.rows, t.above)) };
}

/** `w:val` in whatever prefix the document gives it. */
function valOf(attributes: Readonly<Record<string, string>>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key === 'val' || key.endsWith(':val')) return value;
  return undefined;
}

/** Parts of a paragraph whose text is not the document's (alternatives shown instead, text boxes, field codes). */
const IGNORED = new Set(['Fallback', 'txbxContent', 'instrText', 'delText']);

/** Builds the top-level tables of the body as rows of cells, counting against the budget as it goes. */
class WordTablesBuilder implements XmlListener {
  readonly tables: { rows: WordCell[][]; above: string[] }[] = [];
  problem: LocalizedText | undefined;
  private depth = 0;
  private ignored = 0;
  private inText = false;
  private paragraph = '';
  /** Paragraphs outside tables since the last table, the last few kept. */
  private outside: string[] = [];
  private rows: WordCell[][] | undefined;
  private row: WordCell[] | undefined;
  private column = 1;
  private cell: (WordCell & { paragraphs: string[]; length: number; hContinue?: boolean }) | undefined;
  private cells = 0;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.problem) return;
    if (IGNORED.has(name)) this.ignored++;
    if (this.ignored > 0) return;
    switch (name) {
      case 'tbl':
        this.depth++;
        if (this.depth === 1) this.rows = [];
        break;
      case 'tr':
        if (this.depth === 1) {
          this.row = [];
          this.column = 1;
          this.count(1);
        }
        break;
      case 'gridBefore':
        if (this.depth === 1 && this.row && !this.cell) this.column += this.number(valOf(attributes), 0);
        break;
      case 'tc':
        if (this.depth === 1 && this.row) this.cell = { column: this.column, span: 1, text: '', paragraphs: [], length: 0 };
        break;
      case 'gridSpan':
        if (this.depth === 1 && this.cell) this.cell.span = this.number(valOf(attributes), 1);
        break;
      case 'vMerge':
        if (this.depth === 1 && this.cell) this.cell.vMerge = valOf(attributes) === 'restart' ? 'restart' : 'continue';
        break;
      case 'hMerge':
        // The old spelling of a merge across: a `continue` cell widens the one before it.
        if (this.depth === 1 && this.cell && valOf(attributes) !== 'restart') this.cell.hContinue = true;
        break;
      case 't':
        this.inText = true;
        break;
      case 'tab':
        if (!this.inText) this.add('\t');
        break;
      case 'br':
      case 'cr':
        this.add('\n');
        break;
    }
  }

  text(value: string): void {
    if (this.inText && this.ignored === 0 && !this.problem) this.add(value);
  }

  close(name: string): void {
    if (this.problem) return;
    if (IGNORED.has(name)) {
      this.ignored--;
      return;
    }
    if (this.ignored > 0) return;
    switch (name) {
      case 't':
        this.inText = false;
        break;
      case 'p':
        if (this.cell) this.cell.paragraphs.push(this.paragraph);
        else if (this.depth === 0 && this.paragraph.trim() !== '') this.outside = [...this.outside, this.paragraph.trim()].slice(-PARAGRAPHS_ABOVE);
        this.paragraph = '';
        break;
      case 'tc':
        if (this.depth === 1 && this.cell && this.row) {
          const { paragraphs, length: _length, hContinue, ...cell } = this.cell;
          cell.text = paragraphs.join('\n').trim();
          const previous = this.row.at(-1);
          if (hContinue && previous) previous.span += cell.span;
          else this.row.push(cell);
          this.column += cell.span;
          this.count(cell.span);
          if (this.column - 1 > MAX_WORD_COLUMNS) {
            this.problem = text(
              `has a table row ${count(this.column - 1)} columns wide, more than the ${MAX_WORD_COLUMNS} a table is read with (Word makes at most 63)`,
              `有表格行宽 ${count(this.column - 1)} 列，超过导入上限 ${MAX_WORD_COLUMNS} 列（Word 最多 63 列）`,
            );
          }
          this.cell = undefined;
        }
        break;
      case 'tr':
        if (this.depth === 1 && this.row && this.rows) this.rows.push(this.row);
        this.row = undefined;
        break;
      case 'tbl':
        if (this.depth === 1 && this.rows) {
          this.tables.push({ rows: this.rows, above: this.outside });
          this.outside = [];
          this.rows = undefined;
        }
        this.depth = Math.max(0, this.depth - 1);
        break;
    }
  }

  /** Text of the paragraph being read, counted against the cell's limit. */
  private add(value: string): void {
    this.paragraph += value;
    if (!this.cell) {
      if (this.paragraph.length > MAX_CELL_CHARACTERS) this.paragraph = this.paragraph.slice(0, MAX_CELL_CHARACTERS);
      return;
    }
    this.cell.length += value.length;
    if (this.cell.length > MAX_CELL_CHARACTERS) {
      this.problem = text(
        `has a table cell holding more than ${count(MAX_CELL_CHARACTERS)} characters, more than a 考评表's cell has`,
        `有表格单元格超过 ${count(MAX_CELL_CHARACTERS)} 个字符，超出考评表单元格的规模`,
      );
    }
  }

  /** A count attribute: a whole number from 0 up, else `fallback`; one past the width limit at most. */
  private number(value: string | undefined, fallback: number): number {
    const n = Number.parseInt(value ?? '', 10);
    return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_WORD_COLUMNS + 1) : fallback;
  }

  private count(cells: number): void {
    this.cells += cells;
    if (this.cells > MAX_WORKBOOK_CELLS) {
      this.problem = text(
        `holds tables of more than ${count(MAX_WORKBOOK_CELLS)} cells (rows and the columns each cell spans), more than a 考评表 has`,
        `表格单元格超过 ${count(MAX_WORKBOOK_CELLS)} 个（行及各单元格所跨的列），超出考评表的规模`,
      );
    }
  }
}
