import { Document, Pair, YAMLMap } from 'yaml';
import { Decimal, decimalFromSource, MAX_POINTS, ONE, ZERO } from '../decimal';
import { Field } from '../yaml/field';
import { asMap, asScalar, asSeq, findPair, itemsOf, keySpan, keyText, nodeSpan, pairsOf, valueSpan } from '../yaml/yaml-nodes';
import { Span } from '../text/span';
import { DeductionEntry, KeyedFigure, MeasuredFigure, RaterView, RoundsEntry, ScoresheetModel, SubjectScoresModel, TiesMode } from './types';

/**
 * The typed scoresheet, built straight from the YAML tree with the spans findings and editor
 * features need. As with the rubric's model, a value of the wrong type is kept as `undefined`
 * (the schema says why) and every figure that depends on it is unknown, never wrong.
 */

const TIES_MODES: readonly TiesMode[] = ['flag', 'share', 'break'];
const ENTRY_KEYS = new Set(['subject', 'group', 'points', 'deductions', 'bonus', 'penalties', 'veto', 'by', 'measured', 'not_applicable', 'no_tier']);

function pairField<T>(pair: Pair, value: T | undefined): Field<T> | undefined {
  const ks = keySpan(pair);
  const vs = valueSpan(pair);
  return ks && vs ? { value, keySpan: ks, span: vs } : undefined;
}

function anyField(map: YAMLMap | undefined, key: string): Field<unknown> | undefined {
  const pair = findPair(map, key);
  return pair ? pairField(pair, pair.value) : undefined;
}

/** A name or id as written: text, or a number read as its text (`subject: 1`). */
function nameOf(node: unknown): string | undefined {
  const scalar = asScalar(node);
  if (!scalar) return undefined;
  if (typeof scalar.value === 'string') return scalar.value.length > 0 ? scalar.value : undefined;
  if (typeof scalar.value === 'number' && Number.isFinite(scalar.value)) return String(scalar.value);
  return undefined;
}

function stringField(map: YAMLMap | undefined, key: string): Field<string> | undefined {
  const pair = findPair(map, key);
  return pair ? pairField(pair, nameOf(pair.value)) : undefined;
}

/** A number exactly as written, within what the format holds; anything else is unknown. */
function numberOf(node: unknown): Decimal | undefined {
  const scalar = asScalar(node);
  const value = scalar ? decimalFromSource(scalar.source, scalar.value) : undefined;
  return value && value.abs().lte(MAX_POINTS) ? value : undefined;
}

/** An empty value (`fire:`), written but not filled in yet. */
function isBlank(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  const scalar = asScalar(node);
  return !!scalar && scalar.value === null;
}

function keyField(pair: Pair): Field<string> | undefined {
  const span = keySpan(pair);
  const key = keyText(pair);
  return span ? { value: key, keySpan: span, span } : undefined;
}

/**
 * `{fire: 22, pests: 13}`: one figure per key, in the order written. The key's span is one object
 * shared by the key and the value's field: a sheet of 500 subjects × 200 leaves holds 100,000 of
 * them, and a span walk (blocks/spans.ts) visits a shared span once.
 */
function keyedFigures(node: unknown): KeyedFigure[] {
  return pairsOf(asMap(node)).flatMap((pair): KeyedFigure[] => {
    const ks = keySpan(pair);
    const vs = valueSpan(pair);
    if (!ks || !vs) return [];
    const key = { value: keyText(pair), keySpan: ks, span: ks };
    return [{ key, value: { value: numberOf(pair.value), keySpan: ks, span: vs }, blank: isBlank(pair.value) }];
  });
}

/** A one-off `when` rule is recorded as 1 / true when it happened. */
function casesOf(node: unknown): Decimal | undefined {
  const scalar = asScalar(node);
  if (scalar && typeof scalar.value === 'boolean') return scalar.value ? ONE : ZERO;
  return numberOf(node);
}

/** `{logging: 1}` (cases under an item's one rule) and `{river: {litter: 3, no-record: 1}}` (cases per named rule). */
function deductionEntries(node: unknown): DeductionEntry[] {
  return pairsOf(asMap(node)).flatMap((pair): DeductionEntry[] => {
    const indicator = keyField(pair);
    if (!indicator) return [];
    const rules = asMap(pair.value);
    if (rules) {
      return pairsOf(rules).flatMap((rulePair): DeductionEntry[] => {
        const rule = keyField(rulePair);
        const cases = pairField(rulePair, casesOf(rulePair.value));
        if (!rule || !cases) return [];
        // `{fire: [5, 12]}`: an amount per case.
        const amounts = asSeq(rulePair.value) ? figureList(rulePair.value) : undefined;
        return [{ indicator, rule, cases, blank: isBlank(rulePair.value), form: 'rules', amounts }];
      });
    }
    const cases = pairField(pair, casesOf(pair.value));
    return cases ? [{ indicator, cases, blank: isBlank(pair.value), form: 'count' }] : [];
  });
}

/** Numbers listed (`[5, 12]`), each with its span. */
function figureList(node: unknown): Field<Decimal>[] {
  return itemsOf(asSeq(node)).flatMap((item): Field<Decimal>[] => {
    const span = nodeSpan(asScalar(item));
    return span ? [{ value: numberOf(item), keySpan: span, span }] : [];
  });
}

