import ExcelJS from 'exceljs';
import { describeWorking, DocumentAnalysis, Locale, ROUNDING_NAMES_ZH } from '../core';
import { Decimal, decimal, sum } from '../core/decimal';
import type { TierSlots } from '../core/quota/allocate';
import { criteriaCellText, exact, extraItemText, minScoreText, quotaText, vetoText } from './criteria-text';
import { heightForLines, MARGINS, pageBreaks, scaleToWidth, textUnits, wrappedLines } from './page-layout';
import { DraftExtras, DraftIndicator, DraftRubric, keyOf, walkDraft } from './rubric-draft';
import { SheetWords, sheetWords } from './sheet-words';
import { BODY_FONT, BORDER, HEADER_FILL, HEADING_FONT, TITLE_FONT } from './styles';

/**
 * The printable 考评表: one row per leaf indicator under 一级 / 二级 / 三级指标 columns (a group's
 * name merged down its rows), 分值, 评分标准 (criteria and the scoring rules in words), 考核方式;
 * a totals row; then bonus, penalties, vetoes and tiers with their quotas and the slot counts for
 * the rubric's N. A4 landscape, the header row repeated on every page, scaled to the page width,
 * page breaks between rows, and a group cut by a break named again on the next page (（续）).
 *
 * A hidden last column carries each row's ids as JSON, so that our own layout imports back with
 * the ids the rubric had; every visible word is also read back without it.
 */

export interface AssessmentTableOptions {
  locale: Locale;
}

/** The marker in the hidden column of the title row: the import knows its own layout by it. */
export const LAYOUT_MARKER = 'rubric-studio/assessment-table@1';

const BODY_SIZE = 10.5;
// Not 9: exceljs leaves a column of its default width 9 out of the file, and the reader's default is narrower.
const WEIGHT_WIDTH = 9.5;
const METHODS_WIDTH = 18;

interface BodyRow {
  kind: 'leaf' | 'total' | 'heading' | 'item';
  /** Level cells' texts; a leaf's own name sits at its depth. */
  levels: (string | undefined)[];
  weight?: string | number;
  criteria?: string;
  methods?: string;
  ids?: unknown;
  height: number;
}

interface GroupSpan {
  depth: number;
  text: string;
  first: number;
  last: number;
}

const weightOf = (indicator: DraftIndicator): Decimal | undefined => {
  if (indicator.weight) return indicator.weight;
  if (indicator.items.length === 0) return undefined;
  const weights = indicator.items.map(weightOf);
  return weights.every((w) => w !== undefined) ? sum(weights as Decimal[]) : undefined;
};

function groupLabel(indicator: DraftIndicator, words: SheetWords, locale: Locale): string {
  const weight = weightOf(indicator);
  if (indicator.outOf && weight)
    return `${indicator.name}\n${locale === 'zh-CN' ? '（' : '('}${exact(indicator.outOf)} → ${words.pointsUnit(exact(weight))}${locale === 'zh-CN' ? '）' : ')'}`;
  if (!weight) return indicator.name;
  return `${indicator.name}\n${locale === 'zh-CN' ? `（${words.pointsUnit(exact(weight))}）` : `(${words.pointsUnit(exact(weight))})`}`;
}

/**
 * Each level column as wide as its longest name line needs (a name wraps rather than widen the
 * column beyond 18 units): short 一级指标 names leave the room to 评分标准.
 */
function levelColumnWidths(indicators: DraftIndicator[], levels: number, words: SheetWords, locale: Locale): number[] {
  const widest = Array<number>(levels).fill(0);
  const visit = (items: DraftIndicator[], depth: number) => {
    for (const item of items) {
      const label = item.items.length > 0 ? groupLabel(item, words, locale) : item.name;
      // A leaf above the deepest level spans the columns to its right: its name does not widen this one.
      const spans = item.items.length === 0 && depth < levels - 1;
      if (!spans) for (const line of label.split('\n')) widest[depth] = Math.max(widest[depth], textUnits(line));
      visit(item.items, depth + 1);
    }
  };
  visit(indicators, 0);
  const heading = (depth: number) => textUnits(words.level(depth, levels));
  return widest.map((w, depth) => Math.min(18, Math.max(10, w + 3, heading(depth) + 3)));
}

function firstLeafOf(indicator: DraftIndicator): DraftIndicator {
  return indicator.items.length > 0 ? firstLeafOf(indicator.items[0]) : indicator;
}

function depthOf(indicators: DraftIndicator[]): number {
  return indicators.reduce((deepest, i) => Math.max(deepest, 1 + (i.items.length > 0 ? depthOf(i.items) : 0)), 0);
}

