/**
 * Pure: one cell of an exported table, CSV or Markdown, for every export of the extension (the
 * simulation, the ranking).
 */

/**
 * Text a spreadsheet would take for a formula: `=`, `+`, `-` or `@` first, after any blanks and
 * control characters a spreadsheet may skip (space, tab, CR, LF and the rest), or a tab or CR
 * first on its own (OWASP, CSV injection).
 */
// eslint-disable-next-line no-control-regex -- control characters before a formula are what this finds
const FORMULA_START = /^(?:[\s\u0000-\u001f\u007f-\u009f]*[=+\-@]|[\t\r])/;

/**
 * A CSV cell of text from a file (a name, a tier): one that could start a formula gets a `'`
 * before it, so a spreadsheet shows it rather than runs it; then quoted as CSV needs.
 */
export function csvText(value: string): string {
  return csvFigure(FORMULA_START.test(value) ? `'${value}` : value);
}

/**
 * A CSV cell of a figure the extension wrote (a count, a total, a share): left as it is, so a
 * negative total stays a number; quoted as CSV needs.
 */
export function csvFigure(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV lines (CRLF, as RFC 4180 and Excel write them) of cells already written by csvText / csvFigure. */
export function csvLines(rows: string[][]): string {
  return rows.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** A Markdown table cell: backslashes and pipes escaped, line breaks folded (a name may hold one). */
export function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}
