import { exactText, sum, ZERO } from '../../decimal';
import { text } from '../../text/locale';
import { minScoresOf } from '../model/tiers';
import { Check, finding } from './check';

/** A `min_score` above the most a subject can get: `total` plus the bonus cap. */
export const thresholdUnreachable: Check<'threshold-unreachable'> = {
  code: 'threshold-unreachable',
  severity: 'warning',
  run({ model }) {
    if (model.total === undefined) return [];
    const bonus = model.bonus;
    const bonusPoints = bonus?.items.map((item) => item.points?.value);
    // Without a cap the bonus is what its items add up to; an unknown item leaves it unknown, and
    // a per-case item (每提前1天加1分) has no most.
    const unbounded = bonusPoints?.some((p) => p === undefined) || bonus?.items.some((item) => item.per);
    const cap = bonus?.cap ? bonus.cap.value : unbounded ? undefined : sum((bonusPoints ?? []).map((p) => p ?? ZERO));
    if (cap === undefined) return [];
    const best = model.total.plus(cap);
    return model.tiers.items.flatMap((tier) =>
      minScoresOf(tier).flatMap(({ score: threshold }) => {
        const score = threshold.value;
        if (score === undefined || score.lte(best)) return [];
        const name = tier.name?.value ?? tier.key ?? '';
        return [
          finding(
            thresholdUnreachable,
            threshold.span,
            text(
              `No subject can reach "${name}": min_score ${exactText(score)} is above the best possible ${exactText(best)} (total ${exactText(model.total!)} + bonus ${exactText(cap)})`,
              `任何考核对象都达不到“${name}”：最低分 ${exactText(score)} 高于最高可能得分 ${exactText(best)}（总分 ${exactText(model.total!)} + 加分 ${exactText(cap)}）`,
            ),
          ),
        ];
      }),
    );
  },
};
