import { Decimal, decimal, formatDecimal, ONE, ZERO } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { Span } from '../text/span';
import { kept, percentOf, quotient } from './arithmetic';
import { evaluateNode, EvaluationContext } from './evaluate';
import * as I from './interval';
import { aggregatesUsed, namesUsed } from './names';
import { AggregateKind, Formula, FormulaNode, FormulaProblem } from './syntax';

/** One of the indicator's inputs, as the rubric declares it; a missing `min`/`max` is unbounded on that side. */
export interface FormulaInput {
  id: string;
  name?: string;
  min?: Decimal;
  max?: Decimal;
}

/** A value given to an input (or to the group's best / worst / mean of it) that reaches a finding. */
export interface ValueAssignment {
  input: string;
  aggregate?: AggregateKind;
  value: Decimal;
}

export interface FormulaRange {
  /** The least points the formula can give; absent when unbounded below. */
  min?: Decimal;
  /** The most points the formula can give; absent when unbounded above. */
  max?: Decimal;
  /** Points above the weight, and values of the inputs that give them. */
  exceedsWeight?: { most: Decimal; when: ValueAssignment[] };
  /** Divisors that can be 0, each with values that make it 0 where some were found. */
  divisionsByZero: { span: Span; divisor: string; when?: ValueAssignment[] }[];
  /** The `formula-range` warnings, worded. */
  problems: FormulaProblem[];
}

/**
 * Work the search for values that reach a finding may do, counted in nodes worked out: for the
 * whole formula, and for one search (the most points, or one divisor), so that a formula with
 * hundreds of divisions is still analysed in a bounded time (later divisors are then reported
 * without values).
 */
const SEARCH_BUDGET = 300_000;
const ONE_SEARCH = 100_000;
const MOST_SAMPLES = 2048;
const CANDIDATES = 8;

/**
 * What a formula can give, by interval arithmetic over its inputs' `min`/`max` (`weight` is a
 * point, an aggregate takes its input's interval, `if` the union of its branches):
 *
 * - the range of points;
 * - whether it can give more than `weight`: only when every input it uses has both `min` and
 *   `max`, and only when values are found that reach it (tried at the inputs' ends, the numbers
 *   the formula writes and points between, with worst ≤ the subject's value ≤ best). Interval
 *   arithmetic counts a name used twice as two free values and so over-estimates: the 功效系数
 *   placement `(x − worst(x)) / (best(x) − worst(x))` is unbounded to it, never above 1 in fact;
 * - whether it can divide by zero: a divisor whose interval holds 0 — except where the `if` or
 *   `and`/`or` around it has settled that the divisor is not 0: the second branch of
 *   `if(A = B, …)` (or `A = 0`) for the divisor `A − B` (or `A`), as the contract says, and
 *   likewise the first branch of `if(A ≠ B, …)`, `if(A > B, …)`, `if(A < B, …)`.
 *
 * Below `floor` is never reported: 扣完为止 is normal.
 */
export function formulaRange(formula: Formula, inputs: readonly FormulaInput[], weight: Decimal): FormulaRange {
  const byId = new Map(inputs.map((i) => [i.id, i]));
  const analysis = new Analysis(byId, weight);
  const range = analysis.interval(formula.root, []);
  const result: FormulaRange = {
    // The result is kept to 20 places, and keeping is monotone: the kept ends hold every kept result.
    min: I.isFinite(range.lo) ? kept(range.lo) : undefined,
    max: I.isFinite(range.hi) ? kept(range.hi) : undefined,
    divisionsByZero: [],
    problems: [],
  };
  const search = new Search(formula, byId, weight);

  const used = namesUsed(formula);
  const bounded = used.every((id) => byId.get(id)?.min !== undefined && byId.get(id)?.max !== undefined);
  if (bounded && I.compareEnds(range.hi, weight) > 0) {
    const found = search.highest(formula.root);
    if (found && found.value.gt(weight)) {
      result.exceedsWeight = { most: found.value, when: found.when };
      result.problems.push({ code: 'formula-range', span: { start: 0, end: formula.source.length }, message: exceeds(found.value, weight, found.when, byId) });
    }
  }

  for (const divisor of analysis.divisors) {
    const written = formula.source.slice(divisor.span.start, divisor.span.end);
    const when = search.zeroOf(divisor);
    result.divisionsByZero.push({ span: divisor.span, divisor: written, when });
    result.problems.push({ code: 'formula-range', span: divisor.span, message: dividesByZero(formula.source, divisor, when, byId) });
  }
  return result;
}

