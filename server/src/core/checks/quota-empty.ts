import { text } from '../findings';
import { describeWorking } from '../quota/allocate';
import { Check, finding } from './check';
import { boundSpan, tierName } from './quota-spans';

/** A percentage quota that rounds to no slot at all for the rubric's N. */
export const quotaEmpty: Check = {
  code: 'quota-empty',
  severity: 'warning',
  run({ model, allocation }) {
    return (allocation?.problems ?? []).flatMap((problem) => {
      if (problem.code !== 'quota-empty') return [];
      const name = tierName(model, problem.tier);
      const working = describeWorking(problem.working);
      return [
        finding(
          quotaEmpty,
          boundSpan(model, problem.tier, problem.bound),
          text(
            `"${name}" gets no slot for ${problem.working.subjects} subjects: ${working} (${problem.working.rounding}); "rounding: min-one" gives it at least one`,
            `“${name}”在 ${problem.working.subjects} 个考核对象时名额为 0：${working}（${problem.working.rounding}）；可设 rounding: min-one（不足1个按1个）`,
          ),
          { data: { tier: problem.tier, bound: problem.bound, keeps: 'min-one' } },
        ),
      ];
    });
  },
};
