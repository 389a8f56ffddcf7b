import {
  AlignmentType,
  BorderStyle,
  DocumentGridType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { displayWidth } from '../core';
import { NoticeBlock, NoticeDocument, NoticeTable } from './notice-document';
import { titleLines } from './title-lines';

/**
 * A results notice as a Word document (.docx, written with the `docx` library). In Chinese it is
 * typeset as GB/T 9704-2012 lays out 党政机关公文: A4, 37 / 35 / 28 / 26 mm margins, 22 lines of
 * 三号仿宋 to the page, the title in 二号小标宋, 一、 headings in 黑体 and （一） in 楷体, paragraphs
 * indented two characters, the unsealed signature (发文机关署名 right, the date two characters
 * further right below it), page numbers as — 1 — in 四号宋体 on the outer side, and the annex on a
 * page of its own. In English: the same parts in Times New Roman, as a plain business letter.
 */

/** A typeface for the East Asian characters and one for the Latin letters and digits, and a size in points. */
interface Face {
  eastAsia: string;
  latin: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
}

interface Typesetting {
  /** Millimetres: top, right, bottom, left; and from the page's foot to the footer. */
  margins: { top: number; right: number; bottom: number; left: number; footer: number };
  /** Exact line pitch of the body, in points. */
  line: number;
  body: Face;
  title: Face;
  titleLine: number;
  heading1: Face;
  heading2: Face;
  table: Face;
  tableHeader: Face;
  tableLine: number;
  pageNumber: Face;
  /** First lines indented two characters (Chinese), or paragraphs set apart by space (English). */
  indent: boolean;
  /** Page numbers on the outer side (公文: odd right, even left), or centred. */
  outerPageNumbers: boolean;
}

const FANGSONG = '仿宋_GB2312';
const LATIN_SERIF = 'Times New Roman';

const CHINESE: Typesetting = {
  margins: { top: 37, right: 26, bottom: 35, left: 28, footer: 23 },
  // 225 mm of text block over 22 lines.
  line: 28.95,
  body: { eastAsia: FANGSONG, latin: LATIN_SERIF, size: 16 },
  title: { eastAsia: '方正小标宋简体', latin: LATIN_SERIF, size: 22 },
  titleLine: 35,
  heading1: { eastAsia: '黑体', latin: LATIN_SERIF, size: 16 },
  heading2: { eastAsia: '楷体_GB2312', latin: LATIN_SERIF, size: 16 },
  table: { eastAsia: FANGSONG, latin: LATIN_SERIF, size: 12 },
  tableHeader: { eastAsia: '黑体', latin: LATIN_SERIF, size: 12 },
  tableLine: 18,
  pageNumber: { eastAsia: '宋体', latin: '宋体', size: 14 },
  indent: true,
  outerPageNumbers: true,
};

const ENGLISH: Typesetting = {
  margins: { top: 25, right: 25, bottom: 25, left: 25, footer: 12 },
  line: 16,
  body: { eastAsia: FANGSONG, latin: LATIN_SERIF, size: 12 },
  title: { eastAsia: '黑体', latin: LATIN_SERIF, size: 16, bold: true },
  titleLine: 22,
  heading1: { eastAsia: '黑体', latin: LATIN_SERIF, size: 12, bold: true },
  heading2: { eastAsia: '楷体_GB2312', latin: LATIN_SERIF, size: 12, italic: true },
  table: { eastAsia: FANGSONG, latin: LATIN_SERIF, size: 10 },
  tableHeader: { eastAsia: '黑体', latin: LATIN_SERIF, size: 10, bold: true },
  tableLine: 14,
  pageNumber: { eastAsia: LATIN_SERIF, latin: LATIN_SERIF, size: 10 },
  indent: false,
  outerPageNumbers: false,
};

/** Lines of the title, each a run after a line break. */
function titleRuns(notice: NoticeDocument, t: Typesetting, textWidth: number): TextRun[] {
  // Columns of a line at the title's size, less a character's room for the wider Latin digits.
  const capacity = 2 * Math.floor(textWidth / twips(t.title.size)) - 2;
  const lines = notice.locale === 'zh-CN' ? titleLines(notice.titleParts, capacity) : [notice.title];
  return lines.map((line, i) => run(line, t.title, i > 0 ? { break: 1 } : {}));
}

/** Word's own A4 (210 × 297 mm), to the twip. */
const A4 = { width: 11906, height: 16838 };
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const twips = (points: number) => Math.round(points * 20);

function run(value: string, face: Face, extra: { color?: string; break?: number } = {}): TextRun {
  return new TextRun({
    text: value,
    font: { eastAsia: face.eastAsia, ascii: face.latin, hAnsi: face.latin, cs: face.latin },
    size: face.size * 2,
    bold: face.bold,
    italics: face.italic,
    ...extra,
  });
}

/** The notice as .docx bytes. */
export async function noticeDocx(notice: NoticeDocument): Promise<Buffer> {
  const t = notice.locale === 'zh-CN' ? CHINESE : ENGLISH;
  const textWidth = A4.width - mm(t.margins.left) - mm(t.margins.right);
  const body = (value: string, face = t.body, options: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
    new Paragraph({
      alignment: AlignmentType.BOTH,
      spacing: { line: twips(t.line), lineRule: LineRuleType.EXACT, after: t.indent ? 0 : twips(t.body.size / 2) },
      indent: t.indent ? { firstLine: twips(2 * t.body.size) } : undefined,
      children: [run(value, face)],
      ...options,
    });
  const blank = () => body('');

  const children: (Paragraph | Table)[] = [
    ...draftBox(notice, t),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: twips(t.titleLine), lineRule: LineRuleType.EXACT, after: t.indent ? 0 : twips(t.body.size) },
      children: titleRuns(notice, t, textWidth),
    }),
    ...(t.indent ? [blank()] : []),
    body(notice.opening),
    // The last lines of the text go over with the signature: a page never holds the signature alone.
    ...notice.body.map((block, i) => blockParagraph(block, t, body, i === notice.body.length - 1)),
    body('', t.body, { keepNext: true }),
    body(notice.annex.mention, t.body, { keepNext: true }),
    ...signature(notice, t, textWidth),
    ...annex(notice, t, body, textWidth),
  ];

  const document = new Document({
    title: notice.title,
    creator: notice.issuer ?? '',
    evenAndOddHeaderAndFooters: t.outerPageNumbers,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: t.body.eastAsia, ascii: t.body.latin, hAnsi: t.body.latin }, size: t.body.size * 2, language: languageOf(notice) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: mm(t.margins.top),
              right: mm(t.margins.right),
              bottom: mm(t.margins.bottom),
              left: mm(t.margins.left),
              footer: mm(t.margins.footer),
              header: mm(t.margins.footer),
            },
          },
          // Word's line grid at the body's pitch, so that no line is pushed onto the next grid line.
          grid: { type: DocumentGridType.LINES, linePitch: twips(t.line) },
        },
        headers: notice.draft ? { default: draftHeader(notice.draft.header, t), even: draftHeader(notice.draft.header, t) } : undefined,
        footers: t.outerPageNumbers ? { default: pageNumberFooter(t, 'right'), even: pageNumberFooter(t, 'left') } : { default: pageNumberFooter(t, 'centre') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function languageOf(notice: NoticeDocument) {
  return notice.locale === 'zh-CN' ? { value: 'zh-CN', eastAsia: 'zh-CN' } : { value: 'en-GB', eastAsia: 'zh-CN' };
}

type BodyParagraph = (value: string, face?: Face, options?: object) => Paragraph;

function blockParagraph(block: NoticeBlock, t: Typesetting, body: BodyParagraph, keepNext: boolean): Paragraph {
  if (block.kind === 'heading') return body(block.text, block.level === 1 ? t.heading1 : t.heading2, { keepNext: true });
  if (block.lead === undefined) return body(block.text, t.body, { keepNext });
  // A run-in heading: （一）一票否决。 in 楷体, the sentence after it in the body face.
  return body('', t.body, { keepNext, children: [run(block.lead, t.heading2), run(block.text, t.body)] });
}

/** The errors, boxed above the title, so that no one mistakes a draft for the results. */
function draftBox(notice: NoticeDocument, t: Typesetting): Paragraph[] {
  if (!notice.draft) return [];
  const edge = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 };
  const boxed = (value: string, face: Face, last: boolean) =>
    new Paragraph({
      border: { top: edge, bottom: edge, left: edge, right: edge },
      spacing: { line: twips(t.tableLine + 4), lineRule: LineRuleType.EXACT, after: last ? twips(t.body.size) : 0 },
      children: [run(value, face, { color: 'C00000' })],
    });
  const { summary, errors } = notice.draft;
  const small: Face = { ...t.table, size: t.table.size + 2 };
  return [boxed(summary, { ...t.heading1, size: small.size }, errors.length === 0), ...errors.map((line, i) => boxed(line, small, i === errors.length - 1))];
}