/** `A − B ≠ 0` holds here. */
interface NonZero {
  left: FormulaNode;
  right: FormulaNode;
}

class Analysis {
  /** Divisors whose interval holds 0 and that nothing around them keeps from 0. */
  readonly divisors: FormulaNode[] = [];

  constructor(
    private readonly inputs: ReadonlyMap<string, FormulaInput>,
    private readonly weight: Decimal,
  ) {}

  private ofInput(id: string): I.Interval {
    const input = this.inputs.get(id);
    return { lo: input?.min ?? -Infinity, hi: input?.max ?? Infinity };
  }

  interval(node: FormulaNode, settled: readonly NonZero[]): I.Interval {
    switch (node.kind) {
      case 'number':
        return I.point(node.value);
      case 'weight':
        return I.point(this.weight);
      case 'input':
        return this.ofInput(node.id);
      case 'aggregate':
        return this.ofInput(node.input);
      case 'negate':
        return I.negate(this.interval(node.operand, settled));
      case 'percent':
        return I.percent(this.interval(node.operand, settled));
      case 'arithmetic': {
        const left = this.interval(node.left, settled);
        const right = this.interval(node.right, settled);
        switch (node.operator) {
          case '+':
            return I.add(left, right);
          case '-':
            return I.subtract(left, right);
          case '*':
            return I.multiply(left, right);
          case '/':
            if (I.holdsZero(right) && !settled.some((s) => keepsFromZero(s, node.right))) this.divisors.push(node.right);
            return I.divide(left, right);
        }
        break;
      }
      case 'call':
        return this.call(node, settled);
      default:
        // A condition: its divisions are checked; it gives no number.
        this.condition(node, settled);
        return I.EVERYTHING;
    }
    return I.EVERYTHING;
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>, settled: readonly NonZero[]): I.Interval {
    const args = node.args;
    switch (node.name) {
      case 'if': {
        this.condition(args[0], settled);
        const then = this.interval(args[1], [...settled, ...nonZeroWhere(args[0], true)]);
        const otherwise = this.interval(args[2], [...settled, ...nonZeroWhere(args[0], false)]);
        return I.union(then, otherwise);
      }
      case 'min':
        return args.map((a) => this.interval(a, settled)).reduce(I.least);
      case 'max':
        return args.map((a) => this.interval(a, settled)).reduce(I.most);
      case 'abs':
        return I.absolute(this.interval(args[0], settled));
      case 'floor':
        return I.floorOf(this.interval(args[0], settled));
      case 'ceil':
        return I.ceilOf(this.interval(args[0], settled));
      case 'round':
        return I.roundOf(this.interval(args[0], settled), args[1]?.kind === 'number' ? args[1].value.toNumber() : 0);
      case 'clamp': {
        const [x, lo, hi] = args.map((a) => this.interval(a, settled));
        return I.least(I.most(x, lo), hi);
      }
    }
    args.forEach((a) => this.interval(a, settled));
    return I.EVERYTHING;
  }

  /** Walks a condition for its divisions; `and`/`or` work their right side out only once the left has settled. */
  private condition(node: FormulaNode, settled: readonly NonZero[]): void {
    switch (node.kind) {
      case 'compare':
        this.interval(node.left, settled);
        this.interval(node.right, settled);
        return;
      case 'logic':
        this.condition(node.left, settled);
        this.condition(node.right, [...settled, ...nonZeroWhere(node.left, node.operator === 'and')]);
        return;
      case 'not':
        return this.condition(node.operand, settled);
      default:
        this.interval(node, settled);
    }
  }
}

/** What a condition that holds (or fails) settles about differences being non-zero. */
function nonZeroWhere(condition: FormulaNode, holds: boolean): NonZero[] {
  switch (condition.kind) {
    case 'not':
      return nonZeroWhere(condition.operand, !holds);
    case 'logic':
      // `a and b` holding settles both; `a or b` failing settles both failing.
      if ((condition.operator === 'and') === holds) return [...nonZeroWhere(condition.left, holds), ...nonZeroWhere(condition.right, holds)];
      return [];
    case 'compare': {
      const apart = holds ? ['!=', '<', '>'] : ['=', '<=', '>='];
      return apart.includes(condition.operator) ? [{ left: condition.left, right: condition.right }] : [];
    }
    default:
      return [];
  }
}

