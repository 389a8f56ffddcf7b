import ExcelJS from 'exceljs';
import { Locale } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { exact, extraItemText, scoringLines } from './criteria-text';
import { excelPointsFormula } from './excel-formula';
import { inputHeading, inputName, rangedRuleText, rangeText, schemeFormula } from './measured-text';
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
  const context: SheetContext = { subjects: plan.subjects };
  const pointColumns = pointColumnsOf(leavesOf(draft.indicators), locale, context);
  const columns: Column[] = [...pointColumns, ...plan.subjectExtras, { key: 'total', group: [], label: words.grandTotal, width: 10 }];
  const layout = layoutOf(columns, plan.subjects.length, hasGroups(plan));
  context.layout = layout;
  columns[columns.length - 1].formula = (row) =>
    untilEntered(columns, layout, row, `ROUND(${viewFormula(pointColumns, layout, row)}${extrasFormula(draft, layout, row)},${draft.precision ?? 2})`);
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
  viewColumns[viewColumns.length - 1].formula = (row) => untilEntered(viewColumns, viewLayout, row, viewFormula(plan.pointColumns, viewLayout, row));
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

/**
 * The columns of every leaf, grouped under its ancestors' names: a points column taking 0 to its
 * points (its `out_of` when it is scored on its own scale); for a measured leaf (with `measured`,
 * on a sheet without raters) one column per input and its points by formula; for a leaf with
 * deductions set within a range, one column per rule and its points by formula.
 */
function pointColumnsOf(leaves: Leaf[], locale: Locale, sheet?: SheetContext): Column[] {
  return leaves.flatMap((leaf) => {
    const scoring = leaf.indicator.scoring;
    if (sheet && scoring?.formula !== undefined && scoring.inputs?.length) return measuredColumns(leaf, locale, sheet);
    if (sheet && scoring?.ranged?.length && scoring.rules.every((r) => r.id !== undefined) && scoring.deduct === undefined)
      return deductionColumns(leaf, locale, sheet);
    return [pointColumn(leaf, locale)];
  });
}

/** What a measured or deduction leaf's formulas need of the sheet: its layout once made, and each subject's group rows. */
interface SheetContext {
  layout?: Layout;
  subjects: Subject[];
}

const ancestorLabels = (leaf: Leaf, locale: Locale): string[] => {
  const zh = locale === 'zh-CN';
  return leaf.ancestors.map((a) => (a.outOf && a.weight ? `${a.name}${zh ? '（' : ' ('}${exact(a.outOf)} → ${exact(a.weight)}${zh ? '）' : ')'}` : a.name));
};

/** The points a leaf is scored out of: its `out_of`, else its weight. */
const scaleOf = (indicator: DraftIndicator): Decimal => indicator.outOf ?? indicator.weight ?? decimal(0);
/** What one point on the leaf's own scale counts in the total. */
const countsOf = (leaf: Leaf): Decimal =>
  leaf.indicator.outOf && leaf.indicator.weight ? leaf.factor.times(leaf.indicator.weight).div(leaf.indicator.outOf) : leaf.factor;
/** `（30分）`, on its own scale `（100 → 40分）`. */
function pointsLabel(indicator: DraftIndicator, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const weight = indicator.weight ?? decimal(0);
  const shown = indicator.outOf ? `${exact(indicator.outOf)} → ${exact(weight)}` : exact(weight);
  return zh ? `（${shown}分）` : `(${shown})`;
}

/** A leaf's name over its own columns: `省控断面水环境质量（30分）` / `Provincial sections (30)`. */
const leafHeading = (indicator: DraftIndicator, locale: Locale): string => `${indicator.name}${locale === 'zh-CN' ? '' : ' '}${pointsLabel(indicator, locale)}`;

const validation = (title: string, prompt: string, error: string, rest: Partial<ExcelJS.DataValidation>): ExcelJS.DataValidation =>
  ({
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(title, 32),
    prompt: clip(prompt, 250),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(title, 32),
    error: clip(error, 250),
    ...rest,
  }) as ExcelJS.DataValidation;

