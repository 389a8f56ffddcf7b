import { Decimal, exactText } from '../../decimal';
import { DiagnosticCode, Finding, FindingOf, Severity } from '../../findings';
import { LocalizedText } from '../../text/locale';
import { IndicatorModel, NamedItem, RubricModel } from '../model/rubric-model';
import { Allocation, TierQuotaInput } from '../../quota/allocate';
import { Span } from '../../text/span';

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

/**
 * What a check of one indicator reads beyond the indicator itself. An incremental session keeps
 * an indicator's findings while its text is unchanged and everything here but `lineOf` is the
 * same (see indicatorInputs): a field added here must be added there.
 */
export interface IndicatorContext {
  /** The rubric's methods, which an indicator's `methods:` name by id. */
  methods: readonly NamedItem[];
  methodKeys: ReadonlySet<string>;
  /** As CheckContext's; a finding that reads it is made again on every version. */
  lineOf(offset: number): number;
  /**
   * The rubric's names a formula may have meant beyond its own indicator's (another indicator's
   * input, an indicator's id), for a clearer `unknown-name`. Read only for a formula with a name
   * it does not know; like lineOf, a finding that reads it is made again on every version.
   */
  rubricNames(): RubricNames;
}

/** What a formula's unknown name may be elsewhere in the rubric. */
export interface RubricNames {
  /** An input id → the indicators that have it, in tree order. */
  inputs: ReadonlyMap<string, readonly IndicatorModel[]>;
  /** An indicator id → its name. */
  indicators: ReadonlyMap<string, string | undefined>;
}

/** One semantic check: its id is its stable diagnostic code. */
export interface Check<C extends DiagnosticCode = DiagnosticCode> {
  code: C;
  severity: Severity;
  /** Findings about the rubric as a whole; the indicators' own are runOnIndicator's. */
  run(context: CheckContext): Finding[];
  /**
   * Findings about one indicator, read from it alone (its fields, the figures of its items) and
   * the IndicatorContext. Run for every indicator of the model; a session runs it again only for
   * indicators whose text changed, so a big rubric's keystroke does not walk the whole tree.
   */
  runOnIndicator?(indicator: IndicatorModel, context: IndicatorContext): Finding[];
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

/** The ids of a list's items. */
export function keysOf(items: readonly NamedItem[]): Set<string> {
  const keys = new Set<string>();
  for (const item of items) if (item.key !== undefined) keys.add(item.key);
  return keys;
}

/** "5 missing" / "5 over" for a sum against its target, both languages. */
export function difference(actual: Decimal, expected: Decimal): { en: string; zh: string } {
  const gap = expected.minus(actual);
  return gap.gt(0)
    ? { en: `${exactText(gap)} missing`, zh: `还差 ${exactText(gap)}` }
    : { en: `${exactText(gap.abs())} over`, zh: `超出 ${exactText(gap.abs())}` };
}
