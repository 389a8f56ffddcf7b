import { Decimal, formatDecimal } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { Span } from '../text/span';
import { ceil, floor, kept, percentOf, quotient, roundHalfUp, tooLong } from './arithmetic';
import { renderFormula } from './render';
import { AggregateKind, Formula, FormulaNode } from './syntax';

/** One subject's figures, as the caller has them. */
export interface EvaluationContext {
  /** The indicator's points. */
  weight: Decimal;
  /** The subject's recorded value of one of the indicator's inputs. */
  value(input: string): Decimal | undefined;
  /** best / worst / mean of an input over the subjects of the subject's group. */
  aggregate?(aggregate: AggregateKind, input: string): Decimal | undefined;
  /** The name people know an input by, for the reasons a person reads. */
  inputName?(input: string): string | undefined;
  /** Decimals the working shows the result with: the total's `precision` (default 2). */
  places?: number;
}

export interface Evaluation {
  /** The formula's result kept to 20 decimal places (half-up); absent when it cannot be worked out. */
  value?: Decimal;
  /** Why there is no value, at the part of the formula that has none (a divisor that is 0). */
  undefined?: { span: Span; reason: LocalizedText };
  /** The formula with the subject's figures put in, and its result: `8 / 10 × 30 × 80% = 19.2`. */
  working: LocalizedText;
}

/** A part of the formula that has no value for these figures. */
class Undefined {
  constructor(
    readonly span: Span,
    readonly reason: LocalizedText,
  ) {}
}

/**
 * Works a parsed formula out for one subject by a walk of its tree over exact decimals: a division
 * keeps 20 places (half-up), `if`, `and`, `or` work out only what decides them, and a division by
 * zero, a missing value or a figure beyond 1,000 digits gives no value and the reason. Never throws.
 */
export function evaluate(formula: Formula, context: EvaluationContext): Evaluation {
  const result = evaluateNode(formula.source, formula.root, context);
  return { ...result, working: working(formula, context, result) };
}

/** The value of any number node, or why it has none; no working (the range analysis tries thousands). */
export function evaluateNode(source: string, node: FormulaNode, context: EvaluationContext): Omit<Evaluation, 'working'> {
  try {
    return { value: kept(new Walk(source, context).number(node)) };
  } catch (reason) {
    if (reason instanceof Undefined) return { undefined: { span: reason.span, reason: reason.reason } };
    throw reason;
  }
}

class Walk {
  constructor(
    private readonly source: string,
    private readonly context: EvaluationContext,
  ) {}

  number(node: FormulaNode): Decimal {
    const value = this.unchecked(node);
    if (tooLong(value)) {
      throw new Undefined(node.span, text(`a figure along the way has more than 1,000 digits`, '计算过程中的数值超过 1000 位'));
    }
    return value;
  }

