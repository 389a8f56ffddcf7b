import { Decimal, decimal, floor, formatDecimal, HUNDRED, sum, ZERO } from '../decimal';
import { QUOTA_ROUNDING_MODES, QuotaRounding, roundSlots, RoundingMode } from './rounding';

/** A quota bound as written: `30%` or a whole count of subjects. */
export type QuotaAmount = { kind: 'percent'; percent: Decimal } | { kind: 'count'; count: number };

export type QuotaBound = 'exactly' | 'min' | 'max';
export const QUOTA_BOUNDS: readonly QuotaBound[] = ['exactly', 'min', 'max'];
/** What the schema's Chinese titles call each bound. */
export const QUOTA_BOUND_NAMES_ZH: Record<QuotaBound, string> = { exactly: '确定名额', min: '名额下限', max: '名额上限' };

export interface TierQuotaInput {
  id: string;
  name: string;
  exactly?: QuotaAmount;
  min?: QuotaAmount;
  max?: QuotaAmount;
  /** The quota's own rounding; the rubric's applies when absent. */
  rounding?: QuotaRounding;
}

/** How one bound became a slot count: `37 × 30% = 11.1 → 11 (half-up)`. */
export interface SlotWorking {
  bound: QuotaBound;
  amount: QuotaAmount;
  subjects: number;
  /** N × p / 100, exact; the count itself for a count quota. */
  raw: Decimal;
  rounding: RoundingMode | 'count';
  slots: number;
  /** What each per-quota rounding mode would give, for hovers that compare them. */
  alternatives: { rounding: QuotaRounding; slots: number }[];
}

export interface TierSlots {
  id: string;
  name: string;
  min: number;
  max: number;
  /** max / N, exact (0 when N is 0). */
  share: Decimal;
  workings: SlotWorking[];
}

export type QuotaProblem =
  | { code: 'quota-overflow'; tier?: number; needed: number; subjects: number }
  | { code: 'quota-shortfall'; placeable: number; subjects: number }
  | { code: 'quota-conflict'; tier: number; bound: QuotaBound; lower: number; upper: number }
  | { code: 'quota-empty'; tier: number; bound: QuotaBound; working: SlotWorking }
  /** `keeps`: the per-quota rounding that keeps every bound of the tier, if one does. */
  | { code: 'quota-rounding'; tier: number; bound: QuotaBound; working: SlotWorking; keeps: QuotaRounding | undefined };

export interface Allocation {
  subjects: number;
  tiers: TierSlots[];
  problems: QuotaProblem[];
}

const UNBOUNDED = Number.POSITIVE_INFINITY;

/**
 * Slots per tier for N subjects, by the contract's quota arithmetic. Tiers without `exactly`
 * share what the fixed tiers leave, each within its own bounds.
 */
