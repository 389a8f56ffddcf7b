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

/** `12 × 15% = 1.8`, or the count itself. */
export function describeTarget(target: QuotaAmount, subjects: number): string {
  if (target.kind === 'count') return `${target.count}`;
  return `${subjects} × ${formatDecimal(target.percent, 4)}% = ${formatDecimal(targetSlots(target, subjects), 4)}`;
}

/** Whether `count` subjects in the tier are more than the target allows for N. */
export function isAboveTarget(target: QuotaAmount, subjects: number, count: number): boolean {
  return decimal(count).gt(targetSlots(target, subjects));
}
