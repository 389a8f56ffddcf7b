import { decimal, exactText, formatDecimal } from '../../decimal';
import { text } from '../../text/locale';
import { describeWorking } from '../../quota/allocate';
import { ROUNDING_NAMES_ZH, roundSlots } from '../../quota/rounding';
import { Check, finding } from './check';
import { boundSpan, tierName } from '../model/tiers';

/** Rounding that breaks the stated share: a `max` rounded above its cap, a `min` below its floor. */
export const quotaRounding: Check<'quota-rounding'> = {
  code: 'quota-rounding',
  severity: 'warning',
  run({ model, allocation }) {
    return (allocation?.problems ?? []).flatMap((problem) => {
      if (problem.code !== 'quota-rounding') return [];
      const { working, keeps } = problem;
      if (working.amount.kind !== 'percent') return [];
      const name = tierName(model, problem.tier);
      const stated = exactText(working.amount.percent);
      // Shown rounded half-up to one decimal: 2 of 7 is 28.6%, never 28.5%.
      const actualShare = formatDecimal(decimal(working.slots).times(100).div(working.subjects), 1);
      const isCap = problem.bound === 'max';
      const rule = text(
        `"${name}": ${describeWorking(working)} (${working.rounding}) is ${actualShare}%, ${isCap ? 'above the' : 'below the'} ${stated}% ${isCap ? 'cap' : 'floor'}`,
        `“${name}”：${describeWorking(working)}（${ROUNDING_NAMES_ZH[working.rounding]}），占 ${actualShare}%，${isCap ? '超过上限' : '低于下限'} ${stated}%`,
      );
      const advice = keeps
        ? text(
            `; "rounding: ${keeps}" keeps it (${roundSlots(working.raw, keeps)})`,
            `；改用 rounding: ${keeps}（${ROUNDING_NAMES_ZH[keeps]}）可满足要求（${roundSlots(working.raw, keeps)} 个）`,
          )
        : text(
            '; no rounding keeps both bounds of this tier at this N: write the slots as a count',
            '；此人数下没有一种取整方式能同时满足该等次的上下限：请直接写名额数',
          );
      return [
        finding(quotaRounding, boundSpan(model, problem.tier, problem.bound), text(rule.en + advice.en, rule['zh-CN'] + advice['zh-CN']), {
          data: { tier: problem.tier, bound: problem.bound, keeps },
        }),
      ];
    });
  },
};
