import { text } from '../core';
import { CellProblem } from './import-report';
import { mergedFromAbove, mergedFromLeft, TableGrid } from './table-grid';

/**
 * Where a 考评表's table is and what each column holds, from its header: the first row, in the
 * first 60, naming an indicator column (指标 / 一级指标 / 考核项目, or the English words) and a
 * points, criteria or content column. The header may take two rows: a heading merged across the
 * columns below it (分值 over 标准分 / 得分, 考核指标 over 一级 / 二级) and the others merged down both
 * rows. Title and info lines may stand above it. A column whose heading is not known is reported
 * and left out.
 */

export type Role = 'level' | 'weight' | 'criteria' | 'content' | 'methods' | 'id' | 'serial' | 'remarks' | 'score';

/** A heading as compared: no spaces, no trailing `（分）` or colon, lower case. */
export const normalizeHeading = (value: string) =>
  withoutTrailingParenthesis(value.replace(/\s+/g, ''))
    .replace(/[:：]$/, '')
    .toLowerCase();

/**
 * `分值（分）` → `分值`: from the first opening parenthesis after the last closing one, when the text
 * ends in a closing one. Found in one pass: a pattern would try every parenthesis of a cell of
 * thirty thousand and take seconds.
 */
function withoutTrailingParenthesis(value: string): string {
  if (!/[)）]$/.test(value)) return value;
  let lastClosing = -1;
  for (let i = value.length - 2; i >= 0 && lastClosing < 0; i--) if (value[i] === ')' || value[i] === '）') lastClosing = i;
  for (let i = lastClosing + 1; i < value.length - 1; i++) if (value[i] === '(' || value[i] === '（') return value.slice(0, i);
  return value;
}

