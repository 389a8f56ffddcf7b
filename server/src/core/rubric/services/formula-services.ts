import { Decimal, exactText, ZERO } from '../../decimal';
import { FORMULA_FUNCTIONS, FormulaReference, tokenize } from '../../formula';
import type { CompletionEntry, HoverResult, InlayHintItem } from '../../service-types';
import { bracketed, labelled } from '../../text/figures';
import { Locale, LocalizedText, text } from '../../text/locale';
import { contains, Span } from '../../text/span';
import { formulaRangeOf, formulaSpan, offsetInFormula, parsedFormula, scaleOf } from '../model/measure';
import { FormulaModel, IndicatorModel, InputModel } from '../model/rubric-model';
import type { DocumentAnalysis } from '../types';

/**
 * The language services inside a measured indicator's formula (contract: "Points from
 * measurements"): hover on a name (the input's name, unit and range; `weight`; a function), the
 * range of points the formula can give (hover and inlay), completion of the inputs' ids, `weight`
 * and the functions, and the rename of an input's id at its definition and in the formula.
 */

/** The measured indicator whose formula holds the offset. */
function formulaAt(document: DocumentAnalysis, offset: number): { indicator: IndicatorModel; formula: FormulaModel; at: number } | undefined {
  for (const indicator of document.model.allIndicators) {
    const formula = indicator.scoring?.formula;
    if (!formula || !contains({ start: formula.span.start, end: formula.span.end + 1 }, offset)) continue;
    const at = offsetInFormula(formula, offset);
    if (at !== undefined) return { indicator, formula, at };
  }
  return undefined;
}

const figure = (value: Decimal | undefined) => (value === undefined ? undefined : exactText(value));

/** `0 – 30`, `≤ 30`, `?`: the points the formula can give, limited to floor..scale as the total counts them. */
export function formulaRangeLabel(indicator: IndicatorModel): string | undefined {
  const range = formulaRangeOf(indicator);
  const scale = scaleOf(indicator);
  if (!range || scale === undefined) return undefined;
  const floor = indicator.scoring?.floor?.value ?? ZERO;
  const low = range.min === undefined || range.min.lt(floor) ? floor : range.min.gt(scale) ? scale : range.min;
  const high = range.max === undefined || range.max.gt(scale) ? scale : range.max.lt(floor) ? floor : range.max;
  return low.eq(high) ? exactText(low) : `${exactText(low)} – ${exactText(high)}`;
}

/** `**达标断面个数** · \`reached\`（单位 个）`, from 0: what an input is, for hovers here and in scoresheets; its name, its id as code. */
export function inputDescription(input: InputModel, locale: Locale): string {
  const id = `\`${input.key ?? '?'}\``;
  const head = input.name?.value && input.name.value !== input.key ? `**${input.name.value}** · ${id}` : id;
  const unit = input.unit?.value ? text(` (unit ${input.unit.value})`, `（单位 ${input.unit.value}）`)[locale] : '';
  const [min, max] = [figure(input.min?.value), figure(input.max?.value)];
  const bounds =
    min !== undefined && max !== undefined
      ? text(`${min} to ${max}`, `${min} 至 ${max}`)
      : min !== undefined
        ? text(`at least ${min}`, `不小于 ${min}`)
        : max !== undefined
          ? text(`at most ${max}`, `不大于 ${max}`)
          : text('any number', '任意数值');
  const whole = input.integer?.value === true ? text(', a whole number', '，须为整数')[locale] : '';
  return `${head}${unit}\n\n${labelled(text('Recorded per subject under `measured`', '在评分表的 `measured` 中为每个考核对象填写'), bounds[locale] + whole, locale)}`;
}

/** The formula's lines in an indicator's hover: the formula, its inputs, the points it can give. */
export function formulaLines(indicator: IndicatorModel, locale: Locale): string[] {
  const formula = indicator.scoring?.formula?.value;
  if (formula === undefined) return [];
  const lines = ['', labelled(text('**Formula**', '**计分公式**'), `\`${formula.replace(/`/g, "'")}\``, locale)];
  const range = formulaRangeLabel(indicator);
  if (range) lines.push('', labelled(text('Points it can give', '可得分数'), range, locale));
  if (indicator.scoring?.inputs.length) lines.push('');
  for (const input of indicator.scoring?.inputs ?? []) {
    const name = input.name?.value && input.name.value !== input.key ? ` ${input.name.value}` : '';
    const item = `\`${input.key ?? '?'}\`${name}`;
    lines.push(`- ${input.unit?.value ? bracketed(item, input.unit.value, locale) : item}`);
  }
  return lines;
}

