import { exactText, isNegative } from '../../decimal';
import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { displayName, isLeaf } from '../rubric-index';
import { KeyedFigure } from '../types';
import { ofSubject, ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/** Points that are none of the leaf's scoring levels (a typo, or a level the rubric forgot). */
export const scoreNotALevel: ScoresheetCheck = {
  code: 'score-not-a-level',
  severity: 'warning',
  entry(entry, position, { index }) {
    if (!index) return [];
    const findings: Finding[] = [];
    const check = (figure: KeyedFigure) => {
      const value = figure.value.value;
      const leaf = figure.key.value === undefined ? undefined : index.indicators.get(figure.key.value);
      // Most leaves have no levels: nothing to compare (asked first, for every score of every subject).
      if (value === undefined || !leaf || !leaf.scoring?.levels.length || !isLeaf(leaf)) return;
      const weight = leaf.effectiveWeight;
      // Out of range is score-out-of-range's to say.
      if (isNegative(value) || (weight !== undefined && value.gt(weight))) return;
      const levels = leaf.scoring.levels.flatMap((l) => (l.points.value === undefined ? [] : [l.points.value]));
      if (levels.length === 0 || levels.some((l) => l.eq(value))) return;
      const shown = levels.map(exactText);
      findings.push(
        scoresheetFinding(
          this,
          figure.value.span,
          ofSubject(
            entry,
            position,
            text(
              `${exactText(value)} is none of the levels of "${displayName(leaf)}": ${shown.join(', ')}`,
              `${exactText(value)} 不是“${displayName(leaf)}”的评分档次：${shown.join('、')}`,
            ),
          ),
        ),
      );
    };
    entry.points.forEach(check);
    for (const view of entry.by) if (view.kind === 'points') view.points.forEach(check);
    return findings;
  },
};
