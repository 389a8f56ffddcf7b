import { decimal } from '../core/decimal';
import { CellReading } from './cell-values';
import { columnLetter } from './import-report';
import { TableGrid } from './table-grid';

/**
 * A table of a Word document as the 考评表 import reads a sheet. A row's cells stand side by side in
 * the table's grid: `w:gridBefore` leaves grid columns empty at the row's start, `w:gridSpan` makes a
 * cell as wide as several (a merge across), `w:vMerge` joins a cell to the one above it in the same
 * grid column (a merge down, `restart` where it begins). The paragraphs just above the table stand
 * in rows of their own before it (a title, `考核单位：…`), addressed `表1!↑1` for the nearest; the
 * table's rows are `表1!A1` on, as in a sheet. Everything in a Word cell is text: a cell holding a
 * plain number reads as one, as a number cell of a sheet does.
 */

/** One cell as the document has it (`w:tc`). */
export interface WordCell {
  /** The first grid column it covers (1-based). */
  column: number;
  span: number;
  /** Paragraphs joined by line breaks. */
  text: string;
  /** `restart`: begins a merge down; `continue`: joins the cell above. */
  vMerge?: 'restart' | 'continue';
}

interface Placed {
  cell: WordCell;
  /** Where the merge this cell belongs to begins (itself, unless it continues one). */
  originRow: number;
  originColumn: number;
  /** Whether the cell is part of a merge (across or down). */
  merged: boolean;
}

const PLAIN_NUMBER = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

export class WordTableGrid implements TableGrid {
  readonly hidden = false;
  /** Rows by number: the paragraphs above first, then the table's rows. */
  private readonly placed: Placed[][] = [];
  private readonly above: number;

  /**
   * `rows`: each table row's cells, left to right; `paragraphs`: the paragraphs above the table,
   * the nearest last.
   */
  constructor(
    readonly name: string,
    rows: readonly WordCell[][],
    paragraphs: readonly string[],
  ) {
    this.above = paragraphs.length;
    for (const paragraph of paragraphs) this.placed.push([{ cell: { column: 1, span: 1, text: paragraph }, originRow: 0, originColumn: 1, merged: false }]);
    for (const row of rows) {
      const r = this.placed.length + 1;
      const cells: Placed[] = [];
      for (const cell of row) {
        const above = cell.vMerge === 'continue' && r - 1 > this.above ? this.at(r - 1, cell.column) : undefined;
        const origin = above && above.cell.column === cell.column ? above : undefined;
        if (origin) origin.merged = true;
        cells.push({
          cell: origin ? { ...cell, text: origin.cell.text } : cell,
          originRow: origin ? origin.originRow : r,
          originColumn: cell.column,
          merged: !!origin || cell.span > 1,
        });
      }
      this.placed.push(cells);
    }
    this.placed.forEach((cells, index) => cells.forEach((p) => p.originRow === 0 && (p.originRow = index + 1)));
  }

  /** The cell covering a grid position, if any. */
  private at(row: number, column: number): Placed | undefined {
    const cells = this.placed[row - 1];
    if (!cells) return undefined;
    for (const p of cells) if (column >= p.cell.column && column < p.cell.column + p.cell.span) return p;
    return undefined;
  }

  rows(from = 1, to = Number.POSITIVE_INFINITY): number[] {
    const rows: number[] = [];
    for (let r = Math.max(1, from); r <= Math.min(to, this.placed.length); r++) if (this.placed[r - 1].length > 0) rows.push(r);
    return rows;
  }

  width(row: number): number {
    const last = this.placed[row - 1]?.at(-1);
    return last ? last.cell.column + last.cell.span - 1 : 0;
  }

  text(row: number, column: number): string {
    return this.at(row, column)?.cell.text.trim() ?? '';
  }

  reading(row: number, column: number): CellReading {
    const value = this.text(row, column);
    if (value === '') return { kind: 'empty' };
    return PLAIN_NUMBER.test(value) ? { kind: 'number', value: decimal(value.trim().replace(/^\+/, '')) } : { kind: 'text', text: value };
  }

  has(row: number, column: number): boolean {
    return this.at(row, column) !== undefined;
  }

  mergeOrigin(row: number, column: number): { row: number; column: number } | undefined {
    const p = this.at(row, column);
    return p?.merged ? { row: p.originRow, column: p.originColumn } : undefined;
  }

  address(row: number, column: number): string {
    return row <= this.above ? `${this.name}!↑${this.above - row + 1}` : `${this.name}!${columnLetter(column)}${row - this.above}`;
  }
}