function referenceAt(references: readonly FormulaReference[], at: number): FormulaReference | undefined {
  return references.find((r) => (r.kind === 'aggregate' ? r.inputSpan.start <= at && at <= r.inputSpan.end : r.span.start <= at && at <= r.span.end));
}

/** Hover in a formula: a name's meaning, or (elsewhere in it) the points the formula can give. */
export function formulaHover(document: DocumentAnalysis, offset: number, locale: Locale): HoverResult | undefined {
  const found = formulaAt(document, offset);
  if (!found) return undefined;
  const { indicator, formula, at } = found;
  const parsed = parsedFormula(formula)?.formula;
  const reference = parsed ? referenceAt(parsed.references, at) : undefined;
  const place = (span: Span) => formulaSpan(formula, span);
  const scale = scaleOf(indicator);
  if (reference?.kind === 'input' || reference?.kind === 'aggregate') {
    const id = reference.kind === 'input' ? reference.id : reference.input;
    const span = reference.kind === 'input' ? reference.span : reference.inputSpan;
    const input = indicator.scoring?.inputs.find((i) => i.key === id);
    if (!input) return undefined;
    const over =
      reference.kind === 'aggregate'
        ? `\n\n${labelled(text(`\`${reference.aggregate}(${id})\``, `\`${reference.aggregate}(${id})\``), text('over the subjects of the same group', '同一序列各考核对象的该项数据')[locale], locale)}`
        : '';
    return { span: place(span), markdown: `${inputDescription(input, locale)}${over}` };
  }
  if (reference?.kind === 'weight') {
    return {
      span: place(reference.span),
      markdown: `**weight**\n\n${labelled(text("This indicator's points", '本指标的分值'), scale === undefined ? '?' : exactText(scale), locale)}`,
    };
  }
  if (reference?.kind === 'function') {
    const fn = FORMULA_FUNCTIONS.find((f) => f.name === reference.name);
    if (fn) return { span: place(reference.span), markdown: `\`${fn.signature}\`\n\n${fn.summary[locale]}` };
  }
  const range = formulaRangeLabel(indicator);
  return {
    span: formula.span,
    markdown: [
      `**${text('Formula', '计分公式')[locale]}**`,
      '',
      range
        ? `${labelled(text('Points it can give', '可得分数'), range, locale)}${text(" (over the inputs' min/max, limited to the floor and the weight)", '（按各输入项的取值范围，限于最低得分与分值之间）')[locale]}`
        : text('The points it can give are worked out once the formula and its names are right.', '公式及其名称无误后，显示可得分数范围。')[locale],
    ].join('\n'),
  };
}

/** Beside each formula: the points it can give (`0 – 30`). */
export function formulaInlayHints(document: DocumentAnalysis, visible: Span, locale: Locale): InlayHintItem[] {
  const hints: InlayHintItem[] = [];
  for (const indicator of document.model.allIndicators) {
    const formula = indicator.scoring?.formula;
    if (!formula || formula.span.end < visible.start || formula.span.start > visible.end || indicator.items?.length) continue;
    const label = formulaRangeLabel(indicator);
    if (!label) continue;
    hints.push({
      offset: formula.span.end,
      label,
      tooltip: text(
        "The points the formula can give over the inputs' min/max, as the total counts them (limited to the floor and the weight)",
        '按各输入项取值范围，公式可得的分数（计入总分时限于最低得分与分值之间）',
      )[locale],
    });
  }
  return hints;
}

const IDENTIFIER_CHARACTER = /[\p{L}\p{M}\p{Nd}_]/u;

