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
  /**
   * Also replace every string long enough to be a slice (V8 makes a string sliced from another
   * of 13 characters or more a view that keeps the other alive) by a copy of its own: the model
   * of a block parsed from a copy of its text then keeps none of that text in memory. Equal
   * strings share one copy.
   */
  detachStrings?: boolean;
}

/** Strings shorter than this are copied when sliced (V8's SlicedString::kMinLength). */
const SLICE_LENGTH = 13;

/**
 * Walks plain model objects (not numbers, not YAML nodes) and calls `visit` once for every
 * span. A span object shared by two fields is visited once. With `detachYamlNodes` the walk
 * also changes what it walks: see SpanWalk.
 */
export function forEachSpan(roots: readonly unknown[], visit: (span: Span) => void, walk: SpanWalk = {}): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  const copies = new Map<string, string>();
  const detached = (value: unknown): unknown => {
    if (!walk.detachStrings || typeof value !== 'string' || value.length < SLICE_LENGTH) return value;
    let copy = copies.get(value);
    if (copy === undefined) copies.set(value, (copy = ownCopy(value)));
    return copy;
  };
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
      for (const [index, item] of value.entries()) {
        if (typeof item === 'string') value[index] = detached(item);
        else stack.push(item);
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (walk.detachYamlNodes && child !== null && typeof child === 'object' && isYaml(child)) record[key] = undefined;
      else if (typeof child === 'string') record[key] = detached(child);
      else stack.push(child);
    }
  }
}

/**
 * A copy of a string that holds no reference to the string it was sliced from (V8 keeps the
 * parent of a slice alive). A cached block outlives its version of the document: without
 * copies, each kept block would keep a whole old version of a big file in memory.
 */
export function ownCopy(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}
