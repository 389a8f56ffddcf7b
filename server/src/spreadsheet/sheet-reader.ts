import type ExcelJS from 'exceljs';
import { CellReading, cellText, readCell } from './cell-values';
import { cellAddress } from './import-report';
import { TableGrid } from './table-grid';

/**
 * A worksheet read without being changed. exceljs's `getRow` and `getCell` make a row and a cell
 * wherever they are asked, so a reader that walked from row 1 to the sheet's last row would make a
 * million rows for one stray cell at Z1048576 (35 s to minutes, gigabytes). This reader visits only
 * the rows the file holds a value in — a cell under a merge counts — and looks cells up without
 * making them: its work is bounded by what the workbook guard counted (workbook-budget.ts), never
 * by how far down the last cell sits.
 */
export class SheetReader implements TableGrid {
  private present: number[] | undefined;

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  get name(): string {
    return this.sheet.name;
  }

  get hidden(): boolean {
    return this.sheet.state !== 'visible';
  }

  /** The numbers of the rows holding a value, ascending, from `from` to `to` (both included). */
  rows(from = 1, to = Number.POSITIVE_INFINITY): number[] {
    if (!this.present) {
      const present: number[] = [];
      this.sheet.eachRow((_row, number) => present.push(number));
      this.present = present;
    }
    return this.present.filter((r) => r >= from && r <= to);
  }

  /** The cell at a row and column, when the file has one there. */
  cell(row: number, column: number): ExcelJS.Cell | undefined {
    return this.sheet.findRow(row)?.findCell(column);
  }

  /** The columns of a row up to its last cell (0 for a row the file does not have). */
  width(row: number): number {
    return this.sheet.findRow(row)?.cellCount ?? 0;
  }

  reading(row: number, column: number): CellReading {
    const cell = this.cell(row, column);
    return cell ? readCell(cell) : { kind: 'empty' };
  }

  text(row: number, column: number): string {
    const cell = this.cell(row, column);
    return cell ? cellText(cell) : '';
  }

  has(row: number, column: number): boolean {
    return this.cell(row, column) !== undefined;
  }

  mergeOrigin(row: number, column: number): { row: number; column: number } | undefined {
    const cell = this.cell(row, column);
    return cell?.isMerged ? { row: Number(cell.master.row), column: Number(cell.master.col) } : undefined;
  }

  /** `Sheet!C7`. */
  address(row: number, column: number): string {
    return cellAddress(this.sheet, row, column);
  }
}
