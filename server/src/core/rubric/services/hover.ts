import type { HoverResult } from '../../service-types';
import { Analysis, DocumentAnalysis } from '../types';
import { Decimal, decimal, formatDecimal, ZERO } from '../../decimal';
import { largestLoss, pointValue } from '../model/scoring-figures';
import { Locale, text } from '../../text/locale';
import { IndicatorModel } from '../model/rubric-model';
import { segmentsOf } from '../../yaml/yaml-path';
import { describeWorking, QUOTA_BOUNDS, SlotWorking } from '../../quota/allocate';
import { ROUNDING_NAMES_ZH, RoundingMode } from '../../quota/rounding';
import { SchemaDocs } from '../../schema/schema-docs';
import { contains } from '../../text/span';
import { documentAt } from '../document-at';
import { formulaHover, formulaLines } from './formula-services';
import { percentLabel, slotsText, subjectsLabel, sumLabel } from '../../text/figures';

function roundingName(mode: RoundingMode | 'count', locale: Locale): string {
  return text(mode, `${mode}（${ROUNDING_NAMES_ZH[mode]}）`)[locale];
}

function indicatorPath(document: DocumentAnalysis, indicator: IndicatorModel): string {
  const names: string[] = [];
  let items = document.model.indicators.items;
  for (const index of indicator.path) {
    const step = items[index];
    if (!step) break;
    names.push(step.name?.value ?? step.key ?? `#${index + 1}`);
    items = step.items ?? [];
  }
  return names.join(' › ');
}

export function indicatorHover(document: DocumentAnalysis, indicator: IndicatorModel, locale: Locale): string {
  const { model } = document;
  const lines = [`**${indicatorPath(document, indicator)}**`, ''];
  const weight = indicator.effectiveWeight;
  if (weight) {
    const derived = !indicator.weight;
    lines.push(
      `${text('Weight', '分值')[locale]}: ${formatDecimal(weight, 10)}${derived ? text(' (derived from its items)', '（由下级指标合计得出）')[locale] : ''}`,
    );
    // Under a composite group a point counts less (20 on a 100-point sheet counted at 70 is 14).
    const factor = pointValue(model, indicator);
    const counted = factor ? weight.times(factor) : undefined;
    const share = counted && model.total ? percentLabel(counted, model.total) : undefined;
    const worth =
      counted && !factor!.eq(1) ? `${formatDecimal(weight, 10)} × ${formatDecimal(factor!, 4)} = ${formatDecimal(counted, 4)}` : formatDecimal(weight, 10);
    if (share) lines.push('', `${text('Share of the whole', '占总分')[locale]}: ${share} (${worth} / ${formatDecimal(model.total!, 10)})`);
  } else {
    lines.push(text('Weight: unknown', '分值：未知')[locale]);
  }
  if (indicator.outOf?.value && indicator.weight?.value) {
    const [outOf, counts] = [formatDecimal(indicator.outOf.value, 10), formatDecimal(indicator.weight.value, 10)];
    lines.push(
      '',
      text(
        `Scored out of ${outOf}, counted at ${counts}: points × ${counts} / ${outOf}`,
        `按 ${outOf} 分计分，折算为 ${counts} 分：得分 × ${counts} / ${outOf}`,
      )[locale],
    );
  }
  if (indicator.items?.length) {
    const target = indicator.outOf?.value ?? indicator.weight?.value ?? indicator.itemsSum;
    lines.push('', `${text('Items add up to', '下级指标合计')[locale]}: ${sumLabel(indicator.itemsSum, target)}`);
  }
  lines.push(...deductionLines(indicator, locale), ...formulaLines(indicator, locale));
  if (indicator.key) lines.push('', `id: \`${indicator.key}\``);
  return lines.join('\n');
}

/** `每发现一处垃圾: −0.5 each, at most 4` for every rule, then the most lost and the floor. */
function deductionLines(indicator: IndicatorModel, locale: Locale): string[] {
  const scoring = indicator.scoring;
  if (!scoring || (scoring.rules.length === 0 && !scoring.deduct)) return [];
  const n = (value: Decimal | undefined) => (value === undefined ? '?' : formatDecimal(value, 10));
  const rules = scoring.rules.map((rule) => {
    const what = rule.when?.value ?? rule.per?.value ?? rule.key ?? '';
    // A range the assessor sets each case's amount in (视情节扣5—15分): `5–15`.
    const range = rule.range?.value;
    const points = range ? `${n(range.min)}–${n(range.max)}` : n(rule.points?.value);
    return rule.when
      ? text(`- ${what}: −${points} once`, `- ${what}：一次性扣 ${points} 分`)[locale]
      : rule.max
        ? text(`- ${what}: −${points} each, at most ${n(rule.max.value)}`, `- ${what}：每次扣 ${points} 分，最高扣 ${n(rule.max.value)} 分`)[locale]
        : text(`- ${what}: −${points} each`, `- ${what}：每次扣 ${points} 分`)[locale];
  });
  if (scoring.deduct) {
    const per = indicator.scoring?.deductField && scoring.deduct.value ? n(scoring.deduct.value) : '?';
    rules.push(text(`- −${per} per case`, `- 每次扣 ${per} 分`)[locale]);
  }
  const loss = largestLoss(indicator);
  const floor = n(scoring.floor?.value ?? ZERO);
  return [
    '',
    `**${text('Deductions', '扣分规则')[locale]}**`,
    ...rules,
    '',
    text(`At most −${n(loss)} in all; never below ${floor}`, `合计最多扣 ${n(loss)} 分；最低得 ${floor} 分`)[locale],
  ];
}

