import { ZERO } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { Span, span } from '../text/span';
import { FormulaToken, tokenize } from './lexer';
import {
  AGGREGATES,
  AggregateKind,
  ArithmeticOperator,
  ComparisonOperator,
  Formula,
  FORMULA_LIMITS,
  FormulaNode,
  FormulaProblem,
  FormulaReference,
  functionNamed,
  FUNCTION_NAMES,
  KEYWORDS,
} from './syntax';

/** A formula's tree, or the problems that keep it from having one. */
export interface ParsedFormula {
  /** Present exactly when `problems` is empty. */
  formula?: Formula;
  problems: FormulaProblem[];
  /** Every token, also when the formula does not parse (renames and completion read them). */
  tokens: FormulaToken[];
}

/**
 * Reads a formula: a Pratt parser over the tokens, then a pass that puts each node where its kind
 * belongs (a comparison only as a condition, a condition only in `if`, `and`, `or`, `not`).
 * The first token the grammar cannot take ends the reading with one `formula-syntax` problem
 * there; problems that leave the grammar whole (an argument count, a number out of range, a
 * comparison outside `if`) are all reported. Never throws; the work is linear in the length,
 * and the recursion is bounded by FORMULA_LIMITS.depth.
 */
export function parseFormula(source: string): ParsedFormula {
  if (source.length > FORMULA_LIMITS.length) {
    return {
      problems: [
        syntax(
          span(FORMULA_LIMITS.length, source.length),
          text(
            `A formula is at most ${FORMULA_LIMITS.length.toLocaleString('en')} characters; this one has ${source.length.toLocaleString('en')}`,
            `公式最多 ${FORMULA_LIMITS.length} 个字符，此公式有 ${source.length} 个`,
          ),
        ),
      ],
      tokens: [],
    };
  }
  const tokens = tokenize(source);
  const parser = new Parser(tokens, source);
  let root: FormulaNode | undefined;
  try {
    root = parser.formula();
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    parser.problems.push(stop.problem);
  }
  if (root) placeKinds(root, 'number', parser.problems);
  const problems = parser.problems.sort((a, b) => a.span.start - b.span.start);
  if (!root || problems.length > 0) return { problems, tokens };
  return { formula: { source, root, references: parser.references.sort((a, b) => a.span.start - b.span.start) }, problems, tokens };
}

function syntax(where: Span, message: LocalizedText): FormulaProblem {
  return { code: 'formula-syntax', span: where, message };
}

/** Ends the reading at the first token the grammar cannot take. */
class Stop {
  constructor(readonly problem: FormulaProblem) {}
}

// Binding powers: or < and < not < comparisons < + − < × ÷ < signs < %.
const OR = 10;
const AND = 20;
const NOT = 30;
const COMPARE = 40;
const SUM = 50;
const PRODUCT = 60;
const SIGN = 70;

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '=', '!=']);

/** What a person expects in the place of an operand. */
const OPERAND = text("a number, an input's id, weight, a function or (", '数字、输入项 id、weight、函数或（');

class Parser {
  private at = 0;
  private depth = 0;
  readonly problems: FormulaProblem[] = [];
  readonly references: FormulaReference[] = [];

  constructor(
    private readonly tokens: FormulaToken[],
    private readonly source: string,
  ) {}

  formula(): FormulaNode {
    if (this.peek().kind === 'end') {
      throw new Stop(syntax(span(0, this.source.length), text('The formula is empty: write how the points are worked out', '公式为空：请写出得分的计算方法')));
    }
    const root = this.expression(0);
    const next = this.peek();
    if (next.kind !== 'end') {
      if (next.kind === ')') throw new Stop(syntax(next.span, text('This ) closes nothing', '这个）没有对应的（')));
      throw this.expectedOperator(next, text('the end of the formula', '公式结束'));
    }
    return root;
  }

  private peek(): FormulaToken {
    return this.tokens[this.at];
  }

  private previous(): FormulaToken | undefined {
    return this.tokens[this.at - 1];
  }

  private advance(): FormulaToken {
    const token = this.tokens[this.at];
    if (token.kind !== 'end') this.at++;
    return token;
  }

  /**
   * An operand inside an opening token (a parenthesis, a function's, a sign, `not`): the nesting
   * is counted and bounded here. A binary operator's right side is not counted: it nests only as
   * far as there are precedence levels.
   */
  private nested<T>(opening: FormulaToken, read: () => T): T {
    if (++this.depth > FORMULA_LIMITS.depth) {
      throw new Stop(
        syntax(opening.span, text(`The formula is nested more than ${FORMULA_LIMITS.depth} levels deep here`, `公式在此处嵌套超过 ${FORMULA_LIMITS.depth} 层`)),
      );
    }
    const result = read();
    this.depth--;
    return result;
  }

