/**
 * How much room text takes on a printed sheet, estimated: spreadsheets do not fit a row to its
 * wrapped text when the file is written, and the export must know row heights to put page breaks
 * between rows (a merged group cell split by the printer's own break loses its name on the second
 * page). Widths are in Excel's column units (the width of a digit of the default 11-point font, 7
 * px); a CJK character at 10.5 points is two units, a Latin letter about one.
 */
import { displayWidth } from '../core/text/display-width';

/** A string's width in column units: CJK characters two, others one. */
export const textUnits = displayWidth;

/** Lines a text wraps to in a column `width` units wide at `size` points (paragraphs kept). */
export function wrappedLines(value: string, width: number, size: number): number {
  // The cell's padding takes about a unit and a half; Latin words wrap early, so a tenth is kept in reserve.
  const perLine = Math.max(1, ((width - 1.5) * 10.5) / size / 1.1);
  return value.split(/\r?\n/).reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textUnits(paragraph) / perLine)), 0);
}

/** The column width (units, to a half) that holds `value` on one line at 11 points: the inverse of wrappedLines. */
export function widthFor(value: string, size = 11): number {
  return Math.ceil(((textUnits(value) * size * 1.1) / 10.5 + 1.5) * 2) / 2;
}

/** Points of row height for that many lines of text at `size` points. */
export function heightForLines(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.38 + 5);
}

/** Printable points of an A4 page in landscape with the export's margins (inches), at 100%. */
export const A4_LANDSCAPE = { width: 841.9, height: 595.3 };
export const MARGINS = { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };

export function printableSize(): { width: number; height: number } {
  return {
    width: A4_LANDSCAPE.width - (MARGINS.left + MARGINS.right) * 72,
    height: A4_LANDSCAPE.height - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/**
 * Points a column `width` units wide takes on paper: a unit is the digit width of the default font,
 * 7 px for Excel's Calibri but about 8 px where LibreOffice substitutes DejaVu Sans for it; the
 * wider one is assumed so the columns fit the page in both (plus 5 px of padding, 96 px an inch).
 */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 8 + 5) * 72) / 96;
}

/**
 * The print scale (%) that fits the columns to the page width, never above 100: set as a plain
 * scale rather than “fit to 1 page wide”, because Excel ignores manual page breaks under fit-to.
 */
export function scaleToWidth(columnWidths: number[]): number {
  const total = columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
  return Math.max(10, Math.min(100, Math.floor((printableSize().width / total) * 100)));
}

/**
 * Page breaks for rows of the given heights: `first` rows (title, header) start page one, `repeated`
 * points (the header row printed again) start every later page. Returns the indices of the rows
 * after which a page ends. `keepWithNext[i]` asks that row i not end a page (a section heading).
 */
export function pageBreaks(heights: number[], first: number, repeated: number, scale: number, keepWithNext: boolean[] = []): number[] {
  const pageHeight = (printableSize().height * 100) / scale - 4;
  const breaks: number[] = [];
  let used = first;
  for (let i = 0; i < heights.length; i++) {
    if (used + heights[i] > pageHeight && used > repeated) {
      // A heading at the bottom of a page goes over with what it heads.
      let at = i - 1;
      while (at > 0 && keepWithNext[at] && !breaks.includes(at - 1)) at--;
      breaks.push(at);
      used = repeated + heights.slice(at + 1, i).reduce((a, b) => a + b, 0);
    }
    used += heights[i];
  }
  return breaks.filter((b) => b >= 0);
}

/** Chinese words (a dictionary segmenter: 林地|保护|利用), and Latin words with the spaces between. */
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
/** Punctuation that never starts a line: it goes with the word before it. */
const CLOSING = /^[。，、；：？！）》」』】〕…％%．,.;:!?)\]]/;
/** Brackets that never end a line: they go with what follows. */
const OPENING = /[（《「『【〔([]$/;
/** A short bracketed figure is kept whole: `（1.5分）`, `(12)`. */
const FIGURE = /([（(][^（）()\n]{1,8}[）)])/;

/** A paragraph as the pieces a line may break between. */
function breakablePieces(paragraph: string): string[] {
  const pieces: string[] = [];
  for (const part of paragraph.split(FIGURE)) {
    if (part === '') continue;
    if (FIGURE.test(part) && part.length <= 10) pieces.push(part);
    else for (const { segment } of WORDS.segment(part)) pieces.push(segment);
  }
  const joined: string[] = [];
  for (const piece of pieces) {
    if (joined.length > 0 && (CLOSING.test(piece) || OPENING.test(joined[joined.length - 1]))) joined[joined.length - 1] += piece;
    else joined.push(piece);
  }
  return joined;
}

/**
 * A short text (a heading) with its line breaks placed where a reader expects them, for a column
 * `width` units wide at `size` points: between words (林地保护 / 利用, not 林地保护利 / 用), never
 * before a closing mark (no line starting with 。or ）), a bracketed figure (`（1.5分）`) whole, and the
 * lines of a paragraph about even. Spreadsheets break CJK text at any character; an explicit break
 * they keep. A piece longer than a line is cut where it must be.
 */
export function breakLines(value: string, width: number, size: number): string {
  const perLine = Math.max(2, Math.floor(((width - 1.5) * 10.5) / size / 1.1));
  return value
    .split(/\r?\n/)
    .map((paragraph) => breakParagraph(paragraph.trim(), perLine))
    .join('\n');
}

function breakParagraph(paragraph: string, perLine: number): string {
  const total = textUnits(paragraph);
  if (total <= perLine) return paragraph;
  const target = total / Math.ceil(total / perLine);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (const piece of breakablePieces(paragraph)) {
    const used = textUnits(line);
    const width = textUnits(piece);
    if (used > 0 && (used + width > perLine || used >= target)) push();
    if (width > perLine) {
      // A piece longer than a line: cut by characters, the rest left to go on.
      for (const ch of piece) {
        if (textUnits(line) + textUnits(ch) > perLine && !CLOSING.test(ch)) push();
        line += ch;
      }
      continue;
    }
    line += line === '' ? piece.trimStart() : piece;
  }
  push();
  return lines.join('\n');
}
