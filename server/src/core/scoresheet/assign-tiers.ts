import { Decimal } from '../decimal';
import { TiesMode } from './types';

/** A subject with a known total, as the tier assignment of its group sees it. */
export interface Contender {
  /** Its entry's index in `scores:` (file order, the last tie-breaker). */
  index: number;
  /**
   * The total in steps of the rubric's precision (93.45 at 2 decimals is 9345): totals are rounded
   * to that precision and bounded far below 2^53 (points at most 10^9, precision at most 6), so
   * this whole number is exact, and the comparisons made many times over (sorting, filling the
   * tiers, margins) are on numbers rather than decimals.
   */
  score: number;
  /** The `tie-break` indicators' points, in order (used with `ties: break`). */
  tieBreak: (Decimal | undefined)[];
  forcedTier: number | undefined;
  barred: ReadonlySet<number>;
}

/**
 * One tier's rule for a group: `exactly` its slots, `max` at most its cap, `min` at least its
 * slots (and, with a `min_score`, everyone else reaching it, up to `cap` when it has a max too),
 * `open` (no quota) what the tiers below it do not reserve.
 */
export interface TierRule {
  kind: 'exactly' | 'max' | 'min' | 'open';
  slots: number;
  cap?: number;
  /** The least score (in steps of precision, as `Contender.score`) that reaches the tier's `min_score`. */
  minScore: number | undefined;
}

/** Equal subjects across the boundary of `tier`: `taken` went in, the other members did not (unless shared). */
export interface BoundaryTie {
  tier: number;
  members: number[];
  taken: number[];
  mode: TiesMode;
  /** The tier's slots for this group, as the rule gave them. */
  slots: number;
}

export interface TierAssignment {
  tier: Map<number, number>;
  ties: BoundaryTie[];
}

function compareOptional(a: Decimal | undefined, b: Decimal | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return b.cmp(a);
}

/** Better first: the higher total; with `break` the tie-break indicators in order; then file order. */
export function compareContenders(a: Contender, b: Contender, ties: TiesMode): number {
  if (a.score !== b.score) return b.score - a.score;
  if (ties === 'break') {
    for (let i = 0; i < Math.max(a.tieBreak.length, b.tieBreak.length); i++) {
      const byIndicator = compareOptional(a.tieBreak[i], b.tieBreak[i]);
      if (byIndicator !== 0) return byIndicator;
    }
  }
  return a.index - b.index;
}

/** Equal as far as the ranking can tell (file order aside). */
export function tiedWith(a: Contender, b: Contender, ties: TiesMode): boolean {
  if (a.score !== b.score) return false;
  if (ties !== 'break') return true;
  for (let i = 0; i < Math.max(a.tieBreak.length, b.tieBreak.length); i++) if (compareOptional(a.tieBreak[i], b.tieBreak[i]) !== 0) return false;
  return true;
}

/** What the tiers below `tier` keep for themselves: their `exactly` and `min` slots not yet taken by vetoes. */
export function reservedBelow(rules: readonly TierRule[], tier: number, forced: readonly number[]): number {
  let reserved = 0;
  for (let below = tier + 1; below < rules.length; below++) {
    const rule = rules[below];
    if (rule.kind === 'exactly' || rule.kind === 'min') reserved += Math.max(0, rule.slots - forced[below]);
  }
  return reserved;
}

/**
 * The contract's tier assignment for one group, `ordered` best first (compareContenders):
 * vetoed subjects take their forced tier (and one of its slots); then, best tier first, a tier
 * takes the highest-ranked subjects left that reach its `min_score` and are not barred from it,
 * as many as its rule allows; a slot no one can fill passes to the next tier; the last tier
 * takes whoever is left.
 */
export function assignTiers(ordered: readonly Contender[], rules: readonly TierRule[], ties: TiesMode): TierAssignment {
  const { placed, ties: found } = placeTiers(ordered, rules, ties);
  return { tier: tiersByIndex(ordered, placed), ties: found };
}