/** Whether `A − B ≠ 0` keeps this divisor from 0: it is A − B, B − A, or A where B is 0. */
function keepsFromZero(fact: NonZero, divisor: FormulaNode): boolean {
  if (divisor.kind === 'arithmetic' && divisor.operator === '-') {
    if (same(divisor.left, fact.left) && same(divisor.right, fact.right)) return true;
    if (same(divisor.left, fact.right) && same(divisor.right, fact.left)) return true;
  }
  return (isZero(fact.right) && same(divisor, fact.left)) || (isZero(fact.left) && same(divisor, fact.right));
}

function isZero(node: FormulaNode): boolean {
  return node.kind === 'number' && node.value.eq(0);
}

/** The same expression, wherever it is written. */
function same(a: FormulaNode, b: FormulaNode): boolean {
  switch (a.kind) {
    case 'number':
      return b.kind === 'number' && a.value.eq(b.value);
    case 'weight':
      return b.kind === 'weight';
    case 'input':
      return b.kind === 'input' && a.id === b.id;
    case 'aggregate':
      return b.kind === 'aggregate' && a.aggregate === b.aggregate && a.input === b.input;
    case 'negate':
    case 'percent':
      return b.kind === a.kind && same(a.operand, b.operand);
    case 'arithmetic':
      return b.kind === 'arithmetic' && a.operator === b.operator && same(a.left, b.left) && same(a.right, b.right);
    case 'call':
      return b.kind === 'call' && a.name === b.name && a.args.length === b.args.length && a.args.every((x, i) => same(x, b.args[i]));
    default:
      return false;
  }
}

interface Variable {
  input: string;
  aggregate?: AggregateKind;
  candidates: Decimal[];
}

/**
 * Values that reach a finding, tried over a grid of each input's candidates (its ends, 0, the
 * numbers the formula writes, the middle), all of it when small enough, else a fixed
 * pseudo-random part of it. Deterministic: the same formula always names the same values.
 */
class Search {
  private readonly literals: Decimal[];
  private budget = SEARCH_BUDGET;

  constructor(
    private readonly formula: Formula,
    private readonly inputs: ReadonlyMap<string, FormulaInput>,
    private readonly weight: Decimal,
  ) {
    this.literals = literalsOf(formula.root);
  }

  highest(node: FormulaNode): { value: Decimal; when: ValueAssignment[] } | undefined {
    let best: { value: Decimal; when: ValueAssignment[] } | undefined;
    this.tryAll(node, (value, when) => {
      if (!best || value.gt(best.value)) best = { value, when };
      return false;
    });
    return best;
  }

  zeroOf(divisor: FormulaNode): ValueAssignment[] | undefined {
    let found: ValueAssignment[] | undefined;
    this.tryAll(divisor, (value, when) => {
      if (!value.eq(0)) return false;
      found = when;
      return true;
    });
    return found;
  }

  /** Works `node` out over the grid until `seen` answers true. */
  private tryAll(node: FormulaNode, seen: (value: Decimal, when: ValueAssignment[]) => boolean): void {
    const variables = this.variablesOf(node);
    const sizes = variables.map((v) => v.candidates.length);
    const total = sizes.reduce((a, b) => a * b, 1);
    const nodes = nodeCount(node);
    const samples = Math.min(MOST_SAMPLES, Math.floor(Math.min(ONE_SEARCH, this.budget) / nodes));
    const pick = total <= samples ? (n: number) => digitsOf(n, sizes) : pseudoRandom(sizes);
    const count = Math.min(total, samples);
    for (let n = 0; n < count; n++) {
      const chosen = pick(n);
      const when = variables.map((v, i) => ({ input: v.input, aggregate: v.aggregate, value: v.candidates[chosen[i]] }));
      if (!consistent(when)) continue;
      this.budget -= nodes;
      const result = evaluateNode(this.formula.source, node, this.context(when));
      if (result.value !== undefined && seen(result.value, when)) return;
    }
  }

