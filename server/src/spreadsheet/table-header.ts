import { text } from '../core';
import { CellProblem } from './import-report';
import { SheetReader } from './sheet-reader';

/**
 * Where a 考评表's table is and what each column holds, from its header row: the first row, in the
 * first 60, naming an indicator column (指标 / 一级指标 / 二级指标, or the English words) and a
 * points, criteria or content column. Title and info lines may stand above it. A column whose
 * heading is not known is reported and left out.
 */

export type Role = 'level' | 'weight' | 'criteria' | 'content' | 'methods' | 'id' | 'ignore';

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
    /^(?:[一二三四五六七八]级(?:指标|项目)?|(?:考核|评价|评分|考评)?(?:指标|项目)(?:名称)?|level\d+(?:indicator)?|indicators?|sub-?indicators?|areas?|dimensions?|items?)$/,
  ],
  ['weight', /^(?:分值|分数|权重|标准分|满分|计分|分值分|points|weights?|maxpoints|maximumpoints|marks|maxscore|weighting)$/],
  [
    'criteria',
    /^(?:评分标准|评分细则|计分标准|评分办法|考核标准|扣分标准|评分方法|评分依据|评分规则|scoringcriteria|scoring|criteria|scoringrules|scoringguide|rubric)$/,
  ],
  ['content', /^(?:考核内容|考核要点|工作内容|指标说明|指标内涵|内容|content|description|details|whatisassessed)$/],
  ['methods', /^(?:考核方式|考核方法|评价方式|核查方式|考核途径|assessmentmethods?|methods?|evidence|verification)$/],
  ['ignore', /^(?:序号|编号|备注|得分|自评分|实得分|评分|no\.?|#|notes?|remarks?|score)$/],
];

function roleOf(value: string): Role | undefined {
  const heading = normalizeHeading(value);
  return heading === '' ? undefined : ROLES.find(([, pattern]) => pattern.test(heading))?.[0];
}

export interface Columns {
  levels: number[];
  weight?: number;
  criteria?: number;
  content?: number;
  methods?: number;
  id?: number;
}

export interface TableHeader {
  reader: SheetReader;
  row: number;
  columns: Columns;
}

/** The header row of a sheet: the first row naming an indicator column and a points or criteria column. */
function findHeader(reader: SheetReader, problems: CellProblem[]): { row: number; columns: Columns } | undefined {
  for (const r of reader.rows(1, 60)) {
    const columns: Columns = { levels: [] };
    const unknown: number[] = [];
    const width = Math.min(reader.width(r), 200);
    for (let c = 1; c <= width; c++) {
      const cell = reader.cell(r, c);
      const horizontalSlave = !!cell?.isMerged && cell.master.address !== cell.address && Number(cell.master.row) === r;
      const value = horizontalSlave ? '' : reader.text(r, c);
      // A heading merged across columns (考核指标 over 一级 and 二级) names as many level columns.
      if (horizontalSlave && columns.levels.at(-1) === c - 1) {
        columns.levels.push(c);
        continue;
      }
      if (value === '') continue;
      const role = roleOf(value);
      if (role === undefined) unknown.push(c);
      else if (role === 'level') columns.levels.push(c);
      else if (role !== 'ignore' && columns[role] === undefined) columns[role] = c;
    }
    if (columns.levels.length > 0 && (columns.weight !== undefined || columns.criteria !== undefined || columns.content !== undefined)) {
      for (const c of unknown) {
        problems.push({
          severity: 'warning',
          address: reader.address(r, c),
          message: text(`column “${reader.text(r, c)}” is not one the import knows: left out`, `列“${reader.text(r, c)}”无法识别，未导入`),
        });
      }
      return { row: r, columns };
    }
  }
  return undefined;
}

/**
 * The first visible sheet with a header row (a hidden sheet only when it is the only one), its
 * columns settled; undefined, with the reason among the problems, when no sheet has one.
 */
export function findTable(sheets: readonly SheetReader[], problems: CellProblem[]): TableHeader | undefined {
  for (const reader of sheets) {
    if (reader.sheet.state !== 'visible' && sheets.length > 1) continue;
    const sheetProblems: CellProblem[] = [];
    const header = findHeader(reader, sheetProblems);
    if (header) {
      problems.push(...sheetProblems);
      promoteContentToLevel(reader, header.row, header.columns);
      return { reader, ...header };
    }
  }
  problems.push({
    severity: 'error',
    address: sheets[0]?.name ?? '',
    message: text(
      'no header row naming the columns (指标 or 一级指标, and 分值 or 评分标准; in English Indicator, Points, Scoring criteria) in the first 60 rows of any sheet',
      '任何工作表的前 60 行中都没有列名行（需有“指标”或“一级指标”，以及“分值”或“评分标准”；英文为 Indicator、Points、Scoring criteria）',
    ),
  });
  return undefined;
}

export type LevelCell = { kind: 'own'; text: string; master: string } | { kind: 'continued'; master: string } | { kind: 'spanned' } | { kind: 'blank' };

/** What an indicator column holds on a row: its own name, the name of a merge from above, part of a merge across, or nothing. */
export function levelCell(reader: SheetReader, r: number, c: number): LevelCell {
  const cell = reader.cell(r, c);
  if (cell?.isMerged && cell.master.address !== cell.address) {
    return Number(cell.master.row) < r ? { kind: 'continued', master: cell.master.address } : { kind: 'spanned' };
  }
  const value = reader.text(r, c);
  return value === '' || !cell ? { kind: 'blank' } : { kind: 'own', text: value, master: cell.address };
}

/**
 * Tables of 考核项目 | 考核内容 | 分值 name the scored item in the 考核内容 column: where rows carry
 * their own points under a merged or blank indicator cell and a 考核内容 of their own, that column
 * is the deepest indicator level rather than a description.
 */
function promoteContentToLevel(reader: SheetReader, headerRow: number, columns: Columns): void {
  if (columns.content === undefined || columns.weight === undefined || columns.content < columns.levels[columns.levels.length - 1]) return;
  for (const r of reader.rows(headerRow + 1, headerRow + 2000)) {
    if (reader.mergedFromAbove(r, columns.weight)) continue;
    if (reader.reading(r, columns.weight).kind !== 'number') continue;
    const named = columns.levels.some((c) => levelCell(reader, r, c).kind === 'own');
    if (!named && levelCell(reader, r, columns.content).kind === 'own') {
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

export function idNote(reader: SheetReader, r: number, columns: { id?: number }): IdNote {
  if (columns.id === undefined) return {};
  const raw = reader.text(r, columns.id);
  if (!raw.startsWith('{')) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as IdNote) : {};
  } catch {
    return {};
  }
}

export const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