export function allocate(tiers: readonly TierQuotaInput[], subjects: number, rounding: RoundingMode): Allocation {
  const n = Math.max(0, Math.floor(subjects));
  const workings = computeBoundWorkings(tiers, n, rounding);
  const problems: QuotaProblem[] = [];

  const bounds = workings.map((own) => {
    if (own.exactly) return { lower: own.exactly.slots, upper: own.exactly.slots, fixed: true };
    return { lower: own.min?.slots ?? 0, upper: own.max?.slots ?? UNBOUNDED, fixed: false };
  });

  const fixedTotal = bounds.filter((b) => b.fixed).reduce((acc, b) => acc + b.lower, 0);
  const lowerTotal = bounds.filter((b) => !b.fixed).reduce((acc, b) => acc + b.lower, 0);
  const finiteUpperTotal = bounds.filter((b) => b.upper !== UNBOUNDED).reduce((acc, b) => acc + b.upper, 0);
  const unboundedCount = bounds.filter((b) => b.upper === UNBOUNDED).length;
  const upperTotal = unboundedCount > 0 ? UNBOUNDED : finiteUpperTotal;

  if (fixedTotal + lowerTotal > n) problems.push({ code: 'quota-overflow', needed: fixedTotal + lowerTotal, subjects: n });
  else if (upperTotal < n) problems.push({ code: 'quota-shortfall', placeable: upperTotal, subjects: n });

  const slots: TierSlots[] = tiers.map((tier, index) => {
    const own = bounds[index];
    let min = own.lower;
    let max = own.upper;
    if (!own.fixed) {
      const othersLower = fixedTotal + lowerTotal - own.lower;
      // Infinity − Infinity is NaN: count the unbounded others instead of subtracting.
      const othersUnbounded = unboundedCount - (own.upper === UNBOUNDED ? 1 : 0) > 0;
      const othersUpper = finiteUpperTotal - (own.upper === UNBOUNDED ? 0 : own.upper);
      max = Math.max(0, Math.min(own.upper, n - othersLower));
      min = Math.max(own.lower, othersUnbounded ? 0 : n - othersUpper);
      // Never show fewer than the tier's own bound asks for: an overflow is reported, not hidden.
      max = Math.max(max, own.lower);
      min = Math.min(min, max);
    }
    const tierWorkings = QUOTA_BOUNDS.map((b) => workings[index][b]).filter((w): w is SlotWorking => !!w);
    return {
      id: tier.id,
      name: tier.name,
      min,
      max,
      share: n === 0 ? ZERO : decimal(max).div(n),
      workings: tierWorkings,
    };
  });

  workings.forEach((own, index) => {
    const lower = own.min?.slots;
    const upper = own.max?.slots;
    if (lower !== undefined && upper !== undefined && lower > upper) {
      problems.push({ code: 'quota-conflict', tier: index, bound: 'min', lower, upper });
    }
    // A share that rounds to no slot. For `exactly`, min-one gives it one; for a cap, min-one would
    // break the cap, so the advice there is a larger cap (the check words it).
    for (const share of [own.exactly, own.max]) {
      if (share && share.amount.kind === 'percent' && share.slots === 0 && n > 0 && share.amount.percent.gt(0)) {
        problems.push({ code: 'quota-empty', tier: index, bound: share.bound, working: share });
      }
    }
    // A bound beside `exactly` is a quota-conflict and plays no part: no rounding advice for it.
    if (own.exactly) return;
    // Contradictory bounds are a quota-conflict: rounding advice for either bound would only confuse.
    const contradictory =
      own.min &&
      own.max &&
      (own.min.slots > own.max.slots ||
        (own.min.amount.kind === 'percent' && own.max.amount.kind === 'percent' && own.min.amount.percent.gt(own.max.amount.percent)));
    if (contradictory) return;
    const capBroken = own.max && own.max.amount.kind === 'percent' && decimal(own.max.slots).gt(own.max.raw);
    const floorBroken = own.min && own.min.amount.kind === 'percent' && decimal(own.min.slots).lt(own.min.raw);
    if (!capBroken && !floorBroken) return;
    // The advice must keep every bound of the tier at once, or there is none (then a count helps).
    const keeps = QUOTA_ROUNDING_MODES.find((mode) => {
      const cap = own.max && own.max.amount.kind === 'percent' ? !decimal(roundSlots(own.max.raw, mode)).gt(own.max.raw) : true;
      const floorKept = own.min && own.min.amount.kind === 'percent' ? !decimal(roundSlots(own.min.raw, mode)).lt(own.min.raw) : true;
      return cap && floorKept;
    });
    if (capBroken && own.max) problems.push({ code: 'quota-rounding', tier: index, bound: 'max', working: own.max, keeps });
    if (floorBroken && own.min) problems.push({ code: 'quota-rounding', tier: index, bound: 'min', working: own.min, keeps });
  });

  return { subjects: n, tiers: slots, problems };
}

type BoundWorkings = Partial<Record<QuotaBound, SlotWorking>>;

function rawOf(amount: QuotaAmount, n: number): Decimal {
  return amount.kind === 'count' ? decimal(amount.count) : decimal(n).times(amount.percent).div(HUNDRED);
}

function alternativesFor(raw: Decimal): SlotWorking['alternatives'] {
  return QUOTA_ROUNDING_MODES.map((mode) => ({ rounding: mode, slots: roundSlots(raw, mode) }));
}

function working(bound: QuotaBound, amount: QuotaAmount, n: number, rounding: RoundingMode | 'count', slots: number): SlotWorking {
  const raw = rawOf(amount, n);
  return { bound, amount, subjects: n, raw, rounding, slots, alternatives: amount.kind === 'count' ? [] : alternativesFor(raw) };
}

