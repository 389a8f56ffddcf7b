import { Analysis, DocumentAnalysis } from '../analyze';
import { Decimal, decimal, floor, formatDecimal, sum } from '../decimal';
import { Finding, Locale } from '../findings';
import { IndicatorModel, NamedItem, TierModel } from '../model/rubric-model';
import { Span } from '../text/span';
import { TextEdit } from './references';

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

function weightActions(finding: Finding, items: IndicatorModel[], target: Decimal, locale: Locale): CodeActionItem[] {
  const zh = locale === 'zh-CN';
  const actions: CodeActionItem[] = [];
  const last = items[items.length - 1];
  const others = items.slice(0, -1).map((i) => i.effectiveWeight);
  // A group's weight is tied to its items: changing it alone would break the group's own sum.
  const isLeaf = (i: IndicatorModel) => !i.items?.length;
  if (last?.weight?.value && isLeaf(last) && others.every((w) => w !== undefined)) {
    const value = target.minus(sum(others as Decimal[]));
    if (value.gt(0)) {
      const name = last.name?.value ?? last.key ?? '';
      actions.push({
        title: zh ? `将最后一项“${name}”的分值改为 ${formatDecimal(value, 10)}` : `Set the last weight ("${name}") to ${formatDecimal(value, 10)}`,
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
        title: zh ? `按比例调整各项分值，使合计为 ${formatDecimal(target, 10)}` : `Scale the weights proportionally to add up to ${formatDecimal(target, 10)}`,
        finding,
        edits: items.map((item, i) => ({ span: item.weight!.span, newText: formatDecimal(scaled[i], 10) })),
        preferred: false,
      });
    }
  }
  return actions;
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
  return analysis.parsed.lines.positionAt(offset).character;
}

/** Adds `key: value` to the mapping that holds `anchor` (a key of that mapping), in its style. */
function insertBefore(analysis: Analysis, anchor: Span, key: string, value: string): TextEdit {
  if (isFlowPosition(analysis.parsed.text, anchor.start)) return { span: { start: anchor.start, end: anchor.start }, newText: `${key}: ${value}, ` };
  const indent = ' '.repeat(columnOf(analysis, anchor.start));
  const eol = analysis.parsed.text.includes('\r\n') ? '\r\n' : '\n';
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
  const pools: NamedItem[][] = [model.allIndicators, model.tiers.items, model.methods.items, model.raters.items, model.bonus?.items ?? [], model.veto.items];
  for (const pool of pools) {
    const item = pool.find((i) => i.keySpan.start === finding.span.start && i.keySpan.end === finding.span.end);
    if (!item || item.key === undefined) continue;
    const taken = new Set(pool.flatMap((i) => (i.key === undefined ? [] : [i.key])));
    const fresh = uniqueKey(item.key, taken);
    const written = yamlScalar(fresh);
    const edit = item.id ? { span: item.id.span, newText: written } : insertBefore(analysis, item.name!.keySpan, 'id', written);
    return [{ title: locale === 'zh-CN' ? `改为唯一的 id“${fresh}”` : `Make unique: id "${fresh}"`, finding, edits: [edit], preferred: true }];
  }
  return [];
}

function roundingAction(analysis: Analysis, tier: TierModel | undefined, finding: Finding, mode: string, locale: Locale): CodeActionItem[] {
  const quota = tier?.quota;
  if (!quota) return [];
  const title = locale === 'zh-CN' ? `该名额改用 rounding: ${mode}` : `Use rounding: ${mode} for this quota`;
  if (quota.rounding) return [{ title, finding, edits: [{ span: quota.rounding.span, newText: mode }], preferred: true }];
  const firstBound = Object.values(quota.bounds).sort((a, b) => a!.keySpan.start - b!.keySpan.start)[0];
  if (!firstBound) return [];
  const text = analysis.parsed.text;
  const close = text.lastIndexOf('}', quota.field.span.end - 1);
  if (isFlowPosition(text, firstBound.keySpan.start) && close > firstBound.keySpan.start) {
    const end = text.slice(0, close).trimEnd().length;
    return [{ title, finding, edits: [{ span: { start: end, end }, newText: `, rounding: ${mode}` }], preferred: true }];
  }
  return [{ title, finding, edits: [insertBefore(analysis, firstBound.keySpan, 'rounding', mode)], preferred: true }];
}

/** Quick fixes for the findings that overlap a range. */
export function codeActions(analysis: Analysis, range: Span, locale: Locale): CodeActionItem[] {
  const zh = locale === 'zh-CN';
  return analysis.documents.flatMap((document) =>
    document.findings
      .filter((f) => f.span.start <= range.end && f.span.end >= range.start)
      .flatMap((finding): CodeActionItem[] => {
        const data = finding.data ?? {};
        switch (finding.code) {
          case 'weights-sum':
            return document.model.total ? weightActions(finding, document.model.indicators.items, document.model.total, locale) : [];
          case 'children-sum': {
            const group = indicatorAt(document, data.path as number[]);
            return group?.items && group.weight?.value ? weightActions(finding, group.items, group.weight.value, locale) : [];
          }
          case 'schema':
          case 'unknown-reference': {
            const suggestion = data.suggestion as string | undefined;
            if (!suggestion) return [];
            return [
              {
                title: zh ? `改为“${suggestion}”` : `Change to "${suggestion}"`,
                finding,
                edits: [{ span: finding.span, newText: suggestion }],
                preferred: true,
              },
            ];
          }
          case 'duplicate-id':
            return duplicateAction(analysis, document, finding, locale);
          case 'quota-rounding':
          case 'quota-empty':
            // No fix where no rounding keeps the rule (the message says to write a count instead).
            return data.keeps ? roundingAction(analysis, document.model.tiers.items[data.tier as number], finding, data.keeps as string, locale) : [];
          default:
            return [];
        }
      }),
  );
}