function draftHeader(words: string, t: Typesetting): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(words, { ...t.heading1, size: 12 }, { color: 'C00000' })] })],
  });
}

/** — 1 — on the outer side, a character in from the edge of the text (公文), or centred. */
function pageNumberFooter(t: Typesetting, side: 'left' | 'right' | 'centre'): Footer {
  const face = t.pageNumber;
  const oneCharacter = twips(face.size);
  const font = { eastAsia: face.eastAsia, ascii: face.latin, hAnsi: face.latin };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        indent: side === 'left' ? { left: oneCharacter } : side === 'right' ? { right: oneCharacter } : undefined,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: face.size * 2 })],
      }),
    ],
  });
}

/**
 * The issuer and the date of an unsealed document (GB/T 9704-2012, 7.3.5.3): after a blank line,
 * the issuer two characters in from the right; the date below it, starting two characters
 * further right; a date longer than that pushes the issuer left, so the date keeps its two.
 */
function signature(notice: NoticeDocument, t: Typesetting, textWidth: number): Paragraph[] {
  const em = twips(t.body.size);
  const widthOf = (value: string) => displayWidth(value) / 2;
  const line = (value: string, rightIndent: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: twips(t.line), lineRule: LineRuleType.EXACT },
      indent: { right: Math.max(0, Math.min(Math.round(rightIndent * em), textWidth - em)) },
      keepNext: true,
      children: [run(value, t.body)],
    });
  const blank = new Paragraph({ spacing: { line: twips(t.line), lineRule: LineRuleType.EXACT }, keepNext: true, children: [] });
  // An English letter signs flush right.
  if (!t.indent) return [blank, ...(notice.issuer === undefined ? [] : [line(notice.issuer, 0)]), line(notice.date, 0)];
  if (notice.issuer === undefined) return [blank, line(notice.date, 2)];
  const issuer = widthOf(notice.issuer);
  const date = widthOf(notice.date);
  const [issuerIndent, dateIndent] = issuer - date >= 2 ? [2, issuer - date] : [4 + date - issuer, 2];
  return [blank, line(notice.issuer, issuerIndent), line(notice.date, dateIndent)];
}