function computeBoundWorkings(tiers: readonly TierQuotaInput[], n: number, rounding: RoundingMode): BoundWorkings[] {
  const result: BoundWorkings[] = tiers.map(() => ({}));
  const apportioned = rounding === 'largest-remainder' ? apportionLargestRemainder(tiers, n) : undefined;
  tiers.forEach((tier, index) => {
    for (const bound of QUOTA_BOUNDS) {
      const amount = tier[bound];
      if (!amount) continue;
      if (amount.kind === 'count') {
        result[index][bound] = working(bound, amount, n, 'count', amount.count);
        continue;
      }
      const raw = rawOf(amount, n);
      const mode: QuotaRounding | undefined = tier.rounding ?? (rounding === 'largest-remainder' ? undefined : rounding);
      if (mode) {
        result[index][bound] = working(bound, amount, n, mode, roundSlots(raw, mode));
      } else if (apportioned && apportioned.bound[index] === bound) {
        result[index][bound] = working(bound, amount, n, 'largest-remainder', apportioned.slots[index]);
      } else {
        // The second bound of a min-and-max tier under largest-remainder: round towards the rule.
        const keep: QuotaRounding = bound === 'max' ? 'floor' : 'ceil';
        result[index][bound] = working(bound, amount, n, keep, roundSlots(raw, keep));
      }
    }
  });
  return result;
}

/** The bound that states a tier's share under largest-remainder: exactly, else min, else max. */
function definingBound(tier: TierQuotaInput): QuotaBound | undefined {
  return QUOTA_BOUNDS.find((b) => tier[b] !== undefined);
}

/**
 * Largest-remainder apportionment over the whole rubric: every tier's exact share (tiers without
 * a quota together hold what the others leave) is floored, then the subjects left over go one
 * each to the largest fractional remainders, ties to the better (earlier) tier.
 */
export function apportionLargestRemainder(tiers: readonly TierQuotaInput[], n: number): { bound: (QuotaBound | undefined)[]; slots: number[] } {
  const bound = tiers.map((tier) => (tier.rounding ? undefined : definingBound(tier)));
  const shares: { index: number; raw: Decimal }[] = [];
  tiers.forEach((tier, index) => {
    const b = bound[index];
    const amount = b ? tier[b] : undefined;
    if (amount) shares.push({ index, raw: rawOf(amount, n) });
  });
  // Tiers with their own rounding keep their own slots: the rest is apportioned from what they leave.
  const ownSlots = tiers.reduce((acc, tier) => {
    const b = tier.rounding ? definingBound(tier) : undefined;
    const amount = b ? tier[b] : undefined;
    return amount ? acc + (amount.kind === 'count' ? amount.count : roundSlots(rawOf(amount, n), tier.rounding!)) : acc;
  }, 0);
  const available = decimal(Math.max(0, n - ownSlots));
  const taken = sum(shares.map((s) => s.raw));
  const restIndex = tiers.findIndex((tier) => !definingBound(tier));
  const total = restIndex >= 0 ? available : taken;
  if (restIndex >= 0) shares.push({ index: restIndex, raw: available.minus(taken).gt(ZERO) ? available.minus(taken) : ZERO });

  const floors = shares.map((s) => floor(s.raw));
  // Without a tier to take the rest, what the exact shares add up to is handed out, never more than
  // the tiers with their own rounding left (25% + 65% of 5 beside a min-one 10% is 4.5, but 4 are left).
  const shareTotal = floor(total.plus(0.5));
  const handedOut = restIndex >= 0 || shareTotal.gt(available) ? available : shareTotal;
  let left = handedOut.minus(sum(floors)).toNumber();
  const order = shares
    .map((s, i) => ({ i, remainder: s.raw.minus(floors[i]), index: s.index }))
    // A cap is a cap here too: a tier with a `max` never takes a subject left over.
    .filter((entry) => tiers[entry.index].max === undefined)
    .sort((a, b) => (b.remainder.cmp(a.remainder) !== 0 ? b.remainder.cmp(a.remainder) : a.index - b.index));
  const extra = new Map<number, number>();
  for (const entry of order) {
    if (left <= 0) break;
    if (entry.remainder.eq(ZERO)) break;
    extra.set(entry.i, 1);
    left--;
  }
  const slots = tiers.map(() => 0);
  shares.forEach((s, i) => {
    slots[s.index] = floors[i].toNumber() + (extra.get(i) ?? 0);
  });
  return { bound, slots };
}

/** `37 × 30% = 11.1 → 11` — the working in one line, for hovers and tables. */
export function describeWorking(w: SlotWorking): string {
  if (w.amount.kind === 'count') return `${w.slots}`;
  return `${w.subjects} × ${formatDecimal(w.amount.percent, 4)}% = ${formatDecimal(w.raw, 4)} → ${w.slots}`;
}