  private expression(minimum: number): FormulaNode {
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator' && token.symbol === '%') {
        const before = this.previous();
        this.advance();
        if (before?.kind === 'operator' && before.symbol === '%') throw new Stop(syntax(token.span, text('One % is enough', '一个 % 即可')));
        left = { kind: 'percent', span: span(left.span.start, token.span.end), operand: left };
        continue;
      }
      const power = infixPower(token);
      if (power === undefined || power < minimum) break;
      this.advance();
      const right = this.expression(power + 1);
      left = this.combine(left, token, right);
      if (power === COMPARE && isComparison(this.peek())) {
        const next = this.peek();
        throw new Stop(
          syntax(
            next.span,
            text(
              `A comparison cannot follow a comparison: write a ${token.text} b and b ${next.text} c`,
              `比较不能连写：请写成 a ${token.text} b and b ${next.text} c`,
            ),
          ),
        );
      }
    }
    return left;
  }

  private combine(left: FormulaNode, token: FormulaToken, right: FormulaNode): FormulaNode {
    const whole = span(left.span.start, right.span.end);
    if (token.kind === 'name') {
      return { kind: 'logic', span: whole, operator: token.name as 'and' | 'or', operatorSpan: token.span, left, right };
    }
    const symbol = token.kind === 'operator' ? token.symbol : '+';
    if (COMPARISONS.has(symbol)) {
      return { kind: 'compare', span: whole, operator: symbol as ComparisonOperator, operatorSpan: token.span, left, right };
    }
    return { kind: 'arithmetic', span: whole, operator: symbol as ArithmeticOperator, operatorSpan: token.span, left, right };
  }

  private prefix(): FormulaNode {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        if (token.problem) this.problems.push(syntax(token.span, token.problem));
        this.unitAfter(token);
        // A number out of range keeps its place as 0: its problem keeps the tree from any use.
        return { kind: 'number', span: token.span, value: token.value ?? ZERO };
      case '(': {
        const inner = this.nested(token, () => this.expression(0));
        const close = this.peek();
        if (close.kind === ')') {
          this.advance();
          return inner;
        }
        if (close.kind === 'end') throw new Stop(syntax(token.span, text('This ( is not closed: ) is missing', '这个（没有闭合：缺少）')));
        throw this.expectedOperator(close, text(')', '）'));
      }
      case 'operator':
        if (token.symbol === '-' || token.symbol === '+') {
          const operand = this.nested(token, () => this.expression(SIGN));
          // A plus sign changes nothing; it only keeps its place in the text.
          return token.symbol === '+' ? operand : { kind: 'negate', span: span(token.span.start, operand.span.end), operand };
        }
        break;
      case 'name':
        return this.named(token);
      case 'invalid':
        throw new Stop(syntax(token.span, token.problem));
    }
    throw new Stop(this.expectedOperand(token));
  }

  private named(token: Extract<FormulaToken, { kind: 'name' }>): FormulaNode {
    const name = token.name;
    if (name === 'not') {
      const operand = this.nested(token, () => this.expression(NOT));
      return { kind: 'not', span: span(token.span.start, operand.span.end), operatorSpan: token.span, operand };
    }
    if (KEYWORDS.has(name)) throw new Stop(this.expectedOperand(token));
    const call = this.peek().kind === '(';
    if (name === 'weight') {
      if (call) throw new Stop(syntax(token.span, text("weight is this indicator's points, not a function", 'weight 是本指标的分值，不是函数')));
      this.references.push({ kind: 'weight', span: token.span });
      return { kind: 'weight', span: token.span };
    }
    if (call) return this.call(token);
    if (FUNCTION_NAMES.has(name)) {
      const fn = functionNamed(name)!;
      this.problems.push(
        syntax(
          token.span,
          text(
            `${name} is a function: write ${fn.signature} (an input cannot be named ${name} in a formula)`,
            `${name} 是函数：请写成 ${fn.signature}（输入项不能以 ${name} 为 id 在公式中使用）`,
          ),
        ),
      );
    }
    this.references.push({ kind: 'input', id: name, span: token.span });
    return { kind: 'input', span: token.span, id: name };
  }

  private call(nameToken: Extract<FormulaToken, { kind: 'name' }>): FormulaNode {
    return this.nested(nameToken, () => this.callInside(nameToken));
  }

  private callInside(nameToken: Extract<FormulaToken, { kind: 'name' }>): FormulaNode {
    const open = this.advance();
    const args: FormulaNode[] = [];
    if (this.peek().kind === ')') this.advance();
    else {
      for (;;) {
        args.push(this.expression(0));
        const next = this.peek();
        if (next.kind === ',') {
          this.advance();
          continue;
        }
        if (next.kind === ')') {
          this.advance();
          break;
        }
        if (next.kind === 'end')
          throw new Stop(syntax(open.span, text(`The ( of ${nameToken.name}( is not closed: ) is missing`, `${nameToken.name}（ 的括号没有闭合：缺少）`)));
        throw this.expectedOperator(next, text(', or )', '，或）'));
      }
    }
    const whole = span(nameToken.span.start, this.previous()!.span.end);
    const name = nameToken.name;
    const fn = functionNamed(name);
    if (fn) this.checkArity(fn.name, fn.arity, fn.signature, nameToken.span, args);
    if (fn && AGGREGATES.has(name) && args.length === 1) {
      const argument = args[0];
      if (argument.kind === 'input') {
        // The input's own reference becomes the aggregate's.
        this.references.pop();
        this.references.push({ kind: 'aggregate', aggregate: name as AggregateKind, input: argument.id, span: whole, inputSpan: argument.span });
        return { kind: 'aggregate', span: whole, aggregate: name as AggregateKind, input: argument.id, inputSpan: argument.span };
      }
      this.problems.push(
        syntax(
          argument.span,
          text(
            `${name}(…) takes an input's id, as ${name}(rate): it is worked out over the subjects of the group`,
            `${name}(…) 的参数须是一个输入项 id，如 ${name}(rate)：按同组考核对象取值`,
          ),
        ),
      );
    }
    if (name === 'round' && args[1]) this.checkPlaces(args[1]);
    this.references.push({ kind: 'function', name, span: nameToken.span });
    return { kind: 'call', span: whole, name, nameSpan: nameToken.span, args };
  }

  private checkArity(name: string, arity: { min: number; max: number }, signature: string, nameSpan: Span, args: FormulaNode[]): void {
    if (args.length > arity.max) {
      const extra = args[arity.max];
      this.problems.push(
        syntax(
          span(extra.span.start, args[args.length - 1].span.end),
          text(
            `${name} takes ${counted(arity)}: ${signature}; ${args.length - arity.max === 1 ? 'this is one' : 'these are'} too many`,
            `${name} 只接受${countedZh(arity)}：${signature}；此处多余`,
          ),
        ),
      );
    } else if (args.length < arity.min) {
      const hint =
        (name === 'min' || name === 'max') && args.length === 1 && args[0].kind === 'input'
          ? text(
              `; for the group's ${name === 'min' ? 'lowest' : 'highest'} ${args[0].id}, write ${name === 'min' ? 'worst' : 'best'}(${args[0].id})`,
              `；取同组${name === 'min' ? '最低' : '最高'}值请写 ${name === 'min' ? 'worst' : 'best'}(${args[0].id})`,
            )
          : text('', '');
      this.problems.push(
        syntax(
          nameSpan,
          text(
            `${name} takes ${counted(arity)}: ${signature}; ${args.length} given${hint.en}`,
            `${name} 需要${countedZh(arity)}：${signature}；此处只有 ${args.length} 个${hint['zh-CN']}`,
          ),
        ),
      );
    }
  }

  /** round's places: a whole number from 0 to 20 written as it is, so every result's places are known before any subject's values. */
  private checkPlaces(places: FormulaNode): void {
    if (places.kind === 'number' && places.value.gte(0) && places.value.lte(FORMULA_LIMITS.places) && places.value.eq(places.value.round(0))) return;
    this.problems.push(
      syntax(
        places.span,
        text(
          `round's places are a whole number from 0 to ${FORMULA_LIMITS.places}, written as a number (round(x, 2))`,
          `round 的小数位数须是 0 到 ${FORMULA_LIMITS.places} 的整数，直接写数字（如 round(x, 2)）`,
        ),
      ),
    );
  }

  /** `30分`: a unit typed after a number, as the schemes print it. */
  private unitAfter(number: FormulaToken): void {
    const next = this.peek();
    if (next.kind === 'name' && next.span.start === number.span.end && !KEYWORDS.has(next.name)) {
      throw new Stop(
        syntax(
          next.span,
          text(
            `"${next.text}" right after the number ${number.text}: a formula holds no units; write ${number.text} alone (or an operator between them)`,
            `数字 ${number.text} 后紧跟“${next.text}”：公式中不写单位，请只写 ${number.text}（或在两者之间加运算符）`,
          ),
        ),
      );
    }
  }

  /** `token` was taken where an operand belongs (the end is never taken, so it follows the last token). */
  private expectedOperand(token: FormulaToken): FormulaProblem {
    const place = token.kind === 'end' ? this.previous() : this.tokens[this.at - 2];
    if (!place && token.kind === 'operator' && token.symbol === '=') {
      return syntax(
        token.span,
        text('Leave out the "=" a spreadsheet formula starts with: write the formula alone', '请去掉电子表格公式开头的“=”，只写公式本身'),
      );
    }
    if (token.kind === 'end') {
      return syntax(
        place ? place.span : token.span,
        place
          ? text(`The formula ends after "${place.text}": ${OPERAND.en} was expected`, `公式在“${place.text}”之后就结束了：此处应有${OPERAND['zh-CN']}`)
          : text(`${OPERAND.en} was expected`, `此处应有${OPERAND['zh-CN']}`),
      );
    }
    return syntax(
      token.span,
      place
        ? text(`After "${place.text}", ${OPERAND.en} was expected, not "${token.text}"`, `“${place.text}”之后应为${OPERAND['zh-CN']}，而不是“${token.text}”`)
        : text(`The formula starts with ${OPERAND.en}, not "${token.text}"`, `公式应以${OPERAND['zh-CN']}开头，而不是“${token.text}”`),
    );
  }

  private expectedOperator(token: FormulaToken, or: LocalizedText): Stop {
    if (token.kind === 'invalid') return new Stop(syntax(token.span, token.problem));
    if (token.kind === 'end') {
      return new Stop(syntax(token.span, text(`The formula ends here: an operator or ${or.en} was expected`, `公式在此结束：此处应有运算符或${or['zh-CN']}`)));
    }
    return new Stop(
      syntax(
        token.span,
        text(
          `An operator (+ − × ÷, a comparison, and, or) or ${or.en} was expected here, not "${token.text}"`,
          `此处应为运算符（+ − × ÷、比较、and、or）或${or['zh-CN']}，而不是“${token.text}”`,
        ),
      ),
    );
  }
}

