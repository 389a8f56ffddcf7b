import { bonusExceedsCap } from './bonus-exceeds-cap';
import { Check } from './check';
import { childrenSum } from './children-sum';
import { duplicateId } from './duplicate-id';
import { formulaRange } from './formula-range';
import { formulaSyntax } from './formula-syntax';
import { quotaConflict } from './quota-conflict';
import { quotaEmpty } from './quota-empty';
import { quotaOverflow } from './quota-overflow';
import { quotaRange } from './quota-range';
import { quotaRounding } from './quota-rounding';
import { quotaShortfall } from './quota-shortfall';
import { ratersSum } from './raters-sum';
import { ruleExceedsWeight } from './rule-exceeds-weight';
import { thresholdOrder } from './threshold-order';
import { thresholdUnreachable } from './threshold-unreachable';
import { unknownName } from './unknown-name';
import { unknownReference } from './unknown-reference';
import { vetoBestTier } from './veto-best-tier';
import { weightsSum } from './weights-sum';

/** Every semantic check, in the order their findings are listed. */
export const CHECKS: readonly Check[] = [
  weightsSum,
  childrenSum,
  ratersSum,
  duplicateId,
  unknownReference,
  quotaOverflow,
  quotaShortfall,
  quotaConflict,
  quotaEmpty,
  quotaRounding,
  quotaRange,
  thresholdOrder,
  thresholdUnreachable,
  ruleExceedsWeight,
  bonusExceedsCap,
  vetoBestTier,
  formulaSyntax,
  unknownName,
  formulaRange,
];
