import { Decimal } from '../decimal';
import { QuotaAmount, QuotaBound } from '../quota/allocate';
import { QuotaRounding, RoundingMode } from '../quota/rounding';
import { Span } from '../text/span';

/**
 * The typed rubric, built straight from the YAML tree so every element keeps the spans that
 * diagnostics, hovers and edits need. A value of the wrong type is kept as `undefined`: the
 * schema reports it once, and every figure that depends on it becomes unknown, never wrong.
 */

export interface Field<T> {
  /** `undefined` when the value is missing or not of the expected type. */
  value: T | undefined;
  keySpan: Span;
  /** The value, or the key when the value is empty. */
  span: Span;
}

export interface IndicatorModel {
  /** Position in the tree: [2, 0] is the first item of the third top-level indicator. */
  path: number[];
  span: Span;
  name?: Field<string>;
  id?: Field<string>;
  /** The id, defaulting to the name. */
  key: string | undefined;
  /** Where the key is spelled: the id's value, else the name's. */
  keySpan: Span;
  weight?: Field<Decimal>;
  items?: IndicatorModel[];
  itemsField?: Field<unknown>;
  methods: Field<string>[];
  scoring?: ScoringModel;
  /** The explicit weight, or for a group without one the sum of its items; undefined when unknown. */
  effectiveWeight: Decimal | undefined;
  /** For a group: its items' effective weights added exactly; undefined when any is unknown. */
  itemsSum: Decimal | undefined;
}

export interface ScoringModel {
  span: Span;
  levels: { points: Field<Decimal>; when?: Field<string> }[];
  deduct?: Field<Decimal>;
  /** The lowest the indicator falls to under deductions (0 when not written). */
  floor?: Field<Decimal>;
}

export interface NamedItem {
  span: Span;
  id?: Field<string>;
  name?: Field<string>;
  key: string | undefined;
  keySpan: Span;
}

export interface RaterModel extends NamedItem {
  weight?: Field<Decimal>;
}

export interface BonusItemModel extends NamedItem {
  points?: Field<Decimal>;
}

export interface VetoModel extends NamedItem {
  tier?: Field<string>;
}

export interface QuotaModel {
  field: Field<unknown>;
  bounds: Partial<Record<QuotaBound, Field<QuotaAmount>>>;
  rounding?: Field<QuotaRounding>;
}

export interface TierModel extends NamedItem {
  quota?: QuotaModel;
  minScore?: Field<Decimal>;
}

export interface ListField<T> {
  field?: Field<unknown>;
  items: T[];
}

export interface RubricModel {
  span: Span;
  title?: Field<string>;
  /** What the top-level weights must add up to; 100 when not written. */
  total: Decimal | undefined;
  totalField?: Field<Decimal>;
  /** N: the length of the `subjects` list or the count; undefined when not stated. */
  subjects: number | undefined;
  subjectsField?: Field<unknown>;
  /** The named subjects, when `subjects` is a list. */
  subjectItems: NamedItem[];
  rounding: RoundingMode;
  roundingField?: Field<RoundingMode>;
  methods: ListField<NamedItem>;
  raters: ListField<RaterModel>;
  indicators: ListField<IndicatorModel>;
  /** Every indicator of the tree, depth first. */
  allIndicators: IndicatorModel[];
  bonus?: { field: Field<unknown>; cap?: Field<Decimal>; items: BonusItemModel[] };
  veto: ListField<VetoModel>;
  tiers: ListField<TierModel>;
}
