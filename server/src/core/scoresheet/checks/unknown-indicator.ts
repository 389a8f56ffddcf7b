import { Finding } from '../../findings';
import { LocalizedText, text } from '../../text/locale';
import { IndicatorModel } from '../../rubric/model/rubric-model';
import { Field } from '../../yaml/field';
import { nearSpelling } from '../../text/near-spelling';
import { isDeductLeaf, isLeaf, RubricIndex } from '../rubric-index';
import { KeyedFigure } from '../types';
import { measuredIdProblems } from './measured-ids';
import { pointsForRoundLeaves, unknownRoundIndicators } from '../rounds/round-findings';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

type Kind = 'indicator' | 'rule' | 'bonus' | 'penalty' | 'veto' | 'rater';

const KIND_NAMES: Record<Kind, LocalizedText> = {
  indicator: text('indicator', '指标'),
  rule: text('deduction rule', '扣分规则'),
  bonus: text('bonus item', '加分事项'),
  penalty: text('penalty item', '减分事项'),
  veto: text('veto', '一票否决事项'),
  rater: text('rater group', '评价主体'),
};

/** `No indicator "fier" in the rubric: did you mean "fire"?` */
function unknownId(kind: Kind, written: string, candidates: readonly string[]): LocalizedText {
  const name = KIND_NAMES[kind];
  const near = nearSpelling(written, candidates);
  if (candidates.length === 0) {
    return text(`The rubric has no ${name.en} to score: "${written}" names nothing`, `考核细则中没有${name['zh-CN']}：“${written}”无从对应`);
  }
  const hintEn = near ? `: did you mean "${near}"?` : `; the rubric has ${shownList(candidates)}`;
  const hintZh = near ? `：是否应为“${near}”？` : `；考核细则中有：${shownList(candidates, '、')}`;
  return text(`No ${name.en} "${written}" in the rubric${hintEn}`, `考核细则中没有${name['zh-CN']}“${written}”${hintZh}`);
}

function shownList(items: readonly string[], separator = ', '): string {
  return items.length > 8 ? `${items.slice(0, 8).join(separator)}${separator}…` : items.join(separator);
}

const keys = (items: Map<string, unknown>) => [...items.keys()];

function leafKeys(index: RubricIndex, only?: (leaf: IndicatorModel) => boolean): string[] {
  return index.leaves.filter((leaf) => !only || only(leaf)).flatMap((leaf) => (leaf.key === undefined ? [] : [leaf.key]));
}

/** A leaf id under `points`: unknown, or a group whose items are scored instead. */
function indicatorProblem(index: RubricIndex, key: string): LocalizedText | undefined {
  const indicator = index.indicators.get(key);
  if (!indicator) return unknownId('indicator', key, leafKeys(index));
  if (isLeaf(indicator)) return undefined;
  const items = indicator.items!.flatMap((item) => (item.key === undefined ? [] : [item.key]));
  return text(`"${key}" is a group: score its items (${items.join(', ')}) instead`, `“${key}”是分组指标：请为其下级指标（${items.join('、')}）评分`);
}

/** Ids the rubric does not have: indicators (or groups) under points, deduction rules, bonus, penalty, veto and rater ids, tie-break indicators. */
export const unknownIndicator: ScoresheetCheck = {
  code: 'unknown-indicator',
  severity: 'error',
  entry(entry, _, { index }) {
    if (!index) return [];
    const findings: Finding[] = [];
    const report = (field: Field<string>, message: LocalizedText | undefined) => {
      if (message) findings.push(scoresheetFinding(this, field.span, message));
    };
    const checkPoints = (points: readonly KeyedFigure[]) => {
      for (const figure of points) if (figure.key.value !== undefined) report(figure.key, indicatorProblem(index, figure.key.value));
    };
    checkPoints(entry.points);
    findings.push(...pointsForRoundLeaves(this, entry, index));
    for (const view of entry.by) {
      const rater = view.rater.value;
      if (rater !== undefined && !index.raters.has(rater)) report(view.rater, unknownId('rater', rater, keys(index.raters)));
      if (view.kind === 'points') checkPoints(view.points);
    }
    const reported = new Set<string>();
    for (const deduction of entry.deductions) {
      const key = deduction.indicator.value;
      if (key === undefined) continue;
      const indicator = index.indicators.get(key);
      if (!indicator || !isLeaf(indicator)) {
        if (!reported.has(key))
          report(deduction.indicator, indicator ? indicatorProblem(index, key) : unknownId('indicator', key, leafKeys(index, isDeductLeaf)));
        reported.add(key);
        continue;
      }
      if (!isDeductLeaf(indicator)) {
        if (!reported.has(key)) {
          report(
            deduction.indicator,
            text(`"${key}" is not scored by deduction: write its points under points`, `“${key}”不是扣分制指标：请在 points 下填写其得分`),
          );
        }
        reported.add(key);
        continue;
      }
      const scoring = indicator.scoring!;
      const rules = scoring.rules.flatMap((r) => (r.key === undefined ? [] : [r.key]));
      if (scoring.deduct && deduction.form === 'rules' && deduction.rule) {
        report(
          deduction.rule,
          text(`"${key}" has a single deduction rule: write the cases as ${key}: N`, `“${key}”只有一条扣分规则：请直接写次数，如 ${key}: N`),
        );
      } else if (!scoring.deduct && deduction.form === 'count') {
        report(
          deduction.indicator,
          text(
            `"${key}" has several deduction rules: name the rule, as in ${key}: {${rules[0] ?? 'rule'}: N}`,
            `“${key}”有多条扣分规则：请写明规则编号，如 ${key}: {${rules[0] ?? 'rule'}: N}`,
          ),
        );
      } else if (deduction.rule?.value !== undefined && !rules.includes(deduction.rule.value)) {
        report(deduction.rule, unknownId('rule', deduction.rule.value, rules));
      }
    }
    for (const figure of entry.bonus)
      if (figure.key.value !== undefined && !index.bonus.has(figure.key.value)) report(figure.key, unknownId('bonus', figure.key.value, keys(index.bonus)));
    for (const figure of entry.penalties) {
      if (figure.key.value !== undefined && !index.penalties.has(figure.key.value))
        report(figure.key, unknownId('penalty', figure.key.value, keys(index.penalties)));
    }
    for (const veto of entry.veto)
      if (veto.value !== undefined && !index.vetoes.has(veto.value)) report(veto, unknownId('veto', veto.value, keys(index.vetoes)));
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
        report(indicator, unknownId('indicator', indicator.value, keys(index.indicators)));
    }
    return findings;
  },
};