/** The tier assignment (see assignTiers) as one tier per place of `ordered`: what a ranking reads, with no map made. */
export function placeTiers(ordered: readonly Contender[], rules: readonly TierRule[], ties: TiesMode): { placed: Int32Array; ties: BoundaryTie[] } {
  const found: BoundaryTie[] = [];
  if (rules.length === 0) return { placed: new Int32Array(0), ties: found };
  const placed = new Int32Array(ordered.length);
  place(ordered, rules, ties, placed, found);
  return { placed, ties: found };
}

/** Tiers by place, as tiers by entry index. */
export function tiersByIndex(ordered: readonly Contender[], placed: Int32Array): Map<number, number> {
  const tier = new Map<number, number>();
  for (let position = 0; position < placed.length; position++) tier.set(ordered[position].index, placed[position]);
  return tier;
}

/** Fills `placed` (one tier per position) and `found` (the ties across a tier's boundary). */
function place(ordered: readonly Contender[], rules: readonly TierRule[], ties: TiesMode, placed: Int32Array, found: BoundaryTie[]): void {
  const last = rules.length - 1;
  const n = ordered.length;
  placed.fill(-1, 0, n);
  const forced = rules.map(() => 0);
  let left = n;
  for (let position = 0; position < n; position++) {
    const c = ordered[position];
    if (c.forcedTier !== undefined && c.forcedTier <= last) {
      placed[position] = c.forcedTier;
      forced[c.forcedTier]++;
      left--;
    }
  }
  let passed = 0;
  const eligible: number[] = [];
  for (let t = 0; t < last && left > 0; t++) {
    const rule = rules[t];
    eligible.length = 0;
    for (let position = 0; position < n; position++) {
      const c = ordered[position];
      if (placed[position] < 0 && (c.barred.size === 0 || !c.barred.has(t)) && (rule.minScore === undefined || c.score >= rule.minScore)) {
        eligible.push(position);
      }
    }
    const room = Math.max(0, left - reservedBelow(rules, t, forced));
    let take: number;
    ({ take, passed } = tierTake(rule, eligible.length, room, forced[t], passed));
    const at = (i: number) => ordered[eligible[i]];
    if (take > 0 && take < eligible.length && tiedWith(at(take - 1), at(take), ties)) {
      let first = take - 1;
      while (first > 0 && tiedWith(at(first - 1), at(take - 1), ties)) first--;
      let end = take;
      while (end < eligible.length && tiedWith(at(end), at(take - 1), ties)) end++;
      if (ties === 'share') take = end;
      found.push({
        tier: t,
        members: eligible.slice(first, end).map((p) => ordered[p].index),
        taken: eligible.slice(first, take).map((p) => ordered[p].index),
        mode: ties,
        slots: rule.kind === 'open' ? room : rule.slots,
      });
    }
    for (let i = 0; i < take; i++) placed[eligible[i]] = t;
    left -= take;
  }
  for (let position = 0; position < n; position++) if (placed[position] < 0) placed[position] = last;
}

/**
 * How many of the `eligible` subjects left a tier's rule takes, best first, before ties are
 * looked at; and the slots it passes to the next tier. `room`: the subjects left less what the
 * tiers below keep; `forced`: the vetoed subjects forced into this tier; `passed`: the slots the
 * tier above could not fill.
 */
export function tierTake(rule: TierRule, eligible: number, room: number, forced: number, passed: number): { take: number; passed: number } {
  switch (rule.kind) {
    case 'exactly': {
      const slots = Math.max(0, rule.slots + passed - forced);
      const take = Math.min(slots, eligible);
      return { take, passed: slots - take };
    }
    case 'min': {
      const slots = Math.max(0, rule.slots + passed - forced);
      const floor = Math.min(slots, eligible);
      const cap = rule.cap === undefined ? eligible : Math.max(0, rule.cap - forced);
      // Beyond its slots, everyone else reaching its min_score, as far as its cap and the tiers below allow.
      return { take: rule.minScore === undefined ? floor : Math.max(floor, Math.min(eligible, cap, room)), passed: slots - floor };
    }
    case 'max':
      // A cap is never raised: a slot passed down goes on to the tier after.
      return { take: Math.min(eligible, Math.max(0, rule.slots - forced), room), passed };
    default:
      return { take: Math.min(eligible, room), passed: 0 };
  }
}
