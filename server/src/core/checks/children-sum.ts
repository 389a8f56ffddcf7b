import { text } from '../findings';
import { Check, difference, finding, fmt } from './check';

/** A group's item weights must add up to the weight written on the group. */
export const childrenSum: Check<'children-sum'> = {
  code: 'children-sum',
  severity: 'error',
  run({ model }) {
    return model.allIndicators.flatMap((indicator) => {
      const weight = indicator.weight;
      const actual = indicator.itemsSum;
      if (!weight?.value || !indicator.items?.length || actual === undefined || actual.eq(weight.value)) return [];
      const gap = difference(actual, weight.value);
      const name = indicator.name?.value ?? indicator.key ?? '';
      return [
        finding(
          childrenSum,
          weight.span,
          text(
            `Items of "${name}" add up to ${fmt(actual)}, not its weight ${fmt(weight.value)}: ${gap.en}`,
            `“${name}”的下级指标分值合计 ${fmt(actual)}，应为 ${fmt(weight.value)}：${gap.zh}`,
          ),
          { dependsOn: indicator.span, data: { expected: weight.value.toString(), actual: actual.toString(), path: indicator.path } },
        ),
      ];
    });
  },
};
