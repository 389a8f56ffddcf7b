import { Analysis, DocumentAnalysis } from '../types';
import { Decimal, decimal, floor, formatDecimal, sum } from '../../decimal';
import { Finding } from '../../findings';
import { Locale, text } from '../../text/locale';
import { IndicatorModel, TierModel } from '../model/rubric-model';
import { Span } from '../../text/span';
import type { TextEdit } from '../../service-types';
import { documentAt } from '../document-at';
import { ROUNDING_NAMES_ZH, RoundingMode } from '../../quota/rounding';
import { ID_KINDS } from '../checks/duplicate-id';

export interface CodeActionItem {
  title: string;
  /** The finding it fixes. */
  finding: Finding;
  edits: TextEdit[];
  preferred: boolean;
}

function decimalPlaces(value: Decimal): number {
  const [, fraction = ''] = value.toFixed().split('.');
  return fraction.length;
}

/**
 * New weights in the same proportions that add up to `target` exactly: each rounded down to a
 * common number of decimals, the units left over given to the largest remainders.
 */
export function scaleExactly(weights: readonly Decimal[], target: Decimal): Decimal[] | undefined {
  const actual = sum(weights);
  if (actual.lte(0) || weights.length === 0) return undefined;
  const raw = weights.map((w) => w.times(target).div(actual));
  let places = Math.max(decimalPlaces(target), ...weights.map(decimalPlaces));
  if (raw.some((r) => decimalPlaces(r) > places)) places += 1;
  // The edits write at most EDIT_PLACES decimals (and a unit of 10^-41 would be 0 at Big.DP).
  if (places > EDIT_PLACES) return undefined;
  const unit = decimal(1).div(decimal(10).pow(places));
  const floors = raw.map((r) => floor(r.div(unit)).times(unit));
  let left = target.minus(sum(floors)).div(unit).round(0).toNumber();
  const order = raw.map((r, i) => ({ i, remainder: r.minus(floors[i]) })).sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = result[i].plus(unit);
    left--;
  }
  return result.some((w) => w.lte(0)) ? undefined : result;
}

/** Decimals a weight edit writes: a fix whose exact value needs more would write a wrong figure. */
const EDIT_PLACES = 10;

function weightActions(finding: Finding, items: IndicatorModel[], target: Decimal, locale: Locale): CodeActionItem[] {
  const actions: CodeActionItem[] = [];
  const last = items[items.length - 1];
  const others = items.slice(0, -1).map((i) => i.effectiveWeight);
  // A group's weight is tied to its items: changing it alone would break the group's own sum.
  const isLeaf = (i: IndicatorModel) => !i.items?.length;
  if (last?.weight?.value && isLeaf(last) && others.every((w) => w !== undefined)) {
    const value = target.minus(sum(others as Decimal[]));
    if (value.gt(0) && decimalPlaces(value) <= EDIT_PLACES) {
      const name = last.name?.value ?? last.key ?? '';
      actions.push({
        title: text(`Set the last weight ("${name}") to ${formatDecimal(value, 10)}`, `将最后一项“${name}”的分值改为 ${formatDecimal(value, 10)}`)[locale],
        finding,
        edits: [{ span: last.weight.span, newText: formatDecimal(value, 10) }],
        preferred: true,
      });
    }
  }
  const weights = items.map((i) => i.weight?.value);
  if (weights.every((w) => w !== undefined) && items.every(isLeaf)) {
    const scaled = scaleExactly(weights as Decimal[], target);
    if (scaled) {
      actions.push({
        title: text(`Scale the weights proportionally to add up to ${formatDecimal(target, 10)}`, `按比例调整各项分值，使合计为 ${formatDecimal(target, 10)}`)[
          locale
        ],
        finding,
        edits: items.map((item, i) => ({ span: item.weight!.span, newText: formatDecimal(scaled[i], 10) })),
        preferred: false,
      });
    }
  }
  return actions;
}

