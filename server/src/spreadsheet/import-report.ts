import type ExcelJS from 'exceljs';
import { Locale, LocalizedText } from '../core';

/** One thing an import could not take as it is, at the cell that shows it (`打分表!D7`). */
export interface CellProblem {
  severity: 'error' | 'warning';
  /** `Sheet!A1`, or the sheet's name alone when no one cell is at fault. */
  address: string;
  message: LocalizedText;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(sheet: ExcelJS.Worksheet | string, row: number, column: number): string {
  return `${typeof sheet === 'string' ? sheet : sheet.name}!${columnLetter(column)}${row}`;
}

/** `打分表!D7: 26 exceeds the weight 25` */
export function problemLine(problem: CellProblem, locale: Locale): string {
  return `${problem.address}: ${problem.message[locale]}`;
}
