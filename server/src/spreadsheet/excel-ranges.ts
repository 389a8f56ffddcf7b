/**
 * Cell references read exactly as exceljs 4.4 reads them when it loads a workbook (its address
 * decoder, `colCache.decodeEx`, and the `Range` that merges are made from), so that the workbook
 * guard measures a range as large as exceljs will make it. That reading is lenient: capital
 * letters before the first digit make the column (`$`, spaces and other characters are skipped),
 * digits the row, lower-case letters are ignored, and a side without a column or a row counts as
 * 1 — so `a1:a1048576` and `1:1048576` both cover a million cells of column A. A unit test holds
 * this module to exceljs's own decoder on random references.
 */

export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `$XFD$1048576` → column 16384, row 1048576; undefined where the text has none. */
export function decodeAddress(value: string): { column?: number; row?: number } {
  let hasColumn = false;
  let hasRow = false;
  let column = 0;
  let row = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!hasRow && code >= 65 && code <= 90) {
      hasColumn = true;
      column = column * 26 + code - 64;
    } else if (code >= 48 && code <= 57) {
      hasRow = true;
      row = row * 10 + code - 48;
    } else if (hasRow && hasColumn && code !== 36) {
      break;
    }
  }
  return { column: hasColumn ? column : undefined, row: hasRow ? row : undefined };
}

// exceljs's own pattern for an optional sheet name before the reference (`'My sheet'!A1`, `S!A1`).
const SHEET_PREFIX = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/;

/** The rows and columns a reference covers, as exceljs's Range takes it (a missing side is 1). */
export function rangeBox(reference: string): CellBox {
  const rest = SHEET_PREFIX.exec(reference)?.[3] ?? '';
  const parts = rest.split(':');
  const orOne = (n: number) => (Number.isNaN(n) || n === 0 ? 1 : n);
  if (parts.length > 1) {
    const a = decodeAddress(parts[0]);
    const b = decodeAddress(parts[1]);
    const top = Math.min(a.row ?? NaN, b.row ?? NaN);
    // A range whose top row is missing (or 0) is taken as the single cell A1.
    if (!top) return { top: 1, left: 1, bottom: 1, right: 1 };
    return {
      top,
      left: orOne(Math.min(a.column ?? NaN, b.column ?? NaN)),
      bottom: orOne(Math.max(a.row ?? NaN, b.row ?? NaN)),
      right: orOne(Math.max(a.column ?? NaN, b.column ?? NaN)),
    };
  }
  // A single reference starting with # is an error value (#REF!): no cell of its own.
  const single = rest.startsWith('#') ? {} : decodeAddress(rest);
  const row = orOne(single.row ?? NaN);
  const column = orOne(single.column ?? NaN);
  return { top: row, left: column, bottom: row, right: column };
}

/** Cells a reference covers (`A1:C10` → 30; a single cell → 1). */
export function rangeArea(reference: string): number {
  const box = rangeBox(reference);
  return Math.max(0, box.bottom - box.top + 1) * Math.max(0, box.right - box.left + 1);
}

/** Whether exceljs's decoder accepts a reference: it throws on a column beyond XFD. */
function decodes(reference: string): boolean {
  const rest = SHEET_PREFIX.exec(reference)?.[3] ?? '';
  const parts = rest.split(':');
  if (parts.length === 1 && rest.startsWith('#')) return true;
  return parts.slice(0, 2).every((part) => (decodeAddress(part).column ?? 0) <= 16_384);
}

/**
 * The ranges exceljs takes from a defined name's formula: the text cut at commas, pieces inside a
 * quoted sheet name joined again, each kept when its decoder accepts it (its `extractRanges`).
 * exceljs then keeps every cell of each range that names `$column$row`; all are returned here.
 */
export function definedNameRanges(formula: string): string[] {
  const ranges: string[] = [];
  let quoteOpen = false;
  let pending = '';
  for (const item of formula.split(',')) {
    if (!item) continue;
    const quotes = item.split("'").length - 1;
    if (quotes === 0) {
      if (quoteOpen) pending += `${item},`;
      else if (decodes(item)) ranges.push(item);
    } else if (!quoteOpen && quotes % 2 === 0 && decodes(item)) {
      ranges.push(item);
    } else if (quoteOpen && quotes % 2 === 1) {
      quoteOpen = false;
      if (decodes(pending + item)) ranges.push(pending + item);
      pending = '';
    } else {
      quoteOpen = true;
      pending += `${item},`;
    }
  }
  return ranges;
}
