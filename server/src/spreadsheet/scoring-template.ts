import ExcelJS from 'exceljs';
import { Locale } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { exact, extraItemText, scoringLines } from './criteria-text';
import { columnLetter } from './import-report';
import { heightForLines, MARGINS, textUnits, wrappedLines } from './page-layout';
import { DraftExtraItem, DraftIndicator, DraftRubric, keyOf } from './rubric-draft';
import { safeSheetName, sheetReference } from './sheet-names';
import { SheetReader } from './sheet-reader';
import { sheetWords } from './sheet-words';
import { BODY_FONT, BORDER, HEADER_FILL, HEADING_FONT, INPUT_FILL, TITLE_FONT } from './styles';

/**
 * The scoring sheet: subjects down, leaf indicators across under their groups' merged headings,
 * then bonus, penalty and veto columns and the total by formula. Each score cell accepts 0 to its
 * weight and says the rule when selected; the headings and the subject column are locked and
 * frozen. A rubric with raters gets one sheet per rater group and a summary sheet that weighs their
 * views. A hidden sheet records the rubric (path, title, a hash of its text) and where each sheet's
 * columns and rows are, so `rubric import` reads the filled workbook back without guessing.
 */

export const TEMPLATE_MARKER = 'rubric-studio/scoring-template@1';
/** The hidden sheet's name: the import finds the template by it. */
export const META_SHEET = '_rubric';

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

export interface TemplateMeta {
  format: string;
  /** The rubric's path relative to the workbook's folder, with `/`. */
  rubric: string;
  title: string;
  sha256: string;
  /** 1-based rubric of a multi-document file. */
  document: number;
  sheets: TemplateSheetInfo[];
}

export interface TemplateOptions {
  locale: Locale;
  rubricPath: string;
  sha256: string;
  document: number;
}

/** Blank rows for subjects when the rubric names none and gives no count. */
const UNNAMED_ROWS = 30;

interface Leaf {
  indicator: DraftIndicator;
  ancestors: DraftIndicator[];
  /** What a point on this leaf counts in the total: the product of weight / out_of over composite ancestors. */
  factor: Decimal;
}

function leavesOf(indicators: DraftIndicator[], ancestors: DraftIndicator[] = [], factor = decimal(1)): Leaf[] {
  return indicators.flatMap((indicator) => {
    if (indicator.items.length === 0) return [{ indicator, ancestors, factor }];
    const scaled = indicator.outOf && indicator.weight ? factor.times(indicator.weight).div(indicator.outOf) : factor;
    return leavesOf(indicator.items, [...ancestors, indicator], scaled);
  });
}

/** A leaf scored only by deductions starts full (扣分制): left blank, it counts its whole weight. */
export function startsFull(indicator: DraftIndicator): boolean {
  const s = indicator.scoring;
  return !!s && s.levels.length === 0 && (s.deduct !== undefined || s.rules.length > 0);
}

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

interface Subject {
  name?: string;
  group?: string;
}

function subjectsOf(draft: DraftRubric): Subject[] {
  const s = draft.subjects;
  if (!s) return Array.from({ length: UNNAMED_ROWS }, () => ({}));
  if (s.kind === 'names') return s.names.map((name) => ({ name }));
  if (s.kind === 'count') return Array.from({ length: s.count }, () => ({}));
  return s.groups.flatMap((g) =>
    g.members ? g.members.map((name) => ({ name, group: g.name })) : Array.from({ length: g.count ?? 0 }, () => ({ group: g.name })),
  );
}

interface Column {
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
  /** A cell computed by formula: the total, or a rater view's subtotal brought to the summary. */
  formula?: (row: number, index: number) => string;
}

