import ExcelJS from 'exceljs';
import { Locale } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { exact, extraItemText, scoringLines } from './criteria-text';
import { textUnits, widthFor } from './page-layout';
import { DraftExtraItem, DraftIndicator, DraftRubric, keyOf } from './rubric-draft';
import { safeSheetName, sheetReference } from './sheet-names';
import { SheetReader } from './sheet-reader';
import { sheetWords } from './sheet-words';
import { Column, Layout, layoutOf, Subject, TemplateSheetInfo, writeTemplateSheet } from './template-sheet';

export type { ColumnKey, TemplateSheetInfo } from './template-sheet';

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

function subjectsOf(draft: DraftRubric): Subject[] {
  const s = draft.subjects;
  if (!s) return Array.from({ length: UNNAMED_ROWS }, () => ({}));
  if (s.kind === 'names') return s.names.map((name) => ({ name }));
  if (s.kind === 'count') return Array.from({ length: s.count }, () => ({}));
  return s.groups.flatMap((g) =>
    g.members ? g.members.map((name) => ({ name, group: g.name })) : Array.from({ length: g.count ?? 0 }, () => ({ group: g.name })),
  );
}

/** The template: the columns of every sheet, then the sheets (one, or a summary and one per rater group), then the hidden record. */
export function buildScoringTemplate(draft: DraftRubric, options: TemplateOptions): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rubric Studio';
  workbook.title = draft.title;
  const plan: TemplatePlan = {
    draft,
    locale: options.locale,
    subjects: subjectsOf(draft),
    pointColumns: pointColumnsOf(leavesOf(draft.indicators), options.locale),
    subjectExtras: [
      ...extraColumnsOf(draft, 'bonus', options.locale),
      ...extraColumnsOf(draft, 'penalties', options.locale),
      ...vetoColumnsOf(draft, options.locale),
    ],
    taken: new Set<string>([META_SHEET.toLowerCase()]),
  };
  const sheets = draft.raters.length === 0 ? addScoringSheet(workbook, plan) : addRaterSheets(workbook, plan);
  writeRecord(workbook, {
    format: TEMPLATE_MARKER,
    rubric: options.rubricPath,
    title: draft.title,
    sha256: options.sha256,
    document: options.document,
    sheets,
  });
  return workbook;
}

/** What every sheet of one template shares. */
interface TemplatePlan {
  draft: DraftRubric;
  locale: Locale;
  subjects: Subject[];
  pointColumns: Column[];
  /** Bonus, penalty and veto columns: what concerns the subject as a whole. */
  subjectExtras: Column[];
  /** Sheet names in use (lower case). */
  taken: Set<string>;
}

const hasGroups = (plan: TemplatePlan) => plan.subjects.some((s) => s.group !== undefined);

/** Without raters: one sheet of points, bonus, penalties and vetoes, and the total. */
function addScoringSheet(workbook: ExcelJS.Workbook, plan: TemplatePlan): TemplateSheetInfo[] {
  const { draft, locale } = plan;
  const zh = locale === 'zh-CN';
  const words = sheetWords(locale);
  const columns: Column[] = [...plan.pointColumns, ...plan.subjectExtras, { key: 'total', group: [], label: words.grandTotal, width: 10 }];
  const layout = layoutOf(columns, plan.subjects.length, hasGroups(plan));
  columns[columns.length - 1].formula = (row) =>
    untilEntered(columns, layout, row, `ROUND(${viewFormula(plan, layout, row)}${extrasFormula(draft, layout, row)},${draft.precision ?? 2})`);
  const name = safeSheetName(words.scoringSheet, plan.taken);
  return [
    writeTemplateSheet(workbook, {
      name,
      heading: `${draft.title}${zh ? ' · 打分表' : ' · scoring sheet'}`,
      columns,
      layout,
      subjects: plan.subjects,
      info: { role: 'scores' },
      locale,
    }),
  ];
}

/**
 * With raters: the summary first — names are typed there once (when the rubric has none), with
 * what concerns the subject as a whole (bonus, penalties, vetoes), each rater group's subtotal
 * brought from its sheet and weighed — then a sheet per rater group taking the names from it.
 */
