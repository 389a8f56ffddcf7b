import { Finding } from '../../findings';
import { isAboveTarget } from '../../quota/target';
import { aboveTargetMessage } from '../../rubric/quota-target';
import { text } from '../../text/locale';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/**
 * A tier that took more subjects than its quota's `target` allows for the N ranked (一般掌握在15%以内,
 * 最多不超过20%: 3 of 12 is within the max and above the target). It informs; `max` binds.
 */
export const quotaAboveTarget: ScoresheetCheck = {
  code: 'quota-above-target',
  severity: 'info',
  run({ model, index, groups, documentStart }) {
    if (!index || !index.model.tiers.items.some((tier) => tier.quota?.target)) return [];
    const where = model.scores.field?.keySpan ?? documentStart;
    const findings: Finding[] = [];
    for (const group of groups) {
      const subjects = group.allocation?.subjects;
      if (subjects === undefined) continue;
      for (const count of group.counts) {
        const target = index.model.tiers.items[count.tier]?.quota?.target?.value;
        if (!target || !isAboveTarget(target, subjects, count.count)) continue;
        const message = aboveTargetMessage(index.model, count.tier, count.count, subjects);
        const label = group.name ?? group.id;
        findings.push(scoresheetFinding(this, where, label ? text(`${label}: ${message.en}`, `${label}：${message['zh-CN']}`) : message));
      }
    }
    return findings;
  },
};