/** The info lines above the table, each with the ids its names stand for. */
function infoLines(draft: DraftRubric, words: SheetWords, locale: Locale): { text: string; ids?: unknown }[] {
  const zh = locale === 'zh-CN';
  const colon = zh ? '：' : ': ';
  const gap = zh ? '\u3000\u3000' : '    ';
  const list = (items: string[]) => items.join(zh ? '、' : ', ');
  const lines: { text: string; ids?: unknown }[] = [];
  const first = [
    draft.issuer !== undefined ? `${words.issuer}${colon}${draft.issuer}` : undefined,
    draft.period !== undefined ? `${words.period}${colon}${draft.period}` : undefined,
    `${words.totalPoints}${colon}${words.pointsUnit(exact(draft.total ?? decimal(100)))}`,
  ].filter((x) => x !== undefined);
  lines.push({ text: first.join(gap) });
  const subjects = draft.subjects;
  if (subjects?.kind === 'names')
    lines.push({ text: `${words.subjects}${zh ? `（${subjects.names.length}）` : ` (${subjects.names.length})`}${colon}${list(subjects.names)}` });
  if (subjects?.kind === 'count') lines.push({ text: `${words.subjects}${colon}${words.subjectsCount(subjects.count)}` });
  if (subjects?.kind === 'groups') {
    const groups = subjects.groups.map((g) => `${g.name}${colon}${g.members ? list(g.members) : words.subjectsCount(g.count ?? 0)}`);
    lines.push({
      text: `${words.subjects}${zh ? `（${words.groupsNote}）` : ` (${words.groupsNote})`}${colon}${groups.join(zh ? '；' : '; ')}`,
      ids: { groups: subjects.groups.map((g) => g.id ?? null) },
    });
  }
  if (draft.raters.length > 0) {
    lines.push({
      text: `${words.raters}${colon}${list(draft.raters.map((r) => `${r.name} ${exact(r.weight)}%`))}`,
      ids: { raters: draft.raters.map((r) => r.id ?? null) },
    });
  }
  if (draft.methods.length > 0)
    lines.push({ text: `${words.methodList}${colon}${list(draft.methods.map((m) => m.name))}`, ids: { methods: draft.methods.map((m) => m.id ?? null) } });
  const rounding = draft.rounding ?? 'half-up';
  lines.push({
    text: `${words.precision}${colon}${words.decimals(draft.precision ?? 2)}${gap}${words.rounding}${colon}${zh ? ROUNDING_NAMES_ZH[rounding] : rounding}`,
  });
  return lines;
}

/**
 * A tier's slots as an office writes them: `3名`, `不超过36名` (no floor), `不少于9名` (no ceiling
 * below all N), `5至8名`; in English `3`, `at most 36`, `at least 9`, `5 to 8`. Not `0–36名`.
 */
export function slotsWords(tier: TierSlots, subjects: number | undefined, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const { min, max } = tier;
  if (min === max) return zh ? `${max}名` : `${max}`;
  if (min === 0) return zh ? `不超过${max}名` : `at most ${max}`;
  if (subjects !== undefined && max >= subjects) return zh ? `不少于${min}名` : `at least ${min}`;
  return zh ? `${min}至${max}名` : `${min} to ${max}`;
}

/** `10 × 30% = 3 → 3` for each bound of a tier, or one line per group under 分序列. */
function tierWorking(document: DocumentAnalysis, index: number, words: SheetWords, locale: Locale): { working: string; slots: string } {
  const line = (tier: TierSlots | undefined, subjects: number | undefined) => ({
    working:
      tier?.workings
        .filter((w) => w.amount.kind === 'percent')
        .map(describeWorking)
        .join(locale === 'zh-CN' ? '；' : '; ') ?? '',
    slots: tier ? slotsWords(tier, subjects, locale) : '',
  });
  if (document.groups.length > 0) {
    const per = document.groups.map((g) => ({ name: g.name, ...line(g.allocation?.tiers[index], g.subjects) }));
    return {
      working: per
        .filter((p) => p.working)
        .map((p) => `${p.name}${locale === 'zh-CN' ? '：' : ': '}${p.working}`)
        .join('\n'),
      slots: per.map((p) => `${p.name} ${p.slots}`).join('\n'),
    };
  }
  return line(document.allocation?.tiers[index], document.model.subjects);
}