function workingLines(working: SlotWorking, locale: Locale): string[] {
  const lines = [`**${working.bound}**: \`${describeWorking(working)}\` (${roundingName(working.rounding, locale)})`];
  if (working.alternatives.length > 0) {
    const others = working.alternatives.map((a) => `${a.rounding} ${a.slots}`).join(' · ');
    lines.push('', `${text('Other roundings', '其他取整方式')[locale]}: ${others}`);
  }
  return lines;
}

function tierHover(document: DocumentAnalysis, index: number, locale: Locale, focus?: string): string {
  const tier = document.model.tiers.items[index];
  const lines = [`**${tier.name?.value ?? tier.key ?? ''}**`, ''];
  // 分序列: the quota applies to each group's N, so each group has its own slots.
  const allocations =
    document.groups.length > 0 ? document.groups.map((g) => ({ label: g.name, allocation: g.allocation })) : [{ label: '', allocation: document.allocation }];
  for (const { label, allocation } of allocations) {
    const slots = allocation?.tiers[index];
    if (!slots || !allocation) {
      lines.push(text('The rubric does not state its subjects, so no slots can be worked out.', '未填写考核对象数量（subjects），无法计算名额。')[locale]);
      continue;
    }
    const n = allocation.subjects;
    const share = percentLabel(decimal(slots.max), decimal(n)) ?? '0%';
    lines.push(`${label ? `**${label}** · ` : ''}${subjectsLabel(n, locale)}${text(': ', '：')[locale]}${slotsText(slots)} (${share})`);
    for (const working of slots.workings) {
      if (focus && working.bound !== focus) continue;
      lines.push('', ...workingLines(working, locale));
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function keyHover(schema: SchemaDocs, path: (string | number)[], locale: Locale): string | undefined {
  const node = schema.nodeAt(path);
  if (!node) return undefined;
  const title = schema.title(node, locale);
  const description = schema.description(node, locale);
  return [title ? `**${title}**` : undefined, description].filter(Boolean).join('\n\n');
}

/** Hover: an indicator's figures, a quota's working, a tier's slots, a key's description. */
export function hover(analysis: Analysis, offset: number, locale: Locale, schema: SchemaDocs): HoverResult | undefined {
  const document = documentAt(analysis, offset);
  if (!document) return undefined;
  const at = document.parsed.tree.nodeAtOffset(offset);

  for (const [index, tier] of document.model.tiers.items.entries()) {
    for (const bound of QUOTA_BOUNDS) {
      const field = tier.quota?.bounds[bound];
      if (field && contains(field.span, offset)) return { span: field.span, markdown: tierHover(document, index, locale, bound) };
    }
  }

  const inFormula = formulaHover(document, offset, locale);
  if (inFormula) return inFormula;

  if (at.inKey && at.scalar) {
    const markdown = keyHover(schema, segmentsOf(at), locale);
    return markdown ? { span: at.scalar.span, markdown } : undefined;
  }

  const indicator = [...document.model.allIndicators]
    .reverse()
    .find((i) => contains(i.keySpan, offset) || (i.name && contains(i.name.span, offset)) || (i.weight && contains(i.weight.span, offset)));
  if (indicator) {
    const span =
      indicator.weight && contains(indicator.weight.span, offset)
        ? indicator.weight.span
        : indicator.name && contains(indicator.name.span, offset)
          ? indicator.name.span
          : indicator.keySpan;
    return { span, markdown: indicatorHover(document, indicator, locale) };
  }

  const tierIndex = document.model.tiers.items.findIndex((t) => contains(t.keySpan, offset) || (t.name && contains(t.name.span, offset)));
  if (tierIndex >= 0) {
    const tier = document.model.tiers.items[tierIndex];
    return { span: tier.name && contains(tier.name.span, offset) ? tier.name.span : tier.keySpan, markdown: tierHover(document, tierIndex, locale) };
  }
  return undefined;
}
