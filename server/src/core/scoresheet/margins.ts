import { decimal } from '../decimal';
import { compareContenders, Contender, TierRule, tierAtPosition } from './assign-tiers';
import { Margin, TiesMode } from './types';

/**
 * Margins of one group: for each subject, the points it lacks to reach the next tier up and the
 * points it can lose and keep its tier, everyone else's scores as they are. A subject's tier is
 * a step function of its own score that can only change at another subject's score or at a
 * `min_score`; scores move in steps of the rubric's precision, so the tier is tried on that grid
 * next to each such point and, the function being monotone (more points never lower a tier),
 * searched by halves.
 */
/**
 * Margins cost about n² log n for a group of n (each subject's tier is tried at some 2 log n
 * totals, each try a pass over the group): a county's tens or hundreds of subjects take
 * milliseconds, 1,500 about a second on a slow machine. Past that they are not worked out live.
 */
export const MARGIN_LIMIT = 1500;

export function groupMargins(
  ordered: readonly Contender[],
  rules: readonly TierRule[],
  ties: TiesMode,
  precision: number,
  current: ReadonlyMap<number, number>,
): Map<number, Margin> {
  const margins = new Map<number, Margin>();
  if (ordered.length > MARGIN_LIMIT) {
    for (const subject of ordered) margins.set(subject.index, { notComputed: true });
    return margins;
  }
  const steps = (difference: number) => decimal(difference).div(decimal(10).pow(precision));
  const points = new Set<number>();
  for (const c of ordered) for (const p of [c.score - 1, c.score, c.score + 1]) points.add(p);
  for (const rule of rules) if (rule.minScore !== undefined) for (const p of [rule.minScore - 1, rule.minScore]) points.add(p);
  const candidates = [...points].sort((a, b) => a - b);
  const last = rules.length - 1;
  const trial: Contender[] = [...ordered];
  const buffers = { placed: new Int32Array(ordered.length), eligible: [] as number[] };
  for (const [position, subject] of ordered.entries()) {
    const tier = current.get(subject.index);
    if (tier === undefined || subject.forcedTier !== undefined || rules.length === 0) {
      margins.set(subject.index, {});
      continue;
    }
    const others = [...ordered.slice(0, position), ...ordered.slice(position + 1)];
    const tierAt = (score: number): number => {
      const moved: Contender = { ...subject, score };
      let low = 0;
      let high = others.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (compareContenders(others[mid], moved, ties) < 0) low = mid + 1;
        else high = mid;
      }
      // The group as it would be with this subject at `score`, in the lent buffer.
      for (let i = 0; i < low; i++) trial[i] = others[i];
      trial[low] = moved;
      for (let i = low; i < others.length; i++) trial[i + 1] = others[i];
      return tierAtPosition(trial, rules, ties, low, buffers);
    };
    const at = lowerBound(candidates, subject.score);
    const margin: Margin = {};
    if (tier > 0) {
      const above = candidates.slice(candidates[at] === subject.score ? at + 1 : at);
      const first = firstWhere(above, (p) => tierAt(p) < tier);
      if (first !== undefined) margin.up = steps(above[first] - subject.score);
    }
    if (tier < last) {
      const below = candidates.slice(0, at).reverse();
      const first = firstWhere(below, (p) => tierAt(p) > tier);
      if (first !== undefined) margin.down = steps(subject.score - (below[first] + 1));
    }
    margins.set(subject.index, margin);
  }
  return margins;
}

/** The first index whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
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
