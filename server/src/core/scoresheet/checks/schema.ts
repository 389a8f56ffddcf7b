import { text } from '../../text/locale';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/**
 * What the JSON schema cannot say about an entry: `points` beside `by` would be a second figure
 * for the same subject, so the total is left unknown and the clash shown at `points`.
 */
export const scoresheetShape: ScoresheetCheck = {
  code: 'schema',
  severity: 'error',
  entry(entry) {
    if (!entry.pointsField || !entry.byField || entry.points.length === 0 || entry.by.length === 0) return [];
    return [
      scoresheetFinding(
        this,
        entry.pointsField.keySpan,
        text(
          'points and by exclude each other: with raters, give each rater group its points under by',
          'points 与 by 不能同时填写：设有评价主体时，请在 by 下按评价主体分别填写得分',
        ),
      ),
    ];
  },
};
