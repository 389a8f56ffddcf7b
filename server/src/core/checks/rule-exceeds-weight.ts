import { text } from '../findings';
import { Check, finding, fmt } from './check';

/** A scoring level or a deduction worth more than the indicator itself. */
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
        ...scoring.levels.map((level) => ({ field: level.points, deduct: false })),
        ...(scoring.deduct ? [{ field: scoring.deduct, deduct: true }] : []),
      ];
      return rules.flatMap(({ field, deduct }) => {
        const value = field.value;
        if (value === undefined || value.lte(weight)) return [];
        return [
          finding(
            ruleExceedsWeight,
            field.span,
            text(
              deduct
                ? `A deduction of ${fmt(value)} is more than "${name}" is worth (${fmt(weight)})`
                : `A level worth ${fmt(value)} points is more than "${name}" is worth (${fmt(weight)})`,
              deduct ? `每次扣 ${fmt(value)} 分，超过“${name}”的分值 ${fmt(weight)}` : `评分档次 ${fmt(value)} 分，超过“${name}”的分值 ${fmt(weight)}`,
            ),
            { data: { weight: weight.toString() } },
          ),
        ];
      });
    });
  },
};
