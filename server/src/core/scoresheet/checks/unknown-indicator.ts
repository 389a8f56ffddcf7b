import { Finding } from '../../findings';
import { LocalizedText, text } from '../../text/locale';
import { IndicatorModel, NamedItem } from '../../rubric/model/rubric-model';
import { Field } from '../../yaml/field';
import { nearSpelling } from '../../text/near-spelling';
import { displayName, isDeductLeaf, isLeaf, nameWithId, RubricIndex } from '../rubric-index';
import { KeyedFigure } from '../types';
import { measuredIdProblems } from './measured-ids';
import { pointsForRoundLeaves, unknownRoundIndicators } from '../rounds/round-findings';
import { ofSubject, ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

type Kind = 'indicator' | 'rule' | 'bonus' | 'penalty' | 'veto' | 'rater';

const KIND_NAMES: Record<Kind, LocalizedText> = {
  indicator: text('indicator', '指标'),
  rule: text('deduction rule', '扣分规则'),
  bonus: text('bonus item', '加分事项'),
  penalty: text('penalty item', '减分事项'),
  veto: text('veto', '一票否决事项'),
  rater: text('rater group', '评价主体'),
};

/** `No indicator "fier" in the rubric: did you mean "fire"?`; without a near spelling, what there is, by name and id. */
function unknownId(kind: Kind, written: string, candidates: readonly (NamedItem | IndicatorModel)[]): LocalizedText {
  const name = KIND_NAMES[kind];
  const ids = candidates.flatMap((c) => (c.key === undefined ? [] : [c.key]));
  const near = nearSpelling(written, ids);
  if (ids.length === 0) {
    return text(`The rubric has no ${name.en} to score: "${written}" names nothing`, `考核细则中没有${name['zh-CN']}：“${written}”无从对应`);
  }
  const named = candidates.filter((c) => c.key !== undefined).map(nameWithId);
  const hintEn = near ? `: did you mean "${near}"?` : `; the rubric has ${shownList(named.map((n) => n.en))}`;
  const hintZh = near
    ? `：是否应为“${near}”？`
    : `；考核细则中有：${shownList(
        named.map((n) => n['zh-CN']),
        '、',
      )}`;
  return text(`No ${name.en} "${written}" in the rubric${hintEn}`, `考核细则中没有${name['zh-CN']}“${written}”${hintZh}`);
}

function shownList(items: readonly string[], separator = ', '): string {
  return items.length > 8 ? `${items.slice(0, 8).join(separator)}${separator}…` : items.join(separator);
}

const values = <T>(items: Map<string, T>) => [...items.values()];

function leaves(index: RubricIndex, only?: (leaf: IndicatorModel) => boolean): IndicatorModel[] {
  return index.leaves.filter((leaf) => !only || only(leaf));
}

/** A leaf id under `points`: unknown, or a group whose items are scored instead. */
function indicatorProblem(index: RubricIndex, key: string): LocalizedText | undefined {
  const indicator = index.indicators.get(key);
  if (!indicator) return unknownId('indicator', key, leaves(index));
  if (isLeaf(indicator)) return undefined;
  const items = indicator.items!.filter((item) => item.key !== undefined).map(nameWithId);
  const name = displayName(indicator);
  return text(
    `"${name}" is a group: score its items instead: ${items.map((i) => i.en).join(', ')}`,
    `“${name}”是分组指标：请为其下级指标评分：${items.map((i) => i['zh-CN']).join('、')}`,
  );
}

/** Ids the rubric does not have: indicators (or groups) under points, deduction rules, bonus, penalty, veto and rater ids, tie-break indicators. */
export const unknownIndicator: ScoresheetCheck = {
  code: 'unknown-indicator',
  severity: 'error',
  entry(entry, position, { index }) {
    if (!index) return [];
    const findings: Finding[] = [];
    const report = (field: Field<string>, message: LocalizedText | undefined) => {
      if (message) findings.push(scoresheetFinding(this, field.span, ofSubject(entry, position, message)));
    };
    const checkPoints = (points: readonly KeyedFigure[]) => {
      for (const figure of points) if (figure.key.value !== undefined) report(figure.key, indicatorProblem(index, figure.key.value));
    };
    checkPoints(entry.points);
    findings.push(...pointsForRoundLeaves(this, entry, index));
    for (const view of entry.by) {
      const rater = view.rater.value;
      if (rater !== undefined && !index.raters.has(rater)) report(view.rater, unknownId('rater', rater, values(index.raters)));
      if (view.kind === 'points') checkPoints(view.points);
    }
    const reported = new Set<string>();
    for (const deduction of entry.deductions) {
      const key = deduction.indicator.value;
      if (key === undefined) continue;
      const indicator = index.indicators.get(key);
      if (!indicator || !isLeaf(indicator)) {
        if (!reported.has(key))
          report(deduction.indicator, indicator ? indicatorProblem(index, key) : unknownId('indicator', key, leaves(index, isDeductLeaf)));
        reported.add(key);
        continue;
      }
      if (!isDeductLeaf(indicator)) {
        if (!reported.has(key)) {
          report(
            deduction.indicator,
            text(
              `"${displayName(indicator)}" is not scored by deduction: write its points under points`,
              `“${displayName(indicator)}”不是扣分制指标：请在 points 下填写其得分`,
            ),
          );
        }
        reported.add(key);
        continue;
      }
      const scoring = indicator.scoring!;
      const rules = scoring.rules.flatMap((r) => (r.key === undefined ? [] : [r.key]));
      const name = displayName(indicator);
      if (scoring.deduct && deduction.form === 'rules' && deduction.rule) {
        report(
          deduction.rule,
          text(`"${name}" has a single deduction rule: write the cases as ${key}: N`, `“${name}”只有一条扣分规则：请直接写次数，如 ${key}: N`),
        );
      } else if (!scoring.deduct && deduction.form === 'count') {
        report(
          deduction.indicator,
          text(
            `"${name}" has several deduction rules: name the rule, as in ${key}: {${rules[0] ?? 'rule'}: N}`,
            `“${name}”有多条扣分规则：请写明规则编号，如 ${key}: {${rules[0] ?? 'rule'}: N}`,
          ),
        );
      } else if (deduction.rule?.value !== undefined && !rules.includes(deduction.rule.value)) {
        report(deduction.rule, unknownId('rule', deduction.rule.value, scoring.rules));
      }
    }
    for (const figure of entry.bonus)
      if (figure.key.value !== undefined && !index.bonus.has(figure.key.value)) report(figure.key, unknownId('bonus', figure.key.value, values(index.bonus)));
    for (const figure of entry.penalties) {
      if (figure.key.value !== undefined && !index.penalties.has(figure.key.value))
        report(figure.key, unknownId('penalty', figure.key.value, values(index.penalties)));
    }
    for (const veto of entry.veto)
      if (veto.value !== undefined && !index.vetoes.has(veto.value)) report(veto, unknownId('veto', veto.value, values(index.vetoes)));
    measuredIdProblems(entry, index, report);
    return findings;
  },
  run(context) {
    const { model, index } = context;
    if (!index) return [];
    const findings: Finding[] = unknownRoundIndicators(this, context);
    const report = (field: Field<string>, message: LocalizedText | undefined) => {
      if (message) findings.push(scoresheetFinding(this, field.span, message));
    };
    for (const indicator of model.tieBreak.items) {
      if (indicator.value !== undefined && !index.indicators.has(indicator.value))
        report(indicator, unknownId('indicator', indicator.value, values(index.indicators)));
    }
    return findings;
  },
};
