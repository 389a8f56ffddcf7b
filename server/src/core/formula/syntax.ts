import type { Decimal } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import type { Span } from '../text/span';

/** The codes a formula's problems carry (the contract's table, "Points from measurements"). */
export type FormulaCode = 'formula-syntax' | 'unknown-name' | 'formula-range';

/** What is wrong with a formula, at the offending token: offsets into the formula's own text. */
export interface FormulaProblem {
  code: FormulaCode;
  span: Span;
  message: LocalizedText;
  /** unknown-name: the name meant, for a quick fix (an input id, `weight` or a function). */
  suggestion?: string;
}

export type AggregateKind = 'best' | 'worst' | 'mean';
export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';

/**
 * The syntax tree. Arithmetic nodes give numbers; `compare`, `logic` and `not` give yes or no and
 * stand only where a condition is expected (the first argument of `if`, the operands of `and`,
 * `or`, `not`), which the parser checks. Every node spans its text, parentheses excluded.
 */
export type FormulaNode =
  | { kind: 'number'; span: Span; value: Decimal }
  | { kind: 'input'; span: Span; id: string }
  | { kind: 'weight'; span: Span }
  | { kind: 'negate'; span: Span; operand: FormulaNode }
  | { kind: 'percent'; span: Span; operand: FormulaNode }
  | { kind: 'arithmetic'; span: Span; operator: ArithmeticOperator; operatorSpan: Span; left: FormulaNode; right: FormulaNode }
  | { kind: 'compare'; span: Span; operator: ComparisonOperator; operatorSpan: Span; left: FormulaNode; right: FormulaNode }
  | { kind: 'logic'; span: Span; operator: 'and' | 'or'; operatorSpan: Span; left: FormulaNode; right: FormulaNode }
  | { kind: 'not'; span: Span; operatorSpan: Span; operand: FormulaNode }
  | { kind: 'call'; span: Span; name: string; nameSpan: Span; args: FormulaNode[] }
  | { kind: 'aggregate'; span: Span; aggregate: AggregateKind; input: string; inputSpan: Span };

/** A name the formula uses, where: the input ids (alone or inside `best(…)`), `weight`, the functions. */
export type FormulaReference =
  | { kind: 'input'; id: string; span: Span }
  | { kind: 'weight'; span: Span }
  | { kind: 'function'; name: string; span: Span }
  /** `best(gain)`: `span` covers the whole call, `inputSpan` the input's id. */
  | { kind: 'aggregate'; aggregate: AggregateKind; input: string; span: Span; inputSpan: Span };

/** A formula that parsed: its text, its tree and every name in it in text order. */
export interface Formula {
  source: string;
  root: FormulaNode;
  references: readonly FormulaReference[];
}

/**
 * Bounds that keep every formula's work small whatever is typed. A published scheme's longest
 * formula (a 功效系数 placement) is about 120 characters and three parentheses deep.
 */
export const FORMULA_LIMITS = {
  /** Characters in a formula. */
  length: 4000,
  /** Parentheses, function calls and signs nested inside one another. */
  depth: 100,
  /** A number written in a formula, as every number of the format (decimal.ts MAX_POINTS). */
  magnitude: 1_000_000_000,
  /** Decimal places of a number written in a formula, and of every division's result. */
  places: 20,
  /** Significant digits of a figure along the way: beyond it, the formula cannot be worked out. */
  digits: 1000,
} as const;

export interface FormulaFunction {
  name: string;
  /** How many arguments it takes. */
  arity: { min: number; max: number };
  /** How it is written, for completion and hovers. */
  signature: string;
  summary: LocalizedText;
}

/** The closed set of functions: nothing else can be called. */
export const FORMULA_FUNCTIONS: readonly FormulaFunction[] = [
  { name: 'min', arity: { min: 2, max: Infinity }, signature: 'min(a, b, …)', summary: text('The smallest of the numbers', '各数中最小的一个') },
  { name: 'max', arity: { min: 2, max: Infinity }, signature: 'max(a, b, …)', summary: text('The largest of the numbers', '各数中最大的一个') },
  { name: 'abs', arity: { min: 1, max: 1 }, signature: 'abs(x)', summary: text('x without its sign', '`x` 的绝对值') },
  { name: 'floor', arity: { min: 1, max: 1 }, signature: 'floor(x)', summary: text('x rounded down to a whole number', '`x` 向下取整') },
  { name: 'ceil', arity: { min: 1, max: 1 }, signature: 'ceil(x)', summary: text('x rounded up to a whole number', '`x` 向上取整') },
  {
    name: 'round',
    arity: { min: 1, max: 2 },
    signature: 'round(x, digits)',
    summary: text(
      'x rounded half-up (四舍五入) to `digits` decimal places (0 to 20, written as a number; 0 if left out)',
      '`x` 四舍五入到 `digits` 位小数（0 到 20 的整数，省略为 0）',
    ),
  },
  {
    name: 'clamp',
    arity: { min: 3, max: 3 },
    signature: 'clamp(x, lo, hi)',
    summary: text('x kept between lo and hi: min(max(x, lo), hi)', '把 `x` 限制在 `lo` 与 `hi` 之间：`min(max(x, lo), hi)`'),
  },
  {
    name: 'if',
    arity: { min: 3, max: 3 },
    signature: 'if(condition, then, else)',
    summary: text('`then` where the condition holds, else `else`; only the branch taken is worked out', '条件成立取 `then`，否则取 `else`；只计算取到的一支'),
  },
  {
    name: 'best',
    arity: { min: 1, max: 1 },
    signature: 'best(input)',
    summary: text('The highest value of the input among the subjects of the same group', '同组考核对象中该输入项的最高值'),
  },
  {
    name: 'worst',
    arity: { min: 1, max: 1 },
    signature: 'worst(input)',
    summary: text('The lowest value of the input among the subjects of the same group', '同组考核对象中该输入项的最低值'),
  },
  {
    name: 'mean',
    arity: { min: 1, max: 1 },
    signature: 'mean(input)',
    summary: text('The mean of the input over the subjects of the same group', '同组考核对象中该输入项的平均值'),
  },
];

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(FORMULA_FUNCTIONS.map((f) => f.name));
export const AGGREGATES: ReadonlySet<string> = new Set<AggregateKind>(['best', 'worst', 'mean']);
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

export function functionNamed(name: string): FormulaFunction | undefined {
  return FORMULA_FUNCTIONS.find((f) => f.name === name);
}

/**
 * Whether an input id can be named in a formula: letters of any script, digits and `_`, not
 * starting with a digit, and not a word the language keeps for itself (`weight`, a function,
 * `and or not`). The schema check uses it on `inputs[].id`.
 */
export function isFormulaIdentifier(id: string): boolean {
  return IDENTIFIER.test(id) && !isReservedWord(id);
}

/** `weight`, the functions' names and `and or not`: never an input's id in a formula. */
export function isReservedWord(word: string): boolean {
  return word === 'weight' || FUNCTION_NAMES.has(word) || KEYWORDS.has(word);
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{M}\p{Nd}_]*$/u;
