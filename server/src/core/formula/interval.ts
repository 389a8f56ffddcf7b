import { Decimal, ZERO } from '../decimal';
import { ceil, floor, percentOf, quotient, roundHalfUp, tooLong } from './arithmetic';

/**
 * Closed intervals over exact decimals with infinite ends, for the range analysis. Every operation
 * gives an interval holding every value the evaluation can give for operands inside the operands'
 * intervals, rounding alike (a division's corner quotients are rounded as the evaluation rounds,
 * and rounding is monotone, so no evaluated quotient falls outside them).
 */

/** A finite end, or −∞ / +∞. */
export type End = Decimal | number;
export interface Interval {
  lo: End;
  hi: End;
}

export const EVERYTHING: Interval = { lo: -Infinity, hi: Infinity };

export function point(x: Decimal): Interval {
  return { lo: x, hi: x };
}

export function isFinite(end: End): end is Decimal {
  return typeof end !== 'number';
}

/** −1, 0 or 1 as a < b, =, >. */
export function compareEnds(a: End, b: End): number {
  if (isFinite(a) && isFinite(b)) return a.cmp(b);
  const x = isFinite(a) ? 0 : a;
  const y = isFinite(b) ? 0 : b;
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

const lower = (a: End, b: End): End => (compareEnds(a, b) <= 0 ? a : b);
const higher = (a: End, b: End): End => (compareEnds(a, b) >= 0 ? a : b);

function sign(end: End): number {
  if (isFinite(end)) return end.eq(0) ? 0 : end.s;
  return end > 0 ? 1 : -1;
}

/** An end too long to carry on with becomes the infinity on its side: wider, never wrong. */
function widened(interval: Interval): Interval {
  return {
    lo: isFinite(interval.lo) && tooLong(interval.lo) ? -Infinity : interval.lo,
    hi: isFinite(interval.hi) && tooLong(interval.hi) ? Infinity : interval.hi,
  };
}

function addEnds(a: End, b: End): End {
  if (isFinite(a) && isFinite(b)) return a.plus(b);
  // Lower ends are added to lower ends and upper to upper: −∞ + +∞ never happens.
  return isFinite(a) ? b : a;
}

function negateEnd(a: End): End {
  return isFinite(a) ? a.neg() : -a;
}

export function add(a: Interval, b: Interval): Interval {
  return widened({ lo: addEnds(a.lo, b.lo), hi: addEnds(a.hi, b.hi) });
}

export function negate(a: Interval): Interval {
  return { lo: negateEnd(a.hi), hi: negateEnd(a.lo) };
}

export function subtract(a: Interval, b: Interval): Interval {
  return add(a, negate(b));
}

/** 0 × ∞ is 0 at an end: an interval [0, 0] times anything holds only 0. */
function multiplyEnds(a: End, b: End): End {
  if (isFinite(a) && isFinite(b)) return a.times(b);
  const s = sign(a) * sign(b);
  return s === 0 ? ZERO : s * Infinity;
}

function corners(a: Interval, b: Interval, combine: (x: End, y: End) => End): Interval {
  const values = [combine(a.lo, b.lo), combine(a.lo, b.hi), combine(a.hi, b.lo), combine(a.hi, b.hi)];
  return widened({ lo: values.reduce(lower), hi: values.reduce(higher) });
}

export function multiply(a: Interval, b: Interval): Interval {
  return corners(a, b, multiplyEnds);
}

/** Whether 0 lies in the interval. */
export function holdsZero(a: Interval): boolean {
  return compareEnds(a.lo, ZERO) <= 0 && compareEnds(a.hi, ZERO) >= 0;
}

/**
 * a ÷ b over the divisors other than 0 (a division by 0 has no value, and is reported apart).
 * A divisor on one side of 0 with 0 at an end is divided as if that end were the smallest number
 * on its side: a finite dividend over it is unbounded by its sign. A divisor holding 0 inside, or
 * only 0, leaves the quotient unbounded.
 */
export function divide(a: Interval, b: Interval): Interval {
  const loSign = sign(b.lo);
  const hiSign = sign(b.hi);
  if ((loSign < 0 && hiSign > 0) || (loSign === 0 && hiSign === 0)) return EVERYTHING;
  const side = loSign > 0 || hiSign > 0 ? 1 : -1;
  return corners(a, b, (x, y) => divideEnds(x, y, side));
}

function divideEnds(x: End, y: End, side: number): End {
  if (sign(y) === 0) {
    // y is 0 approached from `side`.
    const s = sign(x) * side;
    return s === 0 ? ZERO : s * Infinity;
  }
  if (isFinite(x) && isFinite(y)) return quotient(x, y);
  if (!isFinite(y)) {
    // A finite dividend over an infinite divisor tends to 0; ∞ ÷ ∞ is never an extreme of its own
    // (the divisor's finite end over the same dividend end is ±∞ already), so 0 stands for it.
    return ZERO;
  }
  return sign(x) * sign(y) * Infinity;
}

export function percent(a: Interval): Interval {
  return { lo: isFinite(a.lo) ? percentOf(a.lo) : a.lo, hi: isFinite(a.hi) ? percentOf(a.hi) : a.hi };
}

/** A function that never lowers as its argument grows, applied to both ends. */
export function monotone(a: Interval, f: (x: Decimal) => Decimal): Interval {
  return { lo: isFinite(a.lo) ? f(a.lo) : a.lo, hi: isFinite(a.hi) ? f(a.hi) : a.hi };
}

export const floorOf = (a: Interval): Interval => monotone(a, floor);
export const ceilOf = (a: Interval): Interval => monotone(a, ceil);
export const roundOf = (a: Interval, places: number): Interval => monotone(a, (x) => roundHalfUp(x, places));

export function absolute(a: Interval): Interval {
  if (compareEnds(a.lo, ZERO) >= 0) return a;
  if (compareEnds(a.hi, ZERO) <= 0) return negate(a);
  return { lo: ZERO, hi: higher(negateEnd(a.lo), a.hi) };
}

export function least(a: Interval, b: Interval): Interval {
  return { lo: lower(a.lo, b.lo), hi: lower(a.hi, b.hi) };
}

export function most(a: Interval, b: Interval): Interval {
  return { lo: higher(a.lo, b.lo), hi: higher(a.hi, b.hi) };
}

export function union(a: Interval, b: Interval): Interval {
  return { lo: lower(a.lo, b.lo), hi: higher(a.hi, b.hi) };
}
