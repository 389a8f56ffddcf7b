import { LocalizedText, text } from '../core';
import { columnLetter } from './import-report';
import { Numbered, NumberingLevels, numberingOf, serialNumberingOf } from './numbering';
import { mergedFromAbove, TableGrid } from './table-grid';
import { Columns, LevelCell, levelCell, TableHeader } from './table-header';

/**
 * Which of the layouts offices use a table is in, told from its header and the rows below it, and
 * how each row's indicator cells read in it. The hierarchy is one of:
 *
 * - `level-columns`: a column per level (一级指标 | 二级指标 | 三级指标), a group's name merged down
 *   its items' rows or written once with blank cells below; one 分值 column for the leaves. What
 *   `rubric export` writes.
 * - `level-points`: a 分值 column after each level's (一级指标 | 分值 | 二级指标 | 分值), each group's
 *   points merged down its rows.
 * - `numbered`: one column of names whose numbering gives the level (一、 （一） 1. （1） ①), the
 *   groups' points on their own rows (a points cell, or `基础工作（50分）` in the name).
 * - `numbered-serial`: the same levels from a 序号 / 编号 column (一 / （一） / 1, or 1 / 1.1 / 1.1.1),
 *   the names in the column beside it.
 *
 * The reader (import-assessment-table.ts) is the same for all: it asks the layout for the cells of
 * each level on a row, and for the points column of each level.
 */

export type Hierarchy = 'level-columns' | 'level-points' | 'numbered' | 'numbered-serial';

/** The deepest level a numbered column is read to. */
const MAX_NUMBERED_LEVELS = 8;

export interface TableLayout {
  grid: TableGrid;
  header: TableHeader;
  hierarchy: Hierarchy;
  columns: Columns;
  /** The column of each level (a numbered layout: the names' column at every level). */
  levelColumns: number[];
  /** The points column of each level (`level-points`), else the leaves' points column at every level. */
  pointsColumns: (number | undefined)[];
  /** The column whose numbering gives the levels (numbered layouts). */
  numberColumn?: number;
  /** The first row below the header. */
  firstRow: number;
}

const HIERARCHY_NAMES: Record<Hierarchy, LocalizedText> = {
  'level-columns': text('a column per level', '各级指标分列'),
  'level-points': text('a column per level, each with its points column', '各级指标分列、各带分值列'),
  numbered: text('levels by numbering in one column (一、 / （一） / 1.)', '指标在同一列、按编号分级（一、/（一）/1.）'),
  'numbered-serial': text('levels by the numbers of the 序号 column', '按序号列的编号分级'),
};

/** A row's number as the table's addresses show it (a Word table counts from its own first row). */
export function shownRow(grid: TableGrid, row: number): number {
  return Number(/(\d+)$/.exec(grid.address(row, 1))?.[1] ?? row);
}

/** The layout in words, for the import report: hierarchy, header rows, the columns read. */
export function describeLayout(layout: TableLayout): LocalizedText {
  const { grid, header, columns } = layout;
  const shown = header.rows.map((r) => shownRow(grid, r));
  const rows = shown.length === 2 ? `${shown[0]}–${shown[1]}` : `${shown[0]}`;
  const letters = (cs: readonly number[]) => [...new Set(cs)].map(columnLetter).join('、');
  const parts: [string, string][] = [
    [`indicators ${letters(layout.levelColumns)}`, `指标 ${letters(layout.levelColumns)}`],
    ...(columns.weights.length > 0 ? ([[`points ${letters(columns.weights)}`, `分值 ${letters(columns.weights)}`]] as [string, string][]) : []),
    ...(columns.criteria !== undefined
      ? ([[`criteria ${columnLetter(columns.criteria)}`, `评分标准 ${columnLetter(columns.criteria)}`]] as [string, string][])
      : []),
    ...(columns.content !== undefined
      ? ([[`content ${columnLetter(columns.content)}`, `考核内容 ${columnLetter(columns.content)}`]] as [string, string][])
      : []),
    ...(columns.methods !== undefined
      ? ([[`methods ${columnLetter(columns.methods)}`, `考核方式 ${columnLetter(columns.methods)}`]] as [string, string][])
      : []),
    ...(columns.serial !== undefined ? ([[`serial ${columnLetter(columns.serial)}`, `序号 ${columnLetter(columns.serial)}`]] as [string, string][]) : []),
    ...(columns.remarks !== undefined ? ([[`remarks ${columnLetter(columns.remarks)}`, `备注 ${columnLetter(columns.remarks)}`]] as [string, string][]) : []),
    ...(columns.scores.length > 0
      ? ([[`scores ${letters(columns.scores)} (not read)`, `得分 ${letters(columns.scores)}（不导入）`]] as [string, string][])
      : []),
  ];
  const name = HIERARCHY_NAMES[layout.hierarchy];
  return text(
    `${grid.name}: ${name.en}; header in row${header.rows.length === 2 ? 's' : ''} ${rows}; ${parts.map((p) => p[0]).join(', ')}`,
    `${grid.name}：${name['zh-CN']}；列名在第 ${rows} 行；${parts.map((p) => p[1]).join('，')}`,
  );
}

