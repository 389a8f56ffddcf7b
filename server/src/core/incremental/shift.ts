import Big from 'big.js';
import { isDocument, isNode, isPair } from 'yaml';
import { Span } from '../text/span';

function isSpan(value: object): value is Span {
  return typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number' && Object.keys(value).length === 2;
}

/**
 * Walks plain model objects (not numbers, not YAML nodes) and calls `visit` once for every
 * span. A span object shared by two fields is visited once.
 */
export function forEachSpan(roots: readonly unknown[], visit: (span: Span) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Big || isNode(value) || isPair(value) || isDocument(value)) continue;
    if (isSpan(value)) {
      visit(value);
      continue;
    }
    if (Array.isArray(value)) stack.push(...value);
    else for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
  }
}

/**
 * Drops the YAML nodes a model keeps in its `value`s of unknown type (a group's `items` list):
 * a cached block keeps its figures, not its tree.
 */
export function detachYamlNodes(roots: readonly unknown[]): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value) || value instanceof Big) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (isNode(child) || isPair(child) || isDocument(child)) record[key] = undefined;
      else stack.push(child);
    }
  }
}