/** 附件 at the top left of a new page, its title centred on the third line, then the tables. */
function annex(notice: NoticeDocument, t: Typesetting, body: BodyParagraph, textWidth: number): (Paragraph | Table)[] {
  const { annex } = notice;
  const plain = { indent: { firstLine: 0 } };
  return [
    body(annex.label, t.heading1, { ...plain, pageBreakBefore: true, alignment: AlignmentType.LEFT }),
    ...(t.indent ? [body('', t.body, plain)] : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: twips(t.titleLine), lineRule: LineRuleType.EXACT, after: twips(t.body.size / 2) },
      children: [run(annex.title, t.title)],
    }),
    ...annex.tables.flatMap((table) => [
      ...(table.caption === undefined ? [] : [body(table.caption, { ...t.heading2, size: t.table.size + 2 }, { ...plain, keepNext: true })]),
      rankingTable(table, t, textWidth),
    ]),
    ...annex.notes.map((note) =>
      body(note, { ...t.table, size: t.table.size + 2 }, { spacing: { before: twips(6), line: twips(t.tableLine + 4), lineRule: LineRuleType.EXACT } }),
    ),
  ];
}

/** Relative widths of the annex's columns by their role: the subject and the notes take the room. */
function columnWeights(table: NoticeTable): number[] {
  const last = table.header.length - 1;
  return table.header.map((_, i) => (i === 1 ? 3.4 : i === last ? 2.6 : 1.4));
}

function rankingTable(table: NoticeTable, t: Typesetting, textWidth: number): Table {
  const weights = columnWeights(table);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((textWidth * w) / sum));
  const cell = (value: string, column: number, face: Face) =>
    new TableCell({
      width: { size: widths[column], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: table.figures[column] || face === t.tableHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: twips(t.tableLine), lineRule: LineRuleType.EXACT },
          children: [run(value, face)],
        }),
      ],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: table.header.map((h, i) => cell(h, i, t.tableHeader)) }),
      ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, i, t.table)) })),
    ],
  });
}
