/**
 * The quota arithmetic written again from the contract alone (../shared/rubric-format.md, "Quota
 * arithmetic"), in exact rationals, sharing no code with the core. The property tests hold the
 * core to this file; a reviewer checks this file against the contract.
 *
 * Readings where the contract is silent are marked READING; the report lists them.
 */

import { add, cmpQ as cmp, mul, q, Q, sub } from './rational';

export { q, Q };
/** ⌊a⌋ (BigInt division truncates towards zero, so negatives need care). */
const floorQ = (a: Q): number => Number(a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));
const ceilQ = (a: Q): number => -floorQ(q(-a.n, a.d)) || 0; // never -0
const HALF = q(1, 2);

/** "12.5" or "12.5%" → 25/2. */
export function parseDecimal(text: string): Q {
  const [whole, fraction = ''] = text.replace('%', '').trim().split('.');
  return q(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

// ---------------------------------------------------------------------------------------------
// Input and output

export type Rounding = 'half-up' | 'floor' | 'ceil' | 'min-one' | 'largest-remainder';
export type OwnRounding = Exclude<Rounding, 'largest-remainder'>;
export type Amount = { percent: string } | { count: number };
export type Bound = 'exactly' | 'min' | 'max';
export interface OracleTier {
  exactly?: Amount;
  min?: Amount;
  max?: Amount;
  /** The quota's own rounding (the schema allows no `largest-remainder` here). */
  rounding?: OwnRounding;
}
export type OracleCode = 'quota-overflow' | 'quota-shortfall' | 'quota-conflict' | 'quota-empty' | 'quota-rounding';
export interface OracleFinding {
  code: OracleCode;
  /** Index of the tier concerned; absent when the finding concerns the tiers together. */
  tier?: number;
  bound?: Bound;
  /** quota-rounding: the rounding that keeps the stated share. */
  keeps?: OwnRounding;
}
export interface OracleResult {
  /** Per tier, the slots: min = max when fixed. */
  slots: { min: number; max: number }[];
  findings: OracleFinding[];
}

// ---------------------------------------------------------------------------------------------
// The contract's roundings: R(raw) for one quota.

export function round(raw: Q, rounding: OwnRounding): number {
  switch (rounding) {
    case 'half-up':
      return floorQ(add(raw, HALF)); // ⌊raw + ½⌋
    case 'floor':
      return floorQ(raw);
    case 'ceil':
      return ceilQ(raw);
    case 'min-one':
      return Math.max(floorQ(add(raw, HALF)), cmp(raw, q(0)) > 0 ? 1 : 0); // never 0 when raw > 0
  }
}

const isCount = (a: Amount): a is { count: number } => 'count' in a;
/** raw = N × p / 100 for a percentage; a count is that count. */
const rawOf = (a: Amount, n: number): Q => (isCount(a) ? q(a.count) : mul(q(n), mul(parseDecimal(a.percent), q(1, 100))));

// ---------------------------------------------------------------------------------------------

export function oracle(tiers: readonly OracleTier[], n: number, rubricRounding: Rounding): OracleResult {
  const findings: OracleFinding[] = [];
  const lr = rubricRounding === 'largest-remainder';

  // Slots of one bound, rounded by its own rounding or the rubric's. Under largest-remainder a tier's
  // defining bound (exactly, else min, else max) comes from the apportionment below; READING: the
  // other bound of a min-and-max tier is floored there, a cap never rounded above it.
  const apportioned = lr ? apportion(tiers, n) : [];
  const boundSlots = (i: number, bound: Bound): number => {
    const tier = tiers[i];
    const amount = tier[bound]!;
    if (isCount(amount)) return amount.count;
    if (tier.rounding || !lr) return round(rawOf(amount, n), tier.rounding ?? (rubricRounding as OwnRounding));
    return definingBound(tier) === bound ? apportioned[i] : round(rawOf(amount, n), 'floor');
  };

  // Fixed slots of every `exactly` tier.
  const fixed: (number | undefined)[] = tiers.map((t, i) => (t.exactly ? boundSlots(i, 'exactly') : undefined));

  // Each tier's own bounds; `exactly` fixes both (a min or max beside it is a conflict, not a bound).
  const own = tiers.map((t, i) =>
    fixed[i] !== undefined ? { lo: fixed[i]!, hi: fixed[i]! } : { lo: t.min ? boundSlots(i, 'min') : 0, hi: t.max ? boundSlots(i, 'max') : Infinity },
  );
  // READING: a tier's range is what is true given the others' bounds: at most N minus what the others
  // must take, at least N minus what the others may take (so the tier left over by fixed tiers is a
  // single number, the contract's 良好 5). Where the rules contradict themselves the range stays within
  // the tier's own bounds: never below its own min (overflow), never above its own cap (shortfall).
  const sumLo = own.reduce((s, b) => s + b.lo, 0);
  const sumHi = own.reduce((s, b) => s + b.hi, 0);
  const othersHi = (i: number) => own.reduce((s, b, j) => (j === i ? s : s + b.hi), 0); // Infinity − Infinity would be NaN
  const slots = own.map((b, i) => {
    if (fixed[i] !== undefined) return { min: b.lo, max: b.hi };
    const max = Math.max(b.lo, Math.min(b.hi, n - (sumLo - b.lo)));
    return { min: Math.min(max, Math.max(b.lo, n - othersHi(i))), max };
  });

  // quota-conflict: exactly beside min or max; min above max (percentages compared as written, counts
  // as counts, a count against a percentage by their slots for N).
  const conflicting = new Set<number>();
  tiers.forEach((t, i) => {
    if (t.exactly) {
      if (t.min) findings.push({ code: 'quota-conflict', tier: i, bound: 'min' });
      if (t.max) findings.push({ code: 'quota-conflict', tier: i, bound: 'max' });
    } else if (t.min && t.max) {
      const above =
        isCount(t.min) === isCount(t.max)
          ? cmp(isCount(t.min) ? q(t.min.count) : parseDecimal(t.min.percent), isCount(t.max) ? q(t.max.count) : parseDecimal(t.max.percent)) > 0
          : boundSlots(i, 'min') > boundSlots(i, 'max');
      if (above) findings.push({ code: 'quota-conflict', tier: i, bound: 'min' });
      if (above) conflicting.add(i);
    }
  });

  // quota-overflow: (a) a count above N, any bound; (b) exactly and min percentages above 100%, at the
  // bound that takes the running sum over; (c) otherwise, fixed and lower-bound slots above N.
  // READING: (c) is not reported again when (a) or (b) already said so (one cause, one finding).
  let overflowed = false;
  tiers.forEach((t, i) =>
    (['exactly', 'min', 'max'] as const).forEach((bound) => {
      const amount = t[bound];
      if (amount && isCount(amount) && amount.count > n) {
        findings.push({ code: 'quota-overflow', tier: i, bound });
        overflowed = true;
      }
    }),
  );
  let percentSum = q(0);
  tiers.forEach((t, i) => {
    const bound = t.exactly ? 'exactly' : t.min ? 'min' : undefined;
    const amount = bound && t[bound];
    if (!bound || !amount || isCount(amount)) return;
    const before = percentSum;
    percentSum = add(percentSum, parseDecimal(amount.percent));
    if (cmp(before, q(100)) <= 0 && cmp(percentSum, q(100)) > 0) {
      findings.push({ code: 'quota-overflow', tier: i, bound });
      overflowed = true;
    }
  });
  if (!overflowed && sumLo > n) findings.push({ code: 'quota-overflow' });

  // quota-shortfall: every tier has an upper bound and together they cannot place all N. READING: not
  // when the lower bounds already need more than N: the bounds contradict each other, and the overflow
  // (or the conflict) says so.
  if (sumHi < n && sumLo <= n) findings.push({ code: 'quota-shortfall' });

  // quota-empty: an `exactly` or `max` percentage with a positive raw share that gives 0 slots.
  // quota-rounding: a `max` rounded above its raw cap (floor keeps it), a `min` below its raw floor
  // (ceil keeps it). `exactly` fixes the slots as rounded: no rounding warning. READING: nor on a tier
  // whose min is above its max: that is a quota-conflict, and rounding advice for it would only confuse.
  tiers.forEach((t, i) => {
    const exact = t.exactly && !isCount(t.exactly) ? t.exactly : undefined;
    if (exact && cmp(rawOf(exact, n), q(0)) > 0 && fixed[i] === 0) findings.push({ code: 'quota-empty', tier: i, bound: 'exactly' });
    if (t.exactly) return;
    const rounding = !conflicting.has(i);
    if (t.max && !isCount(t.max)) {
      const raw = rawOf(t.max, n);
      const slotsMax = boundSlots(i, 'max');
      if (cmp(raw, q(0)) > 0 && slotsMax === 0) findings.push({ code: 'quota-empty', tier: i, bound: 'max' });
      if (rounding && cmp(q(slotsMax), raw) > 0) findings.push({ code: 'quota-rounding', tier: i, bound: 'max', keeps: 'floor' });
    }
    if (rounding && t.min && !isCount(t.min) && cmp(q(boundSlots(i, 'min')), rawOf(t.min, n)) < 0)
      findings.push({ code: 'quota-rounding', tier: i, bound: 'min', keeps: 'ceil' });
  });

  return { slots, findings };
}

const definingBound = (t: OracleTier): Bound | undefined => (t.exactly ? 'exactly' : t.min ? 'min' : t.max ? 'max' : undefined);

/**
 * Largest remainder (rubric-wide), the slots of each tier's defining bound. A tier with its own
 * rounding takes its own-rounded slots first; the rest M of N is apportioned among the other tiers
 * with a quota, each with its exact share N × p / 100 (a count: that count), and the first tier
 * without a quota, whose share is what the others leave of M (never below 0; READING: several tiers
 * without a quota are one participant, at the first one's place for ties). Each share is floored, then
 * the subjects left over go one each to the largest positive remainders, ties to the better tier,
 * never to a tier with a `max` (a cap is never rounded above it; READING: nor a min beside it).
 *
 * READING: the subjects handed out are M when a tier without a quota takes what is left; otherwise
 * what the exact shares add up to, rounded half-up, and never more than M (30% alone of 7 is
 * 2.1 → 2; 25% and 65% of 5 beside a min-one 10% are 1.25 + 3.25 = 4.5, but only 4 are left).
 */
function apportion(tiers: readonly OracleTier[], n: number): number[] {
  const slots = tiers.map(() => 0);
  let rest = n;
  const participants: { index: number; share: Q; capped: boolean }[] = [];
  tiers.forEach((t, i) => {
    const bound = definingBound(t);
    if (!bound) return;
    if (t.rounding) rest -= isCount(t[bound]!) ? (t[bound] as { count: number }).count : round(rawOf(t[bound]!, n), t.rounding);
    else participants.push({ index: i, share: rawOf(t[bound]!, n), capped: t.max !== undefined });
  });
  const total = participants.reduce((s, p) => add(s, p.share), q(0));
  const restIndex = tiers.findIndex((t) => !definingBound(t));
  if (restIndex >= 0) {
    const restShare = sub(q(rest), total);
    participants.push({ index: restIndex, share: cmp(restShare, q(0)) < 0 ? q(0) : restShare, capped: false });
  }
  const house = restIndex >= 0 ? rest : Math.min(rest, round(total, 'half-up'));
  let left = house;
  for (const p of participants) {
    slots[p.index] = floorQ(p.share);
    left -= slots[p.index];
  }
  const byRemainder = participants
    .map((p) => ({ ...p, remainder: sub(p.share, q(floorQ(p.share))) }))
    .filter((p) => !p.capped && cmp(p.remainder, q(0)) > 0)
    .sort((a, b) => cmp(b.remainder, a.remainder) || a.index - b.index);
  for (const p of byRemainder.slice(0, Math.max(0, left))) slots[p.index]++;
  return slots;
}
