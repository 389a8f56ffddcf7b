import { strict as assert } from 'assert';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { PARSE_OPTIONS } from 'rubric-studio-server/out/core/blocks/block';
import { findLayout } from 'rubric-studio-server/out/core/blocks/layout';
import { LineIndex } from 'rubric-studio-server/out/core/text/line-index';
import { collectFolds } from 'rubric-studio-server/out/core/yaml/document-tree';
import { readPlainItem } from 'rubric-studio-server/out/core/yaml/plain-item';

/** The plain reader of list items (core/yaml/plain-item.ts) against the parser: what both tests of it share. */

/** A node as the readers of a one-item list see it: kinds, values, sources, ranges, flow, in order. */
function shape(node: unknown): unknown {
  if (isPair(node)) return { key: shape(node.key), value: shape(node.value) };
  if (isMap(node) || isSeq(node)) return { kind: isMap(node) ? 'map' : 'seq', flow: node.flow ?? false, range: node.range, items: node.items.map(shape) };
  if (isScalar(node)) return { value: node.value, source: node.source, type: node.type, range: node.range, fraction: node.minFractionDigits };
  return { other: String(node) };
}

/** What the block engine takes from an item's parse: its nodes, the document's range and errors, the folds, the plain data. */
function asParsed(text: string): unknown {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return { errors: doc.errors.length, contents: shape(doc.contents), range: doc.range, folds: collectFolds(doc), data: doc.toJS() as unknown };
}

/** The plain reader's answer in the same terms, or undefined when it leaves the text to the parser. */
function asRead(text: string, column: number): unknown {
  const read = readPlainItem(text, column);
  if (!read) return undefined;
  assert.equal(read.node, (read.doc.contents as { items: unknown[] }).items[0]);
  assert.deepEqual(read.range, read.node.range);
  return { errors: read.doc.errors.length, contents: shape(read.doc.contents), range: read.doc.range, folds: collectFolds(read.doc), data: [read.data] };
}

/** Each entry of a scoresheet's `scores:` as the block engine cuts it: its lines and the next item's indentation. */
export function entries(sheet: string): { text: string; column: number }[] {
  const layout = findLayout(sheet, new LineIndex(sheet), 'scores');
  assert.ok(layout, 'a plain scoresheet');
  return layout.blocks.map((block, i) => ({
    text: sheet.slice(block.start, i + 1 < layout.blocks.length ? block.end + layout.indent : block.end),
    column: layout.indent,
  }));
}

/** Whether the reader read the text; when it did, it must have read it as the parser does. */
export function readsAsTheParser(text: string, column: number): boolean {
  const read = asRead(text, column);
  if (read === undefined) return false;
  assert.deepEqual(read, asParsed(text), JSON.stringify(text));
  return true;
}
