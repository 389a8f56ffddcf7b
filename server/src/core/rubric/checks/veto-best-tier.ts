import { text } from '../../text/locale';
import { Check, finding } from './check';

/**
 * A veto (一票否决) that forces the best tier: a veto takes a subject down, so forcing it into the
 * best tier is almost always a slip (the tier list is best first).
 */
export const vetoBestTier: Check<'veto-best-tier'> = {
  code: 'veto-best-tier',
  severity: 'warning',
  run({ model }) {
    const best = model.tiers.items[0];
    // With a single tier every veto forces it: nothing to warn about.
    if (best?.key === undefined || model.tiers.items.length < 2) return [];
    const tierName = best.name?.value ?? best.key;
    return model.veto.items.flatMap((veto) => {
      if (!veto.tier || veto.tier.value !== best.key) return [];
      const name = veto.name?.value ?? veto.key ?? '';
      return [
        finding(
          vetoBestTier,
          veto.tier.span,
          text(
            `The veto "${name}" forces the best tier "${tierName}": a veto should take a subject down (tiers are listed best first)`,
            `一票否决项“${name}”指定的是最高等次“${tierName}”：一票否决应降低等次（等次自高至低排列）`,
          ),
        ),
      ];
    });
  },
};
