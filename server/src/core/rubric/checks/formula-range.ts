import { checkNames } from '../../formula';
import { formulaInputs, formulaRangeOf, formulaSpan, parsedFormula } from '../model/measure';
import { Check, finding } from './check';

/**
 * By interval arithmetic over the inputs' `min`/`max`: a formula that can give more than its
 * weight (only when every input it uses is bounded both ways), or divide by zero (a divisor whose
 * interval holds 0 that no `if` around it has ruled out), with values of the inputs that reach it.
 * Below the floor is never reported: 扣完为止 is normal.
 */
export const formulaRange: Check<'formula-range'> = {
  code: 'formula-range',
  severity: 'warning',
  run: () => [],
  runOnIndicator(indicator) {
    const formula = indicator.scoring?.formula;
    const parsed = formula && parsedFormula(formula)?.formula;
    // A formula whose names are wrong is said so first: its range would be a guess.
    if (!formula || !parsed || checkNames(parsed, { inputs: formulaInputs(indicator) }).length > 0) return [];
    const range = formulaRangeOf(indicator);
    return (range?.problems ?? []).map((p) => finding(formulaRange, formulaSpan(formula, p.span), p.message));
  },
};
