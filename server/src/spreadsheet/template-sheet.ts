import ExcelJS from 'exceljs';
import { Locale } from '../core';
import { Decimal } from '../core/decimal';
import { columnLetter } from './import-report';
import { breakLines, heightForLines, MARGINS, wrappedLines } from './page-layout';
import { sheetWords } from './sheet-words';
import { BODY_FONT, BORDER, HEADER_FILL, HEADING_FONT, INPUT_FILL, TITLE_FONT } from './styles';

/**
 * One sheet of the scoring template, written in steps: the title and a note, the headings (columns
 * grouped under their groups' merged cells), the hidden rows the import and the formulas read
 * (keys, factors, what a blank cell counts), a row per subject, one validation per column, then the
 * frozen panes, protection and print settings. What goes in the columns is scoring-template.ts's.
 */

/** Column keys in the hidden key row: `points:<leaf>`, `bonus:<item>`, `penalties:<item>`, `veto:<item>`, `view:<rater>`. */
export type ColumnKey = string;

export interface TemplateSheetInfo {
  name: string;
  /** The rater group this sheet is for; absent on a sheet without raters and on the summary. */
  rater?: string;
  role: 'scores' | 'view' | 'summary';
  keyRow: number;
  firstRow: number;
  lastRow: number;
  subjectColumn: number;
  groupColumn?: number;
}

export interface Subject {
  name?: string;
  group?: string;
}

export interface Column {
  key: ColumnKey;
  /** The names of the groups above it, outermost first. */
  group: string[];
  label: string;
  width: number;
  /** What a unit in this column counts in the total (hidden factor row). */
  factor?: Decimal;
  /** What a blank cell counts (a deduction-scored leaf starts full). */
  blankCounts?: Decimal;
  input?: ExcelJS.DataValidation;
  /** A cell nobody types in (a measured leaf's points when no Excel formula can give them). */
  locked?: boolean;
  /** A note on the heading: what the column's cells do not show. */
  note?: string;
  /** A cell computed by formula: the total, a measured leaf's points, or a rater view's subtotal brought to the summary. */
  formula?: (row: number, index: number) => string;
}

export interface Layout {
  firstHeading: number;
  lastHeading: number;
  keyRow: number;
  factorRow: number;
  blankRow: number;
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  columnOf: (key: string) => string;
}

/** A subject's row, tall enough to write a score in by hand on the printed form (about 9 mm). */
export const WRITING_HEIGHT = 26;

const SUBJECT_COLUMN = 1;
const SUBJECT_WIDTH = 16;
const GROUP_WIDTH = 14;

export function layoutOf(columns: Column[], subjects: number, hasGroups: boolean): Layout {
  const headingRows = Math.max(1, ...columns.map((c) => c.group.length + 1));
  const firstHeading = 3;
  const lastHeading = firstHeading + headingRows - 1;
  const keyRow = lastHeading + 1;
  const firstColumn = hasGroups ? 3 : 2;
  const letters = new Map(columns.map((c, i) => [c.key, columnLetter(firstColumn + i)]));
  return {
    firstHeading,
    lastHeading,
    keyRow,
    factorRow: keyRow + 1,
    blankRow: keyRow + 2,
    firstRow: keyRow + 3,
    lastRow: keyRow + 2 + subjects,
    firstColumn,
    columnOf: (key) => letters.get(key)!,
  };
}

export interface SheetSpec {
  name: string;
  /** The title in row 1. */
  heading: string;
  columns: Column[];
  layout: Layout;
  subjects: Subject[];
  info: Omit<TemplateSheetInfo, 'keyRow' | 'firstRow' | 'lastRow' | 'name' | 'subjectColumn' | 'groupColumn'>;
  /** The subject's name by formula (a rater's sheet takes it from the summary). */
  subjectName?: (index: number) => string;
  locale: Locale;
}

/** Writes one sheet; what the import must know of it comes back. */
export function writeTemplateSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): TemplateSheetInfo {
  const sheet = workbook.addWorksheet(spec.name);
  const groupColumn = spec.subjects.some((s) => s.group !== undefined) ? 2 : undefined;
  setColumnWidths(sheet, spec, groupColumn);
  writeTitleAndNote(sheet, spec, groupColumn);
  writeHeadings(sheet, spec, groupColumn);
  writeHiddenRows(sheet, spec, groupColumn);
  writeSubjectRows(sheet, spec, groupColumn);
  addValidations(sheet, spec);
  setViewAndPrint(sheet, spec, groupColumn);
  return {
    ...spec.info,
    subjectColumn: SUBJECT_COLUMN,
    groupColumn,
    name: spec.name,
    keyRow: spec.layout.keyRow,
    firstRow: spec.layout.firstRow,
    lastRow: spec.layout.lastRow,
  };
}