function infixPower(token: FormulaToken): number | undefined {
  if (token.kind === 'name') return token.name === 'or' ? OR : token.name === 'and' ? AND : undefined;
  if (token.kind !== 'operator') return undefined;
  switch (token.symbol) {
    case '+':
    case '-':
      return SUM;
    case '*':
    case '/':
      return PRODUCT;
    case '%':
      return undefined;
    default:
      return COMPARE;
  }
}

function isComparison(token: FormulaToken): boolean {
  return token.kind === 'operator' && COMPARISONS.has(token.symbol);
}

function counted(arity: { min: number; max: number }): string {
  if (arity.max === Infinity) return `${arity.min} or more arguments`;
  if (arity.min === arity.max) return `${arity.min} argument${arity.min === 1 ? '' : 's'}`;
  return `${arity.min} or ${arity.max} arguments`;
}

function countedZh(arity: { min: number; max: number }): string {
  if (arity.max === Infinity) return ` ${arity.min} 个或更多参数`;
  if (arity.min === arity.max) return ` ${arity.min} 个参数`;
  return ` ${arity.min} 或 ${arity.max} 个参数`;
}

type Place = 'number' | 'condition';

/**
 * Checks each node stands where its kind belongs, reporting at the token that shows it: the
 * comparison's operator, the `and`/`or`/`not`, or a number given as a condition.
 */
