import { exactText } from '../../decimal';
import { text } from '../../text/locale';
import { Check, difference, finding } from './check';

/**
 * A group's item weights must add up to the weight written on the group, or to its `out_of` on
 * a composite sheet (a 100-point sheet counted at 70 adds up to 100).
 */
export const childrenSum: Check<'children-sum'> = {
  code: 'children-sum',
  severity: 'error',
  run: () => [],
  // A group's sum is made when its block is: a session checks it again only on the edit's path.
  runOnIndicator(indicator) {
    const target = indicator.outOf ?? indicator.weight;
    const expected = target?.value;
    const actual = indicator.itemsSum;
    if (!target || !expected || !indicator.items?.length || actual === undefined || actual.eq(expected)) return [];
    const gap = difference(actual, expected);
    const name = indicator.name?.value ?? indicator.key ?? '';
    const composite = target === indicator.outOf;
    return [
      finding(
        childrenSum,
        target.span,
        composite
          ? text(
              `Items of "${name}" add up to ${exactText(actual)}, not its out_of ${exactText(expected)}: ${gap.en}`,
              `“${name}”的下级指标分值合计 ${exactText(actual)}，应为折算满分 out_of ${exactText(expected)}：${gap.zh}`,
            )
          : text(
              `Items of "${name}" add up to ${exactText(actual)}, not its weight ${exactText(expected)}: ${gap.en}`,
              `“${name}”的下级指标分值合计 ${exactText(actual)}，应为 ${exactText(expected)}：${gap.zh}`,
            ),
        { dependsOn: indicator.span, data: { expected: expected.toString(), actual: actual.toString(), path: indicator.path, composite } },
      ),
    ];
  },
};
