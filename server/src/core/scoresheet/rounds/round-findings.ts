import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { Field } from '../../yaml/field';
import { displayName, RubricIndex } from '../rubric-index';
import { ScoresheetCheck, ScoresheetCheckContext, scoresheetFinding } from '../checks/scoresheet-check';
import { SubjectScoresModel } from '../types';
import { isRoundsLeaf } from './sheet-rounds';

/**
 * What the checks of missing scores and unknown ids find about rounds, kept beside the rounds so
 * that those checks' own files each gain a line, not a section.
 */

function listed(items: readonly string[], separator: string): string {
  return items.length > 6 ? `${items.slice(0, 6).join(separator)}${separator}… (${items.length})` : items.join(separator);
}

/**
 * missing-score: a round with no total for subjects of this sheet (at the round's path), and a
 * leaf scored from rounds that `rounds:` names nothing for (at `rounds:`, else the first key).
 */
export function missingRoundScores(check: ScoresheetCheck, { model, index, rounds, duplicates, documentStart }: ScoresheetCheckContext): Finding[] {
  if (!index || !rounds) return [];
  const findings: Finding[] = [];
  const names = model.scores.items.flatMap((entry) => (entry.subject?.value === undefined || duplicates.has(entry) ? [] : [entry.subject.value]));
  for (const [leaf, columns] of rounds.byLeaf) {
    const leafName = displayName(leaf);
    for (const column of columns) {
      if (!column.lookup.found) continue;
      const missing = names.filter((name) => column.totals.get(name) === undefined);
      if (missing.length === 0) continue;
      const path = column.path.value;
      findings.push(
        scoresheetFinding(
          check,
          column.path.span,
          !column.rubric
            ? text(
                `"${path}" has no totals: its own rubric cannot be read, so ${leafName} is not known`,
                `“${path}”没有总分：其考核细则无法读取，“${leafName}”暂无法确定`,
              )
            : text(
                `"${path}" has no total for ${listed(missing, ', ')}: ${missing.length === 1 ? 'its' : 'their'} ${leafName} points are not known`,
                `“${path}”中 ${listed(missing, '、')} 没有总分，其“${leafName}”得分暂无法确定`,
              ),
        ),
      );
    }
  }
  const unnamed = rounds.leaves.filter((leaf) => !rounds.byLeaf.has(leaf));
  if (unnamed.length > 0 && names.length > 0) {
    const list = unnamed.map(displayName);
    findings.push(
      scoresheetFinding(
        check,
        model.roundsField?.keySpan ?? documentStart,
        text(
          `${listed(list, ', ')} ${list.length === 1 ? 'is' : 'are'} scored from rounds: name the rounds' scoresheets, as in rounds: {${unnamed[0].key ?? 'id'}: [q1.scores.yaml, …]}; no total is known until then`,
          `${listed(list, '、')} 按轮次计分：请在 rounds: 中列出各轮评分表，如 rounds: {${unnamed[0].key ?? 'id'}: [q1.scores.yaml, …]}；在此之前总分无法确定`,
        ),
      ),
    );
  }
  return findings;
}

/** unknown-indicator: a key of `rounds:` that names no indicator, or one the rubric does not score from rounds. */
export function unknownRoundIndicators(check: ScoresheetCheck, { model, index }: ScoresheetCheckContext): Finding[] {
  if (!index) return [];
  return model.rounds.flatMap((entry) => {
    const key = entry.indicator.value;
    if (key === undefined) return [];
    const indicator = index.indicators.get(key);
    if (indicator && isRoundsLeaf(indicator)) return [];
    const candidates = index.leaves.filter(isRoundsLeaf).flatMap((leaf) => (leaf.key === undefined ? [] : [leaf.key]));
    const known = candidates.length > 0 ? text(`; scored from rounds: ${candidates.join(', ')}`, `；按轮次计分的指标：${candidates.join('、')}`) : text('', '');
    const message = indicator
      ? text(
          `"${key}" is not scored from rounds: the rubric would say scoring: {rounds: mean}${known.en}`,
          `“${key}”不按轮次计分：须在考核细则中写明 scoring: {rounds: mean}${known['zh-CN']}`,
        )
      : text(`No indicator "${key}" in the rubric${known.en}`, `考核细则中没有指标“${key}”${known['zh-CN']}`);
    return [scoresheetFinding(check, entry.indicator.span, message)];
  });
}

/** unknown-indicator: a figure written for a leaf whose points come from its rounds (it would not be read). */
export function pointsForRoundLeaves(check: ScoresheetCheck, entry: SubjectScoresModel, index: RubricIndex): Finding[] {
  return entry.points.flatMap((figure) => {
    const key = figure.key.value;
    const indicator = key === undefined ? undefined : index.indicators.get(key);
    if (!indicator || !isRoundsLeaf(indicator)) return [];
    return [roundLeafFinding(check, figure.key, displayName(indicator))];
  });
}

function roundLeafFinding(check: ScoresheetCheck, key: Field<string>, name: string): Finding {
  return scoresheetFinding(
    check,
    key.span,
    text(
      `${name} takes its points from its rounds (rounds: in this sheet): this figure is not read`,
      `“${name}”的得分取自各轮评分表（本表 rounds:）：此处填写的分数不予采用`,
    ),
  );
}