/**
 * A 100-point sheet counted at less (items add up to 100, the group weighs 70): the fix is to say
 * so with `out_of`, not to scale the items down.
 */
function outOfAction(analysis: Analysis, group: IndicatorModel, finding: Finding, locale: Locale): CodeActionItem[] {
  const sum = group.itemsSum;
  const weight = group.weight;
  if (group.outOf || !weight?.value || !sum || !sum.eq(100) || !weight.value.lt(sum)) return [];
  const value = formatDecimal(sum, 10);
  return [
    {
      title: text(
        `Count this 100-point sheet at ${formatDecimal(weight.value, 10)}: add out_of: ${value}`,
        `按百分制计分、折算为 ${formatDecimal(weight.value, 10)} 分：添加 out_of: ${value}`,
      )[locale],
      finding,
      edits: [insertBefore(analysis, weight.keySpan, 'out_of', value)],
      preferred: true,
    },
  ];
}

function indicatorAt(document: DocumentAnalysis, path: number[]): IndicatorModel | undefined {
  let items = document.model.indicators.items;
  let found: IndicatorModel | undefined;
  for (const index of path) {
    found = items[index];
    if (!found) return undefined;
    items = found.items ?? [];
  }
  return found;
}

function isFlowPosition(text: string, offset: number): boolean {
  const before = text.slice(0, offset).trimEnd();
  return before.endsWith('{') || before.endsWith(',');
}

function columnOf(analysis: Analysis, offset: number): number {
  return analysis.source.lines.positionAt(offset).character;
}

/** Adds `key: value` to the mapping that holds `anchor` (a key of that mapping), in its style. */
function insertBefore(analysis: Analysis, anchor: Span, key: string, value: string): TextEdit {
  if (isFlowPosition(analysis.source.text, anchor.start)) return { span: { start: anchor.start, end: anchor.start }, newText: `${key}: ${value}, ` };
  const indent = ' '.repeat(columnOf(analysis, anchor.start));
  const eol = analysis.source.text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: anchor.start, end: anchor.start }, newText: `${key}: ${value}${eol}${indent}` };
}

/** A value as YAML reads it back: plain when that is safe, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_ .（）()-]*$/u.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

function uniqueKey(base: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function duplicateAction(analysis: Analysis, document: DocumentAnalysis, finding: Finding, locale: Locale): CodeActionItem[] {
  const { model } = document;
  // Subjects are names, not ids: a duplicate subject is removed or renamed by the person.
  const pools = ID_KINDS.filter((kind) => kind.en !== 'subject').flatMap((kind) => kind.pools(model));
  for (const pool of pools) {
    const item = pool.find((i) => i.keySpan.start === finding.span.start && i.keySpan.end === finding.span.end);
    if (!item || item.key === undefined) continue;
    const taken = new Set(pool.flatMap((i) => (i.key === undefined ? [] : [i.key])));
    const fresh = uniqueKey(item.key, taken);
    const written = yamlScalar(fresh);
    const edit = item.id ? { span: item.id.span, newText: written } : insertBefore(analysis, item.name!.keySpan, 'id', written);
    return [{ title: text(`Make unique: id "${fresh}"`, `改为唯一的 id“${fresh}”`)[locale], finding, edits: [edit], preferred: true }];
  }
  return [];
}

function roundingAction(analysis: Analysis, tier: TierModel | undefined, finding: Finding, mode: string, locale: Locale): CodeActionItem[] {
  const quota = tier?.quota;
  if (!quota) return [];
  const title = text(`Use rounding: ${mode} for this quota`, `该名额改用 rounding: ${mode}`)[locale];
  if (quota.rounding) return [{ title, finding, edits: [{ span: quota.rounding.span, newText: mode }], preferred: true }];
  const firstBound = Object.values(quota.bounds).sort((a, b) => a!.keySpan.start - b!.keySpan.start)[0];
  if (!firstBound) return [];
  const source = analysis.source.text;
  const close = source.lastIndexOf('}', quota.field.span.end - 1);
  if (isFlowPosition(source, firstBound.keySpan.start) && close > firstBound.keySpan.start) {
    const end = source.slice(0, close).trimEnd().length;
    return [{ title, finding, edits: [{ span: { start: end, end }, newText: `, rounding: ${mode}` }], preferred: true }];
  }
  return [{ title, finding, edits: [insertBefore(analysis, firstBound.keySpan, 'rounding', mode)], preferred: true }];
}

/** Sets the rubric's own `rounding` (replacing it, or adding it just above `tiers:`). */
function rubricRoundingAction(analysis: Analysis, document: DocumentAnalysis, finding: Finding, mode: RoundingMode, locale: Locale): CodeActionItem[] {
  const { model } = document;
  const title = text(`Use rounding: ${mode} for the whole rubric`, `整份细则改用 rounding: ${mode}（${ROUNDING_NAMES_ZH[mode]}）`)[locale];
  if (model.roundingField) return [{ title, finding, edits: [{ span: model.roundingField.span, newText: mode }], preferred: true }];
  if (!model.tiers.field) return [];
  return [{ title, finding, edits: [insertBefore(analysis, model.tiers.field.keySpan, 'rounding', mode)], preferred: true }];
}

