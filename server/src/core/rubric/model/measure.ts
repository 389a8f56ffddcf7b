import { ceil, Decimal, floor } from '../../decimal';
import { FormulaInput, FormulaRange, formulaRange, ParsedFormula, parseFormula } from '../../formula';
import { Span } from '../../text/span';
import { placeInSource } from '../../yaml/scalar-offsets';
import { FormulaModel, IndicatorModel, RubricModel } from './rubric-model';
import { pointValue } from './scoring-figures';

/**
 * What the rest of the core asks of an indicator scored from measurements, and of a leaf scored
 * on its own scale (`out_of` on a leaf): its scale, what a point of it counts, its formula parsed
 * and the range of points it can give (both worked out once per formula as written).
 */

/** A leaf whose points come from a formula over measured inputs. */
export function isMeasured(indicator: IndicatorModel): boolean {
  return indicator.scoring?.formula !== undefined && !indicator.items?.length;
}

/**
 * The points a leaf is scored out of: `out_of` on a leaf (a 100-point 述职 counted at 40), else its
 * weight. Points written, levels, deductions, a formula's `weight` and its result are on this scale.
 */
export function scaleOf(indicator: IndicatorModel): Decimal | undefined {
  if (!indicator.items?.length && indicator.outOf) return indicator.outOf.value;
  return indicator.effectiveWeight;
}

/** A leaf with `out_of`: what one point on its own scale counts, weight / out_of (1 otherwise); undefined while unknown. */
export function ownScaleFactor(indicator: IndicatorModel): Decimal | undefined {
  if (indicator.items?.length || !indicator.outOf) return undefined;
  const weight = indicator.weight?.value;
  const outOf = indicator.outOf.value;
  return weight && outOf ? weight.div(outOf) : undefined;
}

/** What one point written on a leaf counts in the whole: its composite groups' scaling and its own `out_of`. */
export function leafPointValue(model: RubricModel, leaf: IndicatorModel): Decimal | undefined {
  const above = pointValue(model, leaf);
  if (!leaf.outOf || leaf.items?.length) return above;
  const own = ownScaleFactor(leaf);
  return above && own ? above.times(own) : undefined;
}

/**
 * The indicator's inputs as the formula language takes them (those with an id). A whole-number
 * input's ends are the whole numbers within them (`integer: true`, min 0.5 → 1): the range analysis
 * then gives no point a subject cannot reach.
 */
export function formulaInputs(indicator: IndicatorModel): FormulaInput[] {
  return (indicator.scoring?.inputs ?? []).flatMap((input) => {
    if (input.key === undefined) return [];
    const whole = input.integer?.value === true;
    const [min, max] = [input.min?.value, input.max?.value];
    return [{ id: input.key, name: input.name?.value, min: whole && min ? ceil(min) : min, max: whole && max ? floor(max) : max }];
  });
}

const parsedFormulas = new WeakMap<FormulaModel, ParsedFormula>();

/** The formula parsed, once per formula as written (a session keeps unchanged indicators' models). */
export function parsedFormula(formula: FormulaModel): ParsedFormula | undefined {
  if (formula.value === undefined) return undefined;
  let parsed = parsedFormulas.get(formula);
  if (!parsed) parsedFormulas.set(formula, (parsed = parseFormula(formula.value)));
  return parsed;
}

const ranges = new WeakMap<FormulaModel, FormulaRange | null>();

/**
 * The range of points the indicator's formula can give and its `formula-range` findings, once per
 * formula as written: it reads only the indicator's own inputs and scale, which its block holds.
 */
export function formulaRangeOf(indicator: IndicatorModel): FormulaRange | undefined {
  const formula = indicator.scoring?.formula;
  if (!formula) return undefined;
  const kept = ranges.get(formula);
  if (kept !== undefined) return kept ?? undefined;
  const parsed = parsedFormula(formula);
  const scale = scaleOf(indicator);
  const range = parsed?.formula && scale !== undefined ? formulaRange(parsed.formula, formulaInputs(indicator), scale) : undefined;
  ranges.set(formula, range ?? null);
  return range;
}

/** A stretch of the formula's value, placed in the document; the whole value when its characters cannot be placed. */
export function formulaSpan(formula: FormulaModel, span: Span): Span {
  return formula.placement ? placeInSource(formula.placement, formula.span.start, span) : formula.span;
}

/** The formula's offset at a document offset, when the cursor is in its value (for completion and hover). */
export function offsetInFormula(formula: FormulaModel, offset: number): number | undefined {
  const value = formula.value;
  if (value === undefined || !formula.placement || offset < formula.span.start || offset > formula.span.end) return undefined;
  for (let i = 0; i <= value.length; i++) {
    const at = formulaSpan(formula, { start: i, end: i }).start;
    if (at >= offset) return i;
  }
  return value.length;
}