function addRaterSheets(workbook: ExcelJS.Workbook, plan: TemplatePlan): TemplateSheetInfo[] {
  const { draft, locale } = plan;
  const zh = locale === 'zh-CN';
  const words = sheetWords(locale);
  const summaryName = safeSheetName(words.summarySheet, plan.taken);
  const viewNames = draft.raters.map((rater) => safeSheetName(rater.name, plan.taken));
  const viewColumns: Column[] = [...plan.pointColumns, { key: 'total', group: [], label: words.viewTotal, width: 10 }];
  const viewLayout = layoutOf(viewColumns, plan.subjects.length, hasGroups(plan));
  viewColumns[viewColumns.length - 1].formula = (row) => untilEntered(viewColumns, viewLayout, row, viewFormula(plan, viewLayout, row));
  const summaryColumns: Column[] = [
    ...draft.raters.map((rater, index) => ({
      key: `view:${keyOf(rater)}`,
      group: [zh ? '各评价主体小计' : 'Subtotal by rater'],
      label: `${rater.name}\n（${exact(rater.weight)}%）`,
      width: 11,
      factor: rater.weight.div(100),
      formula: (_row: number, subject: number) => `${sheetReference(viewNames[index])}${viewLayout.columnOf('total')}${viewLayout.firstRow + subject}`,
    })),
    ...plan.subjectExtras,
    { key: 'total', group: [], label: words.grandTotal, width: 10 },
  ];
  const summaryLayout = layoutOf(summaryColumns, plan.subjects.length, hasGroups(plan));
  summaryColumns[summaryColumns.length - 1].formula = (row) => {
    const views = draft.raters
      .map((rater) => {
        const column = summaryLayout.columnOf(`view:${keyOf(rater)}`);
        return `N(${column}${row})*${column}$${summaryLayout.factorRow}`;
      })
      .join('+');
    return untilEntered(summaryColumns, summaryLayout, row, `ROUND(${views}${extrasFormula(draft, summaryLayout, row)},${draft.precision ?? 2})`);
  };
  const summary = writeTemplateSheet(workbook, {
    name: summaryName,
    heading: `${draft.title}${zh ? ' · 汇总' : ' · summary'}`,
    columns: summaryColumns,
    layout: summaryLayout,
    subjects: plan.subjects,
    info: { role: 'summary' },
    locale,
  });
  const views = draft.raters.map((rater, index) =>
    writeTemplateSheet(workbook, {
      name: viewNames[index],
      heading: `${draft.title} · ${rater.name}${zh ? `（权重 ${exact(rater.weight)}%）` : ` (weight ${exact(rater.weight)}%)`}`,
      columns: viewColumns,
      layout: viewLayout,
      subjects: plan.subjects,
      info: { role: 'view', rater: keyOf(rater) },
      subjectName: (subject) => {
        const name = `${sheetReference(summaryName)}A${summaryLayout.firstRow + subject}`;
        return `IF(${name}="","",${name})`;
      },
      locale,
    }),
  );
  return [summary, ...views];
}

/** Score columns: every leaf, grouped under its ancestors' names, taking 0 to its weight. */
function pointColumnsOf(leaves: Leaf[], locale: Locale): Column[] {
  const zh = locale === 'zh-CN';
  return leaves.map((leaf) => {
    const weight = leaf.indicator.weight ?? decimal(0);
    const full = startsFull(leaf.indicator);
    const points = zh ? `（${exact(weight)}分）` : `(${exact(weight)})`;
    // One line: a line break in an input message's attribute is read back as a space.
    const prompt = [
      zh ? `0 至 ${exact(weight)} 分` : `0 to ${exact(weight)} points`,
      ...(full ? [zh ? '填写扣分后的得分，空白按满分计' : 'points left after deductions, blank counts full'] : []),
      ...scoringLines(leaf.indicator.scoring, locale),
    ].join(zh ? '；' : '; ');
    return {
      key: `points:${keyOf(leaf.indicator)}`,
      group: leaf.ancestors.map((a) => (a.outOf && a.weight ? `${a.name}${zh ? '（' : ' ('}${exact(a.outOf)} → ${exact(a.weight)}${zh ? '）' : ')'}` : a.name)),
      label: `${leaf.indicator.name}\n${points}`,
      // Wide enough for the points on one line (`（1.5分）`, never `（1.5分` / `）`).
      width: Math.max(widthFor(points), Math.min(16, Math.max(9.5, 5 + Math.ceil(textUnits(leaf.indicator.name) / 2)))),
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
}

/** Bonus or penalty columns under their section's heading: points up to the item's, or a count of cases. */
function extraColumnsOf(draft: DraftRubric, kind: 'bonus' | 'penalties', locale: Locale): Column[] {
  const zh = locale === 'zh-CN';
  const words = sheetWords(locale);
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
}

/** A yes-or-blank column per veto. */
function vetoColumnsOf(draft: DraftRubric, locale: Locale): Column[] {
  const zh = locale === 'zh-CN';
  return draft.veto.map((veto) => ({
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
}

/** Σ points × factor, plus what blank deduction-scored cells count; exact factors sit in the hidden rows. */
function viewFormula({ pointColumns }: TemplatePlan, layout: Layout, row: number): string {
  if (pointColumns.length === 0) return '0';
  const first = layout.columnOf(pointColumns[0].key);
  const last = layout.columnOf(pointColumns[pointColumns.length - 1].key);
  const cells = `${first}${row}:${last}${row}`;
  return `SUMPRODUCT(${cells},${first}$${layout.factorRow}:${last}$${layout.factorRow})+SUMPRODUCT((${cells}="")*${first}$${layout.blankRow}:${last}$${layout.blankRow})`;
}

/**
 * A row's total shown only once something is entered on it: blank before, though items scored by
 * deduction count their full points (a blank template showing 16.5 on every row reads as scores
 * given). LEN, not COUNTA: a rater's subtotal brought by formula is "" until that sheet is filled.
 */
function untilEntered(columns: Column[], layout: Layout, row: number, formula: string): string {
  const entered = columns.filter((c) => c.key !== 'total');
  if (entered.length === 0) return formula;
  const cells = `${layout.columnOf(entered[0].key)}${row}:${layout.columnOf(entered[entered.length - 1].key)}${row}`;
  return `IF(SUMPRODUCT(LEN(${cells}))=0,"",${formula})`;
}

/** + the bonus (capped), − the penalties (capped), each item's cell times its factor. */
function extrasFormula(draft: DraftRubric, layout: Layout, row: number): string {
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
}

/** The hidden sheet the import finds the template by: one key and value a row. */
function writeRecord(workbook: ExcelJS.Workbook, record: TemplateMeta): void {
  const meta = workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  Object.entries(record).forEach(([key, value], index) => {
    meta.getCell(index + 1, 1).value = key;
    meta.getCell(index + 1, 2).value = typeof value === 'object' ? JSON.stringify(value) : value;
  });
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
