import { Decimal, decimal, formatDecimal, HUNDRED } from '../decimal';
import { QuotaAmount } from './allocate';

/**
 * A quota's `target` (一般掌握在15%以内): the share a tier should keep to, binding nothing. Its
 * figure for N subjects is N × p / 100, exactly and unrounded (a count target is that count), and
 * a tier is above it when it takes more subjects than that.
 */
export function targetSlots(target: QuotaAmount, subjects: number): Decimal {
  return target.kind === 'count' ? decimal(target.count) : decimal(subjects).times(target.percent).div(HUNDRED);
}

/** N × target as a person reads it after a tier's count: `1.8`, `2` (exact, at most 4 decimals). */
export function targetFigure(target: QuotaAmount, subjects: number): string {
  return formatDecimal(targetSlots(target, subjects), 4);
}

/** `12 × 15% = 1.8`, or the count itself. */
export function describeTarget(target: QuotaAmount, subjects: number): string {
  if (target.kind === 'count') return `${target.count}`;
  return `${subjects} × ${formatDecimal(target.percent, 4)}% = ${targetFigure(target, subjects)}`;
}

/** Whether `count` subjects in the tier are more than the target allows for N. */
export function isAboveTarget(target: QuotaAmount, subjects: number, count: number): boolean {
  return decimal(count).gt(targetSlots(target, subjects));
}

/**
 * A tier's target next to a figure for N (its count, or its most slots): `{target: '2', aboveTarget: true}`,
 * or nothing for a tier without a target or an N. What the lenses, the summary and the ranking show.
 */
export function targetAgainst(target: QuotaAmount | undefined, subjects: number | undefined, figure: number): { target?: string; aboveTarget?: boolean } {
  if (!target || subjects === undefined) return {};
  return { target: targetFigure(target, subjects), ...(isAboveTarget(target, subjects, figure) ? { aboveTarget: true } : {}) };
}
