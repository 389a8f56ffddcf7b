import { Finding } from '../../findings';
import { LocalizedText, text } from '../../text/locale';
import { IndicatorModel, NamedItem } from '../../rubric/model/rubric-model';

import { displayName, groupIndex, isDeductLeaf, RubricIndex } from '../rubric-index';
import { isMeasured } from '../../rubric/model/measure';
import { appliesNot, inapplicableKeys } from '../measured';
import { missingRoundScores } from '../rounds/round-findings';
import { isRoundsLeaf } from '../rounds/sheet-rounds';
import { KeyedFigure, SubjectScoresModel } from '../types';
import { ScoresheetCheck, scoresheetFinding, subjectLabel } from './scoresheet-check';

/**
 * Leaves a sheet leaves unscored; one scored by deduction keeps its weight and is never missing,
 * one worked out from measurements has its own `missing-input`, one that does not apply has no score, one scored from rounds is missing from them.
 */
function unscored(index: RubricIndex, points: readonly KeyedFigure[], entry: SubjectScoresModel): IndicatorModel[] {
  const scored = new Set(points.filter((p) => !p.blank).map((p) => p.key.value));
  const inapplicable = inapplicableKeys(entry);
  return index.leaves.filter(
    (leaf) => !isDeductLeaf(leaf) && !isMeasured(leaf) && !isRoundsLeaf(leaf) && !scored.has(leaf.key) && !appliesNot(index, leaf, inapplicable),
  );
}

function listed(items: readonly string[], separator: string): string {
  return items.length > 6
    ? `${items.slice(0, 6).join(separator)}${separator}…${separator === '、' ? `（共 ${items.length} 项）` : ` (${items.length})`}`
    : items.join(separator);
}

/** A leaf left unscored (at the subject's name), a rater group with no view, a subject of the rubric not scored (at `scores:`). */
export const missingScore: ScoresheetCheck = {
  code: 'missing-score',
  severity: 'warning',
  entry(entry, i, { index }) {
    // A misspelt key (`pionts:`) is the schema's finding: its scores are there, only unread.
    if (!index || entry.strayKeys) return [];
    const at = entry.subject?.span ?? { start: entry.span.start, end: entry.span.start };
    const name = subjectLabel(entry, i);
    const gaps: LocalizedText[] = [];
    const quoted = (item: NamedItem | IndicatorModel) => text(`"${displayName(item)}"`, `“${displayName(item)}”`);
    if (entry.by.length > 0) {
      for (const rater of index.model.raters.items) {
        const view = entry.by.find((v) => v.rater.value === rater.key);
        if (!view || (view.kind === 'total' && view.blank)) gaps.push(text(`the view of ${quoted(rater).en}`, `${quoted(rater)['zh-CN']}的评分`));
        else if (view.kind === 'points')
          gaps.push(
            ...unscored(index, view.points, entry).map((leaf) =>
              text(`${quoted(leaf).en} by ${displayName(rater)}`, `${displayName(rater)}对${quoted(leaf)['zh-CN']}的评分`),
            ),
          );
      }
    } else {
      gaps.push(...unscored(index, entry.points, entry).map(quoted));
    }
    if (gaps.length === 0) return [];
    return [
      scoresheetFinding(
        this,
        at,
        text(
          `${name}: no score yet for ${listed(
            gaps.map((g) => g.en),
            ', ',
          )}; its total is not known`,
          `${name}：${listed(
            gaps.map((g) => g['zh-CN']),
            '、',
          )}尚未评分，总分暂无法确定`,
        ),
      ),
    ];
  },
  run(context) {
    const { model, index, documentStart } = context;
    if (!index) return [];
    const findings: Finding[] = missingRoundScores(this, context);
    const where = model.scores.field?.keySpan ?? documentStart;
    // Only a rubric that names its subjects has names to miss: no pass over the entries otherwise.
    const written = index.subjects.size === 0 ? undefined : writtenNames(model.scores.items);
    const notScored = written ? [...index.subjects.keys()].filter((name) => !written.has(name)) : [];
    if (notScored.length > 0) {
      findings.push(
        scoresheetFinding(
          this,
          where,
          text(`Subjects of the rubric not scored: ${listed(notScored, ', ')}`, `考核细则中以下考核对象尚未评分：${listed(notScored, '、')}`),
        ),
      );
    }
    // Counted subjects have no names: say how many are still to come.
    const groups = index.model.subjectGroups;
    if (groups.length > 0) {
      groups.forEach((group, g) => {
        if (group.members.length > 0 || group.size === undefined) return;
        const scored = model.scores.items.filter((entry) => groupIndex(index, entry) === g).length;
        if (scored >= group.size) return;
        const label = group.name?.value || group.key || `#${g + 1}`;
        findings.push(
          scoresheetFinding(
            this,
            where,
            text(`${label} counts ${group.size} subjects; ${scored} are scored`, `${label}共 ${group.size} 个考核对象，已评分 ${scored} 个`),
          ),
        );
      });
    } else if (index.model.subjectItems.length === 0 && index.model.subjects !== undefined && model.scores.items.length < index.model.subjects) {
      const n = index.model.subjects;
      findings.push(
        scoresheetFinding(
          this,
          where,
          text(
            `The rubric assesses ${n} subjects; ${model.scores.items.length} are scored`,
            `考核细则共 ${n} 个考核对象，已评分 ${model.scores.items.length} 个`,
          ),
        ),
      );
    }
    return findings;
  },
};

/** The subjects the entries name. */
function writtenNames(entries: readonly SubjectScoresModel[]): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) if (entry.subject?.value !== undefined) names.add(entry.subject.value);
  return names;
}
