import { Decimal } from '../decimal';
import { TiesMode } from './types';

/** A subject with a known total, as the tier assignment of its group sees it. */
export interface Contender {
  /** Its entry's index in `scores:` (file order, the last tie-breaker). */
  index: number;
  total: Decimal;
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
  minScore: Decimal | undefined;
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
  const byTotal = b.total.cmp(a.total);
  if (byTotal !== 0) return byTotal;
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
  if (!a.total.eq(b.total)) return false;
  if (ties !== 'break') return true;
  for (let i = 0; i < Math.max(a.tieBreak.length, b.tieBreak.length); i++) if (compareOptional(a.tieBreak[i], b.tieBreak[i]) !== 0) return false;
  return true;
}

/** What the tiers below `tier` keep for themselves: their `exactly` and `min` slots not yet taken by vetoes. */
function reservedBelow(rules: readonly TierRule[], tier: number, forced: readonly number[]): number {
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
  const tier = new Map<number, number>();
  const found: BoundaryTie[] = [];
  if (rules.length === 0) return { tier, ties: found };
  const last = rules.length - 1;
  const forced = rules.map(() => 0);
  for (const c of ordered) {
    if (c.forcedTier !== undefined && c.forcedTier <= last) {
      tier.set(c.index, c.forcedTier);
      forced[c.forcedTier]++;
    }
  }
  let remaining = ordered.filter((c) => !tier.has(c.index));
  let passed = 0;
  for (let t = 0; t < last && remaining.length > 0; t++) {
    const rule = rules[t];
    const eligible = remaining.filter((c) => !c.barred.has(t) && (rule.minScore === undefined || c.total.gte(rule.minScore)));
    const room = Math.max(0, remaining.length - reservedBelow(rules, t, forced));
    let take: number;
    switch (rule.kind) {
      case 'exactly': {
        const slots = Math.max(0, rule.slots + passed - forced[t]);
        take = Math.min(slots, eligible.length);
        passed = slots - take;
        break;
      }
      case 'min': {
        const slots = Math.max(0, rule.slots + passed - forced[t]);
        const floor = Math.min(slots, eligible.length);
        passed = slots - floor;
        const cap = rule.cap === undefined ? eligible.length : Math.max(0, rule.cap - forced[t]);
        // Beyond its slots, everyone else reaching its min_score, as far as its cap and the tiers below allow.
        take = rule.minScore === undefined ? floor : Math.max(floor, Math.min(eligible.length, cap, room));
        break;
      }
      case 'max':
        // A cap is never raised: a slot passed down goes on to the tier after.
        take = Math.min(eligible.length, Math.max(0, rule.slots - forced[t]), room);
        break;
      default:
        take = Math.min(eligible.length, room);
        passed = 0;
    }
    if (take > 0 && take < eligible.length && tiedWith(eligible[take - 1], eligible[take], ties)) {
      let first = take - 1;
      while (first > 0 && tiedWith(eligible[first - 1], eligible[take - 1], ties)) first--;
      let end = take;
      while (end < eligible.length && tiedWith(eligible[end], eligible[take - 1], ties)) end++;
      if (ties === 'share') take = end;
      found.push({
        tier: t,
        members: eligible.slice(first, end).map((c) => c.index),
        taken: eligible.slice(first, take).map((c) => c.index),
        mode: ties,
        slots: rule.kind === 'open' ? room : rule.slots,
      });
    }
    const taken = new Set(eligible.slice(0, take).map((c) => c.index));
    for (const index of taken) tier.set(index, t);
    remaining = remaining.filter((c) => !taken.has(c.index));
  }
  for (const c of remaining) tier.set(c.index, last);
  return { tier, ties: found };
}
