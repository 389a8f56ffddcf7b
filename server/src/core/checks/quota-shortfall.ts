import { text } from '../findings';
import { Check, finding } from './check';

/**
 * Every tier capped (by `exactly` or `max`) and the caps together below N: some subjects
 * would get no tier at all. Not in the contract's first table; added as its own code.
 */
export const quotaShortfall: Check<'quota-shortfall'> = {
  code: 'quota-shortfall',
  severity: 'warning',
  run({ model, allocation }) {
    const problem = allocation?.problems.find((p) => p.code === 'quota-shortfall');
    if (problem?.code !== 'quota-shortfall' || !model.tiers.field) return [];
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
