import { Locale } from '../core';
import { Decimal } from '../core/decimal';
import { parseFormula, renderFormula } from '../core/formula';
import { DraftInput, DraftRangedRule, DraftScoring } from './rubric-draft';

const exact = (value: Decimal): string => value.toFixed();

/**
 * Points from measurements in words, as a scheme prints them: the formula with the inputs' names,
 * the indicator's points as a number and the operators × ÷ − (`达标断面个数 ÷ 断面总个数 × 30 × 80%`),
 * each input with its unit and range, and a deduction set within a range. The template's input
 * messages and the 考评表's 评分标准 both say them this way.
 */

/** The input's name as a person reads it (its id when it has none). */
export const inputName = (input: DraftInput): string => input.name ?? input.id;

/** The formula as the scheme writes it; undefined when it does not parse (then it is shown as written). */
export function schemeFormula(formula: string, inputs: DraftInput[], scale: Decimal | undefined): string | undefined {
  const parsed = parseFormula(formula);
  if (!parsed.formula) return undefined;
  const byId = new Map(inputs.map((input) => [input.id, input]));
  return renderFormula(parsed.formula, {
    operators: 'scheme',
    substitute: (reference) => {
      if (reference.kind === 'weight') return scale === undefined ? undefined : exact(scale);
      if (reference.kind === 'input') {
        const input = byId.get(reference.id);
        return input ? inputName(input) : undefined;
      }
      return undefined;
    },
  });
}

/** `0—100` / `≥ 1` / `≤ 12`; empty without bounds. */
export function rangeText(min: Decimal | undefined, max: Decimal | undefined, locale: Locale): string {
  const dash = locale === 'zh-CN' ? '—' : '–';
  if (min !== undefined && max !== undefined) return `${exact(min)}${dash}${exact(max)}`;
  if (min !== undefined) return `≥ ${exact(min)}`;
  if (max !== undefined) return `≤ ${exact(max)}`;
  return '';
}

/** The word for an input recorded as a whole number (`integer: true`). */
export const WHOLE: Record<Locale, string> = { 'zh-CN': '整数', en: 'whole number' };

/** An input with its unit and range: `满意度（%，0—100）` / `满意度 (%, 0–100)`. */
export function inputText(input: DraftInput, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const parts = [input.unit, rangeText(input.min, input.max, locale), input.integer ? WHOLE[locale] : undefined].filter((p): p is string => !!p);
  if (parts.length === 0) return inputName(input);
  return zh ? `${inputName(input)}（${parts.join('，')}）` : `${inputName(input)} (${parts.join(', ')})`;
}

/** A column heading for an input: its name and unit, `满意度（%）`. */
export function inputHeading(input: DraftInput, locale: Locale): string {
  if (!input.unit) return inputName(input);
  return locale === 'zh-CN' ? `${inputName(input)}（${input.unit}）` : `${inputName(input)} (${input.unit})`;
}

/** A deduction set within a range: `制度不完善：视情节扣 5—20 分`, per case `每次视情节扣 5—15 分，最多 30 分`. */
export function rangedRuleText(rule: DraftRangedRule, locale: Locale): string {
  const range = rangeText(rule.min, rule.max, locale);
  if (locale === 'zh-CN') {
    if (rule.when !== undefined) return `${rule.when}：视情节扣 ${range} 分`;
    const what = rule.per ?? rule.id;
    return `${what}：每次视情节扣 ${range} 分${rule.cap ? `，最多 ${exact(rule.cap)} 分` : ''}`;
  }
  if (rule.when !== undefined) return `${rule.when}: ${range} points off, as the case warrants`;
  return `${rule.per ?? rule.id}: ${range} points off per case, as it warrants${rule.cap ? `, at most ${exact(rule.cap)}` : ''}`;
}

/** A measured leaf's lines: `计分公式：…` and `计分数据：…` / `Points: …` and `Measured: …`. */
export function formulaLines(scoring: DraftScoring, scale: Decimal | undefined, locale: Locale): string[] {
  if (scoring.formula === undefined) return [];
  const zh = locale === 'zh-CN';
  const inputs = scoring.inputs ?? [];
  const written = schemeFormula(scoring.formula, inputs, scale) ?? scoring.formula;
  const lines = [`${zh ? FORMULA_WORD.zh : FORMULA_WORD.en}${written}`];
  if (inputs.length > 0) lines.push(`${zh ? INPUTS_WORD.zh : INPUTS_WORD.en}${inputs.map((input) => inputText(input, locale)).join(zh ? '；' : '; ')}`);
  return lines;
}

/** The words that open the formula's and the inputs' lines, in either language (the import knows both). */
export const FORMULA_WORD = { zh: '计分公式：', en: 'Points: ' };
export const INPUTS_WORD = { zh: '计分数据：', en: 'Measured: ' };
