import { exactText } from '../../decimal';
import { text } from '../../text/locale';
import { sumKnown } from '../model/build-model';
import { Check, difference, finding } from './check';

/** Top-level weights (a group without a weight counts as its items' sum) must add up to `total`. */
export const weightsSum: Check<'weights-sum'> = {
  code: 'weights-sum',
  severity: 'error',
  run({ model }) {
    const { field, items } = model.indicators;
    if (!field || items.length === 0 || model.total === undefined) return [];
    const actual = sumKnown(items.map((indicator) => indicator.effectiveWeight));
    if (actual === undefined || actual.eq(model.total)) return [];
    const gap = difference(actual, model.total);
    return [
      finding(
        weightsSum,
        field.keySpan,
        text(
          `Top-level weights add up to ${exactText(actual)}, not ${exactText(model.total)}: ${gap.en}`,
          `一级指标分值合计 ${exactText(actual)}，应为 ${exactText(model.total)}：${gap.zh}`,
        ),
        { dependsOn: field.span, data: { expected: model.total.toString(), actual: actual.toString() } },
      ),
    ];
  },
};
