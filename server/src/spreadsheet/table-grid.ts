import { CellReading } from './cell-values';

/**
 * A table as the 考评表 import reads it, whatever it came from: a worksheet (sheet-reader.ts) or a
 * table of a Word document (word-table.ts). Rows and columns count from 1; a merged range answers
 * at every cell it covers with its first cell's value, and says where that first cell is, so that
 * the reader tells a name merged down its group's rows from a name written again.
 */
export interface TableGrid {
  /** The sheet's name, or the table's (`表1`): the part of an address before the `!`. */
  readonly name: string;
  /** A hidden sheet: read only when nothing else is there. */
  readonly hidden: boolean;
  /** The numbers of the rows holding anything, ascending, from `from` to `to` (both included). */
  rows(from?: number, to?: number): number[];
  /** The columns of a row up to its last cell (0 for a row with none). */
  width(row: number): number;
  reading(row: number, column: number): CellReading;
  /** The cell as text, a number in its shortest spelling; '' when empty. */
  text(row: number, column: number): string;
  /** Whether there is a cell at all (a cell a merge covers counts). */
  has(row: number, column: number): boolean;
  /** The first cell of the merged range covering the cell; undefined when the cell is not merged. */
  mergeOrigin(row: number, column: number): { row: number; column: number } | undefined;
  /** `Sheet!C7`. */
  address(row: number, column: number): string;
}

/** Whether the cell is covered by a merge that starts on an earlier row (its text belongs to that row). */
export function mergedFromAbove(grid: TableGrid, row: number, column: number): boolean {
  const origin = grid.mergeOrigin(row, column);
  return origin !== undefined && origin.row < row;
}

/** Whether the cell is covered by a merge that starts on this row, left of it (part of a name written across). */
export function mergedFromLeft(grid: TableGrid, row: number, column: number): boolean {
  const origin = grid.mergeOrigin(row, column);
  return origin !== undefined && origin.row === row && origin.column < column;
}

/** The address of the cell that holds what this one shows: its merge's first cell, or itself. */
export function originAddress(grid: TableGrid, row: number, column: number): string {
  const origin = grid.mergeOrigin(row, column);
  return origin ? grid.address(origin.row, origin.column) : grid.address(row, column);
}
