import { Document, isCollection, isDocument, isMap, isSeq, Node } from 'yaml';
import { nodeAtOffset, NodeAtOffset, YamlPath } from './yaml-path';
import { Span } from '../text/span';

/**
 * What the editor features ask of a document's YAML tree. A whole parsed document answers
 * directly; a session's version in blocks answers from its skeleton and the one block at hand,
 * without keeping a tree of the whole file (see blocks/composite-tree.ts).
 */
export interface DocumentTree {
  /** The YAML path down to an offset: which key, which list item, key or value. */
  nodeAtOffset(offset: number): NodeAtOffset;
  /** Every mapping and list, as the offsets where its fold starts and ends (in no order: see foldingRanges). */
  folds(): Span[];
  /**
   * The smallest stretch of text that parses on its own and holds the offset, and its path: the
   * whole document (an empty prefix), or one item of a list parsed as a one-item list, whose
   * place ends the prefix (`['indicators', 3, 'items', 1]`).
   */
  localText(offset: number): { span: Span; pathPrefix: YamlPath };
  /** An empty document (a stray `---`, a new file): not one of its kind yet. */
  readonly isBlank: boolean;
}

/**
 * Folds of one YAML tree: from each collection's key (or first line) to its value's end. A plain
 * recursion rather than `visit`: a first open collects the folds of every block of a big file.
 */
export function collectFolds(root: Document.Parsed | Node): Span[] {
  const folds: Span[] = [];
  const foldOf = (node: Node & { range?: unknown }, start: number) => {
    const range = node.range as [number, number, number];
    folds.push({ start, end: Math.max(range[0], range[1] - 1) });
  };
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && isCollection(value) && value.range) foldOf(value, key.range[0]);
        walk(key);
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (isCollection(item) && item.range) foldOf(item, item.range[0]);
      for (const item of node.items) walk(item);
    }
  };
  walk(isDocument(root) ? root.contents : root);
  return folds;
}

/** The tree of a document parsed whole. */
export function wholeDocumentTree(doc: Document.Parsed, span: Span, isBlank: boolean): DocumentTree {
  return {
    isBlank,
    nodeAtOffset: (offset) => nodeAtOffset(doc.contents, offset),
    folds: () => collectFolds(doc),
    localText: () => ({ span, pathPrefix: [] }),
  };
}
