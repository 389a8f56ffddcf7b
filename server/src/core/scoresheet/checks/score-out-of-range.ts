import { Decimal, exactText, isNegative, isWhole } from '../../decimal';
import { Finding } from '../../findings';
import { LocalizedText, text } from '../../text/locale';
import { BonusItemModel } from '../../rubric/model/rubric-model';
import { Field } from '../../yaml/field';
import { scaleOf } from '../../rubric/model/measure';
import { isLeaf, RubricIndex } from '../rubric-index';
import { KeyedFigure } from '../types';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/** Cases are counted: a whole number, 0 or more. */
function casesProblem(value: Decimal): LocalizedText | undefined {
  if (value.lt(0)) return text(`Cases cannot be negative (${exactText(value)})`, `次数不能为负数（${exactText(value)}）`);
  if (!isWhole(value)) return text(`Cases are counted in whole numbers, not ${exactText(value)}`, `次数应为整数，而不是 ${exactText(value)}`);
  return undefined;
}

function pointsProblem(index: RubricIndex, figure: KeyedFigure): LocalizedText | undefined {
  const value = figure.value.value;
  const leaf = figure.key.value === undefined ? undefined : index.indicators.get(figure.key.value);
  if (value === undefined || !leaf || !isLeaf(leaf)) return undefined;
  if (isNegative(value)) return text(`Points cannot be below 0 (${exactText(value)})`, `得分不能低于 0（${exactText(value)}）`);
  const weight = scaleOf(leaf);
  if (weight === undefined || value.lte(weight)) return undefined;
  // Under a composite group the weight is on the group's own sheet: say so, or 85 > 59.5 would puzzle.
  const sheet = index.factor.get(leaf)?.eq(1) === false ? text(' on its own sheet', '（按所在分组自身分制）') : text('', '');
  return text(
    `${exactText(value)} is above the weight of ${figure.key.value} (${exactText(weight)}${sheet.en})`,
    `${exactText(value)} 超过“${figure.key.value}”的分值 ${exactText(weight)}${sheet['zh-CN']}`,
  );
}

function extraProblem(kind: 'bonus' | 'penalty', item: BonusItemModel | undefined, figure: KeyedFigure): LocalizedText | undefined {
  const value = figure.value.value;
  if (!item || value === undefined) return undefined;
  if (item.per) return casesProblem(value);
  if (value.lt(0)) return text(`Points cannot be negative (${exactText(value)})`, `分值不能为负数（${exactText(value)}）`);
  const points = item.points?.value;
  if (points === undefined || value.lte(points)) return undefined;
  return kind === 'bonus'
    ? text(`${exactText(value)} is above the bonus item's ${exactText(points)} points`, `${exactText(value)} 超过该加分事项的分值 ${exactText(points)}`)
    : text(`${exactText(value)} is above the penalty item's ${exactText(points)} points`, `${exactText(value)} 超过该减分事项的分值 ${exactText(points)}`);
}

function viewProblem(index: RubricIndex, value: Decimal | undefined): LocalizedText | undefined {
  const total = index.model.total;
  if (value === undefined || total === undefined) return undefined;
  if (value.lt(0)) return text(`A view's total cannot be below 0 (${exactText(value)})`, `评分不能低于 0（${exactText(value)}）`);
  if (value.gt(total))
    return text(`${exactText(value)} is above the rubric's total of ${exactText(total)}`, `${exactText(value)} 超过考核总分 ${exactText(total)}`);
  return undefined;
}

/**
 * Figures outside what they may be: points from 0 to the leaf's weight, whole non-negative cases,
 * bonus and penalties within their items, views within the total.
 */
export const scoreOutOfRange: ScoresheetCheck = {
  code: 'score-out-of-range',
  severity: 'error',
  entry(entry, _, { index }) {
    if (!index) return [];
    const findings: Finding[] = [];
    const report = (field: Field<Decimal>, message: LocalizedText | undefined) => {
      if (message) findings.push(scoresheetFinding(this, field.span, message));
    };
    for (const figure of entry.points) report(figure.value, pointsProblem(index, figure));
    for (const view of entry.by) {
      if (view.kind === 'points') for (const figure of view.points) report(figure.value, pointsProblem(index, figure));
      else if (view.kind === 'total') report(view.total, viewProblem(index, view.total.value));
      else for (const total of view.totals) report(total, viewProblem(index, total.value));
    }
    for (const deduction of entry.deductions) {
      if (deduction.cases.value !== undefined && !deduction.blank) report(deduction.cases, casesProblem(deduction.cases.value));
    }
    for (const figure of entry.bonus)
      report(figure.value, extraProblem('bonus', figure.key.value === undefined ? undefined : index.bonus.get(figure.key.value), figure));
    for (const figure of entry.penalties) {
      report(figure.value, extraProblem('penalty', figure.key.value === undefined ? undefined : index.penalties.get(figure.key.value), figure));
    }
    return findings;
  },
};
