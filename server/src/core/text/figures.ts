import { Decimal, formatDecimal } from '../decimal';
import { Locale, LocalizedText, text } from './locale';

/** Shared wording of the live figures (inlay hints, lens, status, hovers). */

export { slotsText, tierLine } from './slot-text';

/** A tier's target after its figure: `优秀 3 (target 2)` / `优秀 3（一般掌握 2）`. */
export function targetWording(locale: Locale): (figure: string) => string {
  return (figure) => text(` (target ${figure})`, `（一般掌握 ${figure}）`)[locale];
}

export function subjectsLabel(n: number, locale: Locale): string {
  return text(`${n} subject${n === 1 ? '' : 's'}`, `${n} 个考核对象`)[locale];
}

/** `Σ 100 ✓`, or `Σ 95 / 100 (−5)` with what is missing or over. */
export function sumLabel(actual: Decimal | undefined, expected: Decimal | undefined): string {
  if (actual === undefined) return expected === undefined ? 'Σ ?' : `Σ ? / ${formatDecimal(expected, 10)}`;
  if (expected === undefined || actual.eq(expected)) return `Σ ${formatDecimal(actual, 10)}${expected === undefined ? '' : ' ✓'}`;
  const gap = actual.minus(expected);
  const sign = gap.gt(0) ? '+' : '−';
  return `Σ ${formatDecimal(actual, 10)} / ${formatDecimal(expected, 10)} (${sign}${formatDecimal(gap.abs(), 10)})`;
}

/** A share of the whole for display: `25%`, `7.5%`, `33.33%`. */
export function percentLabel(part: Decimal, whole: Decimal): string | undefined {
  if (whole.eq(0)) return undefined;
  return `${formatDecimal(part.times(100).div(whole), 2)}%`;
}

/** `Weight: 23` / `分值：23`: a label and its figure, with the colon of the language. */
export function labelled(label: LocalizedText, value: string, locale: Locale): string {
  return `${label[locale]}${text(': ', '：')[locale]}${value}`;
}

/** A figure and a note on it in the brackets of the language: `23% (23 / 100)` / `23%（23 / 100）`. */
export function bracketed(figure: string, note: string, locale: Locale): string {
  return text(`${figure} (${note})`, `${figure}（${note}）`)[locale];
}
