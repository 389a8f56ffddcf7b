import type ExcelJS from 'exceljs';
import { Decimal, decimal } from '../core/decimal';

/**
 * A cell's value as import needs it. Numbers become exact decimals through the shortest text that
 * reads back as the same float (what a person typed: 16.4, never 16.399999999999999), so totals
 * made from imported scores are exact.
 */
export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: Decimal }
  | { kind: 'text'; text: string }
  | { kind: 'date' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; error: string }
  /** A formula the file holds without its computed result (never calculated). */
  | { kind: 'formula' };

/** The exact decimal of a float, by its shortest round-trip spelling; undefined for NaN and infinities. */
export function decimalOfNumber(value: number): Decimal | undefined {
  return Number.isFinite(value) ? decimal(String(value)) : undefined;
}

type Value = ExcelJS.CellValue;

function readValue(value: Value): CellReading {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    const exact = decimalOfNumber(value);
    return exact ? { kind: 'number', value: exact } : { kind: 'error', error: String(value) };
  }
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date' };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('richText' in value) {
    const joined = value.richText.map((run) => run.text).join('');
    return joined.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: joined };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { kind: 'formula' };
    return readValue(result as Value);
  }
  if ('text' in value) {
    const t = (value as { text: unknown }).text;
    if (typeof t === 'string') return t.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: t };
    if (t && typeof t === 'object' && 'richText' in t) return readValue(t as Value);
  }
  return { kind: 'text', text: String(value) };
}

/** The reading of a cell; a merged cell reads as its range's top-left cell. */
export function readCell(cell: ExcelJS.Cell): CellReading {
  return readValue(cell.isMerged ? cell.master.value : cell.value);
}

/** The cell as text (a number in its shortest spelling); '' when empty. */
export function cellText(cell: ExcelJS.Cell): string {
  const reading = readCell(cell);
  switch (reading.kind) {
    case 'text':
      return reading.text.replace(/\u00a0/g, ' ').trim();
    case 'number':
      return reading.value.toFixed();
    case 'boolean':
      return String(reading.value);
    default:
      return '';
  }
}

const NUMBER_TEXT = /^\s*([+-]?\d+(?:\.\d+)?)\s*(?:分|points?|pts?\.?)?\s*$/i;

/** A number typed as text (`15`, `15分`, `１５`): its decimal, else undefined. */
export function numberInText(value: string): Decimal | undefined {
  const halfWidth = value.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const match = NUMBER_TEXT.exec(halfWidth);
  return match ? decimal(match[1]) : undefined;
}

/** Whether a decimal read from text can be written as a YAML number without changing (≤ 15 significant digits). */
export function representable(value: Decimal): boolean {
  return decimal(String(Number(value.toFixed()))).eq(value);
}
