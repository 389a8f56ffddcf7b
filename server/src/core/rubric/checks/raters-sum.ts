import { exactText, HUNDRED } from '../../decimal';
import { text } from '../../text/locale';
import { sumKnown } from '../model/build-model';
import { Check, difference, finding } from './check';

/** Rater weights are shares of one view of a person: they must add up to 100. */
export const ratersSum: Check<'raters-sum'> = {
  code: 'raters-sum',
  severity: 'error',
  run({ model }) {
    const { field, items } = model.raters;
    if (!field || items.length === 0) return [];
    const actual = sumKnown(items.map((rater) => rater.weight?.value));
    if (actual === undefined || actual.eq(HUNDRED)) return [];
    const gap = difference(actual, HUNDRED);
    return [
      finding(
        ratersSum,
        field.keySpan,
        text(`Rater weights add up to ${exactText(actual)}, not 100: ${gap.en}`, `评价主体权重合计 ${exactText(actual)}，应为 100：${gap.zh}`),
        { dependsOn: field.span, data: { expected: '100', actual: actual.toString() } },
      ),
    ];
  },
};
