/**
 * The formula language written again from the contract alone (../shared/rubric-format.md, "Points
 * from measurements": exact decimals, a division kept to 20 places half-up, `if` on a condition),
 * in exact rationals, sharing no code with the core. A property test builds a tree here, prints
 * it in one of the spellings schemes use, and holds the core's reading and working of the text to
 * this file's working of the tree.
 *
 * READING where the contract is silent: half-up is away from zero for negatives (as spreadsheets'
 * ROUND); clamp(x, lo, hi) is min(max(x, lo), hi); x% is x ÷ 100; the result is kept to 20 places.
 */

import { add, cmpQ, div, mul, neg, q, Q, sub } from './rational';

export { cmpQ, q, Q };
const absQ = (a: Q) => (a.n < 0n ? neg(a) : a);
const floorQ = (a: Q): Q => q(a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));
const ceilQ = (a: Q): Q => neg(floorQ(neg(a)));

/** a rounded to `places` decimals, half away from zero. */
export function roundQ(a: Q, places: number): Q {
  const scale = 10n ** BigInt(places);
  const magnitude = (2n * absQ(a).n * scale + a.d) / (2n * a.d);
  return q(a.n < 0n ? -magnitude : magnitude, scale);
}

/** "12.5", "-0.25", "1e2" → the rational it spells. */
export function parseQ(spelling: string): Q {
  const [mantissa, exponent = '0'] = spelling.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace(/^[-+]/, '').split('.');
  const digits = q(BigInt((whole || '0') + fraction), 10n ** BigInt(fraction.length));
  const e = Number(exponent);
  const scaled = e >= 0 ? mul(digits, q(10n ** BigInt(e))) : div(digits, q(10n ** BigInt(-e)));
  return negative ? neg(scaled) : scaled;
}

// ---------------------------------------------------------------------------------------------
// Trees

export type Aggregate = 'best' | 'worst' | 'mean';
export type Tree =
  | { k: 'num'; text: string }
  | { k: 'name'; id: string }
  | { k: 'weight' }
  | { k: 'agg'; fn: Aggregate; id: string }
  | { k: 'neg'; x: Tree }
  | { k: 'pct'; x: Tree }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Tree; b: Tree }
  | { k: 'fn'; fn: 'min' | 'max' | 'abs' | 'floor' | 'ceil' | 'clamp'; args: Tree[] }
  | { k: 'round'; x: Tree; places?: number }
  | { k: 'if'; c: Cond; a: Tree; b: Tree };
export type Cond = { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '=' | '!='; a: Tree; b: Tree } | { k: 'and' | 'or'; a: Cond; b: Cond } | { k: 'not'; c: Cond };

export interface Figures {
  weight: Q;
  values: ReadonlyMap<string, Q>;
  aggregates: ReadonlyMap<string, Q>; // key `${fn}(${id})`
}

const PLACES = 20;

/** The tree's value, or undefined where it divides by zero. */
export function work(tree: Tree, f: Figures): Q | undefined {
  const value = number(tree, f);
  return value && roundQ(value, PLACES);
}

function number(t: Tree, f: Figures): Q | undefined {
  switch (t.k) {
    case 'num':
      return t.text.endsWith('%') ? div(parseQ(t.text.slice(0, -1)), q(100)) : parseQ(t.text);
    case 'name':
      return f.values.get(t.id);
    case 'weight':
      return f.weight;
    case 'agg':
      return f.aggregates.get(`${t.fn}(${t.id})`);
    case 'neg': {
      const x = number(t.x, f);
      return x && neg(x);
    }
    case 'pct': {
      const x = number(t.x, f);
      return x && div(x, q(100));
    }
    case 'bin': {
      const a = number(t.a, f);
      const b = number(t.b, f);
      if (!a || !b) return undefined;
      if (t.op === '+') return add(a, b);
      if (t.op === '-') return sub(a, b);
      if (t.op === '*') return mul(a, b);
      return b.n === 0n ? undefined : roundQ(div(a, b), PLACES);
    }
    case 'fn': {
      const args = t.args.map((x) => number(x, f));
      if (args.some((x) => !x)) return undefined;
      const xs = args as Q[];
      switch (t.fn) {
        case 'min':
          return xs.reduce((a, b) => (cmpQ(b, a) < 0 ? b : a));
        case 'max':
          return xs.reduce((a, b) => (cmpQ(b, a) > 0 ? b : a));
        case 'abs':
          return absQ(xs[0]);
        case 'floor':
          return floorQ(xs[0]);
        case 'ceil':
          return ceilQ(xs[0]);
        case 'clamp': {
          const raised = cmpQ(xs[0], xs[1]) < 0 ? xs[1] : xs[0];
          return cmpQ(raised, xs[2]) > 0 ? xs[2] : raised;
        }
      }
      return undefined;
    }
    case 'round': {
      const x = number(t.x, f);
      return x && roundQ(x, t.places ?? 0);
    }
    case 'if': {
      const c = holds(t.c, f);
      if (c === undefined) return undefined;
      return number(c ? t.a : t.b, f);
    }
  }
}

