import { Decimal, writtenDecimal } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { Span, span } from '../text/span';
import { FORMULA_LIMITS } from './syntax';

/**
 * The formula's words. Operators are read in every spelling schemes use (`×` `*`, `÷` `/`, `−` `-`,
 * `≠` `!=` `<>`, `≤` `<=`, `≥` `>=`, `=` `==`) and carried as one symbol each; the full-width
 * forms a Chinese input method types (（ ） ， ＋ － ＊ ／ ％ ＜ ＞ ＝, full-width digits and letters,
 * the ideographic space) read as their ASCII twins. Offsets stay those of the text as written.
 */
export type FormulaToken =
  | { kind: 'number'; span: Span; text: string; value?: Decimal; problem?: LocalizedText }
  | { kind: 'name'; span: Span; text: string; name: string }
  | { kind: 'operator'; span: Span; text: string; symbol: OperatorSymbol }
  | { kind: '(' | ')' | ','; span: Span; text: string }
  /** A character that is no part of the language, with the reason. */
  | { kind: 'invalid'; span: Span; text: string; problem: LocalizedText }
  | { kind: 'end'; span: Span; text: '' };

export type OperatorSymbol = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '=' | '!=';

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space as their ASCII twins, offset for offset. */
export function halfWidth(source: string): string {
  return source.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const WHITESPACE = /\s+/y;
const NUMBER = /(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/y;
const NAME = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*/uy;
const OPERATORS: [string, OperatorSymbol][] = [
  ['<=', '<='],
  ['>=', '>='],
  ['!=', '!='],
  ['<>', '!='],
  ['==', '='],
  ['+', '+'],
  ['-', '-'],
  ['−', '-'],
  ['*', '*'],
  ['×', '*'],
  ['/', '/'],
  ['÷', '/'],
  ['%', '%'],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
  ['≠', '!='],
  ['≤', '<='],
  ['≥', '>='],
];

/** Every token of the text, ending with `end`; never throws, whatever the text. */
export function tokenize(source: string): FormulaToken[] {
  const plain = halfWidth(source);
  const tokens: FormulaToken[] = [];
  let at = 0;
  const take = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const match = pattern.exec(plain);
    return match ? match[0] : undefined;
  };
  while (at < plain.length) {
    const blank = take(WHITESPACE);
    if (blank) {
      at += blank.length;
      continue;
    }
    const number = take(NUMBER);
    if (number) {
      tokens.push(numberToken(number, span(at, at + number.length), source.slice(at, at + number.length)));
      at += number.length;
      continue;
    }
    const name = take(NAME);
    if (name) {
      tokens.push({ kind: 'name', span: span(at, at + name.length), text: source.slice(at, at + name.length), name });
      at += name.length;
      continue;
    }
    const ch = plain[at];
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, span: span(at, at + 1), text: source[at] });
      at += 1;
      continue;
    }
    const operator = OPERATORS.find(([spelling]) => plain.startsWith(spelling, at));
    if (operator && !plain.startsWith('**', at)) {
      const end = at + operator[0].length;
      tokens.push({ kind: 'operator', span: span(at, end), text: source.slice(at, end), symbol: operator[1] });
      at = end;
      continue;
    }
    const invalid = invalidToken(plain, at, source);
    tokens.push(invalid);
    at = invalid.span.end;
  }
  tokens.push({ kind: 'end', span: span(plain.length, plain.length), text: '' });
  return tokens;
}

function numberToken(spelling: string, where: Span, written: string): FormulaToken {
  const exponent = /[eE][-+]?(\d+)$/.exec(spelling)?.[1];
  // writtenDecimal bounds the exponent's length (big.js would build that many digits).
  const value = exponent !== undefined && exponent.replace(/^0+/, '').length > 4 ? undefined : writtenDecimal(spelling);
  const places = value ? Math.max(0, value.c.length - 1 - value.e) : 0;
  if (value && value.abs().lte(FORMULA_LIMITS.magnitude) && places <= FORMULA_LIMITS.places) return { kind: 'number', span: where, text: written, value };
  return {
    kind: 'number',
    span: where,
    text: written,
    problem: text(
      `${written} is beyond the numbers a formula takes: at most 1,000,000,000 and ${FORMULA_LIMITS.places} decimal places`,
      `${written} 超出公式可用的数值范围：绝对值不超过 1,000,000,000，小数不超过 ${FORMULA_LIMITS.places} 位`,
    ),
  };
}

const REASONS: { test: RegExp; message: (ch: string) => LocalizedText }[] = [
  {
    test: /^(\^|\*\*)/,
    message: (ch) => text(`"${ch}" (a power) is not part of a formula: write the product out (x × x)`, `公式不支持乘方“${ch}”：请写成连乘（x × x）`),
  },
  {
    test: /^["'`“”‘’「」『』]/,
    message: (ch) =>
      text(
        `"${ch}": text in quotes is not part of a formula, only numbers, inputs' ids, weight and functions`,
        `“${ch}”：公式中不能有引号文字，只能有数字、输入项 id、weight 和函数`,
      ),
  },
  {
    test: /^\./,
    message: () => text('"." belongs inside a number (0.5); nothing is looked up by a dot in a formula', '“.”只能用在数字中（如 0.5）；公式中不能用点号取属性'),
  },
  {
    test: /^[;、]/,
    message: (ch) => text(`"${ch}": a function's arguments are separated by "," (or "，")`, `“${ch}”：函数的参数之间用逗号“,”或“，”分隔`),
  },
  {
    test: /^[[\]{}【】〔〕]/,
    message: (ch) => text(`"${ch}": only ( ) group a formula`, `“${ch}”：公式中只能用圆括号（ ）分组`),
  },
  {
    test: /^(&&?|\|\|?|!)/,
    message: (ch) => text(`"${ch}": write and, or, not (or != for "not equal")`, `“${ch}”：请写 and、or、not（“不等于”写 != 或 ≠）`),
  },
  {
    test: /^[—–―]/,
    message: (ch) => text(`"${ch}" is a dash: a minus is written − or -`, `“${ch}”是破折号：减号请写 − 或 -`),
  },
];

function invalidToken(plain: string, at: number, source: string): FormulaToken {
  const rest = plain.slice(at, at + 2);
  for (const reason of REASONS) {
    const match = reason.test.exec(rest);
    if (match) {
      const end = at + match[0].length;
      return { kind: 'invalid', span: span(at, end), text: source.slice(at, end), problem: reason.message(source.slice(at, end)) };
    }
  }
  // One character, a whole one where it is two UTF-16 units.
  const width = (plain.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  const ch = source.slice(at, at + width);
  return {
    kind: 'invalid',
    span: span(at, at + width),
    text: ch,
    problem: text(
      `"${ch}" is not part of a formula: a formula holds numbers, inputs' ids, weight, functions, + − × ÷ %, comparisons and ( )`,
      `“${ch}”不是公式的组成部分：公式只含数字、输入项 id、weight、函数、+ − × ÷ %、比较符号和（ ）`,
    ),
  };
}
