import { duplicateSubject } from './duplicate-id';
import { formulaUndefined } from './formula-undefined';
import { inputOutOfRange } from './input-out-of-range';
import { missingInput } from './missing-input';
import { missingScore } from './missing-score';
import { quotaAboveTarget } from './quota-above-target';
import { roundRubricDiffers } from './round-rubric-differs';
import { rubricNotFound } from './rubric-not-found';
import { scoresheetLoop } from './scoresheet-loop';
import { scoresheetNotFound } from './scoresheet-not-found';
import { scoresheetShape } from './schema';
import { scoreNotALevel } from './score-not-a-level';
import { scoreOutOfRange } from './score-out-of-range';
import { ScoresheetCheck } from './scoresheet-check';
import { tieAtBoundary } from './tie-at-boundary';
import { unknownIndicator } from './unknown-indicator';
import { unknownSubject } from './unknown-subject';

/** Every scoresheet check, each in its own file named by its code. */
export const SCORESHEET_CHECKS: readonly ScoresheetCheck[] = [
  rubricNotFound,
  scoresheetNotFound,
  scoresheetLoop,
  roundRubricDiffers,
  scoresheetShape,
  duplicateSubject,
  unknownIndicator,
  scoreOutOfRange,
  scoreNotALevel,
  missingScore,
  unknownSubject,
  tieAtBoundary,
  missingInput,
  inputOutOfRange,
  formulaUndefined,
  quotaAboveTarget,
];
