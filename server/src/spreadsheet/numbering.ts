/**
 * The numbering offices put before a name to show its level in one column: 一、 （一） 1. （1） ①,
 * and the dotted 1.1 / 1.1.1 of standards documents. Which style is which level is not fixed (a
 * table may start at 1. and go down to （1）), so levels are given the way Word numbers a list:
 * the first style met is the outermost, a style not met before goes one level deeper, and a style
 * met before goes back to its level.
 */

const CN_DIGITS = '一二三四五六七八九十百';

/** Styles, each with the pattern of its number at a text's start (the separator after it included). */
const STYLES: [style: string, pattern: RegExp][] = [
  ['一、', new RegExp(`^[${CN_DIGITS}]+\\s*[、.．]`)],
  ['（一）', new RegExp(`^[（(]\\s*[${CN_DIGITS}]+\\s*[）)]\\s*[、.．]?`)],
  ['（1）', /^[（(]\s*\d+\s*[）)]\s*[、.．]?/],
  ['①', /^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]\s*[、.．]?/],
  ['1)', /^\d+\s*[)）](?!\d)/],
  // 1.2.3 (two or more parts): the number of parts is the style. Two parts only before a space or a
  // separator: `1.5倍` opens no item.
  ['1.1', /^(?:\d+(?:[.．]\d+){2,}(?!\d)[、.．]?|\d+[.．]\d+(?:[、.．]|\s+|$))/],
  ['1.', /^\d+\s*[、.．](?![\d])/],
  ['第一', new RegExp(`^第[${CN_DIGITS}\\d]+[部章节条项类]`)],
];

export interface Numbered {
  /** The style's name; dotted numbers as `1.1`, `1.1.1` by their parts. */
  style: string;
  /** The text after the number. */
  rest: string;
  /** The number as written (`（一）`). */
  number: string;
}

/** The numbering at the start of a text, if it has one. */
export function numberingOf(value: string): Numbered | undefined {
  const text = value.trimStart();
  for (const [style, pattern] of STYLES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length).trim();
    const parts =
      style === '1.1'
        ? match[0]
            .trim()
            .replace(/[、.．]$/, '')
            .split(/[.．]/).length
        : 0;
    return { style: parts > 0 ? Array.from({ length: parts }, () => '1').join('.') : style, rest, number: match[0].trim() };
  }
  return undefined;
}

/**
 * A number alone in a 序号 / 编号 cell: `一`, `（二）`, `3`, `1.2`, `①`. A bare Arabic number is
 * its own style (`1`), apart from `1.` written in a name.
 */
export function serialNumberingOf(value: string): Numbered | undefined {
  const text = value.trim();
  if (new RegExp(`^[${CN_DIGITS}]+$`).test(text)) return { style: '一、', rest: '', number: text };
  if (/^\d+$/.test(text)) return { style: '1', rest: '', number: text };
  const numbered = numberingOf(text);
  return numbered && numbered.rest === '' ? numbered : undefined;
}

/** Levels by first appearance, as a list in Word is numbered. */
export class NumberingLevels {
  private readonly open: string[] = [];

  /** The level (0 = outermost) of a row numbered in `style`. */
  levelOf(style: string): number {
    const at = this.open.indexOf(style);
    if (at >= 0) {
      this.open.length = at + 1;
      return at;
    }
    this.open.push(style);
    return this.open.length - 1;
  }

  /** The level of the last numbered row (−1 before any). */
  get current(): number {
    return this.open.length - 1;
  }
}
