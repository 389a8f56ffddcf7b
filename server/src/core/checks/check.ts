import { Decimal, formatDecimal } from '../decimal';
import { DiagnosticCode, Finding, FindingOf, LocalizedText, Severity } from '../findings';
import { RubricModel } from '../model/rubric-model';
import { Allocation, TierQuotaInput } from '../quota/allocate';
import { Span } from '../text/span';

/** What every check reads; the allocation for the rubric's own N is computed once for all. */
export interface CheckContext {
  model: RubricModel;
  quotaInputs: TierQuotaInput[];
  /** Slots for the rubric's N (or, for quota checks under 分序列, one group's); undefined when N is not stated. */
  allocation: Allocation | undefined;
  /** Under 分序列, the N of the group the quota checks run for. */
  groupSubjects?: number;
  /** 1-based line of an offset, for messages that point at another place ("first at line 12"). */
  lineOf(offset: number): number;
  /** What the schema found: a check that would only guess about a rejected value can keep quiet. */
  schemaFindings: readonly Finding[];
}

/** One semantic check: its id is its stable diagnostic code. */
export interface Check<C extends DiagnosticCode = DiagnosticCode> {
  code: C;
  severity: Severity;
  run(context: CheckContext): Finding[];
}

/** A finding of the check's code, with the data its quick fixes read. */
export function finding<C extends DiagnosticCode>(
  check: Check<C>,
  span: Span,
  message: LocalizedText,
  extra: Pick<FindingOf<C>, 'dependsOn' | 'data'> = {},
): FindingOf<C> {
  return { code: check.code, severity: check.severity, span, message, ...extra };
}

/** Exact, without trailing zeros: 7.5, 33.3, 100. */
export function fmt(value: Decimal): string {
  return formatDecimal(value, 10);
}

/** "5 missing" / "5 over" for a sum against its target, both languages. */
export function difference(actual: Decimal, expected: Decimal): { en: string; zh: string } {
  const gap = expected.minus(actual);
  return gap.gt(0) ? { en: `${fmt(gap)} missing`, zh: `还差 ${fmt(gap)}` } : { en: `${fmt(gap.abs())} over`, zh: `超出 ${fmt(gap.abs())}` };
}
