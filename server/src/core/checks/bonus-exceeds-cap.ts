import { text } from '../findings';
import { Check, finding, fmt } from './check';

/**
 * A bonus item alone worth more than the bonus cap: the cap cuts it down, so what the item says is
 * never what a subject gets. Penalties (减分项, with their own cap) are not in the model yet: when
 * they are, they belong in this check too (the contract names both).
 */
export const bonusExceedsCap: Check<'bonus-exceeds-cap'> = {
  code: 'bonus-exceeds-cap',
  severity: 'warning',
  run({ model }) {
    const cap = model.bonus?.cap?.value;
    if (!model.bonus || cap === undefined) return [];
    return model.bonus.items.flatMap((item) => {
      const points = item.points;
      if (!points?.value || points.value.lte(cap)) return [];
      const name = item.name?.value ?? item.key ?? '';
      const [p, c] = [fmt(points.value), fmt(cap)];
      return [
        finding(
          bonusExceedsCap,
          points.span,
          text(
            `"${name}" is worth ${p} points, more than the bonus cap of ${c}: a subject gets at most ${c}`,
            `加分项“${name}”为 ${p} 分，超过加分上限 ${c} 分：实际最多只能加 ${c} 分`,
          ),
        ),
      ];
    });
  },
};
