import { Document, Pair, YAMLMap } from 'yaml';
import { Decimal, decimal, decimalFromSource, MAX_COUNT, MAX_POINTS, sum } from '../decimal';
import { QuotaAmount, QUOTA_BOUNDS } from '../quota/allocate';
import { isRoundingMode, QuotaRounding, RoundingMode } from '../quota/rounding';
import { Span } from '../text/span';
import {
  BonusItemModel,
  Field,
  IndicatorModel,
  ListField,
  NamedItem,
  QuotaModel,
  RaterModel,
  RubricModel,
  ScoringModel,
  TierModel,
  VetoModel,
} from './rubric-model';
import { asMap, asScalar, asSeq, findPair, itemsOf, keySpan, nodeSpan, valueSpan } from './yaml-nodes';

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

function buildScoring(map: YAMLMap | undefined): ScoringModel | undefined {
  const f = field(map, 'scoring', readAny);
  if (!f) return undefined;
  const scoringMap = asMap(f.value);
  const levelsSeq = asSeq(findPair(scoringMap, 'levels')?.value);
  const levels = itemsOf(levelsSeq).flatMap((node) => {
    const levelMap = asMap(node);
    const points = field(levelMap, 'points', readNonNegative);
    return points ? [{ points, when: field(levelMap, 'when', readString) }] : [];
  });
  return { span: f.span, levels, deduct: field(scoringMap, 'deduct', readPositive) };
}

export function buildIndicator(map: YAMLMap | undefined, node: unknown, path: number[], all: IndicatorModel[]): IndicatorModel {
  const base = named(map, node);
  const weight = field(map, 'weight', readPositive);
  const itemsField = field(map, 'items', readAny);
  const methodsSeq = asSeq(findPair(map, 'methods')?.value);
  const methods: Field<string>[] = itemsOf(methodsSeq).flatMap((item) => {
    const scalar = asScalar(item);
    const s = nodeSpan(scalar);
    return scalar && s ? [{ value: typeof scalar.value === 'string' ? scalar.value : undefined, keySpan: s, span: s }] : [];
  });
  const indicator: IndicatorModel = {
    path,
    span: base.span,
    name: base.name,
    id: base.id,
    key: base.key,
    keySpan: base.keySpan,
    weight,
    itemsField,
    methods,
    scoring: buildScoring(map),
    effectiveWeight: undefined,
    itemsSum: undefined,
  };
  all.push(indicator);
  const itemsSeq = asSeq(itemsField?.value);
  if (itemsSeq) {
    indicator.items = itemsSeq.items.map((child, index) => buildIndicator(asMap(child), child, [...path, index], all));
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

function subjectsCount(f: Field<unknown> | undefined): number | undefined {
  if (!f) return undefined;
  const seq = asSeq(f.value);
  if (seq) return seq.items.length;
  const value = asScalar(f.value)?.value;
  return isCount(value, 1) ? value : undefined;
}

/** Each subject of a `subjects` list, as a named item so duplicates can be found like ids. */
function subjectItems(f: Field<unknown> | undefined): NamedItem[] {
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

export function buildRubricModel(doc: Document.Parsed, documentSpan: Span): RubricModel {
  const root = asMap(doc.contents);
  const all: IndicatorModel[] = [];
  const indicators = list(root, 'indicators', (map, node, index) => buildIndicator(map, node, [index], all));
  const totalField = field(root, 'total', readPositive);
  const subjectsField = field(root, 'subjects', readAny);
  const roundingField = field(root, 'rounding', readEnum<RoundingMode>(isRoundingMode));
  const bonusField = field(root, 'bonus', readAny);
  const bonusMap = asMap(bonusField?.value);

  return {
    span: documentSpan,
    title: field(root, 'rubric', readString),
    total: totalField ? totalField.value : DEFAULT_TOTAL,
    totalField,
    subjects: subjectsCount(subjectsField),
    subjectsField,
    subjectItems: subjectItems(subjectsField),
    rounding: roundingField?.value ?? 'half-up',
    roundingField,
    methods: list(root, 'methods', named),
    raters: list(root, 'raters', (map, node): RaterModel => ({ ...named(map, node), weight: field(map, 'weight', readPositive) })),
    indicators,
    allIndicators: all,
    bonus: bonusField && {
      field: bonusField,
      cap: field(bonusMap, 'cap', readNonNegative),
      items: list(bonusMap, 'items', (map, node): BonusItemModel => ({ ...named(map, node), points: field(map, 'points', readPositive) })).items,
    },
    veto: list(root, 'veto', (map, node): VetoModel => ({ ...named(map, node), tier: field(map, 'tier', readString) })),
    tiers: list(root, 'tiers', (map, node): TierModel => ({
      ...named(map, node),
      quota: buildQuota(map),
      minScore: field(map, 'min_score', readNonNegative),
    })),
  };
}