/** The layout of a table whose header has been found. */
export function detectLayout(header: TableHeader): TableLayout {
  const { grid, columns } = header;
  const firstRow = header.rows.at(-1)! + 1;
  const base = { grid, header, columns, firstRow };
  const levels = columns.levels;
  const leafPoints = columns.weights.at(-1);
  const perLevel = pointsPerLevel(columns);
  if (perLevel) return { ...base, hierarchy: 'level-points', levelColumns: levels, pointsColumns: perLevel };
  if (levels.length === 1) {
    const repeated = <T>(value: T) => Array<T>(MAX_NUMBERED_LEVELS).fill(value);
    const nameColumn = levels[0];
    if (numberingStyles(grid, firstRow, nameColumn, numberingOf) >= 2)
      return { ...base, hierarchy: 'numbered', levelColumns: repeated(nameColumn), pointsColumns: repeated(leafPoints), numberColumn: nameColumn };
    if (columns.serial !== undefined && numberingStyles(grid, firstRow, columns.serial, serialNumberingOf) >= 2)
      return {
        ...base,
        hierarchy: 'numbered-serial',
        levelColumns: repeated(nameColumn),
        pointsColumns: repeated(leafPoints),
        numberColumn: columns.serial,
      };
  }
  return { ...base, hierarchy: 'level-columns', levelColumns: levels, pointsColumns: levels.map(() => leafPoints) };
}

/** 一级指标 | 分值 | 二级指标 | 分值: each points column right of a level's column and left of the next. */
function pointsPerLevel(columns: Columns): (number | undefined)[] | undefined {
  const { levels, weights } = columns;
  if (weights.length < 2 || levels.length < 2) return undefined;
  const perLevel = levels.map((c, d) => weights.find((w) => w > c && (d + 1 >= levels.length || w < levels[d + 1])));
  const placed = perLevel.filter((w) => w !== undefined).length;
  return placed === weights.length && placed >= 2 ? perLevel : undefined;
}

/** How many numbering styles the first rows of a column use (two or more: a numbered hierarchy). */
function numberingStyles(grid: TableGrid, firstRow: number, column: number, read: (value: string) => Numbered | undefined): number {
  const styles = new Set<string>();
  for (const r of grid.rows(firstRow, firstRow + 400)) {
    if (mergedFromAbove(grid, r, column)) continue;
    const numbered = read(grid.text(r, column));
    if (numbered) styles.add(numbered.style);
  }
  return styles.size;
}

/**
 * The cells of each level on a row, as the layout reads them. Numbered layouts keep the levels met
 * so far: a row's own name stands at the level its number gives, the levels above it blank (the
 * groups named on rows above); a name without a number is an item of the last numbered row.
 */
export class RowLevels {
  private readonly numbering = new NumberingLevels();
  private lastNumberedLevel = -1;

  constructor(private readonly layout: TableLayout) {}

  cells(r: number): LevelCell[] {
    const { grid, hierarchy, levelColumns } = this.layout;
    if (hierarchy === 'level-columns' || hierarchy === 'level-points') return levelColumns.map((c) => levelCell(grid, r, c));
    const nameColumn = levelColumns[0];
    const blank: LevelCell[] = levelColumns.map(() => ({ kind: 'blank' }));
    const own = levelCell(grid, r, nameColumn);
    if (own.kind !== 'own') {
      blank[0] = own;
      return blank;
    }
    const numberText = hierarchy === 'numbered' ? own.text : grid.text(r, this.layout.numberColumn!);
    const numbered = hierarchy === 'numbered' ? numberingOf(numberText) : serialNumberingOf(numberText);
    let level: number;
    if (numbered) {
      level = Math.min(this.numbering.levelOf(numbered.style), levelColumns.length - 1);
      this.lastNumberedLevel = level;
    } else {
      level = Math.min(this.lastNumberedLevel + 1, levelColumns.length - 1);
    }
    blank[level] = own;
    return blank;
  }

  /** Whether the row's name carries no number in a numbered layout (a name, or more words for the row above). */
  unnumbered(r: number): boolean {
    const { grid, hierarchy, levelColumns, numberColumn } = this.layout;
    if (hierarchy === 'level-columns' || hierarchy === 'level-points') return false;
    const value = hierarchy === 'numbered' ? grid.text(r, levelColumns[0]) : grid.text(r, numberColumn!);
    return (hierarchy === 'numbered' ? numberingOf(value) : serialNumberingOf(value)) === undefined;
  }
}
