import { Document, Pair, YAMLMap } from 'yaml';
import { Decimal, decimal, decimalFromSource, MAX_COUNT, MAX_POINTS, sum } from '../../decimal';
import { QuotaAmount, QUOTA_BOUNDS } from '../../quota/allocate';
import { isRoundingMode, QuotaRounding, RoundingMode } from '../../quota/rounding';
import { Span } from '../../text/span';
import { Field, ListField } from '../../yaml/field';
import {
  BonusItemModel,
  DeductRuleModel,
  ExtraPointsModel,
  IndicatorModel,
  NamedItem,
  QuotaModel,
  RaterModel,
  RubricModel,
  ScoringModel,
  SubjectGroupModel,
  TierModel,
  VetoModel,
  VetoThreshold,
} from './rubric-model';
import { asMap, asScalar, asSeq, findPair, itemsOf, keySpan, nodeSpan, valueSpan } from '../../yaml/yaml-nodes';
import { isPointsList, readFormula, readInputs, readNotApplicable, readPointsRange } from './build-measure';

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

type Reader<T> = (pair: Pair) => T | undefined;

function field<T>(map: YAMLMap | undefined, key: string, read: Reader<T>): Field<T> | undefined {
  const pair = findPair(map, key);
  if (!pair) return undefined;
  const ks = keySpan(pair);
  const vs = valueSpan(pair);
  if (!ks || !vs) return undefined;
  return { value: read(pair), keySpan: ks, span: vs };
}

const readString: Reader<string> = (pair) => {
  const scalar = asScalar(pair.value);
  return scalar && typeof scalar.value === 'string' && scalar.value.length > 0 ? scalar.value : undefined;
};

const readNumber: Reader<Decimal> = (pair) => {
  const scalar = asScalar(pair.value);
  return scalar ? decimalFromSource(scalar.source, scalar.value) : undefined;
};

/** Weights, totals, points: the schema requires > 0 (and at most MAX_POINTS); anything else is reported there and unknown here. */
const readPositive: Reader<Decimal> = (pair) => {
  const value = readNumber(pair);
  return value && value.gt(0) && value.lte(MAX_POINTS) ? value : undefined;
};

/** Caps, level points, thresholds: the schema requires ≥ 0. */
const readNonNegative: Reader<Decimal> = (pair) => {
  const value = readNumber(pair);
  return value && value.gte(0) && value.lte(MAX_POINTS) ? value : undefined;
};