export function buildAssessmentWorkbook(draft: DraftRubric, document: DocumentAnalysis, options: AssessmentTableOptions): ExcelJS.Workbook {
  const { locale } = options;
  const zh = locale === 'zh-CN';
  const words = sheetWords(locale);
  const levels = Math.max(1, depthOf(draft.indicators));
  const levelWidths = levelColumnWidths(draft.indicators, levels, words, locale);
  const levelsWidth = levelWidths.reduce((a, b) => a + b, 0);
  const weightCol = levels + 1;
  const criteriaCol = levels + 2;
  const methodsCol = levels + 3;
  const idCol = levels + 4;
  // The 评分标准 column takes what the page width leaves: about 128 units fit A4 landscape at 100%.
  const criteriaWidth = Math.max(40, 128 - levelsWidth - WEIGHT_WIDTH - METHODS_WIDTH);
  const widths = [...levelWidths, WEIGHT_WIDTH, criteriaWidth, METHODS_WIDTH];
  const scale = scaleToWidth(widths);

  const methodName = new Map(draft.methods.map((m) => [keyOf(m), m.name]));
  const tierName = new Map(draft.tiers.map((t) => [keyOf(t), t.name]));
  const indicatorName = new Map([...walkDraft(draft.indicators)].map(({ indicator }) => [keyOf(indicator), indicator.name]));

  const lineHeight = (text: string | number | undefined, width: number, size = BODY_SIZE) =>
    text === undefined || text === '' ? heightForLines(1, size) : heightForLines(wrappedLines(String(text), width, size), size);

  // ---- the body: one row per leaf, then the totals row and the sections below.
  const body: BodyRow[] = [];
  const groups: GroupSpan[] = [];
  const addLeaves = (indicators: DraftIndicator[], ancestors: DraftIndicator[], idPath: string[]) => {
    for (const indicator of indicators) {
      const path = [...idPath, keyOf(indicator)];
      if (indicator.items.length > 0) {
        const first = body.length;
        addLeaves(indicator.items, [...ancestors, indicator], path);
        groups.push({ depth: ancestors.length, text: groupLabel(indicator, words, locale), first, last: body.length - 1 });
        continue;
      }
      // A group's own criteria open the 评分标准 of its first leaf, marked with the group's name.
      const groupNotes = ancestors.filter((a) => a.criteria && firstLeafOf(a) === indicator).map((a) => `【${a.name}】${a.criteria}`);
      const scale = indicator.outOf ?? indicator.weight;
      const criteria = [...groupNotes, criteriaCellText(indicator.criteria, indicator.scoring, locale, scale)].filter((x) => x !== '').join('\n');
      const methods = indicator.methods.map((m) => methodName.get(m) ?? m).join(zh ? '、' : ', ');
      const levelTexts = ancestors.map(() => undefined as string | undefined);
      // A leaf scored on its own scale says so as a group does (年度述职（100 → 40分）): the import reads its out_of back.
      const name = indicator.outOf ? groupLabel(indicator, words, locale) : indicator.name;
      levelTexts.push(name);
      const nameWidth = levelWidths.slice(ancestors.length).reduce((a, b) => a + b, 0);
      const ruleIds = indicator.scoring?.rules.map((r) => r.id ?? null) ?? [];
      body.push({
        kind: 'leaf',
        levels: levelTexts,
        weight: indicator.weight ? Number(exact(indicator.weight)) : undefined,
        criteria,
        methods,
        ids: {
          path,
          ...(ruleIds.some((id) => id !== null) ? { rules: ruleIds } : {}),
          // Which lines are the criteria as written (never read back as rules), and what the words of a formula stand for.
          ...(indicator.criteria ? { criteria: indicator.criteria.split(/\r?\n/).length } : {}),
          ...(indicator.scoring?.inputs ? { formula: indicator.scoring.formula, inputs: indicator.scoring.inputs.map((i) => i.id) } : {}),
          ...(indicator.scoring?.ranged ? { ranged: indicator.scoring.ranged.map((r) => r.id) } : {}),
        },
        height: Math.max(lineHeight(name, nameWidth), lineHeight(criteria, criteriaWidth), lineHeight(methods, METHODS_WIDTH)),
      });
    }
  };
  addLeaves(draft.indicators, [], []);
  body.push({
    kind: 'total',
    levels: [words.total],
    weight: Number(exact(draft.total ?? weightOf({ name: '', methods: [], items: draft.indicators })!)),
    height: heightForLines(1, 11) + 4,
  });

  const heading = (label: string, weight: string, criteria: string, methods: string) =>
    body.push({ kind: 'heading', levels: [label], weight, criteria, methods, height: heightForLines(wrappedLines(label, levelsWidth, 11), 11) + 2 });
  const extraSection = (extras: DraftExtras | undefined, kind: 'bonus' | 'penalties') => {
    if (!extras || extras.items.length === 0) return;
    const title = kind === 'bonus' ? words.bonus : words.penalties;
    const cap = extras.cap ? (zh ? `（${words.capNote(exact(extras.cap))}）` : ` (${words.capNote(exact(extras.cap))})`) : '';
    heading(`${title}${cap}`, words.weight, words.criteria, '');
    for (const item of extras.items) {
      const rule = extraItemText(item, kind, locale);
      body.push({
        kind: 'item',
        levels: [item.name],
        weight: Number(exact(item.points)),
        criteria: rule,
        ids: { id: item.id ?? null },
        height: Math.max(lineHeight(item.name, levelsWidth), lineHeight(rule, criteriaWidth)),
      });
    }
  };
  extraSection(draft.bonus, 'bonus');
  extraSection(draft.penalties, 'penalties');
  if (draft.veto.length > 0) {
    heading(words.veto, '', words.vetoEffect, '');
    for (const veto of draft.veto) {
      const effect = vetoText(veto, { tier: (k) => tierName.get(k) ?? k, indicator: (k) => indicatorName.get(k) ?? k }, locale);
      body.push({
        kind: 'item',
        levels: [veto.name],
        criteria: effect,
        ids: { id: veto.id ?? null },
        height: Math.max(lineHeight(veto.name, levelsWidth), lineHeight(effect, criteriaWidth)),
      });
    }
  }
  if (draft.tiers.length > 0) {
    const rounding = draft.rounding ?? 'half-up';
    const roundingWords = zh ? `名额${ROUNDING_NAMES_ZH[rounding]}` : `slots rounded ${rounding}`;
    const n = document.groups.length > 0 ? undefined : document.model.subjects;
    const note = n !== undefined ? words.tiersNote(words.subjectsCount(n), roundingWords) : roundingWords;
    heading(`${words.tiers}${zh ? `（${note}）` : ` (${note})`}`, words.minScore, words.quota, words.slots);
    draft.tiers.forEach((tier, index) => {
      const { working, slots } = tierWorking(document, index, words, locale);
      const quota = [quotaText(tier.quota, locale), working].filter((x) => x !== '').join('\n');
      body.push({
        kind: 'item',
        levels: [tier.name],
        weight: minScoreText(tier.minScore, locale),
        criteria: quota,
        methods: slots,
        ids: { id: tier.id ?? null },
        height: Math.max(lineHeight(tier.name, levelsWidth), lineHeight(quota, criteriaWidth), lineHeight(slots, METHODS_WIDTH)),
      });
    });
  }

  // A group's name needs its lines within the rows it spans: the last row grows if not.
  const fitGroups = () => {
    for (const g of groups) {
      const need = lineHeight(g.text, levelWidths[g.depth]);
      const have = body.slice(g.first, g.last + 1).reduce((a, r) => a + r.height, 0);
      if (need > have) body[g.last].height += need - have;
    }
  };
  fitGroups();

  // ---- the sheet.
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rubric Studio';
  workbook.title = draft.title;
  const sheet = workbook.addWorksheet(words.assessmentSheet);
  sheet.columns = [...widths, 12].map((width) => ({ width }));
  sheet.getColumn(idCol).hidden = true;
  const lastVisible = methodsCol;

  const title = sheet.getRow(1);
  title.getCell(1).value = draft.title;
  title.getCell(1).font = TITLE_FONT;
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.getCell(idCol).value = LAYOUT_MARKER;
  title.height = Math.max(
    34,
    heightForLines(
      wrappedLines(
        draft.title,
        widths.reduce((a, b) => a + b, 0),
        18,
      ),
      18,
    ),
  );
  sheet.mergeCells(1, 1, 1, lastVisible);

  let rowNumber = 2;
  for (const info of infoLines(draft, words, locale)) {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = info.text;
    row.getCell(1).font = BODY_FONT;
    row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    if (info.ids) row.getCell(idCol).value = JSON.stringify(info.ids);
    row.height = heightForLines(
      wrappedLines(
        info.text,
        widths.reduce((a, b) => a + b, 0),
        BODY_SIZE,
      ),
      BODY_SIZE,
    );
    sheet.mergeCells(rowNumber, 1, rowNumber, lastVisible);
    rowNumber++;
  }

  const headerRow = rowNumber;
  const header = sheet.getRow(headerRow);
  const headings = [...Array.from({ length: levels }, (_, d) => words.level(d, levels)), words.weight, words.criteria, words.methods];
  headings.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = HEADING_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.getCell(idCol).value = 'id';
  header.height = Math.max(24, ...headings.map((text, i) => heightForLines(wrappedLines(text, widths[i], 11), 11)));
  const firstBody = headerRow + 1;

  const heights = body.map((r) => r.height);
  const before = sheet
    .getRows(1, headerRow)!
    .map((r) => r.height ?? 15)
    .reduce((a, b) => a + b, 0);
  // A heading stays with what follows it, and a short section (up to 8 rows) is not cut at all;
  // the 合计 row keeps the last indicator's row with it (never alone at the top of a page), and the
  // whole of the last group when it is short, rather than cut it for one row.
  const totalIndex = body.findIndex((r) => r.kind === 'total');
  const lastGroup = groups.find((g) => g.depth === 0 && g.last === totalIndex - 1 && g.last - g.first < 8);
  const keep = body.map((r, i) => {
    if (r.kind === 'heading' || r.kind === 'total' || i === totalIndex - 1) return true;
    if (lastGroup && i >= lastGroup.first && i < lastGroup.last) return true;
    if (r.kind !== 'item') return false;
    let start = i;
    while (start > 0 && body[start - 1].kind === 'item') start--;
    let end = i;
    while (end + 1 < body.length && body[end + 1].kind === 'item') end++;
    return end - start < 8 && i < end;
  });
  const breaks = pageBreaks(heights, before, header.height, scale, keep);

  // Groups are cut where a page ends; the part on the next page is named again: 考实：为民实绩（续）.
  const continued = (label: string) => label.replace(/^([^\n]*)/, `$1${words.continued}`);
  const segments: GroupSpan[] = [];
  for (const g of groups) {
    let start = g.first;
    for (const b of breaks.filter((b) => b >= g.first && b < g.last)) {
      segments.push({ ...g, first: start, last: b, text: start === g.first ? g.text : continued(g.text) });
      start = b + 1;
    }
    segments.push({ ...g, first: start, last: g.last, text: start === g.first ? g.text : continued(g.text) });
  }

  // Whole style objects shared by every cell of a kind: exceljs then writes each style once
  // (it recognises an object it has seen) instead of comparing 10,000 copies.
  const style = (font: Partial<ExcelJS.Font>, left: boolean, fill?: ExcelJS.Fill): Partial<ExcelJS.Style> => ({
    font,
    border: BORDER,
    ...(fill ? { fill } : {}),
    alignment: { vertical: 'middle', horizontal: left ? 'left' : 'center', indent: left ? 1 : 0, wrapText: true },
  });
  const STYLES = { centered: style(BODY_FONT, false), left: style(BODY_FONT, true), heading: style(HEADING_FONT, false, HEADER_FILL) };
  body.forEach((spec, index) => {
    const row = sheet.getRow(firstBody + index);
    row.height = spec.height;
    const isHeading = spec.kind === 'heading' || spec.kind === 'total';
    for (let c = 1; c <= lastVisible; c++) {
      const left = (c === criteriaCol && !isHeading) || (c <= levels && spec.kind === 'item');
      row.getCell(c).style = isHeading ? STYLES.heading : left ? STYLES.left : STYLES.centered;
    }
    spec.levels.forEach((text, depth) => {
      if (text !== undefined) row.getCell(depth + 1).value = text;
    });
    if (spec.weight !== undefined && spec.weight !== '') row.getCell(weightCol).value = spec.weight;
    if (spec.criteria) row.getCell(criteriaCol).value = spec.criteria;
    if (spec.methods) row.getCell(methodsCol).value = spec.methods;
    if (spec.ids !== undefined) row.getCell(idCol).value = JSON.stringify(spec.ids);
    // A leaf above the deepest level, and every row below the table, spans the level columns left.
    const nameDepth = spec.levels.length - 1;
    if (nameDepth < levels - 1) sheet.mergeCells(firstBody + index, nameDepth + 1, firstBody + index, levels);
  });
  for (const s of segments) {
    const cell = sheet.getCell(firstBody + s.first, s.depth + 1);
    cell.value = s.text;
    if (s.last > s.first) sheet.mergeCells(firstBody + s.first, s.depth + 1, firstBody + s.last, s.depth + 1);
  }
  for (const b of breaks) sheet.getRow(firstBody + b).addPageBreak();

  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, showGridLines: false }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    scale,
    fitToPage: false,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: `${headerRow}:${headerRow}`,
    printArea: `A1:${sheet.getColumn(lastVisible).letter}${firstBody + body.length - 1}`,
  };
  sheet.headerFooter = { oddFooter: `&C&"宋体"&9${words.pageFooter}` };
  return workbook;
}
