import Big from 'big.js';
import { Decimal, decimal } from '../decimal';
import { assignTiers, compareContenders, Contender, TierRule } from './assign-tiers';
import { Margin, TiesMode } from './types';

/**
 * Margins of one group: for each subject, the points it lacks to reach the next tier up and the
 * points it can lose and keep its tier, everyone else's scores as they are. A subject's tier is
 * a step function of its own total that can only change at another subject's total or at a
 * `min_score`; totals move in steps of the rubric's precision, so the tier is tried on that grid
 * next to each such point, and, the function being monotone (more points never lower a tier),
 * searched by halves.
 */
export function groupMargins(
  ordered: readonly Contender[],
  rules: readonly TierRule[],
  ties: TiesMode,
  precision: number,
  current: ReadonlyMap<number, number>,
): Map<number, Margin> {
  const margins = new Map<number, Margin>();
  const unit = decimal(1).div(decimal(10).pow(precision));
  const scoreLines = rules.flatMap((rule) => {
    if (rule.minScore === undefined) return [];
    const reached = rule.minScore.round(precision, Big.roundUp as 3);
    return [reached, reached.minus(unit)];
  });
  const last = rules.length - 1;
  for (const subject of ordered) {
    const tier = current.get(subject.index);
    if (tier === undefined || subject.forcedTier !== undefined || rules.length === 0) {
      margins.set(subject.index, {});
      continue;
    }
    const others = ordered.filter((c) => c !== subject);
    const tierAt = (total: Decimal): number | undefined => {
      const moved: Contender = { ...subject, total };
      let low = 0;
      let high = others.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (compareContenders(others[mid], moved, ties) < 0) low = mid + 1;
        else high = mid;
      }
      const trial = [...others.slice(0, low), moved, ...others.slice(low)];
      return assignTiers(trial, rules, ties).tier.get(subject.index);
    };
    const points = new Map<string, Decimal>();
    for (const other of others) for (const p of [other.total.minus(unit), other.total, other.total.plus(unit)]) points.set(p.toFixed(), p);
    for (const p of scoreLines) points.set(p.toFixed(), p);
    const candidates = [...points.values()].sort((a, b) => a.cmp(b));
    const margin: Margin = {};
    if (tier > 0) {
      const above = candidates.filter((p) => p.gt(subject.total));
      const first = firstWhere(above, (p) => (tierAt(p) ?? tier) < tier);
      if (first !== undefined) margin.up = above[first].minus(subject.total);
    }
    if (tier < last) {
      const below = candidates.filter((p) => p.lt(subject.total)).reverse();
      const first = firstWhere(below, (p) => (tierAt(p) ?? tier) > tier);
      if (first !== undefined) margin.down = subject.total.minus(below[first].plus(unit));
    }
    margins.set(subject.index, margin);
  }
  return margins;
}

/** The first index where a monotone predicate holds, by halves; undefined when it never does. */
function firstWhere<T>(items: readonly T[], holds: (item: T) => boolean): number | undefined {
  if (items.length === 0 || !holds(items[items.length - 1])) return undefined;
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (holds(items[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}
