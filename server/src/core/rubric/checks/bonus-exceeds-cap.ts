import { exactText } from '../../decimal';
import { LocalizedText, text } from '../../text/locale';
import { ExtraPointsModel } from '../model/rubric-model';
import { Check, finding } from './check';

/**
 * A bonus (加分项) or penalty (减分项) item alone worth more than its cap: the cap cuts it down, so
 * what the item says is never what a subject gets. For a per-case item the points of one case count.
 */
export const bonusExceedsCap: Check<'bonus-exceeds-cap'> = {
  code: 'bonus-exceeds-cap',
  severity: 'warning',
  run({ model }) {
    return [
      ...overCap(model.bonus, (name, p, c) =>
        text(
          `"${name}" is worth ${p} points, more than the bonus cap of ${c}: a subject gets at most ${c}`,
          `加分项“${name}”为 ${p} 分，超过加分上限 ${c} 分：实际最多只能加 ${c} 分`,
        ),
      ),
      ...overCap(model.penalties, (name, p, c) =>
        text(
          `"${name}" takes off ${p} points, more than the penalty cap of ${c}: a subject loses at most ${c}`,
          `减分项“${name}”为 ${p} 分，超过减分上限 ${c} 分：实际最多只能减 ${c} 分`,
        ),
      ),
    ];
  },
};

function overCap(extra: ExtraPointsModel | undefined, says: (name: string, points: string, cap: string) => LocalizedText) {
  const cap = extra?.cap?.value;
  if (!extra || cap === undefined) return [];
  return extra.items.flatMap((item) => {
    const points = item.points;
    if (!points?.value || points.value.lte(cap)) return [];
    return [finding(bonusExceedsCap, points.span, says(item.name?.value ?? item.key ?? '', exactText(points.value), exactText(cap)))];
  });
}