/** A leaf scored by hand: 0 to its points. */
function pointColumn(leaf: Leaf, locale: Locale): Column {
  const zh = locale === 'zh-CN';
  const scale = scaleOf(leaf.indicator);
  const full = startsFull(leaf.indicator);
  const points = pointsLabel(leaf.indicator, locale);
  // One line: a line break in an input message's attribute is read back as a space.
  const prompt = [
    zh ? `0 至 ${exact(scale)} 分` : `0 to ${exact(scale)} points`,
    ...(leaf.indicator.outOf
      ? [
          zh
            ? `按 ${exact(leaf.indicator.outOf)} 分制打分，计 ${exact(leaf.indicator.weight ?? decimal(0))} 分`
            : `scored out of ${exact(leaf.indicator.outOf)}, counts ${exact(leaf.indicator.weight ?? decimal(0))}`,
        ]
      : []),
    ...(full ? [zh ? '填写扣分后的得分，空白按满分计' : 'points left after deductions, blank counts full'] : []),
    ...scoringLines(leaf.indicator.scoring, locale, scale),
  ].join(zh ? '；' : '; ');
  return {
    key: `points:${keyOf(leaf.indicator)}`,
    group: ancestorLabels(leaf, locale),
    label: `${leaf.indicator.name}\n${points}`,
    // Wide enough for the points on one line (`（1.5分）`, never `（1.5分` / `）`).
    width: Math.max(widthFor(points), Math.min(16, Math.max(9.5, 5 + Math.ceil(textUnits(leaf.indicator.name) / 2)))),
    factor: countsOf(leaf),
    blankCounts: full ? scale.times(countsOf(leaf)) : undefined,
    input: validation(leaf.indicator.name, prompt, zh ? `须为 0 至 ${exact(scale)} 之间的数` : `Must be a number from 0 to ${exact(scale)}`, {
      type: 'decimal',
      operator: 'between',
      formulae: [0, Number(exact(scale))],
    }),
  };
}

/** The rows of the subject's group (分序列), which best / worst / mean look over; every row without groups. */
function groupRows(sheet: SheetContext, layout: Layout, index: number): [number, number] {
  const group = sheet.subjects[index]?.group;
  let first = index;
  let last = index;
  while (first > 0 && sheet.subjects[first - 1].group === group) first--;
  while (last + 1 < sheet.subjects.length && sheet.subjects[last + 1].group === group) last++;
  return [layout.firstRow + first, layout.firstRow + last];
}

/** A column key carrying two keys (an indicator's and its input's or rule's): JSON, as keys may hold any character. */
export const pairKey = (kind: 'input' | 'deduct', leaf: string, item: string): string => `${kind}:${JSON.stringify([leaf, item])}`;

/** What a person is told when a measured input's cell is refused. */
function inputError(range: string, whole: boolean, locale: Locale): string {
  if (locale === 'zh-CN') return range ? `须为 ${range} 之间的${whole ? '整数' : '数'}` : whole ? '须为整数' : '须为数';
  return `Must be a ${whole ? 'whole number' : 'number'}${range ? `, ${range}` : ''}`;
}

