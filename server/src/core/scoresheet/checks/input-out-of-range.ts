import { Decimal, exactText } from '../../decimal';
import { Finding } from '../../findings';
import { LocalizedText, text } from '../../text/locale';
import { InputModel } from '../../rubric/model/rubric-model';
import { Field } from '../../yaml/field';
import { inputLabel, isWhole, withinInput } from '../measured';
import { withinRange } from '../per-case-amounts';
import { isLeaf, ruleByKey } from '../rubric-index';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/** Within `min`/`max` alone (a figure outside them is told its range first, whole or not). */
function withinBounds(input: InputModel, value: Decimal): boolean {
  return withinInput({ ...input, integer: undefined }, value);
}

function bounds(input: InputModel): { en: string; zh: string } {
  const min = input.min?.value;
  const max = input.max?.value;
  if (min !== undefined && max !== undefined) return { en: `from ${exactText(min)} to ${exactText(max)}`, zh: `应为 ${exactText(min)} 至 ${exactText(max)}` };
  if (min !== undefined) return { en: `at least ${exactText(min)}`, zh: `应不小于 ${exactText(min)}` };
  return { en: `at most ${exactText(max!)}`, zh: `应不大于 ${exactText(max!)}` };
}

/**
 * A recorded input outside its `min`/`max`, or not a whole number where the input is
 * `integer: true` (at the value); a per-case amount outside its rule's
 * range (`points: [5, 15]`), and amounts where the rule's points are fixed or the other way round.
 */
export const inputOutOfRange: ScoresheetCheck = {
  code: 'input-out-of-range',
  severity: 'error',
  entry(entry, _, { index }) {
    if (!index) return [];
    const findings: Finding[] = [];
    const report = (field: Field<unknown>, message: LocalizedText) => findings.push(scoresheetFinding(this, field.span, message));
    for (const figure of entry.measured) {
      const value = figure.value.value;
      const leaf = figure.indicator.value === undefined ? undefined : index.indicators.get(figure.indicator.value);
      const input = leaf?.scoring?.inputs.find((i) => i.key === figure.input.value);
      if (!input || value === undefined || figure.blank || withinInput(input, value)) continue;
      const label = inputLabel(input);
      const unit = input.unit?.value ?? '';
      if (input.integer?.value === true && !isWhole(value) && withinBounds(input, value)) {
        report(
          figure.value,
          text(
            `${exactText(value)}${unit} is not a whole number: ${label.en} must be a whole number`,
            `${exactText(value)}${unit} 不是整数：${label['zh-CN']}须为整数`,
          ),
        );
        continue;
      }
      const range = bounds(input);
      report(
        figure.value,
        text(
          `${exactText(value)}${unit} is outside what ${label.en} may be: ${range.en}`,
          `${exactText(value)}${unit} 超出${label['zh-CN']}的取值范围：${range.zh}`,
        ),
      );
    }
    for (const deduction of entry.deductions) {
      const leaf = deduction.indicator.value === undefined ? undefined : index.indicators.get(deduction.indicator.value);
      const rule = leaf && isLeaf(leaf) && deduction.rule?.value !== undefined ? ruleByKey(leaf, deduction.rule.value) : undefined;
      if (!rule || deduction.blank) continue;
      const range = rule.range?.value;
      if (range && !deduction.amounts) {
        report(
          deduction.cases,
          text(
            `${rule.key} takes an amount per case within ${exactText(range.min)}–${exactText(range.max)}: write one per case, as [${exactText(range.min)}]`,
            `“${rule.key}”按次在 ${exactText(range.min)}—${exactText(range.max)} 分之间确定扣分：请逐次填写扣分数额，如 [${exactText(range.min)}]`,
          ),
        );
        continue;
      }
      if (!range && deduction.amounts && rule.points?.value !== undefined) {
        const points = exactText(rule.points.value);
        report(
          deduction.cases,
          text(`${rule.key} takes a fixed ${points} per case: write the number of cases`, `“${rule.key}”每次固定扣 ${points} 分：请填写次数`),
        );
        continue;
      }
      if (!range || !deduction.amounts) continue;
      if (rule.when && deduction.amounts.length > 1) {
        report(deduction.cases, text(`${rule.key} is a one-off deduction: one amount at most`, `“${rule.key}”为一次性扣分：最多填写一个扣分数额`));
      }
      for (const amount of deduction.amounts) {
        const value: Decimal | undefined = amount.value;
        if (value === undefined || withinRange(range, value)) continue;
        report(
          amount,
          text(
            `${exactText(value)} is outside ${rule.key}'s range of ${exactText(range.min)}–${exactText(range.max)} per case`,
            `${exactText(value)} 超出“${rule.key}”每次扣分的范围 ${exactText(range.min)}—${exactText(range.max)}`,
          ),
        );
      }
    }
    return findings;
  },
};
