import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { keyText } from './yaml-nodes';
import type { YamlPath } from './yaml-path';

/**
 * Where a cursor is in half-typed YAML, found by asking the parser: a marker is put where the
 * cursor is, the text parsed, and the marker looked for. Completion of both document kinds
 * starts here.
 */

/** A marker no document contains, put where the cursor is so the parser tells us where we are. */
export const MARK = 'rubricCompletionMark7f3';

export type Probe = { kind: 'key'; path: YamlPath; siblings: string[] } | { kind: 'value'; path: YamlPath };

export function findMark(node: unknown, path: YamlPath): Probe | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = keyText(item);
      if (key === MARK) {
        return {
          kind: 'key',
          path,
          siblings: node.items
            .filter(isPair)
            .map((p) => keyText(p) ?? '')
            .filter((k) => k !== MARK),
        };
      }
      if (isScalar(item.value) && item.value.value === MARK) return { kind: 'value', path: [...path, key ?? ''] };
      const found = findMark(item.value, [...path, key ?? '']);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      if (isScalar(item) && item.value === MARK) return { kind: 'value', path: [...path, index] };
      const found = findMark(item, [...path, index]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The marked text's tree; nothing when the parser runs out of stack on it (a marker can break a long list). */
export function parseProbe(probe: string): unknown {
  try {
    return parseDocument(probe, { uniqueKeys: false, logLevel: 'error' }).contents;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
