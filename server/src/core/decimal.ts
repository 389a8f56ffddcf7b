import Big from 'big.js';

/**
 * Exact decimal numbers for weights, totals, shares and quota arithmetic. Floats appear only
 * when a figure is formatted for display.
 */
export type Decimal = Big;

// Quota arithmetic divides by 100 and by N; 40 places is far beyond any shown digit, and every
// comparison that decides a finding is done on exact sums and products.
Big.DP = 40;
Big.RM = Big.roundDown;

export const ZERO = new Big(0);
export const ONE = new Big(1);
export const HUNDRED = new Big(100);

/**
 * A decimal from a number or a spelling of one. A leading `+` is taken as YAML 1.2 and every
 * spreadsheet take it (`+100`, `+1e2`); big.js alone refuses it with an exception.
 */
export function decimal(value: number | string): Decimal {
  return new Big(typeof value === 'string' ? withoutPlusSign(value) : value);
}

/** `+15` → `15`, `  +0.5` → `0.5`: big.js reads no plus sign. Anything else is left as it is. */
function withoutPlusSign(spelling: string): string {
  const trimmed = spelling.trim();
  return trimmed.startsWith('+') ? trimmed.slice(1) : spelling;
}

/**
 * What the format accepts as a number (schemas/rubric.schema.json says the same): points at most
 * a thousand million, counts of subjects at most a hundred thousand, and every number exactly
 * what it spells. Beyond these a figure would be shown wrong (a float's Infinity, a count read
 * as its nearest float), so such a value is reported and treated as unknown.
 */
export const MAX_POINTS = 1_000_000_000;
export const MAX_COUNT = 100_000;

/**
 * The exact value a YAML number scalar spells (`16.4`, not the float 16.399999…); undefined for
 * NaN, infinities and a spelling whose float is not the number written (`1e-400` reads as 0,
 * `9007199254740993` as …992): the schema check reports those (see inexactNumbers).
 */
export function decimalFromSource(source: string | undefined, value: unknown): Decimal | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const written = writtenDecimal(source);
  // Hex, octal or other spellings: their float value is an integer and exact.
  if (written === undefined) return new Big(value);
  return written.eq(new Big(value)) ? written : undefined;
}

/**
 * Decimals already read, by spelling. A big rubric writes the same few weights and points
 * thousands of times, and each big.js value holds an array of its digits: one shared value per
 * spelling keeps a 10,000-indicator model megabytes smaller. Sharing is safe because nothing
 * changes a big.js value in place (every operation returns a new one). Only short spellings
 * are kept, and at most READ_LIMIT of them, so the cache stays small whatever is typed.
 */
const read = new Map<string, Decimal>();
const READ_LIMIT = 4096;
const READ_LENGTH = 12;

/** The decimal a number scalar's source spells, when it is written in decimal digits. */
export function writtenDecimal(source: string | undefined): Decimal | undefined {
  if (source === undefined) return undefined;
  const cleaned = source.trim().replace(/_/g, '');
  const known = read.get(cleaned);
  if (known) return known;
  // The exponent's length is bounded: big.js would build a string of that many digits.
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,4})?$/.test(cleaned)) return undefined;
  const value = decimal(cleaned);
  if (cleaned.length <= READ_LENGTH) {
    if (read.size >= READ_LIMIT) read.clear();
    read.set(cleaned, value);
  }
  return value;
}

/**
 * Below zero (−0 is not): the sign big.js keeps, read without building a decimal to compare with,
 * as `value.lt(0)` does (checks ask it of every score of every subject).
 */
export function isNegative(value: Decimal): boolean {
  return value.s < 0 && !(value.c.length === 1 && value.c[0] === 0);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

export function floor(value: Decimal): Decimal {
  const truncated = value.round(0, Big.roundDown as 0);
  return truncated.gt(value) ? truncated.minus(1) : truncated;
}

export function ceil(value: Decimal): Decimal {
  const truncated = value.round(0, Big.roundDown as 0);
  return truncated.lt(value) ? truncated.plus(1) : truncated;
}

/** ⌊x + ½⌋ — 四舍五入. */
export function halfUp(value: Decimal): Decimal {
  return floor(value.plus(0.5));
}

/** A compact decimal for people: no trailing zeros, at most `places` decimals. */
export function formatDecimal(value: Decimal, places = 2): string {
  const rounded = value.round(places, Big.roundHalfUp as 1);
  return rounded.toFixed() === '-0' ? '0' : rounded.toFixed();
}

export function toNumber(value: Decimal): number {
  return value.toNumber();
}

/**
 * Exact, without trailing zeros: 7.5, 33.3, 100. Never rounded: a sum off by 1e-15 rounded to ten
 * places would read "100, not 100: 0 over". A spelling too long to read (a percentage written
 * with a thousand zeros) is shown in at most 15 significant digits with an exponent; a long fraction
 * (an average of three, 35.4666…) in its first six decimals (six significant digits below 1) and
 * an ellipsis that says so.
 */
export function exactText(value: Decimal): string {
  const exact = value.toFixed();
  if (exact.length <= 40) return exact === '-0' ? '0' : exact;
  // A long fraction (a third: 35.4666…) reads as its first digits and an ellipsis, never in e-notation.
  const whole = exact.replace(/^-/, '').split('.')[0];
  if (whole.length <= 20 && readablePlaces(value) <= 30) return cutFraction(value);
  return value.toExponential(Math.min(14, value.c.length - 1));
}

/** The decimals a long fraction is read in: six, or six significant digits below 1. */
function readablePlaces(value: Decimal): number {
  return value.abs().lt(1) ? Math.max(6, 5 - Math.floor(Math.log10(value.abs().toNumber() || 1e-300))) : 6;
}

/** A long fraction as its first readable decimals and an ellipsis that says it goes on: 35.466667…, 0.249231…. */
export function cutFraction(value: Decimal): string {
  return `${value.round(readablePlaces(value), Big.roundHalfUp as 1).toFixed()}…`;
}

/** Whether a figure is a whole number. */
export function isWhole(value: Decimal): boolean {
  return floor(value).eq(value);
}
