import { text } from '../../text/locale';
import { decimal, formatDecimal } from '../../decimal';
import { describeWorking } from '../../quota/allocate';
import { ROUNDING_NAMES_ZH } from '../../quota/rounding';
import { Check, finding } from './check';
import { boundSpan, tierName } from '../model/tiers';

/** A percentage quota that rounds to no slot at all for the rubric's N. */
export const quotaEmpty: Check<'quota-empty'> = {
  code: 'quota-empty',
  severity: 'warning',
  run({ model, allocation }) {
    return (allocation?.problems ?? []).flatMap((problem) => {
      if (problem.code !== 'quota-empty') return [];
      const name = tierName(model, problem.tier);
      const { working } = problem;
      const shown = describeWorking(working);
      const n = working.subjects;
      if (problem.bound === 'max') {
        // min-one would break the cap: the honest advice is the smallest cap that allows one.
        const onePercent = formatDecimal(decimal(100).div(n).round(2, 3), 2);
        return [
          finding(
            quotaEmpty,
            boundSpan(model, problem.tier, problem.bound),
            text(
              `"${name}" can get no slot for ${n} subjects: the cap ${shown} (${working.rounding}); a cap of at least ${onePercent}% (or a count) allows one`,
              `“${name}”在 ${n} 个考核对象时上限为 0 个：${shown}（${ROUNDING_NAMES_ZH[working.rounding]}）；上限至少为 ${onePercent}%（或写名额数）才能评出 1 个`,
            ),
            { data: { tier: problem.tier, bound: problem.bound } },
          ),
        ];
      }
      return [
        finding(
          quotaEmpty,
          boundSpan(model, problem.tier, problem.bound),
          text(
            `"${name}" gets no slot for ${n} subjects: ${shown} (${working.rounding}); "rounding: min-one" gives it at least one`,
            `“${name}”在 ${n} 个考核对象时名额为 0：${shown}（${ROUNDING_NAMES_ZH[working.rounding]}）；可设 rounding: min-one（不足1个按1个）`,
          ),
          { data: { tier: problem.tier, bound: problem.bound, keeps: 'min-one' } },
        ),
      ];
    });
  },
};