/** A measured leaf: one validated column per input, then its points worked out by an Excel formula. */
function measuredColumns(leaf: Leaf, locale: Locale, sheet: SheetContext): Column[] {
  const zh = locale === 'zh-CN';
  const indicator = leaf.indicator;
  const scoring = indicator.scoring!;
  const inputs = scoring.inputs!;
  const leafKey = keyOf(indicator);
  const scale = scaleOf(indicator);
  const group = [...ancestorLabels(leaf, locale), leafHeading(indicator, locale)];
  const written = schemeFormula(scoring.formula!, inputs, scale) ?? scoring.formula!;
  const inputColumns: Column[] = inputs.map((input) => {
    const range = rangeText(input.min, input.max, locale);
    const prompt = [
      zh ? `${indicator.name}的计分数据${range ? `，${range}` : ''}` : `Measured for ${indicator.name}${range ? `, ${range}` : ''}`,
      zh ? `计分公式：${written}` : `Points: ${written}`,
    ].join(zh ? '；' : '; ');
    const bounds =
      input.min !== undefined && input.max !== undefined
        ? { operator: 'between', formulae: [Number(exact(input.min)), Number(exact(input.max))] }
        : input.min !== undefined
          ? { operator: 'greaterThanOrEqual', formulae: [Number(exact(input.min))] }
          : input.max !== undefined
            ? { operator: 'lessThanOrEqual', formulae: [Number(exact(input.max))] }
            : { operator: 'between', formulae: [-1e9, 1e9] };
    const heading = inputHeading(input, locale);
    return {
      key: pairKey('input', leafKey, input.id),
      group,
      label: heading,
      width: Math.min(16, Math.max(9.5, 4 + Math.ceil(textUnits(heading) / 2))),
      input: validation(inputName(input), prompt, inputError(range, input.integer === true, locale), {
        // A count or a yes/no (`integer: true`) is a whole number.
        type: input.integer ? 'whole' : 'decimal',
        ...bounds,
      } as Partial<ExcelJS.DataValidation>),
    };
  });
  const cellOf = (row: number) => (id: string) => `${sheet.layout!.columnOf(pairKey('input', leafKey, id))}${row}`;
  const preview = (row: number, index: number): string | undefined => {
    const layout = sheet.layout!;
    const [first, last] = groupRows(sheet, layout, index);
    const formula = excelPointsFormula(scoring.formula!, {
      input: cellOf(row),
      group: (id) => {
        const column = layout.columnOf(pairKey('input', leafKey, id));
        return `${column}$${first}:${column}$${last}`;
      },
      scale,
      floor: scoring.floor ?? decimal(0),
    });
    if (formula === undefined) return undefined;
    const cells = inputs.map((input) => cellOf(row)(input.id));
    return `IF(COUNT(${cells.join(',')})<${cells.length},"",${formula})`;
  };
  const computable = excelPointsFormula(scoring.formula!, { input: () => 'A1', group: () => 'A$1:A$2', scale, floor: decimal(0) }) !== undefined;
  return [
    ...inputColumns,
    {
      key: `measured:${leafKey}`,
      group,
      label: zh ? '得分' : 'Points',
      width: 9,
      factor: countsOf(leaf),
      locked: true,
      note: computable
        ? undefined
        : zh
          ? `本项得分在导入时按计分公式计算，合计未含本项：${written}`
          : `The points are worked out on import; the total here leaves them out: ${written}`,
      formula: (row, index) => preview(row, index) ?? '""',
    },
  ];
}