/** The findings a fix may be asked for at a range: those that overlap it. */
export function findingsAt(analysis: Analysis, range: Span): Finding[] {
  return analysis.findings.filter((f) => f.span.start <= range.end && f.span.end >= range.start);
}

/** Quick fixes for the given findings (the editor chooses them: by range, or by its own diagnostics). */
export function codeActions(analysis: Analysis, findings: readonly Finding[], locale: Locale): CodeActionItem[] {
  return findings.flatMap((finding): CodeActionItem[] => {
    const document = documentAt(analysis, finding.span.start);
    if (!document || !document.findings.includes(finding)) return [];
    switch (finding.code) {
      case 'weights-sum':
        return document.model.total ? weightActions(finding, document.model.indicators.items, document.model.total, locale) : [];
      case 'children-sum': {
        const group = finding.data && indicatorAt(document, finding.data.path);
        const target = group?.outOf?.value ?? group?.weight?.value;
        if (!group?.items || !target) return [];
        const outOf = outOfAction(analysis, group, finding, locale);
        const scaling = weightActions(finding, group.items, target, locale).map((a) => ({ ...a, preferred: a.preferred && outOf.length === 0 }));
        return [...outOf, ...scaling];
      }
      case 'schema':
      case 'unknown-reference': {
        const suggestion = finding.data?.suggestion;
        if (!suggestion) return [];
        return [
          {
            title: text(`Change to "${suggestion}"`, `改为“${suggestion}”`)[locale],
            finding,
            edits: [{ span: finding.span, newText: suggestion }],
            preferred: true,
          },
        ];
      }
      case 'duplicate-id':
        return duplicateAction(analysis, document, finding, locale);
      case 'quota-rounding':
      case 'quota-empty': {
        // No fix where no rounding keeps the rule (the message says to write a count instead).
        const data = finding.data;
        return data?.keeps ? roundingAction(analysis, document.model.tiers.items[data.tier], finding, data.keeps, locale) : [];
      }
      case 'quota-overflow':
      case 'quota-shortfall':
        return finding.data?.rounding ? rubricRoundingAction(analysis, document, finding, finding.data.rounding, locale) : [];
      case 'quota-range': {
        const data = finding.data;
        if (data?.rounding) return rubricRoundingAction(analysis, document, finding, data.rounding, locale);
        return data?.keeps && data.tier !== undefined ? roundingAction(analysis, document.model.tiers.items[data.tier], finding, data.keeps, locale) : [];
      }
      default:
        return [];
    }
  });
}
