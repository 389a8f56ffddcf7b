import { Pair, YAMLMap } from 'yaml';
import { Decimal, decimalFromSource, MAX_POINTS } from '../../decimal';
import { Field } from '../../yaml/field';
import { placeValue } from '../../yaml/scalar-offsets';
import { asMap, asScalar, asSeq, findPair, itemsOf, keySpan, valueSpan } from '../../yaml/yaml-nodes';
import { FormulaModel, InputModel, NamedItem, PointsRange } from './rubric-model';

/**
 * The keys of points from measurements, read from the YAML tree as the rest of the model is
 * (contract: "Points from measurements"): a measured indicator's `inputs` and `formula`, a
 * deduction rule's range of points, the rubric's `not_applicable`.
 */

type Reader<T> = (pair: Pair) => T | undefined;

function read<T>(map: YAMLMap | undefined, key: string, reader: Reader<T>): Field<T> | undefined {
  const pair = findPair(map, key);
  if (!pair) return undefined;
  const ks = keySpan(pair);
  const vs = valueSpan(pair);
  return ks && vs ? { value: reader(pair), keySpan: ks, span: vs } : undefined;
}

const readText: Reader<string> = (pair) => {
  const value = asScalar(pair.value)?.value;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/** A figure the format holds: exactly as written, at most MAX_POINTS either way. */
function figure(node: unknown): Decimal | undefined {
  const scalar = asScalar(node);
  const value = scalar ? decimalFromSource(scalar.source, scalar.value) : undefined;
  return value && value.abs().lte(MAX_POINTS) ? value : undefined;
}

const readFigure: Reader<Decimal> = (pair) => figure(pair.value);

const readFlag: Reader<boolean> = (pair) => {
  const value = asScalar(pair.value)?.value;
  return typeof value === 'boolean' ? value : undefined;
};

/** `inputs: [{id, name, unit, min, max, integer}]`, each named like any item (its id defaulting to its name). */
export function readInputs(scoring: YAMLMap | undefined, named: (map: YAMLMap | undefined, node: unknown) => NamedItem): InputModel[] {
  return itemsOf(asSeq(findPair(scoring, 'inputs')?.value)).map((node) => {
    const map = asMap(node);
    return {
      ...named(map, node),
      unit: read(map, 'unit', readText),
      min: read(map, 'min', readFigure),
      max: read(map, 'max', readFigure),
      integer: read(map, 'integer', readFlag),
    };
  });
}

/**
 * `formula:` as written, with where each character of it stands in `source` (the text the tree
 * was parsed from). A formula of one number (`formula: 30`) is its text as written.
 */
export function readFormula(scoring: YAMLMap | undefined, source: string | undefined): FormulaModel | undefined {
  const pair = findPair(scoring, 'formula');
  const field = pair && read(scoring, 'formula', () => undefined);
  if (!pair || !field) return undefined;
  const scalar = asScalar(pair.value);
  const range = scalar?.range;
  if (!scalar || !range) return field;
  const written = source?.slice(range[0], range[1]);
  const value = typeof scalar.value === 'string' ? scalar.value : typeof scalar.value === 'number' ? written : undefined;
  if (value === undefined) return field;
  const placement = written === undefined ? undefined : placeValue(written, scalar.type, value);
  const unquotedInFlow = scoring?.flow === true && (scalar.type === undefined || scalar.type === 'PLAIN');
  return { ...field, value, placement, ...(unquotedInFlow ? { unquotedInFlow } : {}) };
}

/** `points: [5, 15]` (either order): the range a case's amount is set in; undefined for any other value. */
export function readPointsRange(rule: YAMLMap | undefined): Field<PointsRange> | undefined {
  return read(rule, 'points', (pair): PointsRange | undefined => {
    const seq = asSeq(pair.value);
    if (!seq || seq.items.length !== 2) return undefined;
    const [a, b] = seq.items.map(figure);
    if (a === undefined || b === undefined || a.lt(0) || b.lt(0)) return undefined;
    return a.lte(b) ? { min: a, max: b } : { min: b, max: a };
  });
}

/** Whether `points:` is written as a list (a range, maybe a wrong one). */
export function isPointsList(rule: YAMLMap | undefined): boolean {
  return asSeq(findPair(rule, 'points')?.value) !== undefined;
}

/** `not_applicable: rescale`. */
export function readNotApplicable(root: YAMLMap | undefined): Field<'rescale'> | undefined {
  return read(root, 'not_applicable', (pair) => (asScalar(pair.value)?.value === 'rescale' ? 'rescale' : undefined));
}