const ROLES: [Role, RegExp][] = [
  ['id', /^id$/],
  [
    'level',
    /^(?:[一二三四五六七八]级(?:指标|项目)?(?:名称)?|(?:考核|评价|评分|考评|评定|绩效)?(?:指标|项目)(?:名称)?|(?:考核|评定|评价|考评)项目(?:与|及|和)(?:考核|评定|评价|考评)?内容|(?:项目|指标)(?:名称)?及分值|考核目标|考核类别|目标|类别|level\d+(?:indicator)?|indicators?|sub-?indicators?|areas?|dimensions?|items?)$/,
  ],
  ['weight', /^(?:分值|分数|权重|标准分|满分|计分|分值分|基本分|应得分|分值权重|points|weights?|maxpoints|maximumpoints|marks|maxscore|weighting)$/],
  [
    'criteria',
    /^(?:(?:考核内容及|考核内容和)?(?:评分|计分|考核|扣分|考评|评价|赋分)(?:标准|细则|办法|方法|依据|规则)(?:及(?:标准分|分值))?|scoringcriteria|scoring|criteria|scoringrules|scoringguide|rubric)$/,
  ],
  [
    'content',
    /^(?:考核内容|考核要点|工作内容|指标说明|指标内涵|指标内容|指标解释|评定内容|考核内容(?:和|及)要求|内容|content|description|details|whatisassessed)$/,
  ],
  ['methods', /^(?:考核方式|考核方法|评价方式|考评方式|核查方式|检查方式|考核途径|assessmentmethods?|methods?|evidence|verification)$/],
  ['serial', /^(?:序号|编号|目标序号|no\.?|#)$/],
  ['remarks', /^(?:备注|说明|notes?|remarks?)$/],
  ['score', /^(?:得分|自评分|实得分|评分|考评得分|考核得分|得分情况|实际得分|扣分|自评|考评|复核|score)$/],
];

export function roleOf(value: string): Role | undefined {
  const heading = normalizeHeading(value);
  return heading === '' ? undefined : ROLES.find(([, pattern]) => pattern.test(heading))?.[0];
}

export interface Columns {
  /** The indicator columns, outermost first. */
  levels: number[];
  /** The points columns, left to right: one for the leaves, or one after each level's column. */
  weights: number[];
  criteria?: number;
  content?: number;
  methods?: number;
  id?: number;
  serial?: number;
  remarks?: number;
  /** Columns for the scores given (得分, 自评, 考评): read as nothing. */
  scores: number[];
}

export interface TableHeader {
  grid: TableGrid;
  /** The header's rows: one, or two. */
  rows: number[];
  columns: Columns;
}

/** A heading cell's own text: '' for the part of a heading merged from the left or from above. */
function ownHeading(grid: TableGrid, r: number, c: number): string {
  return mergedFromLeft(grid, r, c) || mergedFromAbove(grid, r, c) ? '' : grid.text(r, c);
}

/**
 * Whether the header takes rows r and r + 1: some heading of row r is merged down into r + 1, or
 * spans columns under which row r + 1 names the parts.
 */
function twoRowHeader(grid: TableGrid, r: number, width: number): boolean {
  let mergedDown = false;
  let namedBelow = false;
  for (let c = 1; c <= width; c++) {
    const origin = grid.mergeOrigin(r + 1, c);
    if (origin && origin.row === r) mergedDown = true;
    if (mergedFromLeft(grid, r, c) && ownHeading(grid, r + 1, c) !== '') namedBelow = true;
  }
  return mergedDown && namedBelow;
}

/** Each column's role, from one header row or two (the lower heading wins, read in the light of the upper). */
function readHeadings(grid: TableGrid, rows: number[], width: number): { columns: Columns; unknown: number[] } {
  const columns: Columns = { levels: [], weights: [], scores: [] };
  const unknown: number[] = [];
  const [upperRow, lowerRow] = rows;
  for (let c = 1; c <= width; c++) {
    const upper = grid.text(upperRow, c);
    const lower = lowerRow === undefined ? '' : ownHeading(grid, lowerRow, c);
    const upperRole = roleOf(upper);
    let role = lower === '' ? upperRole : (roleOf(lower) ?? (upperRole === 'level' ? 'level' : undefined));
    if (lower === '' && mergedFromLeft(grid, upperRow, c)) {
      // A heading merged across columns with nothing below: 考核指标 over as many level columns.
      if (upperRole === 'level' && columns.levels.at(-1) === c - 1) columns.levels.push(c);
      continue;
    }
    if (upperRole === 'score' && role !== undefined && role !== 'score') role = 'score';
    if (upper === '' && lower === '') continue;
    if (role === undefined) unknown.push(c);
    else if (role === 'level') columns.levels.push(c);
    else if (role === 'weight') columns.weights.push(c);
    else if (role === 'score') columns.scores.push(c);
    else if (columns[role] === undefined) columns[role] = c;
  }
  return { columns, unknown };
}

/** A header names an indicator column (or a content column that names them) and points or criteria. */
function acceptable(columns: Columns): boolean {
  if (columns.levels.length === 0) {
    // 考核内容 | 分值 | 评分标准: the content column names the indicators.
    if (columns.content === undefined || (columns.weights.length === 0 && columns.criteria === undefined)) return false;
    columns.levels.push(columns.content);
    columns.content = undefined;
    return true;
  }
  return columns.weights.length > 0 || columns.criteria !== undefined || columns.content !== undefined;
}

/** The header of a table: its first row (or two) naming an indicator column and a points or criteria column. */
function findHeader(grid: TableGrid, problems: CellProblem[]): { rows: number[]; columns: Columns } | undefined {
  for (const r of grid.rows(1, 60)) {
    const width = Math.min(Math.max(grid.width(r), grid.width(r + 1)), 200);
    const candidates = twoRowHeader(grid, r, width) ? [[r, r + 1], [r]] : [[r]];
    for (const rows of candidates) {
      const { columns, unknown } = readHeadings(grid, rows, width);
      if (!acceptable(columns)) continue;
      for (const c of unknown) {
        const address = grid.address(rows.length === 2 && ownHeading(grid, r + 1, c) !== '' ? r + 1 : r, c);
        const heading = rows.length === 2 && ownHeading(grid, r + 1, c) !== '' ? grid.text(r + 1, c) : grid.text(r, c);
        problems.push({
          severity: 'warning',
          address,
          message: text(`column “${heading}” is not one the import knows: left out`, `列“${heading}”无法识别，未导入`),
        });
      }
      return { rows, columns };
    }
  }
  return undefined;
}

/**
 * The first visible table with a header (a hidden sheet only when it is the only one), its columns
 * settled; undefined, with the reason among the problems, when none has one.
 */
export function findTable(grids: readonly TableGrid[], problems: CellProblem[]): TableHeader | undefined {
  for (const grid of grids) {
    if (grid.hidden && grids.length > 1) continue;
    const tableProblems: CellProblem[] = [];
    const header = findHeader(grid, tableProblems);
    if (header) {
      problems.push(...tableProblems);
      promoteContentToLevel(grid, header.rows.at(-1)!, header.columns);
      return { grid, ...header };
    }
  }
  problems.push({
    severity: 'error',
    address: grids[0]?.name ?? '',
    message: text(
      'no header row naming the columns (指标 or 一级指标, and 分值 or 评分标准; in English Indicator, Points, Scoring criteria) in the first 60 rows of any sheet or table',
      '任何工作表或表格的前 60 行中都没有列名行（需有“指标”或“一级指标”，以及“分值”或“评分标准”；英文为 Indicator、Points、Scoring criteria）',
    ),
  });
  return undefined;
}

/** A dash or slash printed in a cell to say it has nothing (`——`, `/`): no name. */
const NOTHING = /^[\s—–\-－─/／]+$/;

export type LevelCell = { kind: 'own'; text: string; master: string } | { kind: 'continued'; master: string } | { kind: 'spanned' } | { kind: 'blank' };

/** What an indicator column holds on a row: its own name, the name of a merge from above, part of a merge across, or nothing. */
export function levelCell(grid: TableGrid, r: number, c: number): LevelCell {
  const origin = grid.mergeOrigin(r, c);
  if (origin && (origin.row !== r || origin.column !== c)) {
    const master = grid.address(origin.row, origin.column);
    return origin.row < r ? { kind: 'continued', master } : { kind: 'spanned' };
  }
  const value = grid.text(r, c);
  return value === '' || NOTHING.test(value) ? { kind: 'blank' } : { kind: 'own', text: value, master: grid.address(r, c) };
}

/**
 * Tables of 考核项目 | 考核内容 | 分值 name the scored item in the 考核内容 column: where rows carry
 * their own points under a merged or blank indicator cell and a 考核内容 of their own, that column
 * is the deepest indicator level rather than a description.
 */
function promoteContentToLevel(grid: TableGrid, headerRow: number, columns: Columns): void {
  const weight = columns.weights.at(-1);
  if (columns.content === undefined || weight === undefined || columns.content < columns.levels[columns.levels.length - 1]) return;
  for (const r of grid.rows(headerRow + 1, headerRow + 2000)) {
    if (mergedFromAbove(grid, r, weight)) continue;
    if (grid.reading(r, weight).kind !== 'number') continue;
    const named = columns.levels.some((c) => levelCell(grid, r, c).kind === 'own');
    if (!named && levelCell(grid, r, columns.content).kind === 'own') {
      columns.levels.push(columns.content);
      columns.content = undefined;
      return;
    }
  }
}

/** The hidden id column's note on a row (export writes the ids there as JSON), or nothing. */
export interface IdNote {
  path?: string[];
  rules?: (string | null)[];
  id?: string | null;
  methods?: (string | null)[];
  raters?: (string | null)[];
  groups?: (string | null)[];
}

export function idNote(grid: TableGrid, r: number, columns: { id?: number }): IdNote {
  if (columns.id === undefined) return {};
  const raw = grid.text(r, columns.id);
  if (!raw.startsWith('{')) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as IdNote) : {};
  } catch {
    return {};
  }
}

export const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
