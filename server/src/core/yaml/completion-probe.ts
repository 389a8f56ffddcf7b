import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { LineIndex } from '../text/line-index';
import type { Span } from '../text/span';
import { keyText } from './yaml-nodes';
import type { YamlPath } from './yaml-path';

/**
 * Where a cursor is in half-typed YAML, found by asking the parser: a marker is put where the
 * cursor is, the text parsed, and the marker looked for. Completion of both document kinds
 * starts here.
 */

/** A marker no document contains, put where the cursor is so the parser tells us where we are. */
const MARK = 'rubricCompletionMark7f3';

export type Probe = { kind: 'key'; path: YamlPath; siblings: string[] } | { kind: 'value'; path: YamlPath };

function findMark(node: unknown, path: YamlPath): Probe | undefined {
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
function parseProbe(probe: string): unknown {
  try {
    return parseDocument(probe, { uniqueKeys: false, logLevel: 'error' }).contents;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Where a cursor is, as completion needs it. */
export interface CursorProbe {
  /** Where the marker was found, with the path from the document's top; undefined where no completion applies. */
  probe: Probe | undefined;
  /** The word typed so far, which a completion replaces. */
  replace: Span;
  /** The line's text before the word. */
  beforeWord: string;
}

/**
 * The probe at `offset`: a marker in place of the word under the cursor (with a colon where a key
 * may start), and only `local` parsed, the stretch of text around the cursor that parses alone as
 * it does in the file (a document, or a session's block: see DocumentTree.localText); the marker
 * changes nothing outside it. A block is parsed as a one-item list: its place (the prefix's last
 * step) replaces its own 0.
 */
export function probeAt(source: string, lines: LineIndex, offset: number, local: { span: Span; pathPrefix: YamlPath }): CursorProbe {
  const line = lines.positionAt(offset).line;
  const before = source.slice(lines.lineStart(line), offset);
  const after = source.slice(offset, lines.lineEnd(line));
  const word = /[^\s:,[\]{}]*$/.exec(before)![0];
  const replace = { start: offset - word.length, end: offset + /^[^\s:,[\]{}]*/.exec(after)![0].length };
  const keyPosition = /^\s*(-\s+)*[^\s:,[\]{}]*$/.test(before) && after.trim() === '';
  const probeText = source.slice(0, replace.start) + (keyPosition ? `${MARK}:` : MARK) + source.slice(replace.end);
  const localEnd = probeText.length - (source.length - local.span.end);
  const found = findMark(parseProbe(probeText.slice(local.span.start, localEnd)), []);
  const probe = found && (local.pathPrefix.length > 0 ? { ...found, path: [...local.pathPrefix, ...found.path.slice(1)] } : found);
  return { probe, replace, beforeWord: before.slice(0, before.length - word.length) };
}
