import Big from 'big.js';
import { isDocument, isNode, isPair } from 'yaml';
import { Span } from '../text/span';

function isSpan(value: object): value is Span {
  return typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number' && Object.keys(value).length === 2;
}

function isYaml(value: object): boolean {
  return isNode(value) || isPair(value) || isDocument(value);
}

export interface SpanWalk {
  /**
   * Also drop the YAML nodes a model keeps in its `value`s of unknown type (a group's `items`
   * list): a cached block keeps its figures, not its tree. One walk does both because a first
   * open walks every block of a 10,000-indicator file.
   */
  detachYamlNodes?: boolean;
}

/**
 * Walks plain model objects (not numbers, not YAML nodes) and calls `visit` once for every
 * span. A span object shared by two fields is visited once. With `detachYamlNodes` the walk
 * also changes what it walks: see SpanWalk.
 */
export function forEachSpan(roots: readonly unknown[], visit: (span: Span) => void, walk: SpanWalk = {}): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Big || isYaml(value)) continue;
    if (isSpan(value)) {
      visit(value);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (walk.detachYamlNodes && child !== null && typeof child === 'object' && isYaml(child)) record[key] = undefined;
      else stack.push(child);
    }
  }
}