function setColumnWidths(sheet: ExcelJS.Worksheet, { columns, layout }: SheetSpec, groupColumn: number | undefined): void {
  sheet.getColumn(SUBJECT_COLUMN).width = SUBJECT_WIDTH;
  if (groupColumn) sheet.getColumn(groupColumn).width = GROUP_WIDTH;
  columns.forEach((c, i) => (sheet.getColumn(layout.firstColumn + i).width = c.width));
}

const NOTES = {
  summary: {
    'zh-CN': '考核对象名称在本表填写一次；各评价主体的小计取自其工作表，总分按权重合计。加分、减分和一票否决在本表填写。',
    en: 'Names are entered once, here; each rater group’s subtotal comes from its sheet and the total weighs them. Bonus, penalties and vetoes are entered here.',
  },
  scores: {
    'zh-CN': '在浅黄色单元格中填写得分（0 至该项分值；选中单元格可见评分标准）。扣分制的项目填写扣分后的得分，空白按满分计。',
    en: 'Enter the points in the light yellow cells (0 to the item’s points; select a cell to see its rule). For an item scored by deductions enter the points left after them; a blank cell counts its full points.',
  },
};

/** What the note says of measured and ranged-deduction columns, when the sheet has them. */
function extraNotes(columns: Column[], locale: Locale): string[] {
  const zh = locale === 'zh-CN';
  const notes: string[] = [];
  if (columns.some((c) => c.key.startsWith('input:')))
    notes.push(
      zh
        ? '按计分公式计分的项目，在其计分数据列填写实测值，得分由公式算出（导入时以精确小数重算）。'
        : 'For an item scored by formula, enter what was measured in its columns; its points are worked out (and again, exactly, on import).',
    );
  if (columns.some((c) => c.key.startsWith('deduct:')))
    notes.push(
      zh
        ? '视情节扣分的项目，逐条填写：发生选“是”、次数或所扣分数（多次以逗号分隔）。'
        : 'For an item with deductions set case by case, fill each rule: yes, a count, or the points taken off (several cases separated by commas).',
    );
  if (columns.some((c) => c.note))
    notes.push(zh ? '标有批注的得分列不在表中计算，导入时计算。' : 'A points column with a note is not worked out here, but on import.');
  return notes;
}

/** Row 1: the title; row 2: how to fill the sheet, both across the table. */
function writeTitleAndNote(sheet: ExcelJS.Worksheet, { heading, columns, layout, info, locale }: SheetSpec, groupColumn: number | undefined): void {
  const across = Math.max(layout.firstColumn + columns.length - 1, 6);
  const title = sheet.getCell(1, 1);
  title.value = heading;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(1, 1, 1, across);
  const note = sheet.getCell(2, 1);
  note.value = [NOTES[info.role === 'summary' ? 'summary' : 'scores'][locale], ...extraNotes(columns, locale)].join(locale === 'zh-CN' ? '' : ' ');
  note.font = BODY_FONT;
  note.alignment = { wrapText: true, vertical: 'middle' };
  sheet.mergeCells(2, 1, 2, across);
  const noteWidth = SUBJECT_WIDTH + (groupColumn ? GROUP_WIDTH : 0) + columns.reduce((a, c) => a + c.width, 0);
  sheet.getRow(2).height = heightForLines(wrappedLines(String(note.value), Math.max(40, noteWidth), BODY_FONT.size!), BODY_FONT.size!);
}

/**
 * The heading rows: the subject (and group) column down all of them; a run of columns under the
 * same group at a level is one merged cell; a column's own label reaches down to the last row.
 */
