import { text } from '../../text/locale';
import { measuredOutcomes } from '../measured';
import { displayName } from '../rubric-index';
import { ScoresheetCheck, scoresheetFinding, subjectLabel } from './scoresheet-check';

/**
 * A formula that cannot be worked out for a subject's figures (a division by zero), at the
 * subject's name: its indicator has no points, and its total is not known.
 */
export const formulaUndefined: ScoresheetCheck = {
  code: 'formula-undefined',
  severity: 'error',
  entry(entry, i, { index, aggregates }) {
    if (!index) return [];
    const at = entry.subject?.span ?? { start: entry.span.start, end: entry.span.start };
    const name = subjectLabel(entry, i);
    return [...measuredOutcomes(entry, index, aggregates).values()].flatMap((outcome) => {
      if (!outcome.evaluation?.undefined) return [];
      const leaf = displayName(outcome.measured.leaf);
      const { en, 'zh-CN': zh } = outcome.evaluation!.working;
      return [
        scoresheetFinding(
          this,
          at,
          // The working says it: `10 / 0 × 30 × 80%: cannot be worked out, it divides by zero: …`.
          text(`${name}: the formula of ${leaf}: ${en}`, `${name}：“${leaf}”的计分公式 ${zh}`),
        ),
      ];
    });
  },
};