/** `{water: {reached: 8, sections: 10}}`: one figure per indicator and input, in the order written. */
function measuredFigures(node: unknown): MeasuredFigure[] {
  return pairsOf(asMap(node)).flatMap((pair): MeasuredFigure[] => {
    const indicator = keyField(pair);
    if (!indicator) return [];
    const indicatorValue = nodeSpan(asMap(pair.value));
    return keyedFigures(pair.value).map((figure) => ({ indicator, indicatorValue, input: figure.key, value: figure.value, blank: figure.blank }));
  });
}

/** Ids listed (`veto: [major-fire]`), each with its span. */
function idList(node: unknown): Field<string>[] {
  return itemsOf(asSeq(node)).flatMap((item): Field<string>[] => {
    const span = nodeSpan(asScalar(item));
    return span ? [{ value: nameOf(item), keySpan: span, span }] : [];
  });
}

/** `by: {self: 95, cadres: {…}, villagers: [92, 94, 96]}`. */
function raterViews(node: unknown): RaterView[] {
  return pairsOf(asMap(node)).flatMap((pair): RaterView[] => {
    const rater = keyField(pair);
    if (!rater) return [];
    const map = asMap(pair.value);
    if (map) return [{ rater, kind: 'points', points: keyedFigures(map) }];
    const seq = asSeq(pair.value);
    if (seq) {
      const totals = seq.items.flatMap((item): Field<Decimal>[] => {
        const span = nodeSpan(asScalar(item));
        return span ? [{ value: numberOf(item), keySpan: span, span }] : [];
      });
      return [{ rater, kind: 'raters', totals }];
    }
    const total = pairField(pair, numberOf(pair.value));
    return total ? [{ rater, kind: 'total', total, blank: isBlank(pair.value) }] : [];
  });
}

/** `no_tier: true`; any other value is unknown (the schema says so). */
function booleanField(map: YAMLMap | undefined, key: string): Field<boolean> | undefined {
  const pair = findPair(map, key);
  const value = pair ? asScalar(pair.value)?.value : undefined;
  return pair ? pairField(pair, typeof value === 'boolean' ? value : undefined) : undefined;
}

/** `rounds: {quarters: [q1.scores.yaml, q2.scores.yaml]}`: each indicator with its rounds' paths, as written. */
function roundsEntries(node: unknown): RoundsEntry[] {
  return pairsOf(asMap(node)).flatMap((pair): RoundsEntry[] => {
    const indicator = keyField(pair);
    return indicator ? [{ indicator, paths: idList(pair.value) }] : [];
  });
}

/**
 * Where a key and its value are written, without the YAML node: the model keeps figures and
 * spans, not the tree (a session caches entries' models long after their tree is gone).
 */
function spanOnly(field: Field<unknown> | undefined): Field<unknown> | undefined {
  return field && { value: undefined, keySpan: field.keySpan, span: field.span };
}

/** One entry of `scores:` (a list item), built from its node. */
export function buildSubjectScores(node: unknown): SubjectScoresModel {
  const map = asMap(node);
  const span: Span = nodeSpan(map ?? asScalar(node)) ?? { start: 0, end: 0 };
  const pointsField = anyField(map, 'points');
  const deductionsField = anyField(map, 'deductions');
  const bonusField = anyField(map, 'bonus');
  const penaltiesField = anyField(map, 'penalties');
  const vetoField = anyField(map, 'veto');
  const byField = anyField(map, 'by');
  const measuredField = anyField(map, 'measured');
  const notApplicableField = anyField(map, 'not_applicable');
  return {
    span,
    subject: stringField(map, 'subject'),
    group: stringField(map, 'group'),
    points: keyedFigures(pointsField?.value),
    deductions: deductionEntries(deductionsField?.value),
    bonus: keyedFigures(bonusField?.value),
    penalties: keyedFigures(penaltiesField?.value),
    veto: idList(vetoField?.value),
    by: raterViews(byField?.value),
    measured: measuredFigures(measuredField?.value),
    notApplicable: idList(notApplicableField?.value),
    pointsField: spanOnly(pointsField),
    deductionsField: spanOnly(deductionsField),
    bonusField: spanOnly(bonusField),
    penaltiesField: spanOnly(penaltiesField),
    vetoField: spanOnly(vetoField),
    byField: spanOnly(byField),
    measuredField: spanOnly(measuredField),
    notApplicableField: spanOnly(notApplicableField),
    noTier: booleanField(map, 'no_tier'),
    strayKeys: pairsOf(map).some((pair) => !ENTRY_KEYS.has(keyText(pair) ?? '')),
  };
}

export function buildScoresheetModel(doc: Document.Parsed, documentSpan: Span): ScoresheetModel {
  const root = asMap(doc.contents);
  const tiesPair = findPair(root, 'ties');
  const tiesValue = tiesPair ? asScalar(tiesPair.value)?.value : undefined;
  const tiesField = tiesPair
    ? pairField(
        tiesPair,
        TIES_MODES.find((mode) => mode === tiesValue),
      )
    : undefined;
  const tieBreakField = anyField(root, 'tie-break');
  const scoresField = anyField(root, 'scores');
  const roundsField = anyField(root, 'rounds');
  return {
    span: documentSpan,
    rubric: stringField(root, 'rubric'),
    ties: tiesField?.value ?? 'flag',
    tiesField,
    tieBreak: { field: spanOnly(tieBreakField), items: idList(tieBreakField?.value) },
    scores: { field: spanOnly(scoresField), items: itemsOf(asSeq(scoresField?.value)).map(buildSubjectScores) },
    previous: stringField(root, 'previous'),
    rounds: roundsEntries(roundsField?.value),
    roundsField: spanOnly(roundsField),
  };
}