function writeHeadings(sheet: ExcelJS.Worksheet, { columns, layout, locale }: SheetSpec, groupColumn: number | undefined): void {
  const { firstHeading, lastHeading, firstColumn } = layout;
  const words = sheetWords(locale);
  const headingCell = (row: number, column: number, value: string) => {
    const cell = sheet.getCell(row, column);
    cell.value = value;
    cell.font = HEADING_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  headingCell(firstHeading, SUBJECT_COLUMN, words.subject);
  if (lastHeading > firstHeading) sheet.mergeCells(firstHeading, SUBJECT_COLUMN, lastHeading, SUBJECT_COLUMN);
  if (groupColumn) {
    headingCell(firstHeading, groupColumn, words.group);
    if (lastHeading > firstHeading) sheet.mergeCells(firstHeading, groupColumn, lastHeading, groupColumn);
  }
  const levels = lastHeading - firstHeading + 1;
  const pathAt = (c: Column, level: number) => c.group.slice(0, level + 1).join('\u0000');
  for (let level = 0; level < levels; level++) {
    const row = firstHeading + level;
    for (let start = 0; start < columns.length;) {
      const col = columns[start];
      if (level < col.group.length) {
        let end = start;
        while (end + 1 < columns.length && columns[end + 1].group.length > level && pathAt(columns[end + 1], level) === pathAt(col, level)) end++;
        const spanned = columns.slice(start, end + 1).reduce((a, c) => a + c.width, 0);
        for (let c = start; c <= end; c++) headingCell(row, firstColumn + c, c === start ? breakLines(col.group[level], spanned, 11) : '');
        if (end > start) sheet.mergeCells(row, firstColumn + start, row, firstColumn + end);
        start = end + 1;
      } else {
        if (level === col.group.length) {
          for (let r = row; r <= lastHeading; r++) headingCell(r, firstColumn + start, r === row ? breakLines(col.label, col.width, 11) : '');
          if (col.note) sheet.getCell(row, firstColumn + start).note = col.note;
          if (row < lastHeading) sheet.mergeCells(row, firstColumn + start, lastHeading, firstColumn + start);
        }
        start++;
      }
    }
    const labels = columns.map((c) => (level < c.group.length ? '' : level === c.group.length ? breakLines(c.label, c.width, 11) : ''));
    const tallest = Math.max(1, ...labels.map((label, i) => (label ? wrappedLines(label, columns[i].width, 11) : 1)));
    sheet.getRow(row).height = Math.min(120, heightForLines(tallest, 11));
  }
}

/** The hidden rows the import and the formulas read: keys, factors, and what a blank cell counts. */
function writeHiddenRows(sheet: ExcelJS.Worksheet, { columns, layout }: SheetSpec, groupColumn: number | undefined): void {
  const { keyRow, factorRow, blankRow, firstColumn } = layout;
  sheet.getCell(keyRow, SUBJECT_COLUMN).value = 'subject';
  if (groupColumn) sheet.getCell(keyRow, groupColumn).value = 'group';
  sheet.getCell(factorRow, SUBJECT_COLUMN).value = 'factor';
  sheet.getCell(blankRow, SUBJECT_COLUMN).value = 'blank';
  columns.forEach((c, i) => {
    sheet.getCell(keyRow, firstColumn + i).value = c.key;
    sheet.getCell(factorRow, firstColumn + i).value = c.factor ? Number(c.factor.toFixed(12)) : 0;
    sheet.getCell(blankRow, firstColumn + i).value = c.blankCounts ? Number(c.blankCounts.toFixed(12)) : 0;
  });
  for (const r of [keyRow, factorRow, blankRow]) sheet.getRow(r).hidden = true;
}

function unlocked(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
}

/** A row per subject: the name (given, by formula, or to be typed), the group, an input or a formula in each column. */
function writeSubjectRows(sheet: ExcelJS.Worksheet, { columns, layout, subjects, subjectName }: SheetSpec, groupColumn: number | undefined): void {
  subjects.forEach((subject, index) => {
    const r = layout.firstRow + index;
    const row = sheet.getRow(r);
    row.height = WRITING_HEIGHT;
    const nameCell = row.getCell(SUBJECT_COLUMN);
    if (subjectName) nameCell.value = { formula: subjectName(index), result: subject.name ?? '' } as ExcelJS.CellFormulaValue;
    else if (subject.name !== undefined) nameCell.value = subject.name;
    else unlocked(nameCell);
    nameCell.font = BODY_FONT;
    nameCell.border = BORDER;
    // Level with the scores on its row (the default bottom alignment reads as the row below's name).
    nameCell.alignment = { vertical: 'middle' };
    if (groupColumn) {
      const groupCell = row.getCell(groupColumn);
      groupCell.value = subject.group ?? '';
      groupCell.font = BODY_FONT;
      groupCell.border = BORDER;
      groupCell.alignment = { vertical: 'middle' };
    }
    columns.forEach((c, i) => {
      const cell = row.getCell(layout.firstColumn + i);
      cell.border = BORDER;
      cell.font = c.key === 'total' ? { ...BODY_FONT, bold: true } : BODY_FONT;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (c.formula) cell.value = { formula: c.formula(r, index) } as ExcelJS.CellFormulaValue;
      else if (!c.locked) unlocked(cell);
    });
  });
}

/** One validation per column: exceljs writes it once for the whole range. */
function addValidations(sheet: ExcelJS.Worksheet, { columns, layout, subjects }: SheetSpec): void {
  columns.forEach((c, i) => {
    if (!c.input || subjects.length === 0) return;
    const letter = columnLetter(layout.firstColumn + i);
    (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}${layout.firstRow}:${letter}${layout.lastRow}`,
      c.input,
    );
  });
}

/** Headings and the subject column frozen, the sheet protected but for the inputs, A4 landscape with the headings on every page. */
function setViewAndPrint(sheet: ExcelJS.Worksheet, { layout, locale }: SheetSpec, groupColumn: number | undefined): void {
  sheet.views = [{ state: 'frozen', xSplit: layout.firstColumn - 1, ySplit: layout.blankRow, showGridLines: true }];
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: MARGINS,
    printTitlesRow: `${layout.firstHeading}:${layout.lastHeading}`,
    printTitlesColumn: groupColumn ? 'A:B' : 'A:A',
  };
  sheet.headerFooter = { oddFooter: `&C&"宋体"&9${sheetWords(locale).pageFooter}` };
}