function placeKinds(node: FormulaNode, expected: Place, problems: FormulaProblem[]): void {
  const conditional = node.kind === 'compare' || node.kind === 'logic' || node.kind === 'not';
  if (expected === 'number' && conditional) {
    problems.push(
      syntax(
        node.operatorSpan,
        node.kind === 'compare'
          ? text(
              'A comparison gives yes or no, not points: it can only be the condition of if(condition, then, else)',
              '比较的结果是“是/否”而不是分数：只能作为 if(条件, 则, 否则) 的条件',
            )
          : text(
              `"${node.kind === 'not' ? 'not' : node.operator}" joins conditions: it can only stand in the condition of if(condition, then, else)`,
              `“${node.kind === 'not' ? 'not' : node.operator}”用于连接条件：只能用在 if(条件, 则, 否则) 的条件中`,
            ),
      ),
    );
    // Its parts stand where it should not: one finding for the whole.
    return;
  }
  if (expected === 'condition' && !conditional) {
    problems.push(syntax(node.span, text('A condition was expected here: a comparison such as rate >= 90', '此处应为条件：如 rate >= 90 这样的比较')));
    return;
  }
  switch (node.kind) {
    case 'negate':
    case 'percent':
      return placeKinds(node.operand, 'number', problems);
    case 'arithmetic':
    case 'compare':
      placeKinds(node.left, 'number', problems);
      return placeKinds(node.right, 'number', problems);
    case 'logic':
      placeKinds(node.left, 'condition', problems);
      return placeKinds(node.right, 'condition', problems);
    case 'not':
      return placeKinds(node.operand, 'condition', problems);
    case 'call':
      node.args.forEach((arg, i) => placeKinds(arg, node.name === 'if' && i === 0 ? 'condition' : 'number', problems));
      return;
    default:
      return;
  }
}
