import { HUNDRED, sum } from '../decimal';
import { allocate, TierQuotaInput } from './allocate';
import { RoundingMode } from './rounding';

/**
 * Whether the tiers' trouble at these sizes is rounding alone, which `rounding: largest-remainder`
 * cures: every tier has a fixed percentage, the percentages add up to exactly 100%, the rubric does
 * not apportion yet, and apportioning places every subject at every size asked about.
 */
export function largestRemainderKeeps(tiers: readonly TierQuotaInput[], sizes: readonly number[], rounding: RoundingMode): boolean {
  if (rounding === 'largest-remainder' || tiers.length === 0) return false;
  const shares = tiers.map((t) => (t.exactly?.kind === 'percent' && !t.min && !t.max ? t.exactly.percent : undefined));
  if (shares.some((s) => s === undefined) || !sum(shares as NonNullable<(typeof shares)[number]>[]).eq(HUNDRED)) return false;
  return sizes.every((n) => !allocate(tiers, n, 'largest-remainder').problems.some((p) => p.code === 'quota-overflow' || p.code === 'quota-shortfall'));
}
