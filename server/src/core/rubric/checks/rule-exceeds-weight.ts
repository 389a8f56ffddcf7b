import { Decimal, exactText } from '../../decimal';
import { LocalizedText, text } from '../../text/locale';
import { scaleOf } from '../model/measure';
import { IndicatorModel } from '../model/rubric-model';
import { Field } from '../../yaml/field';
import { Check, finding } from './check';

/** What a scoring rule may not exceed, and how to say it. */
interface Bound {
  field: Field<Decimal>;
  says: (value: string, name: string, weight: string) => LocalizedText;
}

/** Every figure of an item's scoring that is worth, takes off or keeps more than the item itself. */
function boundsOf(indicator: IndicatorModel): Bound[] {
  const scoring = indicator.scoring;
  if (!scoring) return [];
  const bound = (field: Field<Decimal> | undefined, says: Bound['says']): Bound[] => (field ? [{ field, says }] : []);
  return [
    ...scoring.levels.flatMap((level) =>
      bound(level.points, (v, n, w) => text(`A level worth ${v} points is more than "${n}" is worth (${w})`, `评分档次 ${v} 分，超过“${n}”的分值 ${w}`)),
    ),
    ...bound(scoring.deduct, (v, n, w) => text(`A deduction of ${v} is more than "${n}" is worth (${w})`, `每次扣 ${v} 分，超过“${n}”的分值 ${w}`)),
    ...scoring.rules.flatMap((rule) => [
      ...bound(rule.points, (v, n, w) =>
        rule.when
          ? text(`A one-off deduction of ${v} is more than "${n}" is worth (${w})`, `一次性扣 ${v} 分，超过“${n}”的分值 ${w}`)
          : text(`A deduction of ${v} per case is more than "${n}" is worth (${w})`, `每次扣 ${v} 分，超过“${n}”的分值 ${w}`),
      ),
      // `points: [5, 15]`: its upper end, underlined with the whole range.
      ...(rule.range?.value
        ? [
            {
              field: { ...rule.range, value: rule.range.value.max },
              says: (v: string, n: string, w: string) =>
                text(`A deduction of up to ${v} per case is more than "${n}" is worth (${w})`, `每次最多扣 ${v} 分，超过“${n}”的分值 ${w}`),
            },
          ]
        : []),
      ...bound(rule.max, (v, n, w) => text(`At most ${v} off is more than "${n}" is worth (${w})`, `最高扣 ${v} 分，超过“${n}”的分值 ${w}`)),
    ]),
    ...bound(scoring.floor, (v, n, w) => text(`A floor of ${v} is above what "${n}" is worth (${w})`, `最低得分 ${v} 高于“${n}”的分值 ${w}`)),
  ];
}

/** A scoring level, a deduction, a rule's cap or a floor worth more than the indicator itself. */
export const ruleExceedsWeight: Check<'rule-exceeds-weight'> = {
  code: 'rule-exceeds-weight',
  severity: 'error',
  run: () => [],
  runOnIndicator(indicator) {
    // A leaf scored on its own scale (`out_of`) is scored, and deducted, on that scale.
    const weight = scaleOf(indicator);
    if (weight === undefined || !indicator.scoring) return [];
    const name = indicator.name?.value ?? indicator.key ?? '';
    return boundsOf(indicator).flatMap(({ field, says }) => {
      const value = field.value;
      if (value === undefined || value.lte(weight)) return [];
      return [finding(ruleExceedsWeight, field.span, says(exactText(value), name, exactText(weight)), { data: { weight: weight.toString() } })];
    });
  },
};
