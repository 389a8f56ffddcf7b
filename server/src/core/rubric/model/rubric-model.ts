import { Decimal } from '../../decimal';
import { QuotaAmount, QuotaBound } from '../../quota/allocate';
import { QuotaRounding, RoundingMode } from '../../quota/rounding';
import { Span } from '../../text/span';
import type { Field, ListField } from '../../yaml/field';
import type { ValuePlacement } from '../../yaml/scalar-offsets';

/**
 * The typed rubric, built straight from the YAML tree so every element keeps the spans that
 * diagnostics, hovers and edits need. A value of the wrong type is kept as `undefined`: the
 * schema reports it once, and every figure that depends on it becomes unknown, never wrong.
 */

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
  /** A composite group: its items add up to `out_of`, and the group counts `weight` (points × weight / out_of). */
  outOf?: Field<Decimal>;
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
  /** `deduct: 2` (per case of `per`): the single-rule form. */
  deduct?: Field<Decimal>;
  /** `deduct: [...]`: several rules, each per case (capped by `max`) or one-off (`when`). */
  rules: DeductRuleModel[];
  /** The `deduct:` key, for figures shown beside it. */
  deductField?: Field<unknown>;
  /** Never below this (0 when not written). */
  floor?: Field<Decimal>;
  /** `rounds: mean|sum`: the points come from the subject's totals in the rounds a scoresheet names. */
  rounds?: Field<RoundsMode>;
  /** Points from measurements: what is recorded per subject (`inputs`), and how it gives points (`formula`). */
  inputs: InputModel[];
  inputsField?: Field<unknown>;
  formula?: FormulaModel;
}

/** One measured input of an indicator scored by formula: `{id: reached, name: 达标断面个数, min: 0}`. */
export interface InputModel extends NamedItem {
  unit?: Field<string>;
  min?: Field<Decimal>;
  max?: Field<Decimal>;
  /** `integer: true`: a count or a yes/no, recorded as a whole number (extension of the contract). */
  integer?: Field<boolean>;
}

/** A formula as written: its text, and where each of its characters stands in the source (undefined: only its whole value can be pointed at). */
export interface FormulaModel extends Field<string> {
  placement?: ValuePlacement;
  /** Written unquoted inside `{ }`, where a comma ends it (`max(0, 90 − rate)` is cut at its comma). */
  unquotedInFlow?: boolean;
}

/** `points: [5, 15]`: the scorer sets each case's amount within it (视情节每次扣5—15分). */
export interface PointsRange {
  min: Decimal;
  max: Decimal;
}

/** How the rounds' totals (each scaled to the indicator's weight) make its points: their mean or their sum. */
export type RoundsMode = 'mean' | 'sum';

export interface DeductRuleModel extends NamedItem {
  /** A fixed amount; absent for a range (`range`). */
  points?: Field<Decimal>;
  range?: Field<PointsRange>;
  per?: Field<string>;
  max?: Field<Decimal>;
  when?: Field<string>;
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
  /** Points per case (每提前1天加1分): scoresheets record cases. */
  per?: Field<string>;
}

/** `bonus` (加分项) and `penalties` (减分项): items outside the indicator table, capped in all. */
export interface ExtraPointsModel {
  field: Field<unknown>;
  cap?: Field<Decimal>;
  items: BonusItemModel[];
}

export interface VetoModel extends NamedItem {
  /** Forces this tier. */
  tier?: Field<string>;
  /** Bars these tiers (不得评为优秀). */
  bars: Field<string>[];
  /** Applied from the scores: an indicator below a threshold. */
  when?: { field: Field<unknown>; indicator?: Field<string>; below?: Field<VetoThreshold> };
}

/** `below: 60%` (of the indicator's points) or `below: 6` (points). */
export type VetoThreshold = { kind: 'percent'; percent: Decimal } | { kind: 'points'; points: Decimal };

/** A group of subjects ranked separately (分序列), with the tiers' quotas applied to its N. */
export interface SubjectGroupModel extends NamedItem {
  members: NamedItem[];
  /** Its N: the members listed, or `count`. */
  size: number | undefined;
}

export interface QuotaModel {
  field: Field<unknown>;
  bounds: Partial<Record<QuotaBound, Field<QuotaAmount>>>;
  rounding?: Field<QuotaRounding>;
  /** `target`: the share a tier should keep to (一般掌握在…以内); it binds nothing, a count above it is said. */
  target?: Field<QuotaAmount>;
}

export interface TierModel extends NamedItem {
  quota?: QuotaModel;
  /** `min_score: 85`: one threshold for every group. */
  minScore?: Field<Decimal>;
  /** `min_score: {large: 92, small: 100}`: a threshold per 分序列 group id (a group without an entry has none). */
  minScoreByGroup?: GroupThreshold[];
}

/** One entry of a `min_score` map: the group's id as written and its threshold. */
export interface GroupThreshold {
  group: Field<string>;
  score: Field<Decimal>;
}

export interface RubricModel {
  span: Span;
  title?: Field<string>;
  /** The body that issues the appraisal (发文单位): signs the results notice. */
  issuer?: Field<string>;
  /** What the top-level weights must add up to; 100 when not written. */
  total: Decimal | undefined;
  totalField?: Field<Decimal>;
  /** N: the length of the `subjects` list, the count, or all groups' members together; undefined when not stated. */
  subjects: number | undefined;
  subjectsField?: Field<unknown>;
  /** The named subjects, when `subjects` is a list (or the members of its groups). */
  subjectItems: NamedItem[];
  /** 分序列: groups ranked separately; empty when `subjects` is a list or a count. */
  subjectGroups: SubjectGroupModel[];
  /** Decimals a subject's total is rounded to (2 unless stated). */
  precision: number;
  precisionField?: Field<number>;
  rounding: RoundingMode;
  roundingField?: Field<RoundingMode>;
  methods: ListField<NamedItem>;
  raters: ListField<RaterModel>;
  indicators: ListField<IndicatorModel>;
  /** Every indicator of the tree, depth first. */
  allIndicators: IndicatorModel[];
  bonus?: ExtraPointsModel;
  penalties?: ExtraPointsModel;
  veto: ListField<VetoModel>;
  tiers: ListField<TierModel>;
  /** `not_applicable: rescale` (缺项比率计分法): a subject's inapplicable items leave the base of its total. */
  notApplicable?: Field<'rescale'>;
}
