import { decimal, formatDecimal } from '../decimal';
import { Allocation } from '../quota/allocate';
import { describeTarget, isAboveTarget } from '../quota/target';
import { LocalizedText, text } from '../text/locale';
import { RubricModel } from './model/rubric-model';
import { tierName } from './model/tiers';

/** A tier whose count for N is above its `target` (quota-above-target, info). */
export interface TargetProblem {
  code: 'quota-above-target';
  tier: number;
  count: number;
  subjects: number;
  message: LocalizedText;
}

/** `优秀: 3 of 12 (25%) is above its target 15% (12 × 15% = 1.8)`. */
export function aboveTargetMessage(model: RubricModel, tier: number, count: number, subjects: number, upTo = false): LocalizedText {
  const target = model.tiers.items[tier]?.quota?.target?.value;
  const name = tierName(model, tier);
  if (!target) return text('', '');
  // Shares shown to a person: half-up to one decimal (2 of 7 is 28.6%).
  const share = subjects === 0 ? '0' : formatDecimal(decimal(count).times(100).div(subjects), 1);
  const stated = target.kind === 'percent' ? `${formatDecimal(target.percent, 4)}%` : `${target.count}`;
  const working = describeTarget(target, subjects);
  return text(
    `"${name}": ${upTo ? 'up to ' : ''}${count} of ${subjects} (${share}%) is above its target ${stated} (${working})`,
    `“${name}”：${subjects} 个中${upTo ? '最多' : ''} ${count} 个（${share}%），超过一般掌握比例 ${stated}（${working}）`,
  );
}

/** In a simulation row: each tier with a target whose most slots for N are above it. */
export function targetProblems(model: RubricModel, allocation: Allocation): TargetProblem[] {
  return model.tiers.items.flatMap((tier, t): TargetProblem[] => {
    const target = tier.quota?.target?.value;
    const slots = allocation.tiers[t];
    if (!target || !slots || !isAboveTarget(target, allocation.subjects, slots.max)) return [];
    const upTo = slots.min !== slots.max;
    return [
      {
        code: 'quota-above-target',
        tier: t,
        count: slots.max,
        subjects: allocation.subjects,
        message: aboveTargetMessage(model, t, slots.max, allocation.subjects, upTo),
      },
    ];
  });
}