/** A count of subjects (the schema's integer up to MAX_COUNT); a float beyond 2^53 is not the count written. */
const isCount = (value: unknown, least: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= least && value <= MAX_COUNT;

const readAny: Reader<unknown> = (pair) => pair.value;

const readQuotaAmount: Reader<QuotaAmount> = (pair) => {
  const scalar = asScalar(pair.value);
  if (!scalar) return undefined;
  if (typeof scalar.value === 'number') {
    // `-0` is the count 0, not a negative one.
    return isCount(scalar.value, 0) ? { kind: 'count', count: scalar.value + 0 } : undefined;
  }
  if (typeof scalar.value === 'string') {
    const match = PERCENT.exec(scalar.value);
    if (match && decimal(match[1]).lte(100)) return { kind: 'percent', percent: decimal(match[1]) };
  }
  return undefined;
};

function readEnum<T extends string>(allowed: (value: unknown) => value is T): Reader<T> {
  return (pair) => {
    const value = asScalar(pair.value)?.value;
    return allowed(value) ? value : undefined;
  };
}

const isQuotaRounding = (value: unknown): value is QuotaRounding => isRoundingMode(value) && value !== 'largest-remainder';

function named(map: YAMLMap | undefined, node: unknown): NamedItem {
  const nodeRange = nodeSpan(asMap(node) ?? (node as never)) ?? { start: 0, end: 0 };
  const id = field(map, 'id', readString);
  const name = field(map, 'name', readString);
  const keyField = id?.value !== undefined ? id : name;
  return {
    span: nodeRange,
    id,
    name,
    key: id?.value ?? name?.value,
    keySpan: keyField?.span ?? nodeRange,
  };
}

function list<T>(root: YAMLMap | undefined, key: string, build: (map: YAMLMap | undefined, node: unknown, index: number) => T): ListField<T> {
  const f = field(root, key, readAny);
  const seq = asSeq(f?.value);
  return { field: f, items: itemsOf(seq).map((node, index) => build(asMap(node), node, index)) };
}

function buildScoring(map: YAMLMap | undefined, source: string | undefined): ScoringModel | undefined {
  const f = field(map, 'scoring', readAny);
  if (!f) return undefined;
  const scoringMap = asMap(f.value);
  const levelsSeq = asSeq(findPair(scoringMap, 'levels')?.value);
  const levels = itemsOf(levelsSeq).flatMap((node) => {
    const levelMap = asMap(node);
    const points = field(levelMap, 'points', readNonNegative);
    return points ? [{ points, when: field(levelMap, 'when', readString) }] : [];
  });
  const deductField = field(scoringMap, 'deduct', readAny);
  // `deduct: 2` is one rule per case of `per`; `deduct: [...]` lists the rules.
  const single = asScalar(deductField?.value) ? field(scoringMap, 'deduct', readPositive) : undefined;
  const rules = list(scoringMap, 'deduct', (ruleMap, node): DeductRuleModel => ({
    ...named(ruleMap, node),
    // `points: [5, 15]`: an amount per case within a range.
    points: isPointsList(ruleMap) ? undefined : field(ruleMap, 'points', readPositive),
    range: isPointsList(ruleMap) ? readPointsRange(ruleMap) : undefined,
    per: field(ruleMap, 'per', readString),
    max: field(ruleMap, 'max', readPositive),
    when: field(ruleMap, 'when', readString),
  })).items;
  return {
    span: f.span,
    levels,
    deduct: single,
    rules,
    deductField,
    floor: field(scoringMap, 'floor', readNonNegative),
    inputs: readInputs(scoringMap, named),
    inputsField: field(scoringMap, 'inputs', readAny),
    formula: readFormula(scoringMap, source),
  };
}

/** A list of ids referring elsewhere (`methods: [review]`, `bars: [excellent]`), each with its span. */
function referenceList(map: YAMLMap | undefined, key: string): Field<string>[] {
  return itemsOf(asSeq(findPair(map, key)?.value)).flatMap((item): Field<string>[] => {
    const scalar = asScalar(item);
    const s = nodeSpan(scalar);
    return scalar && s ? [{ value: typeof scalar.value === 'string' ? scalar.value : undefined, keySpan: s, span: s }] : [];
  });
}

/** `source`: the text the tree was parsed from, where a formula's characters are placed (see readFormula). */
export function buildIndicator(map: YAMLMap | undefined, node: unknown, path: number[], all: IndicatorModel[], source?: string): IndicatorModel {
  const base = named(map, node);
  const weight = field(map, 'weight', readPositive);
  const outOf = field(map, 'out_of', readPositive);
  const itemsField = field(map, 'items', readAny);
  const methods = referenceList(map, 'methods');
  const indicator: IndicatorModel = {
    path,
    span: base.span,
    name: base.name,
    id: base.id,
    key: base.key,
    keySpan: base.keySpan,
    weight,
    outOf,
    itemsField,
    methods,
    scoring: buildScoring(map, source),
    effectiveWeight: undefined,
    itemsSum: undefined,
  };
  all.push(indicator);
  const itemsSeq = asSeq(itemsField?.value);
  if (itemsSeq) {
    // concat makes an array of exactly the path's length; a spread leaves room for more, and a big rubric has ten thousand paths.
    indicator.items = itemsSeq.items.map((child, index) => buildIndicator(asMap(child), child, path.concat(index), all, source));
    indicator.itemsSum = sumKnown(indicator.items.map((item) => item.effectiveWeight));
  }
  if (weight) {
    indicator.effectiveWeight = weight.value;
  } else if (indicator.items && indicator.items.length > 0) {
    indicator.effectiveWeight = indicator.itemsSum;
  }
  return indicator;
}

/** Adds exactly; one unknown makes the sum unknown (no cascade from a typo to a wrong total). */
export function sumKnown(values: readonly (Decimal | undefined)[]): Decimal | undefined {
  if (values.some((v) => v === undefined)) return undefined;
  return sum(values as Decimal[]);
}

function buildQuota(map: YAMLMap | undefined): QuotaModel | undefined {
  const f = field(map, 'quota', readAny);
  if (!f) return undefined;
  const quotaMap = asMap(f.value);
  const bounds: QuotaModel['bounds'] = {};
  for (const bound of QUOTA_BOUNDS) {
    const b = field(quotaMap, bound, readQuotaAmount);
    if (b) bounds[bound] = b;
  }
  return { field: f, bounds, rounding: field(quotaMap, 'rounding', readEnum(isQuotaRounding)) };
}

/** A whole count of at least 1, or undefined. */
function countOf(node: unknown): number | undefined {
  const value = asScalar(node)?.value;
  return isCount(value, 1) ? value : undefined;
}

/** 分序列: `subjects: {groups: [{name, members | count}]}`. */
function subjectGroups(f: Field<unknown> | undefined): SubjectGroupModel[] {
  const groupsSeq = asSeq(findPair(asMap(f?.value), 'groups')?.value);
  return itemsOf(groupsSeq).map((node) => {
    const map = asMap(node);
    const membersField = field(map, 'members', readAny);
    const members = namesOf(membersField);
    const count = findPair(map, 'count');
    return { ...named(map, node), members, size: membersField ? asSeq(membersField.value)?.items.length : countOf(count?.value) };
  });
}

/** N: the list's length, the count, or (with groups) all groups together; unknown while any group's is. */
function subjectsCount(f: Field<unknown> | undefined, groups: SubjectGroupModel[]): number | undefined {
  if (!f) return undefined;
  const seq = asSeq(f.value);
  if (seq) return seq.items.length;
  if (asMap(f.value)) {
    const sizes = groups.map((g) => g.size);
    return sizes.length > 0 && sizes.every((n) => n !== undefined) ? (sizes as number[]).reduce((a, b) => a + b, 0) : undefined;
  }
  return countOf(f.value);
}

/** Each name of a list of subjects, as a named item so duplicates can be found like ids. */
function namesOf(f: Field<unknown> | undefined): NamedItem[] {
  return itemsOf(asSeq(f?.value)).flatMap((node) => {
    const scalar = asScalar(node);
    const s = nodeSpan(scalar);
    if (!scalar || !s || (typeof scalar.value !== 'string' && typeof scalar.value !== 'number')) return [];
    const value = String(scalar.value);
    const nameField = { value, keySpan: s, span: s };
    return [{ span: s, name: nameField, key: value, keySpan: s }];
  });
}

const DEFAULT_TOTAL = decimal(100);
const DEFAULT_PRECISION = 2;

const readPrecision: Reader<number> = (pair) => {
  const value = asScalar(pair.value)?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6 ? value : undefined;
};

/** `below: 60%` of the indicator's points, or `below: 6` points. */
const readThreshold: Reader<VetoThreshold> = (pair) => {
  const scalar = asScalar(pair.value);
  if (typeof scalar?.value === 'string') {
    const match = PERCENT.exec(scalar.value);
    return match && decimal(match[1]).lte(100) ? { kind: 'percent', percent: decimal(match[1]) } : undefined;
  }
  const points = readNonNegative(pair);
  return points ? { kind: 'points', points } : undefined;
};

/** `bonus` and `penalties`: a cap and items worth points (per case with `per`). */
function extraPoints(root: YAMLMap | undefined, key: 'bonus' | 'penalties'): ExtraPointsModel | undefined {
  const f = field(root, key, readAny);
  if (!f) return undefined;
  const map = asMap(f.value);
  return {
    field: f,
    cap: field(map, 'cap', readNonNegative),
    items: list(map, 'items', (itemMap, node): BonusItemModel => ({
      ...named(itemMap, node),
      points: field(itemMap, 'points', readPositive),
      per: field(itemMap, 'per', readString),
    })).items,
  };
}

function buildVeto(map: YAMLMap | undefined, node: unknown): VetoModel {
  const bars = referenceList(map, 'bars');
  const whenField = field(map, 'when', readAny);
  const whenMap = asMap(whenField?.value);
  return {
    ...named(map, node),
    tier: field(map, 'tier', readString),
    bars,
    when: whenField && { field: whenField, indicator: field(whenMap, 'indicator', readString), below: field(whenMap, 'below', readThreshold) },
  };
}

export function buildRubricModel(doc: Document.Parsed, documentSpan: Span, source?: string): RubricModel {
  const root = asMap(doc.contents);
  const all: IndicatorModel[] = [];
  const indicators = list(root, 'indicators', (map, node, index) => buildIndicator(map, node, [index], all, source));
  const totalField = field(root, 'total', readPositive);
  const subjectsField = field(root, 'subjects', readAny);
  const groups = subjectGroups(subjectsField);
  const roundingField = field(root, 'rounding', readEnum<RoundingMode>(isRoundingMode));
  const precisionField = field(root, 'precision', readPrecision);

  return {
    span: documentSpan,
    title: field(root, 'rubric', readString),
    issuer: field(root, 'issuer', readString),
    total: totalField ? totalField.value : DEFAULT_TOTAL,
    totalField,
    subjects: subjectsCount(subjectsField, groups),
    subjectsField,
    subjectItems: groups.length > 0 ? groups.flatMap((g) => g.members) : namesOf(subjectsField),
    subjectGroups: groups,
    precision: precisionField?.value ?? DEFAULT_PRECISION,
    precisionField,
    rounding: roundingField?.value ?? 'half-up',
    roundingField,
    methods: list(root, 'methods', named),
    raters: list(root, 'raters', (map, node): RaterModel => ({ ...named(map, node), weight: field(map, 'weight', readPositive) })),
    indicators,
    allIndicators: all,
    bonus: extraPoints(root, 'bonus'),
    penalties: extraPoints(root, 'penalties'),
    veto: list(root, 'veto', buildVeto),
    tiers: list(root, 'tiers', (map, node): TierModel => ({
      ...named(map, node),
      quota: buildQuota(map),
      minScore: field(map, 'min_score', readNonNegative),
    })),
    notApplicable: readNotApplicable(root),
  };
}
