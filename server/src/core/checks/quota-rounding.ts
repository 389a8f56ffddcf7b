import { decimal } from '../decimal';
import { text } from '../findings';
import { describeWorking } from '../quota/allocate';
import { roundSlots } from '../quota/rounding';
import { Check, finding, fmt } from './check';
import { boundSpan, tierName } from './quota-spans';

/** Rounding that breaks the stated share: a `max` rounded above its cap, a `min` below its floor. */
export const quotaRounding: Check = {
  code: 'quota-rounding',
  severity: 'warning',
  run({ model, allocation }) {
    return (allocation?.problems ?? []).flatMap((problem) => {
      if (problem.code !== 'quota-rounding') return [];
      const { working, keeps } = problem;
      if (working.amount.kind !== 'percent') return [];
      const name = tierName(model, problem.tier);
      const stated = fmt(working.amount.percent);
      const actualShare = fmt(decimal(working.slots).times(100).div(working.subjects).round(1));
      const kept = roundSlots(working.raw, keeps);
      const isCap = problem.bound === 'max';
      return [
        finding(
          quotaRounding,
          boundSpan(model, problem.tier, problem.bound),
          text(
            `"${name}": ${describeWorking(working)} (${working.rounding}) is ${actualShare}%, ${isCap ? 'above the' : 'below the'} ${stated}% ${isCap ? 'cap' : 'floor'}; "rounding: ${keeps}" keeps it (${kept})`,
            `“${name}”：${describeWorking(working)}（${working.rounding}），占 ${actualShare}%，${isCap ? '超过上限' : '低于下限'} ${stated}%；改用 rounding: ${keeps}（${keeps === 'floor' ? '向下取整' : '进一法'}）可满足要求（${kept} 个）`,
          ),
          { data: { tier: problem.tier, bound: problem.bound, keeps } },
        ),
      ];
    });
  },
};