  private context(when: readonly ValueAssignment[]): EvaluationContext {
    return {
      weight: this.weight,
      value: (id) => when.find((w) => w.input === id && !w.aggregate)?.value,
      aggregate: (aggregate, id) => when.find((w) => w.input === id && w.aggregate === aggregate)?.value,
    };
  }

  private variablesOf(node: FormulaNode): Variable[] {
    const part: Formula = { source: this.formula.source, root: node, references: this.formula.references.filter((r) => within(r.span, node.span)) };
    const plain = namesUsed({ ...part, references: part.references.filter((r) => r.kind === 'input') });
    return [
      ...plain.map((input) => ({ input, candidates: this.candidates(input) })),
      ...aggregatesUsed(part).map(({ aggregate, input }) => ({ input, aggregate, candidates: this.candidates(input) })),
    ];
  }

  private candidates(id: string): Decimal[] {
    const input = this.inputs.get(id);
    const lo = input?.min;
    const hi = input?.max;
    const inside = (x: Decimal) => (lo === undefined || x.gte(lo)) && (hi === undefined || x.lte(hi));
    const values: Decimal[] = [];
    const add = (x: Decimal | undefined) => {
      if (x !== undefined && inside(x) && values.length < CANDIDATES && !values.some((v) => v.eq(x))) values.push(x);
    };
    add(lo);
    add(hi);
    add(ZERO);
    if (lo !== undefined && hi !== undefined) add(quotient(lo.plus(hi), TWO));
    for (const literal of this.literals) add(literal);
    if (lo === undefined && hi === undefined) add(ONE);
    if (values.length === 0) add(lo ?? hi);
    return values;
  }
}

const TWO = decimal(2);

