import { text } from '../findings';
import { Check, finding, fmt } from './check';

/** A scoring level, a deduction or a deduction floor worth more than the indicator itself. */
export const ruleExceedsWeight: Check<'rule-exceeds-weight'> = {
  code: 'rule-exceeds-weight',
  severity: 'error',
  run({ model }) {
    return model.allIndicators.flatMap((indicator) => {
      const weight = indicator.effectiveWeight;
      const scoring = indicator.scoring;
      if (weight === undefined || !scoring) return [];
      const name = indicator.name?.value ?? indicator.key ?? '';
      const rules = [
        ...scoring.levels.map((level) => ({ field: level.points, kind: 'level' as const })),
        ...(scoring.deduct ? [{ field: scoring.deduct, kind: 'deduct' as const }] : []),
        ...(scoring.floor ? [{ field: scoring.floor, kind: 'floor' as const }] : []),
      ];
      return rules.flatMap(({ field, kind }) => {
        const value = field.value;
        if (value === undefined || value.lte(weight)) return [];
        const [v, w] = [fmt(value), fmt(weight)];
        const message = {
          level: text(`A level worth ${v} points is more than "${name}" is worth (${w})`, `评分档次 ${v} 分，超过“${name}”的分值 ${w}`),
          deduct: text(`A deduction of ${v} is more than "${name}" is worth (${w})`, `每次扣 ${v} 分，超过“${name}”的分值 ${w}`),
          // A floor above the weight could never be reached by deducting: the indicator would score more than it is worth.
          floor: text(
            `A floor of ${v} is more than "${name}" is worth (${w}): deductions could never bring it there`,
            `最低得分 ${v} 分，超过“${name}”的分值 ${w}，扣分后不可能达到`,
          ),
        }[kind];
        return [finding(ruleExceedsWeight, field.span, message, { data: { weight: weight.toString() } })];
      });
    });
  },
};
