import { Document, isCollection, Node, visit } from 'yaml';
import { nodeAtOffset, NodeAtOffset } from '../model/yaml-path';
import { SchemaPath } from '../schema/schema-docs';
import { Span } from '../text/span';

/**
 * What the editor features ask of a document's YAML tree. A whole parsed document answers
 * directly; the incremental analysis answers from its skeleton and the one indicator block at
 * hand, without keeping a tree of the whole file.
 */
export interface DocumentTree {
  /** The YAML path down to an offset: which key, which list item, key or value. */
  nodeAtOffset(offset: number): NodeAtOffset;
  /** Every multi-line mapping and list, as the offsets where its fold starts and ends. */
  folds(): Span[];
  /** The smallest stretch of text that parses on its own and holds the offset, and its path. */
  localText(offset: number): { span: Span; pathPrefix: SchemaPath };
  /** The value node at the top (a map for a rubric), for checks of the document's shape. */
  readonly isBlank: boolean;
}

/** Folds of one YAML tree: from each collection's key (or first line) to its value's end. */
export function collectFolds(root: Document.Parsed | Node): Span[] {
  const folds: Span[] = [];
  visit(root, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (key?.range && isCollection(value) && value.range) folds.push({ start: key.range[0], end: Math.max(value.range[0], value.range[1] - 1) });
    },
    Seq(_, seq) {
      for (const item of seq.items) {
        const node = item as Node;
        if (isCollection(node) && node.range) folds.push({ start: node.range[0], end: Math.max(node.range[0], node.range[1] - 1) });
      }
    },
  });
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
