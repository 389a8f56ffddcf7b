import { checkNames } from '../../formula';
import { LocalizedText, text } from '../../text/locale';
import { formulaSpan, parsedFormula } from '../model/measure';
import { Check, finding } from './check';

/**
 * A formula that does not parse, at the offending character or token (placed in the document
 * through its scalar's quotes, escapes and folded lines); and an input that cannot be named in a
 * formula (an id that is a number, or with `-` in it), where the formula names it.
 */
export const formulaSyntax: Check<'formula-syntax'> = {
  code: 'formula-syntax',
  severity: 'error',
  run: () => [],
  runOnIndicator(indicator) {
    const formula = indicator.scoring?.formula;
    const parsed = formula && parsedFormula(formula);
    if (!formula || !parsed) return [];
    const problems = parsed.formula
      ? checkNames(parsed.formula, { inputs: indicator.scoring!.inputs.flatMap((i) => (i.key === undefined ? [] : [{ id: i.key, name: i.name?.value }])) })
      : parsed.problems;
    const syntax = problems.filter((p) => p.code === 'formula-syntax');
    // Unquoted inside { }, a comma ends the value: `max(0, 90 − rate)` reaches the formula as `max(0`.
    const hint = formula.unquotedInFlow === true;
    return syntax.map((p) => finding(formulaSyntax, formulaSpan(formula, p.span), hint ? withQuotesHint(p.message) : p.message));
  },
};

function withQuotesHint(message: LocalizedText): LocalizedText {
  return text(
    `${message.en} (inside { } a comma ends the formula: put it in quotes, formula: '…')`,
    `${message['zh-CN']}（在 { } 中逗号会截断公式：请给公式加引号，如 formula: '…'）`,
  );
}