function holds(c: Cond, f: Figures): boolean | undefined {
  switch (c.k) {
    case 'not': {
      const x = holds(c.c, f);
      return x === undefined ? undefined : !x;
    }
    case 'and': {
      const a = holds(c.a, f);
      return a === false || a === undefined ? a : holds(c.b, f);
    }
    case 'or': {
      const a = holds(c.a, f);
      return a === true || a === undefined ? a : holds(c.b, f);
    }
    case 'cmp': {
      const a = number(c.a, f);
      const b = number(c.b, f);
      if (!a || !b) return undefined;
      const o = cmpQ(a, b);
      return { '<': o < 0, '<=': o <= 0, '>': o > 0, '>=': o >= 0, '=': o === 0, '!=': o !== 0 }[c.op];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Printing, in the spellings people type: `seed` picks among them, the same seed the same text.

const SPELLINGS: Record<string, readonly string[]> = {
  '+': ['+', '＋'],
  '-': ['-', '−', '－'],
  '*': ['*', '×', '＊'],
  '/': ['/', '÷', '／'],
  '<': ['<', '＜'],
  '<=': ['<=', '≤'],
  '>': ['>', '＞'],
  '>=': ['>=', '≥'],
  '=': ['=', '==', '＝'],
  '!=': ['!=', '≠', '<>'],
  '(': ['(', '（'],
  ')': [')', '）'],
  ',': [',', '，'],
  ' ': [' ', '', '  ', '\u3000'],
};

export function print(root: Tree, seed: number): string {
  let state = seed >>> 0 || 1;
  const pick = (symbol: string): string => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const choices = SPELLINGS[symbol];
    return choices[(state >>> 8) % choices.length];
  };
  const s = () => pick(' ');
  const paren = (inner: string) => `${pick('(')}${s()}${inner}${s()}${pick(')')}`;
  const call = (name: string, args: string[]) => `${name}${pick('(')}${args.join(`${pick(',')}${s()}`)}${pick(')')}`;
  // Binding: sums 1, products 2, signs 3, % 4, atoms 5.
  const level = (t: Tree): number =>
    t.k === 'bin' ? (t.op === '+' || t.op === '-' ? 1 : 2) : t.k === 'neg' ? 3 : t.k === 'pct' || (t.k === 'num' && t.text.endsWith('%')) ? 4 : 5;
  const operand = (t: Tree, least: number) => (level(t) >= least ? tree(t) : paren(tree(t)));
  const tree = (t: Tree): string => {
    switch (t.k) {
      case 'num':
        return t.text;
      case 'name':
        return t.id;
      case 'weight':
        return 'weight';
      case 'agg':
        return call(t.fn, [t.id]);
      case 'neg':
        return `${pick('-')}${operand(t.x, 4)}`;
      case 'pct':
        return `${operand(t.x, 5)}%`;
      case 'bin': {
        const own = level(t);
        // The right operand binds tighter than its operator: a − (b − c), a ÷ (b × c).
        return `${operand(t.a, own)}${s()}${pick(t.op)}${s()}${operand(t.b, own + 1)}`;
      }
      case 'fn':
        return call(t.fn, t.args.map(tree));
      case 'round':
        return call('round', t.places === undefined ? [tree(t.x)] : [tree(t.x), String(t.places)]);
      case 'if':
        return call('if', [condition(t.c), tree(t.a), tree(t.b)]);
    }
  };
  const condition = (c: Cond): string => {
    switch (c.k) {
      case 'cmp':
        return `${tree(c.a)}${s()}${pick(c.op)}${s()}${tree(c.b)}`;
      case 'not':
        return `not ${c.c.k === 'cmp' ? condition(c.c) : paren(condition(c.c))}`;
      default:
        // `and` binds tighter than `or`: an operand that is an `or` (or the right one of the same kind) is parenthesized.
        return `${c.a.k === 'or' && c.k === 'and' ? paren(condition(c.a)) : condition(c.a)} ${c.k} ${
          c.b.k === 'and' || c.b.k === 'or' ? paren(condition(c.b)) : condition(c.b)
        }`;
    }
  };
  return tree(root);
}
