/**
 * What the checks of both document kinds report: a finding's code, severity, tightest span and
 * message in both languages, and the data its quick fix reads. Types only: the checks, the
 * services, the language server and the command line all read them.
 */
import type { QuotaBound } from './quota/allocate';
import type { QuotaRounding } from './quota/rounding';
import type { LocalizedText } from './text/locale';
import { Span } from './text/span';

export type Severity = 'error' | 'warning' | 'info';
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'schema'
  | 'weights-sum'
  | 'children-sum'
  | 'raters-sum'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'quota-overflow'
  | 'quota-shortfall'
  | 'quota-conflict'
  | 'quota-empty'
  | 'quota-rounding'
  | 'threshold-order'
  | 'threshold-unreachable'
  | 'rule-exceeds-weight'
  | 'quota-range'
  | 'bonus-exceeds-cap'
  | 'veto-best-tier'
  | 'unused-ignore'
  // Both kinds: a tier's count above its quota's `target` (in the simulation, in the ranking)
  | 'quota-above-target'
  // Points from measurements: a formula's problems
  | 'formula-syntax'
  | 'unknown-name'
  | 'formula-range'
  // Scoresheets (`*.scores.yaml`)
  | 'rubric-not-found'
  | 'score-out-of-range'
  | 'score-not-a-level'
  | 'unknown-indicator'
  | 'missing-score'
  | 'unknown-subject'
  | 'tie-at-boundary'
  | 'scoresheet-not-found'
  | 'scoresheet-loop'
  | 'round-rubric-differs'
  // Scoresheets of measured indicators
  | 'missing-input'
  | 'input-out-of-range'
  | 'formula-undefined';

/**
 * Facts a quick fix needs, per diagnostic code (sums as exact decimal strings). Declared once
 * here, written by the check of that code and read by the code actions: the compiler checks
 * every fix against the check that produced its finding.
 */
export interface FindingData {
  schema: { missingKey?: string; unknownKey?: string; suggestion?: string };
  'weights-sum': { expected: string; actual: string };
  'children-sum': { expected: string; actual: string; path: number[]; composite: boolean };
  'raters-sum': { expected: string; actual: string };
  'duplicate-id': { kind: string; key: string; fromName: boolean };
  'unknown-reference': { reference: string; suggestion?: string };
  'quota-empty': { tier: number; bound: QuotaBound; keeps?: QuotaRounding };
  'quota-rounding': { tier: number; bound: QuotaBound; keeps?: QuotaRounding };
  /** `rounding`: the rubric-wide rounding that cures the overflow or shortfall (fixed shares adding up to 100%). */
  'quota-overflow': { rounding?: 'largest-remainder' };
  'quota-shortfall': { rounding?: 'largest-remainder' };
  /** Either a rule of one tier (`tier`, `bound`, and the quota rounding that keeps it at every size) or the tiers together. */
  'quota-range': { tier?: number; bound?: QuotaBound; keeps?: QuotaRounding; rounding?: 'largest-remainder' };
  'rule-exceeds-weight': { weight: string };
  /** The name meant (an input id, `weight` or a function), for a quick fix. */
  'unknown-name': { suggestion?: string };
}

export type FindingDataOf<C extends DiagnosticCode> = C extends keyof FindingData ? FindingData[C] : never;

/** A finding of one code. */
export interface FindingOf<C extends DiagnosticCode> {
  code: C;
  severity: Severity;
  /** The tightest stretch of text that shows the problem. */
  span: Span;
  message: LocalizedText;
  /**
   * The text the finding was computed from (a whole list for a sum). In a document with a syntax
   * error, findings that depend on text at or after the error are held back: that text may be
   * half-typed, and a sum over it would be a guess.
   */
  dependsOn?: Span;
  data?: FindingDataOf<C>;
}

/** Any finding: a union keyed by `code`, so `finding.data` has the type of its code's data. */
export type Finding = { [C in DiagnosticCode]: FindingOf<C> }[DiagnosticCode];
