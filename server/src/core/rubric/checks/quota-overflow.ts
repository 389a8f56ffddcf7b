import { exactText, HUNDRED, ZERO } from '../../decimal';
import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { allocate } from '../../quota/allocate';
import { largestRemainderKeeps } from '../../quota/largest-remainder-advice';
import { ROUNDING_NAMES_ZH } from '../../quota/rounding';
import { Check, finding } from './check';

/** Fixed and lower-bound slots must fit in N subjects and in 100%. */
export const quotaOverflow: Check<'quota-overflow'> = {
  code: 'quota-overflow',
  severity: 'error',
  run({ model, allocation, quotaInputs, groupSubjects }) {
    const findings: Finding[] = [];
    const n = groupSubjects ?? model.subjects;

    for (const tier of model.tiers.items) {
      for (const bound of Object.values(tier.quota?.bounds ?? {})) {
        const amount = bound?.value;
        if (bound && amount?.kind === 'count' && n !== undefined && amount.count > n) {
          findings.push(
            finding(
              quotaOverflow,
              bound.span,
              text(
                `A quota of ${amount.count} is more than the ${n} subjects (a whole number counts subjects; write ${amount.count}% for a share)`,
                `名额 ${amount.count} 超过考核对象总数 ${n}（整数表示人数或个数；如指比例，请写 ${amount.count}%）`,
              ),
            ),
          );
        }
      }
    }

    let reserved = ZERO;
    for (const tier of model.tiers.items) {
      // A min beside `exactly` is a quota-conflict and reserves nothing: `exactly` fixes the slots.
      for (const bound of [tier.quota?.bounds.exactly ?? tier.quota?.bounds.min]) {
        if (bound?.value?.kind !== 'percent') continue;
        const before = reserved;
        reserved = reserved.plus(bound.value.percent);
        if (before.lte(HUNDRED) && reserved.gt(HUNDRED)) {
          findings.push(
            finding(
              quotaOverflow,
              bound.span,
              text(
                `Fixed and minimum quotas reach ${exactText(reserved)}% with this one, more than 100% of the subjects`,
                `固定比例与最低比例累计已达 ${exactText(reserved)}%，超过考核对象的 100%`,
              ),
              { dependsOn: model.tiers.field?.span },
            ),
          );
        }
      }
    }

    const needed = allocation?.problems.find((p) => p.code === 'quota-overflow');
    if (findings.length === 0 && needed?.code === 'quota-overflow' && model.tiers.field && allocation) {
      // Which tiers ask for how many: `优秀 5 + 良好 4`.
      const parts = allocation.tiers
        .filter((t) => t.min > 0)
        .map((t) => `${t.name} ${t.min}`)
        .join(' + ');
      const n = needed.subjects;
      // Fixed shares that add up to 100% overflow only by rounding each on its own: say so, and what cures it.
      if (largestRemainderKeeps(quotaInputs, [n], model.rounding)) {
        const apportioned = allocate(quotaInputs, n, 'largest-remainder')
          .tiers.map((t) => `${t.name} ${t.max}`)
          .join(' + ');
        const mode = model.rounding;
        findings.push(
          finding(
            quotaOverflow,
            model.tiers.field.keySpan,
            text(
              `Rounded one by one (${mode}), the fixed shares need ${needed.needed} of the ${n} subjects (${parts}), though they add up to 100%: this is rounding; "rounding: largest-remainder" places exactly ${n} (${apportioned})`,
              `各固定比例合计 100%，但逐一按${ROUNDING_NAMES_ZH[mode]}取整后共需 ${needed.needed} 个（${parts}），考核对象只有 ${n} 个：这是取整造成的；改用 rounding: largest-remainder（最大余数法）可恰好分配 ${n} 个（${apportioned}）`,
            ),
            { dependsOn: model.tiers.field.span, data: { rounding: 'largest-remainder' } },
          ),
        );
        return findings;
      }
      findings.push(
        finding(
          quotaOverflow,
          model.tiers.field.keySpan,
          text(
            `Fixed and minimum quotas need ${needed.needed} of the ${n} subjects (${parts})`,
            `固定名额与最低名额共需 ${needed.needed} 个（${parts}），但考核对象只有 ${n} 个`,
          ),
          { dependsOn: model.tiers.field.span },
        ),
      );
    }
    return findings;
  },
};
