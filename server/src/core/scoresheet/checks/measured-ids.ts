import { LocalizedText, text } from '../../text/locale';
import { isMeasured } from '../../rubric/model/measure';
import { nearSpelling } from '../../text/near-spelling';
import { Field } from '../../yaml/field';
import { isLeaf, RubricIndex } from '../rubric-index';
import { SubjectScoresModel } from '../types';

/**
 * The ids of `measured` and `not_applicable` the rubric does not have, and points written where
 * they contradict them (for unknown-indicator): an indicator that is not measured, an input its
 * indicator does not have, points for an indicator worked out from its inputs or one that does
 * not apply, `not_applicable` under a rubric that does not say how to count it.
 */
export function measuredIdProblems(entry: SubjectScoresModel, index: RubricIndex, report: (field: Field<string>, message: LocalizedText) => void): void {
  const measuredKeys = index.leaves.filter(isMeasured).flatMap((leaf) => (leaf.key === undefined ? [] : [leaf.key]));
  const seen = new Set<Field<string>>();
  for (const figure of entry.measured) {
    const key = figure.indicator.value;
    if (key === undefined) continue;
    const leaf = index.indicators.get(key);
    if (!leaf || !isLeaf(leaf) || !isMeasured(leaf)) {
      if (seen.has(figure.indicator)) continue;
      seen.add(figure.indicator);
      report(figure.indicator, notMeasured(key, leaf !== undefined, measuredKeys));
      continue;
    }
    const input = figure.input.value;
    const inputs = leaf.scoring!.inputs.flatMap((i) => (i.key === undefined ? [] : [i.key]));
    if (input === undefined || inputs.includes(input)) continue;
    const near = nearSpelling(input, inputs);
    report(
      figure.input,
      text(
        `No input "${input}" in ${key}${near ? `: did you mean "${near}"?` : `; it has ${inputs.join(', ')}`}`,
        `“${key}”没有输入项“${input}”${near ? `：是否应为“${near}”？` : `；其输入项为：${inputs.join('、')}`}`,
      ),
    );
  }
  const inapplicable = new Set<string>();
  for (const field of entry.notApplicable) {
    const key = field.value;
    if (key === undefined) continue;
    inapplicable.add(key);
    if (!index.indicators.has(key)) {
      const near = nearSpelling(key, [...index.indicators.keys()]);
      report(
        field,
        text(
          `No indicator "${key}" in the rubric${near ? `: did you mean "${near}"?` : ''}`,
          `考核细则中没有指标“${key}”${near ? `：是否应为“${near}”？` : ''}`,
        ),
      );
    } else if (index.model.notApplicable?.value !== 'rescale') {
      report(
        field,
        text(
          `The rubric does not say how items that do not apply are counted: it needs not_applicable: rescale (缺项比率计分法)`,
          `考核细则未规定缺项如何计分：须在考核细则中写明 not_applicable: rescale（缺项比率计分法）`,
        ),
      );
    }
  }
  for (const figure of entry.points) {
    const key = figure.key.value;
    const leaf = key === undefined ? undefined : index.indicators.get(key);
    if (!leaf || !isLeaf(leaf) || figure.blank) continue;
    if (isMeasured(leaf)) {
      report(
        figure.key,
        text(
          `"${key}" is worked out from what was measured: record its inputs under measured, not points`,
          `“${key}”按实测数据计算得分：请在 measured 中记录其数据，而不是填写得分`,
        ),
      );
    } else if (key !== undefined && [...inapplicable].some((id) => id === key || isUnder(index, leaf, id))) {
      report(
        figure.key,
        text(
          `"${key}" is listed under not_applicable: its points are not counted; remove one of the two`,
          `“${key}”已列为不适用（not_applicable），其得分不计入；请删去其中之一`,
        ),
      );
    }
  }
}

function notMeasured(key: string, exists: boolean, measured: readonly string[]): LocalizedText {
  if (exists) {
    return text(
      `"${key}" is not scored from measurements (it has no formula): write its points under points`,
      `“${key}”不按实测数据计分（没有计分公式）：请在 points 下填写其得分`,
    );
  }
  const near = nearSpelling(key, measured);
  const hint = near
    ? text(`: did you mean "${near}"?`, `：是否应为“${near}”？`)
    : measured.length > 0
      ? text(`; measured indicators: ${measured.join(', ')}`, `；按实测数据计分的指标：${measured.join('、')}`)
      : text('', '');
  return text(`No indicator "${key}" in the rubric${hint.en}`, `考核细则中没有指标“${key}”${hint['zh-CN']}`);
}

/** Whether a group with this id holds the leaf. */
function isUnder(index: RubricIndex, leaf: { path: number[] }, id: string): boolean {
  const group = index.indicators.get(id);
  return !!group && group.path.length < leaf.path.length && group.path.every((step, i) => leaf.path[i] === step);
}
