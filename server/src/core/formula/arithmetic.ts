import Big from 'big.js';
import { ceil, Decimal, floor } from '../decimal';
import { FORMULA_LIMITS } from './syntax';

/**
 * The formula language's arithmetic on exact decimals, shared by the evaluation and the interval
 * analysis so that both round alike.
 */

/**
 * a ÷ b kept to 20 decimal places, half-up (away from zero at exactly half). decimal.ts divides to
 * 40 places rounded down; rounding that half-up at 20 is the exact quotient's half-up rounding, since
 * the 21st digit and whether anything follows it survive the first cut. b must not be 0.
 */
export function quotient(a: Decimal, b: Decimal): Decimal {
  return a.div(b).round(FORMULA_LIMITS.places, Big.roundHalfUp as 1);
}

const HUNDREDTH = new Big('0.01');

/** x% = x ÷ 100, exact whatever the places of x (a product, unlike a division, is never cut). */
export function percentOf(x: Decimal): Decimal {
  return x.times(HUNDREDTH);
}

/** 四舍五入 to `places` decimals: half away from zero, as spreadsheets' ROUND. */
export function roundHalfUp(x: Decimal, places: number): Decimal {
  return x.round(places, Big.roundHalfUp as 1);
}

export { ceil, floor };

/** The result of a formula, kept to the places a division keeps. */
export function kept(x: Decimal): Decimal {
  return roundHalfUp(x, FORMULA_LIMITS.places);
}

/**
 * Whether a figure is too long to carry on with: exact products of long decimals grow without end,
 * and a 4,000-character formula of them would otherwise take minutes.
 */
export function tooLong(x: Decimal): boolean {
  return x.c.length > FORMULA_LIMITS.digits || Math.abs(x.e) > FORMULA_LIMITS.digits;
}
