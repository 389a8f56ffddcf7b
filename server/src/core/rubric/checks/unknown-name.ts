import { checkNames, FormulaScope } from '../../formula';
import { IndicatorModel } from '../model/rubric-model';
import { formulaSpan, parsedFormula } from '../model/measure';
import { Check, finding, IndicatorContext } from './check';

/** The indicator's own inputs, as the formula language scopes names. */
function ownInputs(indicator: IndicatorModel): FormulaScope['inputs'] {
  return (indicator.scoring?.inputs ?? []).flatMap((i) => (i.key === undefined ? [] : [{ id: i.key, name: i.name?.value }]));
}

/** The rest of the rubric, for the message: another indicator's input, or an indicator's id (formulas cannot refer to other indicators). */
function widerScope(indicator: IndicatorModel, context: IndicatorContext): FormulaScope {
  const names = context.rubricNames();
  const otherInputs = new Map<string, { indicator: string; indicatorName?: string }>();
  for (const [id, owners] of names.inputs) {
    const other = owners.find((owner) => owner !== indicator && owner.key !== undefined);
    if (other) otherInputs.set(id, { indicator: other.key!, indicatorName: other.name?.value });
  }
  return { inputs: ownInputs(indicator), otherInputs, indicators: names.indicators };
}

/**
 * A name in a formula that is no input of its indicator, `weight` or function: the near spelling,
 * the id when the input's name was written, or that it belongs to another indicator.
 */
export const unknownName: Check<'unknown-name'> = {
  code: 'unknown-name',
  severity: 'error',
  run: () => [],
  runOnIndicator(indicator, context) {
    const formula = indicator.scoring?.formula;
    const parsed = formula && parsedFormula(formula)?.formula;
    if (!formula || !parsed) return [];
    const alone = checkNames(parsed, { inputs: ownInputs(indicator) }).filter((p) => p.code === 'unknown-name');
    // Only a formula with a name it does not know reads the rest of the rubric.
    const problems = alone.length === 0 ? [] : checkNames(parsed, widerScope(indicator, context)).filter((p) => p.code === 'unknown-name');
    return problems.map((p) => finding(unknownName, formulaSpan(formula, p.span), p.message, { data: { suggestion: p.suggestion } }));
  },
};
