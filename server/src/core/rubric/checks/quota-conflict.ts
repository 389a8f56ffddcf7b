import { exactText } from '../../decimal';
import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { Check, finding } from './check';
import { boundSpan, tierName } from '../model/tiers';

/** One tier's bounds must not contradict each other: `exactly` stands alone, min ≤ max. */
export const quotaConflict: Check<'quota-conflict'> = {
  code: 'quota-conflict',
  severity: 'error',
  run({ model, allocation }) {
    const findings: Finding[] = [];
    model.tiers.items.forEach((tier, index) => {
      const bounds = tier.quota?.bounds;
      if (!bounds) return;
      const name = tierName(model, index);
      if (bounds.exactly) {
        for (const other of [bounds.min, bounds.max]) {
          if (!other) continue;
          findings.push(
            finding(
              quotaConflict,
              other.keySpan,
              text(
                `"${name}" has "exactly" and also a bound; "exactly" already fixes its slots: keep one`,
                `“${name}”已用 exactly 固定名额，不能再设上下限：请只保留一种`,
              ),
            ),
          );
        }
        return;
      }
      const min = bounds.min?.value;
      const max = bounds.max?.value;
      if (min?.kind === 'count' && max?.kind === 'count' && min.count > max.count) {
        findings.push(
          finding(
            quotaConflict,
            boundSpan(model, index, 'min'),
            text(`"${name}": min ${min.count} is above max ${max.count}`, `“${name}”：最低名额 ${min.count} 个多于最高名额 ${max.count} 个`),
          ),
        );
        return;
      }
      if (min?.kind === 'percent' && max?.kind === 'percent' && min.percent.gt(max.percent)) {
        findings.push(
          finding(
            quotaConflict,
            boundSpan(model, index, 'min'),
            text(
              `"${name}": min ${exactText(min.percent)}% is above max ${exactText(max.percent)}%`,
              `“${name}”：最低比例 ${exactText(min.percent)}% 高于最高比例 ${exactText(max.percent)}%`,
            ),
          ),
        );
        return;
      }
      const byCount = allocation?.problems.find((p) => p.code === 'quota-conflict' && p.tier === index);
      if (byCount?.code === 'quota-conflict') {
        findings.push(
          finding(
            quotaConflict,
            boundSpan(model, index, 'min'),
            text(
              `"${name}": for ${allocation?.subjects} subjects the minimum gives ${byCount.lower} slots, more than the maximum's ${byCount.upper}`,
              `“${name}”：${allocation?.subjects} 个考核对象时，最低名额 ${byCount.lower} 个多于最高名额 ${byCount.upper} 个`,
            ),
          ),
        );
      }
    });
    return findings;
  },
};