/** Completion in a formula: the indicator's inputs, `weight` and the functions, replacing the name typed so far. */
export function formulaCompletion(document: DocumentAnalysis, offset: number, locale: Locale): CompletionEntry[] | undefined {
  const found = formulaAt(document, offset);
  if (!found || found.formula.value === undefined) return undefined;
  const { indicator, formula, at } = found;
  const value = formula.value!;
  let start = at;
  while (start > 0 && IDENTIFIER_CHARACTER.test(value[start - 1])) start--;
  let end = at;
  while (end < value.length && IDENTIFIER_CHARACTER.test(value[end])) end++;
  // Not inside a number (`80|%`).
  if (start < at && /\p{Nd}/u.test(value[start])) return [];
  const replace = { start: formulaSpan(formula, { start, end: start }).start, end: formulaSpan(formula, { start: end, end }).start };
  const entries: CompletionEntry[] = [];
  for (const input of indicator.scoring?.inputs ?? []) {
    if (input.key === undefined) continue;
    const name = input.name?.value && input.name.value !== input.key ? input.name.value : undefined;
    entries.push({
      label: input.key,
      kind: 'reference',
      insertText: input.key,
      snippet: false,
      detail: input.unit?.value ? bracketed(name ?? text('input', '输入项')[locale], input.unit.value, locale) : (name ?? text('input', '输入项')[locale]),
      replace,
    });
  }
  const scale = scaleOf(indicator);
  entries.push({
    label: 'weight',
    kind: 'reference',
    insertText: 'weight',
    snippet: false,
    detail:
      scale === undefined
        ? text("This indicator's points", '本指标的分值')[locale]
        : labelled(text("This indicator's points", '本指标的分值'), exactText(scale), locale),
    replace,
  });
  for (const fn of FORMULA_FUNCTIONS) {
    entries.push({
      label: fn.name,
      kind: 'reference',
      insertText: `${fn.name}(`,
      snippet: false,
      detail: fn.signature,
      documentation: fn.summary[locale],
      replace,
    });
  }
  return entries;
}

/** The input whose id is at the offset: at its definition, or where its formula names it; with every place its id is written. */
export function inputAt(document: DocumentAnalysis, offset: number): { indicator: IndicatorModel; input: InputModel; spans: Span[]; at: Span } | undefined {
  for (const indicator of document.model.allIndicators) {
    const inputs = indicator.scoring?.inputs ?? [];
    const formula = indicator.scoring?.formula;
    const inFormula = formula ? formulaAt(document, offset) : undefined;
    const usesOf = (id: string): Span[] => {
      if (!formula || formula.value === undefined || !formula.placement) return [];
      // Tokens, so that a formula that does not parse yet is renamed too.
      return tokenize(formula.value)
        .filter((t) => t.kind === 'name' && t.name === id)
        .map((t) => formulaSpan(formula, t.span));
    };
    for (const input of inputs) {
      if (input.key === undefined) continue;
      const definition = input.id?.span;
      const uses = usesOf(input.key);
      const spans = [...(definition ? [definition] : []), ...uses];
      const at = spans.find((s) => s.start <= offset && offset <= s.end);
      if (at && (inFormula?.indicator === indicator || (definition && contains(definition, offset)) || !inFormula)) return { indicator, input, spans, at };
    }
  }
  return undefined;
}

/**
 * Why the token under the cursor in a formula cannot be renamed, when it is not an input's id:
 * `weight`, a function, a name the indicator does not define, a number or an operator. Said in
 * the rename box instead of the editor's bare "cannot be renamed". Undefined outside formulas
 * and on an input's id.
 */
export function formulaRenameRefusal(document: DocumentAnalysis, offset: number): LocalizedText | undefined {
  const found = formulaAt(document, offset);
  if (!found || found.formula.value === undefined || inputAt(document, offset)) return undefined;
  const token = tokenize(found.formula.value).find((t) => t.kind !== 'end' && t.span.start <= found.at && found.at <= t.span.end);
  const only = text("Only an input's id can be renamed in a formula", '公式中只能重命名输入项的标识');
  if (token?.kind !== 'name') return only;
  const name = token.name;
  if (name === 'weight')
    return text(`\`weight\` is this indicator's points, not an input. ${only.en}.`, `\`weight\` 是本指标的分值，不是输入项。${only['zh-CN']}。`);
  if (FORMULA_FUNCTIONS.some((f) => f.name === name)) {
    return text(`\`${name}\` is a function of the formula language, not an input. ${only.en}.`, `\`${name}\` 是公式语言的函数，不是输入项。${only['zh-CN']}。`);
  }
  return text(
    `\`${name}\` is not an input of this indicator (see its \`inputs\`). ${only.en}.`,
    `\`${name}\` 不是本指标的输入项（见其 \`inputs\`）。${only['zh-CN']}。`,
  );
}
