import { exactText } from '../../decimal';
import { IndicatorModel, RubricModel } from '../../rubric/model/rubric-model';
import { Analysis } from '../../rubric/types';
import { isDeductLeaf, isLeaf } from '../rubric-index';

/** A key or value as YAML needs it: plain when safe, quoted otherwise. */
function yamlText(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.]+$/.test(value)
    ? value
    : JSON.stringify(value);
}

function comment(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function leafNote(leaf: IndicatorModel): string {
  const weight = leaf.effectiveWeight ? exactText(leaf.effectiveWeight) : '?';
  const levels = (leaf.scoring?.levels ?? []).flatMap((l) => (l.points.value === undefined ? [] : [exactText(l.points.value)]));
  const name = comment(leaf.name?.value ?? leaf.key ?? '');
  return `${name}（${weight} 分${levels.length > 0 ? `；档次 ${levels.join(' / ')}` : ''}）`;
}

/** The points block of one sheet: every leaf not scored by deduction, its value left empty. */
function pointsLines(model: RubricModel, indent: string): string[] {
  const leaves = model.allIndicators.filter((i) => isLeaf(i) && !isDeductLeaf(i) && i.key !== undefined);
  if (leaves.length === 0) return [];
  const width = Math.max(...leaves.map((l) => yamlText(l.key!).length));
  return leaves.map((leaf) => `${indent}${`${yamlText(leaf.key!)}:`.padEnd(width + 2)}# ${leafNote(leaf)}`);
}

function deductionLines(model: RubricModel, indent: string): string[] {
  const leaves = model.allIndicators.filter((i) => isLeaf(i) && isDeductLeaf(i) && i.key !== undefined);
  if (leaves.length === 0) return [];
  const lines = [`${indent}# 扣分制指标不填得分即得满分；发生扣分时填写次数 (deduction items keep their weight; write the cases):`];
  lines.push(`${indent}# deductions:`);
  for (const leaf of leaves) {
    const rules = leaf.scoring?.rules ?? [];
    if (rules.length > 0) {
      lines.push(`${indent}#   ${yamlText(leaf.key!)}: {${rules.map((r) => `${yamlText(r.key ?? '?')}: 0`).join(', ')}}  # ${comment(leaf.name?.value ?? '')}`);
    } else {
      lines.push(`${indent}#   ${yamlText(leaf.key!)}: 0  # ${comment(leaf.name?.value ?? '')}`);
    }
  }
  return lines;
}

/** One entry of `scores:`. */
function entryLines(model: RubricModel, subject: string, group: string | undefined): string[] {
  const lines = [`  - subject: ${subject}`];
  if (group) lines.push(`    group: ${yamlText(group)}`);
  if (model.raters.items.length > 0) {
    lines.push('    by: # 各评价主体：填写总分，或按指标填写得分 (each rater group: a total, or points per leaf)');
    for (const rater of model.raters.items) {
      if (rater.key === undefined) continue;
      const weight = rater.weight?.value ? `${exactText(rater.weight.value)}%` : '?';
      lines.push(`      ${`${yamlText(rater.key)}:`} # ${comment(rater.name?.value ?? rater.key)}（${weight}）`);
    }
  } else {
    const points = pointsLines(model, '      ');
    if (points.length > 0) lines.push('    points:', ...points);
  }
  lines.push(...deductionLines(model, '    '));
  return lines;
}

/**
 * A blank scoresheet for a rubric: every subject (a placeholder per group, or one, when the
 * rubric only counts them) and every leaf, the points left empty to fill in. It names the rubric
 * by `rubricPath`, relative to where the sheet will be saved.
 */
export function newScoresheetText(rubricAnalysis: Analysis, rubricPath: string): string {
  const model = rubricAnalysis.documents[0]?.model;
  const header = [`# 评分表 (scoresheet)${model?.title?.value ? `：${comment(model.title.value)}` : ''}`, `rubric: ${yamlText(rubricPath)}`];
  if (!model) return [...header, 'scores: []', ''].join('\n');
  const entries: string[][] = [];
  if (model.subjectGroups.length > 0) {
    for (const group of model.subjectGroups) {
      if (group.members.length > 0) for (const member of group.members) entries.push(entryLines(model, yamlText(member.key ?? '?'), undefined));
      // One placeholder per counted group, each its own name so none reads as scored twice.
      else
        entries.push(
          entryLines(
            model,
            `${yamlText(`待填写-${group.key ?? '?'}`)} # ${comment(group.name?.value ?? group.key ?? '')}：共 ${group.size ?? '?'} 个 (placeholder)`,
            group.key,
          ),
        );
    }
  } else if (model.subjectItems.length > 0) {
    for (const item of model.subjectItems) entries.push(entryLines(model, yamlText(item.key ?? '?'), undefined));
  } else {
    entries.push(entryLines(model, `待填写 # 考核对象名称${model.subjects ? `，共 ${model.subjects} 个` : ''} (placeholder)`, undefined));
  }
  return [...header, 'ties: flag # 分界处同分：flag | share | break', 'scores:', ...entries.flat(), ''].join('\n');
}