interface Layout {
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

function layoutOf(columns: Column[], subjects: number, hasGroups: boolean): Layout {
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

export function buildScoringTemplate(draft: DraftRubric, options: TemplateOptions): ExcelJS.Workbook {
  const { locale } = options;
  const zh = locale === 'zh-CN';
  const words = sheetWords(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rubric Studio';
  workbook.title = draft.title;
  const taken = new Set<string>([META_SHEET.toLowerCase()]);
  const leaves = leavesOf(draft.indicators);
  const subjects = subjectsOf(draft);
  const hasGroups = subjects.some((s) => s.group !== undefined);
  const sheets: TemplateSheetInfo[] = [];
  const precision = draft.precision ?? 2;

  const unlocked = (cell: ExcelJS.Cell) => {
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
  };

  /** One sheet: title, note, grouped headings, the hidden key / factor / blank rows, a row per subject. */
  const buildSheet = (
    name: string,
    heading: string,
    columns: Column[],
    layout: Layout,
    info: Omit<TemplateSheetInfo, 'keyRow' | 'firstRow' | 'lastRow' | 'name'>,
    subjectName?: (index: number) => string,
  ) => {
    const sheet = workbook.addWorksheet(name);
    const { firstHeading, lastHeading, keyRow, factorRow, blankRow, firstRow, firstColumn } = layout;
    const subjectColumn = 1;
    const groupColumn = hasGroups ? 2 : undefined;
    const lastColumn = firstColumn + columns.length - 1;

    sheet.getColumn(subjectColumn).width = 16;
    if (groupColumn) sheet.getColumn(groupColumn).width = 14;
    columns.forEach((c, i) => (sheet.getColumn(firstColumn + i).width = c.width));

    const title = sheet.getCell(1, 1);
    title.value = heading;
    title.font = TITLE_FONT;
    title.alignment = { horizontal: 'left', vertical: 'middle' };
    sheet.getRow(1).height = 30;
    sheet.mergeCells(1, 1, 1, Math.max(lastColumn, 6));
    const note = sheet.getCell(2, 1);
    note.value =
      info.role === 'summary'
        ? zh
          ? '考核对象名称在本表填写一次；各评价主体的小计取自其工作表，总分按权重合计。加分、减分和一票否决在本表填写。'
          : 'Names are entered once, here; each rater group’s subtotal comes from its sheet and the total weighs them. Bonus, penalties and vetoes are entered here.'
        : zh
          ? '在浅黄色单元格中填写得分（0 至该项分值；选中单元格可见评分标准）。扣分制的项目填写扣分后的得分，空白按满分计。'
          : 'Enter the points in the light yellow cells (0 to the item’s points; select a cell to see its rule). For an item scored by deductions enter the points left after them; a blank cell counts its full points.';
    note.font = BODY_FONT;
    note.alignment = { wrapText: true, vertical: 'middle' };
    sheet.mergeCells(2, 1, 2, Math.max(lastColumn, 6));
    const noteWidth = 16 + (groupColumn ? 14 : 0) + columns.reduce((a, c) => a + c.width, 0);
    sheet.getRow(2).height = heightForLines(wrappedLines(String(note.value), Math.max(40, noteWidth), BODY_FONT.size!), BODY_FONT.size!);

    const headingCell = (row: number, column: number, value: string) => {
      const cell = sheet.getCell(row, column);
      cell.value = value;
      cell.font = HEADING_FONT;
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    };
    headingCell(firstHeading, subjectColumn, sheetWords(locale).subject);
    if (lastHeading > firstHeading) sheet.mergeCells(firstHeading, subjectColumn, lastHeading, subjectColumn);
    if (groupColumn) {
      headingCell(firstHeading, groupColumn, words.group);
      if (lastHeading > firstHeading) sheet.mergeCells(firstHeading, groupColumn, lastHeading, groupColumn);
    }
    // Grouped headings: a run of columns under the same group at a level is one merged cell; a
    // column's own label reaches down to the last heading row.
    const levels = lastHeading - firstHeading + 1;
    const pathAt = (c: Column, level: number) => c.group.slice(0, level + 1).join('\u0000');
    for (let level = 0; level < levels; level++) {
      const row = firstHeading + level;
      for (let start = 0; start < columns.length;) {
        const col = columns[start];
        if (level < col.group.length) {
          let end = start;
          while (end + 1 < columns.length && columns[end + 1].group.length > level && pathAt(columns[end + 1], level) === pathAt(col, level)) end++;
          for (let c = start; c <= end; c++) headingCell(row, firstColumn + c, c === start ? col.group[level] : '');
          if (end > start) sheet.mergeCells(row, firstColumn + start, row, firstColumn + end);
          start = end + 1;
        } else {
          if (level === col.group.length) {
            for (let r = row; r <= lastHeading; r++) headingCell(r, firstColumn + start, r === row ? col.label : '');
            if (row < lastHeading) sheet.mergeCells(row, firstColumn + start, lastHeading, firstColumn + start);
          }
          start++;
        }
      }
      const labels = columns.map((c) => (level < c.group.length ? '' : level === c.group.length ? c.label : ''));
      const tallest = Math.max(1, ...labels.map((label, i) => (label ? wrappedLines(label, columns[i].width, 11) : 1)));
      sheet.getRow(row).height = Math.min(120, heightForLines(tallest, 11));
    }

    // The hidden rows the import and the formulas read: keys, factors, and what a blank cell counts.
    sheet.getCell(keyRow, subjectColumn).value = 'subject';
    if (groupColumn) sheet.getCell(keyRow, groupColumn).value = 'group';
    sheet.getCell(factorRow, subjectColumn).value = 'factor';
    sheet.getCell(blankRow, subjectColumn).value = 'blank';
    columns.forEach((c, i) => {
      sheet.getCell(keyRow, firstColumn + i).value = c.key;
      sheet.getCell(factorRow, firstColumn + i).value = c.factor ? Number(c.factor.toFixed(12)) : 0;
      sheet.getCell(blankRow, firstColumn + i).value = c.blankCounts ? Number(c.blankCounts.toFixed(12)) : 0;
    });
    for (const r of [keyRow, factorRow, blankRow]) sheet.getRow(r).hidden = true;

    subjects.forEach((subject, index) => {
      const r = firstRow + index;
      const row = sheet.getRow(r);
      const nameCell = row.getCell(subjectColumn);
      if (subjectName) nameCell.value = { formula: subjectName(index), result: subject.name ?? '' } as ExcelJS.CellFormulaValue;
      else if (subject.name !== undefined) nameCell.value = subject.name;
      else unlocked(nameCell);
      nameCell.font = BODY_FONT;
      nameCell.border = BORDER;
      if (groupColumn) {
        const groupCell = row.getCell(groupColumn);
        groupCell.value = subject.group ?? '';
        groupCell.font = BODY_FONT;
        groupCell.border = BORDER;
      }
      columns.forEach((c, i) => {
        const cell = row.getCell(firstColumn + i);
        cell.border = BORDER;
        cell.font = c.key === 'total' ? { ...BODY_FONT, bold: true } : BODY_FONT;
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        if (c.formula) cell.value = { formula: c.formula(r, index) } as ExcelJS.CellFormulaValue;
        else unlocked(cell);
      });
    });
    // One validation per column: exceljs writes it once for the whole range.
    columns.forEach((c, i) => {
      if (!c.input || subjects.length === 0) return;
      const letter = columnLetter(firstColumn + i);
      (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}${firstRow}:${letter}${layout.lastRow}`,
        c.input,
      );
    });

    sheet.views = [{ state: 'frozen', xSplit: firstColumn - 1, ySplit: blankRow, showGridLines: true }];
    void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
    sheet.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: MARGINS,
      printTitlesRow: `${firstHeading}:${lastHeading}`,
      printTitlesColumn: groupColumn ? 'A:B' : 'A:A',
    };
    sheet.headerFooter = { oddFooter: `&C&"宋体"&9${words.pageFooter}` };
    sheets.push({ ...info, name, keyRow, firstRow, lastRow: layout.lastRow });
    return sheet;
  };

  // Score columns: every leaf, grouped under its ancestors' names.
  const pointColumns: Column[] = leaves.map((leaf) => {
    const weight = leaf.indicator.weight ?? decimal(0);
    const full = startsFull(leaf.indicator);
    // One line: a line break in an input message's attribute is read back as a space.
    const prompt = [
      zh ? `0 至 ${exact(weight)} 分` : `0 to ${exact(weight)} points`,
      ...(full ? [zh ? '填写扣分后的得分，空白按满分计' : 'points left after deductions, blank counts full'] : []),
      ...scoringLines(leaf.indicator.scoring, locale),
    ].join(zh ? '；' : '; ');
    return {
      key: `points:${keyOf(leaf.indicator)}`,
      group: leaf.ancestors.map((a) => (a.outOf && a.weight ? `${a.name}${zh ? '（' : ' ('}${exact(a.outOf)} → ${exact(a.weight)}${zh ? '）' : ')'}` : a.name)),
      label: `${leaf.indicator.name}\n${zh ? `（${exact(weight)}分）` : `(${exact(weight)})`}`,
      width: Math.min(16, Math.max(9.5, 5 + Math.ceil(textUnits(leaf.indicator.name) / 2))),
      factor: leaf.factor,
      blankCounts: full ? weight.times(leaf.factor) : undefined,
      input: {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, Number(exact(weight))],
        showInputMessage: true,
        promptTitle: clip(leaf.indicator.name, 32),
        prompt: clip(prompt, 250),
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: clip(leaf.indicator.name, 32),
        error: zh ? `须为 0 至 ${exact(weight)} 之间的数` : `Must be a number from 0 to ${exact(weight)}`,
      } as ExcelJS.DataValidation,
    };
  });

  const extraColumns = (kind: 'bonus' | 'penalties'): Column[] => {
    const extras = draft[kind];
    if (!extras || extras.items.length === 0) return [];
    const cap = extras.cap ? (zh ? `（≤${exact(extras.cap)}）` : ` (≤ ${exact(extras.cap)})`) : '';
    const title = (kind === 'bonus' ? words.bonus : words.penalties) + cap;
    return extras.items.map((item: DraftExtraItem) => {
      const rule = extraItemText(item, kind, locale);
      const perCase = item.per !== undefined;
      const input = perCase
        ? {
            type: 'whole',
            operator: 'greaterThanOrEqual',
            allowBlank: true,
            formulae: [0],
            prompt: clip(zh ? `填写次数（${rule}）` : `Enter the number of cases (${rule})`, 250),
            error: zh ? '须为 0 或正整数' : 'Must be a whole number, 0 or more',
          }
        : {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [0, Number(exact(item.points))],
            prompt: clip(zh ? `填写分数，0 至 ${exact(item.points)}` : `Enter the points, 0 to ${exact(item.points)}`, 250),
            error: zh ? `须为 0 至 ${exact(item.points)} 之间的数` : `Must be a number from 0 to ${exact(item.points)}`,
          };
      return {
        key: `${kind}:${keyOf(item)}`,
        group: [title],
        label: `${item.name}\n${zh ? `（${rule}）` : `(${rule})`}`,
        width: 12,
        factor: perCase ? item.points : decimal(1),
        input: { ...input, showInputMessage: true, promptTitle: clip(item.name, 32), showErrorMessage: true, errorStyle: 'stop' } as ExcelJS.DataValidation,
      };
    });
  };
  const vetoColumns: Column[] = draft.veto.map((veto) => ({
    key: `veto:${keyOf(veto)}`,
    group: [zh ? '一票否决' : 'Veto'],
    label: veto.name,
    width: 10,
    input: {
      type: 'list',
      allowBlank: true,
      formulae: [`"${zh ? '是' : 'yes'}"`],
      showInputMessage: true,
      promptTitle: clip(veto.name, 32),
      prompt: zh ? '发生时选“是”，否则留空' : 'Choose “yes” if it happened, else leave blank',
      showErrorMessage: true,
      errorStyle: 'stop',
      error: zh ? '只能为“是”或空白' : 'Only “yes” or blank',
    } as ExcelJS.DataValidation,
  }));
  const subjectExtras = [...extraColumns('bonus'), ...extraColumns('penalties'), ...vetoColumns];

  /** Σ points × factor, plus what blank deduction-scored cells count; exact factors sit in the hidden rows. */
  const viewFormula = (layout: Layout, row: number) => {
    if (pointColumns.length === 0) return '0';
    const first = layout.columnOf(pointColumns[0].key);
    const last = layout.columnOf(pointColumns[pointColumns.length - 1].key);
    const cells = `${first}${row}:${last}${row}`;
    return `SUMPRODUCT(${cells},${first}$${layout.factorRow}:${last}$${layout.factorRow})+SUMPRODUCT((${cells}="")*${first}$${layout.blankRow}:${last}$${layout.blankRow})`;
  };
  const extrasFormula = (layout: Layout, row: number) => {
    const part = (kind: 'bonus' | 'penalties') => {
      const extras = draft[kind];
      if (!extras || extras.items.length === 0) return '';
      const sum = extras.items
        .map((item) => {
          const column = layout.columnOf(`${kind}:${keyOf(item)}`);
          return `N(${column}${row})*${column}$${layout.factorRow}`;
        })
        .join('+');
      const capped = extras.cap ? `MIN(${exact(extras.cap)},${sum})` : `(${sum})`;
      return kind === 'bonus' ? `+${capped}` : `-${capped}`;
    };
    return part('bonus') + part('penalties');
  };

  if (draft.raters.length === 0) {
    const columns: Column[] = [...pointColumns, ...subjectExtras, { key: 'total', group: [], label: words.grandTotal, width: 10 }];
    const layout = layoutOf(columns, subjects.length, hasGroups);
    columns[columns.length - 1].formula = (row) => `ROUND(${viewFormula(layout, row)}${extrasFormula(layout, row)},${precision})`;
    buildSheet(safeSheetName(words.scoringSheet, taken), `${draft.title}${zh ? ' · 打分表' : ' · scoring sheet'}`, columns, layout, {
      role: 'scores',
      subjectColumn: 1,
      groupColumn: hasGroups ? 2 : undefined,
    });
  } else {
    // The summary comes first: names are typed there once (when the rubric has none), with what
    // concerns the subject as a whole (bonus, penalties, vetoes); each rater group's sheet follows.
    const summaryName = safeSheetName(words.summarySheet, taken);
    const viewNames = draft.raters.map((rater) => safeSheetName(rater.name, taken));
    const viewColumns: Column[] = [...pointColumns, { key: 'total', group: [], label: words.viewTotal, width: 10 }];
    const viewLayout = layoutOf(viewColumns, subjects.length, hasGroups);
    viewColumns[viewColumns.length - 1].formula = (row) => viewFormula(viewLayout, row);
    const summaryColumns: Column[] = [
      ...draft.raters.map((rater, index) => ({
        key: `view:${keyOf(rater)}`,
        group: [zh ? '各评价主体小计' : 'Subtotal by rater'],
        label: `${rater.name}\n（${exact(rater.weight)}%）`,
        width: 11,
        factor: rater.weight.div(100),
        formula: (_row: number, subject: number) => `${sheetReference(viewNames[index])}${viewLayout.columnOf('total')}${viewLayout.firstRow + subject}`,
      })),
      ...subjectExtras,
      { key: 'total', group: [], label: words.grandTotal, width: 10 },
    ];
    const summaryLayout = layoutOf(summaryColumns, subjects.length, hasGroups);
    summaryColumns[summaryColumns.length - 1].formula = (row) => {
      const views = draft.raters
        .map((rater) => {
          const column = summaryLayout.columnOf(`view:${keyOf(rater)}`);
          return `N(${column}${row})*${column}$${summaryLayout.factorRow}`;
        })
        .join('+');
      return `ROUND(${views}${extrasFormula(summaryLayout, row)},${precision})`;
    };
    buildSheet(summaryName, `${draft.title}${zh ? ' · 汇总' : ' · summary'}`, summaryColumns, summaryLayout, {
      role: 'summary',
      subjectColumn: 1,
      groupColumn: hasGroups ? 2 : undefined,
    });
    draft.raters.forEach((rater, index) => {
      buildSheet(
        viewNames[index],
        `${draft.title} · ${rater.name}${zh ? `（权重 ${exact(rater.weight)}%）` : ` (weight ${exact(rater.weight)}%)`}`,
        viewColumns,
        viewLayout,
        { role: 'view', rater: keyOf(rater), subjectColumn: 1, groupColumn: hasGroups ? 2 : undefined },
        (subject) => {
          const name = `${sheetReference(summaryName)}A${summaryLayout.firstRow + subject}`;
          return `IF(${name}="","",${name})`;
        },
      );
    });
  }

  const meta = workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  const record: TemplateMeta = {
    format: TEMPLATE_MARKER,
    rubric: options.rubricPath,
    title: draft.title,
    sha256: options.sha256,
    document: options.document,
    sheets,
  };
  Object.entries(record).forEach(([key, value], index) => {
    meta.getCell(index + 1, 1).value = key;
    meta.getCell(index + 1, 2).value = typeof value === 'object' ? JSON.stringify(value) : value;
  });
  return workbook;
}

/** The hidden record of a template, or undefined when the workbook is not one. */
export function templateMetaOf(workbook: ExcelJS.Workbook): TemplateMeta | undefined {
  const meta = workbook.getWorksheet(META_SHEET);
  if (!meta) return undefined;
  const values = new Map<string, string>();
  const reader = new SheetReader(meta);
  for (const r of reader.rows(1, 20)) values.set(String(reader.cell(r, 1)?.value ?? ''), String(reader.cell(r, 2)?.value ?? ''));
  if (values.get('format') !== TEMPLATE_MARKER) return undefined;
  try {
    const sheets = JSON.parse(values.get('sheets') ?? '[]') as TemplateSheetInfo[];
    if (!Array.isArray(sheets)) return undefined;
    return {
      format: TEMPLATE_MARKER,
      rubric: values.get('rubric') ?? '',
      title: values.get('title') ?? '',
      sha256: values.get('sha256') ?? '',
      document: Number(values.get('document') ?? '1') || 1,
      sheets,
    };
  } catch {
    return undefined;
  }
}
