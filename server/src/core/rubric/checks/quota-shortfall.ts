import { text } from '../../text/locale';
import { allocate } from '../../quota/allocate';
import { largestRemainderKeeps } from '../../quota/largest-remainder-advice';
import { ROUNDING_NAMES_ZH } from '../../quota/rounding';
import { Check, finding } from './check';

/**
 * Every tier capped (by `exactly` or `max`) and the caps together below N: some subjects
 * would get no tier at all. Not in the contract's first table; added as its own code.
 */
export const quotaShortfall: Check<'quota-shortfall'> = {
  code: 'quota-shortfall',
  severity: 'warning',
  run({ model, allocation, quotaInputs }) {
    const problem = allocation?.problems.find((p) => p.code === 'quota-shortfall');
    if (problem?.code !== 'quota-shortfall' || !model.tiers.field) return [];
    const n = problem.subjects;
    // Every share fixed and adding up to 100%: the subjects left out are rounding's, not a missing tier's.
    if (largestRemainderKeeps(quotaInputs, [n], model.rounding)) {
      const apportioned = allocate(quotaInputs, n, 'largest-remainder')
        .tiers.map((t) => `${t.name} ${t.max}`)
        .join(' + ');
      const mode = model.rounding;
      return [
        finding(
          quotaShortfall,
          model.tiers.field.keySpan,
          text(
            `Rounded one by one (${mode}), the fixed shares place ${problem.placeable} of the ${n} subjects, though they add up to 100%: this is rounding; "rounding: largest-remainder" places exactly ${n} (${apportioned})`,
            `各固定比例合计 100%，但逐一按${ROUNDING_NAMES_ZH[mode]}取整后只能分配 ${problem.placeable} 个，考核对象有 ${n} 个：这是取整造成的；改用 rounding: largest-remainder（最大余数法）可恰好分配 ${n} 个（${apportioned}）`,
          ),
          { dependsOn: model.tiers.field.span, data: { rounding: 'largest-remainder' } },
        ),
      ];
    }
    return [
      finding(
        quotaShortfall,
        model.tiers.field.keySpan,
        text(
          `The quotas place at most ${problem.placeable} of the ${problem.subjects} subjects; leave one tier without a quota to take the rest`,
          `各等次名额合计最多 ${problem.placeable} 个，考核对象有 ${problem.subjects} 个；请留一个等次不设名额以容纳其余对象`,
        ),
        { dependsOn: model.tiers.field.span },
      ),
    ];
  },
};