/** The numbers a formula writes, as the values they stand for (80% as 0.8), positive and negative. */
function literalsOf(root: FormulaNode): Decimal[] {
  const found: Decimal[] = [];
  const visit = (node: FormulaNode, percent: boolean): void => {
    switch (node.kind) {
      case 'number': {
        const value = percent ? percentOf(node.value) : node.value;
        found.push(value, value.neg());
        return;
      }
      case 'percent':
        return visit(node.operand, true);
      case 'negate':
      case 'not':
        return visit(node.operand, false);
      case 'call':
        return node.args.forEach((a) => visit(a, false));
      case 'arithmetic':
      case 'compare':
      case 'logic':
        visit(node.left, false);
        return visit(node.right, false);
      default:
        return;
    }
  };
  visit(root, false);
  return found;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function nodeCount(node: FormulaNode): number {
  switch (node.kind) {
    case 'negate':
    case 'percent':
    case 'not':
      return 1 + nodeCount(node.operand);
    case 'arithmetic':
    case 'compare':
    case 'logic':
      return 1 + nodeCount(node.left) + nodeCount(node.right);
    case 'call':
      return node.args.reduce((n, a) => n + nodeCount(a), 1);
    default:
      return 1;
  }
}

/** The n-th point of the grid, the first variable turning fastest. */
function digitsOf(n: number, sizes: readonly number[]): number[] {
  return sizes.map((size) => {
    const digit = n % size;
    n = Math.floor(n / size);
    return digit;
  });
}

/** Points of a grid too big to walk: the all-low and all-high corners first, then a fixed sequence. */
function pseudoRandom(sizes: readonly number[]): (n: number) => number[] {
  let state = 0x2545f491;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
  return (n) => (n === 0 ? sizes.map(() => 0) : n === 1 ? sizes.map((size) => Math.min(1, size - 1)) : sizes.map((size) => next() % size));
}

/** worst ≤ the subject's own value ≤ best, and worst ≤ mean ≤ best, for each input. */
function consistent(when: readonly ValueAssignment[]): boolean {
  const of = (input: string, aggregate?: AggregateKind) => when.find((w) => w.input === input && w.aggregate === aggregate)?.value;
  for (const input of new Set(when.filter((w) => w.aggregate).map((w) => w.input))) {
    const worst = of(input, 'worst');
    const best = of(input, 'best');
    for (const middle of [of(input), of(input, 'mean')]) {
      if (middle === undefined) continue;
      if ((worst && middle.lt(worst)) || (best && middle.gt(best))) return false;
    }
    if (worst && best && worst.gt(best)) return false;
  }
  return true;
}

function label(w: ValueAssignment, inputs: ReadonlyMap<string, FormulaInput>, language: 'en' | 'zh'): string {
  const name = inputs.get(w.input)?.name;
  if (language === 'en') {
    const named = name && name !== w.input ? `${w.input} (${name})` : w.input;
    return w.aggregate ? `the group's ${w.aggregate}(${w.input})` : named;
  }
  // Chinese readers get the name they know; an id alone is quoted, as the core's messages do.
  const shown = name ?? `“${w.input}”`;
  if (!w.aggregate) return shown;
  return `同组${shown}的${{ best: '最高值', worst: '最低值', mean: '平均值' }[w.aggregate]}`;
}

/** `rate (满意度) is 0 and x is 5` / `满意度为 0、“x”为 5`. */
function values(when: readonly ValueAssignment[], inputs: ReadonlyMap<string, FormulaInput>): LocalizedText {
  const en = when.map((w) => `${label(w, inputs, 'en')} is ${formatDecimal(w.value, 6)}`);
  const zh = when.map((w) => `${label(w, inputs, 'zh')}为 ${formatDecimal(w.value, 6)}`);
  const joined = en.length <= 1 ? en.join('') : `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}`;
  return text(joined, zh.join('、'));
}

function exceeds(most: Decimal, weight: Decimal, when: readonly ValueAssignment[], inputs: ReadonlyMap<string, FormulaInput>): LocalizedText {
  const [m, w] = [formatDecimal(most, 4), formatDecimal(weight, 4)];
  if (when.length === 0) {
    return text(
      `The formula gives ${m} points, more than the weight ${w} (a total counts at most ${w})`,
      `公式得 ${m} 分，超过本指标分值 ${w}（计入总分时以 ${w} 分为限）`,
    );
  }
  const v = values(when, inputs);
  return text(
    `The formula can give ${m} points, more than the weight ${w}, when ${v.en} (a total counts at most ${w})`,
    `当${v['zh-CN']} 时，公式得 ${m} 分，超过本指标分值 ${w}（计入总分时以 ${w} 分为限）`,
  );
}

function dividesByZero(
  source: string,
  divisor: FormulaNode,
  when: readonly ValueAssignment[] | undefined,
  inputs: ReadonlyMap<string, FormulaInput>,
): LocalizedText {
  const written = source.slice(divisor.span.start, divisor.span.end);
  const zeroWhen = when && when.length > 0 ? values(when, inputs) : undefined;
  // An input alone (or its group's best, worst, mean) is 0 wherever its interval holds 0.
  const alone: ValueAssignment | undefined =
    divisor.kind === 'input'
      ? { input: divisor.id, value: ZERO }
      : divisor.kind === 'aggregate'
        ? { input: divisor.input, aggregate: divisor.aggregate, value: ZERO }
        : undefined;
  const head = alone
    ? text(`The formula divides by zero when ${label(alone, inputs, 'en')} is 0`, `当${label(alone, inputs, 'zh')}为 0 时，公式除以零`)
    : zeroWhen
      ? text(`The formula can divide by zero: ${written} is 0 when ${zeroWhen.en}`, `公式可能除以零：当${zeroWhen['zh-CN']} 时，除数“${written}”为 0`)
      : text(`The formula can divide by zero: the divisor ${written} can be 0`, `公式可能除以零：除数“${written}”可能为 0`);
  const guard =
    divisor.kind === 'arithmetic' && divisor.operator === '-'
      ? `\`if(${source.slice(divisor.left.span.start, divisor.left.span.end)} = ${source.slice(divisor.right.span.start, divisor.right.span.end)}, …, …)\``
      : `\`if(${written} = 0, …, …)\``;
  const hint =
    divisor.kind === 'input'
      ? text(
          `give \`${written}\` a \`min\` above 0, or say what it gives then: ${guard}`,
          `可为 \`${written}\` 设大于 0 的 \`min\`，或写明此时的得分：${guard}`,
        )
      : text(`say what it gives then: ${guard}`, `请写明此时的得分：${guard}`);
  return text(`${head.en} (${hint.en})`, `${head['zh-CN']}（${hint['zh-CN']}）`);
}
