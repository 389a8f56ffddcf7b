import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Span } from '../text/span';

/**
 * Small, total helpers over `yaml` v2 nodes. Every function accepts whatever the parser
 * produced for half-typed text (null values, aliases, wrong node kinds) and answers
 * `undefined` rather than throwing.
 */

export function nodeSpan(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

export function keySpan(pair: Pair): Span | undefined {
  return nodeSpan(pair.key as Node | null);
}

/** The value's span, widened to the key when the value is an empty (zero-width) scalar. */
export function valueSpan(pair: Pair): Span | undefined {
  const value = nodeSpan(pair.value as Node | null);
  if (value && value.end > value.start) return value;
  return keySpan(pair) ?? value;
}

export function pairSpan(pair: Pair): Span | undefined {
  const key = keySpan(pair);
  const value = nodeSpan(pair.value as Node | null);
  if (!key) return value;
  return { start: key.start, end: Math.max(key.end, value?.end ?? key.end) };
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function asScalar(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

export function pairsOf(map: YAMLMap | undefined): Pair[] {
  return map ? (map.items.filter((item) => isPair(item)) as Pair[]) : [];
}

export function findPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  return pairsOf(map).find((pair) => keyText(pair) === key);
}

export function itemsOf(seq: YAMLSeq | undefined): unknown[] {
  return seq ? seq.items : [];
}