  private unchecked(node: FormulaNode): Decimal {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'weight':
        return this.context.weight;
      case 'input': {
        const value = this.context.value(node.id);
        if (value === undefined)
          throw new Undefined(node.span, text(`no value of ${this.label(node.id, 'en')} is recorded`, `${this.label(node.id, 'zh')}没有数值`));
        return value;
      }
      case 'aggregate': {
        const value = this.context.aggregate?.(node.aggregate, node.input);
        if (value === undefined) {
          throw new Undefined(
            node.span,
            text(
              `${node.aggregate}(${node.input}) has no value: no subject of the group has ${this.label(node.input, 'en')} recorded`,
              `${node.aggregate}(${node.input}) 没有数值：同组没有考核对象记录了${this.label(node.input, 'zh')}`,
            ),
          );
        }
        return value;
      }
      case 'negate':
        return this.number(node.operand).neg();
      case 'percent':
        return percentOf(this.number(node.operand));
      case 'arithmetic': {
        const left = this.number(node.left);
        const right = this.number(node.right);
        switch (node.operator) {
          case '+':
            return left.plus(right);
          case '-':
            return left.minus(right);
          case '*':
            return left.times(right);
          case '/': {
            if (right.eq(0)) throw this.divisionByZero(node.right);
            return quotient(left, right);
          }
        }
        break;
      }
      case 'call':
        return this.call(node);
    }
    throw new Undefined(node.span, text('this part gives yes or no, not a number', '此处的结果是“是/否”，不是数值'));
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>): Decimal {
    const args = node.args;
    switch (node.name) {
      case 'if':
        return this.number(this.holds(args[0]) ? args[1] : args[2]);
      case 'min':
        return args.map((a) => this.number(a)).reduce((a, b) => (b.lt(a) ? b : a));
      case 'max':
        return args.map((a) => this.number(a)).reduce((a, b) => (b.gt(a) ? b : a));
      case 'abs':
        return this.number(args[0]).abs();
      case 'floor':
        return floor(this.number(args[0]));
      case 'ceil':
        return ceil(this.number(args[0]));
      case 'round':
        return roundHalfUp(this.number(args[0]), args[1]?.kind === 'number' ? args[1].value.toNumber() : 0);
      case 'clamp': {
        const [x, lo, hi] = args.map((a) => this.number(a));
        const raised = x.lt(lo) ? lo : x;
        return raised.gt(hi) ? hi : raised;
      }
    }
    throw new Undefined(node.nameSpan, text(`no function is called ${node.name}`, `没有名为“${node.name}”的函数`));
  }

  holds(node: FormulaNode): boolean {
    switch (node.kind) {
      case 'not':
        return !this.holds(node.operand);
      case 'logic':
        return node.operator === 'and' ? this.holds(node.left) && this.holds(node.right) : this.holds(node.left) || this.holds(node.right);
      case 'compare': {
        const order = this.number(node.left).cmp(this.number(node.right));
        switch (node.operator) {
          case '<':
            return order < 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          case '>=':
            return order >= 0;
          case '=':
            return order === 0;
          case '!=':
            return order !== 0;
        }
      }
    }
    throw new Undefined(node.span, text('a condition was expected here', '此处应为条件'));
  }

  private divisionByZero(divisor: FormulaNode): Undefined {
    if (divisor.kind === 'input') {
      return new Undefined(divisor.span, text(`it divides by zero: ${this.label(divisor.id, 'en')} is 0`, `除数${this.label(divisor.id, 'zh')}为 0`));
    }
    const written = this.source.slice(divisor.span.start, divisor.span.end);
    return new Undefined(divisor.span, text(`it divides by zero: the divisor ${written} is 0`, `除数“${written}”为 0`));
  }

  /** `sections (断面总个数)`; Chinese readers get the name as they know it: `“断面总个数”`. */
  private label(id: string, language: 'en' | 'zh'): string {
    const name = this.context.inputName?.(id);
    if (language === 'zh') return `“${name ?? id}”`;
    return name && name !== id ? `${id} (${name})` : id;
  }
}

/** `8 / 10 × 30 × 80% = 19.2`; `≈` where a figure shown was rounded; the reason where there is no value. */
function working(formula: Formula, context: EvaluationContext, result: Omit<Evaluation, 'working'>): LocalizedText {
  let rounded = false;
  const shown = (value: Decimal): string => {
    const figure = formatDecimal(value, 6);
    if (!value.eq(figure)) rounded = true;
    return figure.startsWith('-') ? `(−${figure.slice(1)})` : figure;
  };
  const put = renderFormula(formula, {
    substitute: (reference) => {
      const value =
        reference.kind === 'weight'
          ? context.weight
          : reference.kind === 'input'
            ? context.value(reference.id)
            : reference.kind === 'aggregate'
              ? context.aggregate?.(reference.aggregate, reference.input)
              : undefined;
      return value === undefined ? undefined : shown(value);
    },
  });
  if (result.value === undefined) {
    const reason = result.undefined!.reason;
    return text(`${put}: cannot be worked out, ${reason.en}`, `${put}：无法计算，${reason['zh-CN']}`);
  }
  const places = context.places ?? 2;
  const figure = formatDecimal(result.value, places);
  const sign = rounded || !result.value.eq(figure) ? '≈' : '=';
  const display = figure.startsWith('-') ? `−${figure.slice(1)}` : figure;
  return text(`${put} ${sign} ${display}`, `${put} ${sign} ${display}`);
}