/** A leaf with deductions set within a range: one column per rule (是, a count, an amount, amounts), then its points. */
function deductionColumns(leaf: Leaf, locale: Locale, sheet: SheetContext): Column[] {
  const zh = locale === 'zh-CN';
  const indicator = leaf.indicator;
  const scoring = indicator.scoring!;
  const leafKey = keyOf(indicator);
  const scale = scaleOf(indicator);
  const group = [...ancestorLabels(leaf, locale), leafHeading(indicator, locale)];
  const yes = zh ? '是' : 'yes';
  const columns: Column[] = [];
  /** Each rule's Excel amount on a row; undefined where a cell holds several amounts. */
  const amounts: ((row: number) => string | undefined)[] = [];
  const letter = (key: string) => sheet.layout!.columnOf(key);
  for (const rule of scoring.rules) {
    const key = pairKey('deduct', leafKey, rule.id!);
    const words = scoringLines({ levels: [], rules: [rule] }, locale)[0];
    const once = rule.when !== undefined && rule.per === undefined;
    const amount = zh ? `（扣${exact(rule.points)}分）` : `(−${exact(rule.points)})`;
    columns.push({
      key,
      group,
      label: once ? `${rule.when!}\n${amount}` : words,
      width: Math.max(11, widthFor(amount)),
      input: once
        ? validation(
            rule.when!,
            zh ? `发生时选“是”，否则留空（${words}）` : `Choose “yes” if it happened, else leave blank (${words})`,
            zh ? '只能为“是”或空白' : 'Only “yes” or blank',
            {
              type: 'list',
              formulae: [`"${yes}"`],
            },
          )
        : validation(
            words,
            zh ? `填写次数（${words}）` : `Enter the number of cases (${words})`,
            zh ? '须为 0 或正整数' : 'Must be a whole number, 0 or more',
            {
              type: 'whole',
              operator: 'greaterThanOrEqual',
              formulae: [0],
            },
          ),
    });
    amounts.push((row) => {
      const cell = `${letter(key)}${row}`;
      if (once) return `IF(${cell}="",0,${exact(rule.points)})`;
      const sum = `N(${cell})*${exact(rule.points)}`;
      return rule.max ? `MIN(${exact(rule.max)},${sum})` : sum;
    });
  }
  for (const rule of scoring.ranged!) {
    const key = pairKey('deduct', leafKey, rule.id);
    const words = rangedRuleText(rule, locale);
    const range = rangeText(rule.min, rule.max, locale);
    const once = rule.when !== undefined && rule.per === undefined;
    const amount = zh ? `（扣${range}分${once ? '' : '/次'}）` : `(−${range}${once ? '' : ' each'})`;
    columns.push({
      key,
      group,
      label: `${rule.when ?? rule.per ?? rule.id}\n${amount}`,
      // Wide enough for the amount on one line (`（扣5—20分）`).
      width: Math.max(11, widthFor(amount)),
      input: once
        ? validation(
            rule.when!,
            zh ? `发生时填写扣分，${range}，否则留空（${words}）` : `The points taken off, ${range}, if it happened; else blank (${words})`,
            zh ? `须为 ${range} 之间的数` : `Must be a number, ${range}`,
            {
              type: 'decimal',
              operator: 'between',
              formulae: [Number(exact(rule.min)), Number(exact(rule.max))],
            },
          )
        : validation(
            words,
            zh ? `每次的扣分，以逗号分隔（如 5, 12），每次 ${range}` : `Each case's points, separated by commas (5, 12), each ${range}`,
            zh ? '最多 250 个字符' : 'At most 250 characters',
            {
              type: 'textLength',
              operator: 'lessThanOrEqual',
              formulae: [250],
            },
          ),
    });
    amounts.push((row) => (once ? `N(${letter(key)}${row})` : undefined));
  }
  const ruleKeys = columns.map((c) => c.key);
  const preview = (row: number): string | undefined => {
    const parts = amounts.map((amount) => amount(row));
    if (parts.some((p) => p === undefined)) return undefined;
    const cells = ruleKeys.map((key) => `${letter(key)}${row}`);
    return `IF(COUNTA(${cells.join(',')})=0,"",MAX(${exact(scoring.floor ?? decimal(0))},${exact(scale)}-(${parts.join('+')})))`;
  };
  const computable = scoring.ranged!.every((rule) => rule.when !== undefined && rule.per === undefined);
  return [
    ...columns,
    {
      key: `deducted:${leafKey}`,
      group,
      label: zh ? '得分' : 'Points',
      width: 9,
      factor: countsOf(leaf),
      blankCounts: scale.times(countsOf(leaf)),
      locked: true,
      note: computable
        ? undefined
        : zh
          ? '本项得分在导入时按各次扣分计算；表中合计按满分计'
          : 'The points are worked out on import from each case’s amount; the total here counts the item full',
      formula: (row) => preview(row) ?? '""',
    },
  ];
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
function viewFormula(pointColumns: Column[], layout: Layout, row: number): string {
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
