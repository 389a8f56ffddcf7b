import { Document, isScalar, isSeq, parseDocument } from 'yaml';
import { Span } from '../text/span';
import { collectFolds } from '../yaml/document-tree';
import { nestingBeyondLimit } from '../yaml/nesting';
import { ParserError, parserErrors } from '../yaml/parse';
import { mayHoldIgnore } from '../suppressions';
import { errorsStayInBlock, readsAloneAsInFile } from './contained-errors';
import { Layout } from './layout';
import { forEachSpan, SpanWalk } from './spans';

/**
 * One item of the list, parsed on its own, with what the engine needs to reuse it, move it and
 * join it to the others; a document kind extends it with its model (see BlockKind). Its spans
 * are absolute at `start`.
 */
export interface Block<B extends Block<B>> {
  /**
   * The length of the text it is parsed from: its lines and the next line's indentation (see
   * blockSource). A block keeps no copy of that text: it stands at `start` in the version the
   * engine last split (see BlockPool), and its model holds strings of its own (see
   * SpanWalk.detachStrings). A big file is then in memory once, not once more per block.
   */
  length: number;
  start: number;
  /** How much of its text is the block's own (the rest is the next line's indentation). */
  extent: number;
  /** The column of its item's dash. */
  column: number;
  /** The item's node as the parser of the whole text spans it (`range[0]` to `range[1]`). */
  itemSpan: Span;
  /** Where the parser ends this item (its node's `range[2]`): where the whole list ends after the last. */
  itemEnd: Span;
  /** Where the parser ends the block's document: where the whole one ends when the list ends the file. */
  documentEnd: Span;
  /** Its multi-line mappings and lists, its items' among them. */
  folds: Span[];
  /** The parser's errors in the block (its items' among them), all of them ones that stay inside it (see errorsStayInBlock). */
  parserErrors: ParserError[];
  /** Every span of the block's own model, findings and folds, each once: what a move shifts (its items' blocks move themselves). */
  spans: Span[];
  /** A block split further (a long rubric indicator): the blocks of its items, in order; empty for a leaf. */
  children: B[];
  /** For a split block: where its items are, in its own offsets. */
  region?: Span;
  /** Whether its text (its items' among it) may hold a `rubric-ignore` comment (see mayHoldIgnore). */
  holdsIgnore: boolean;
  /** The engine's split that made it (see BlockEngine.changes). */
  madeIn?: number;
  /** The last of the engine's splits that made or reused it: the blocks of a version not taken by the next have left it. */
  takenIn?: number;
}

/** Where one block's text is in the version at hand, and which list level it is on. */
export interface BlockSource {
  /** A slice of the version's text: a block that keeps any of it copies it (see ownCopy). */
  text: string;
  extent: number;
  start: number;
  column: number;
}

export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/** One list item's text parsed alone, as a one-item list. */
export interface ParsedItem {
  doc: Document.Parsed;
  node: unknown;
  range: [number, number, number];
}

/**
 * An item's text parsed alone, or undefined when it would not read alone as it does in the file:
 * it must not let the lexer run on past it (see readsAloneAsInFile), nest deeper than the whole
 * file may (the columns left of it count as levels above it), hold errors other than those of
 * typing, or be anything but one item. A bare `-` (an item just begun) takes its end from
 * comments before it, outside the block: left to the whole parse for the keystroke or two it lasts.
 */
export function parseItem(text: string, column: number): ParsedItem | undefined {
  if (!readsAloneAsInFile(text, column) || nestingBeyondLimit(text, column) >= 0) return undefined;
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (!errorsStayInBlock(doc.errors) || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const node = doc.contents.items[0];
  if (!node || (isScalar(node) && node.value === null && !node.source)) return undefined;
  return { doc, node, range: ((node as { range?: number[] }).range ?? [0, 0, 0]) as [number, number, number] };
}

/** What every leaf block has, read from its parse: spans count from 0 until it is placed (see placeBlock). */
export function leafParts(source: BlockSource, text: string, { doc, range }: ParsedItem): Omit<Block<never>, 'children'> {
  return {
    length: text.length,
    start: 0,
    extent: source.extent,
    column: source.column,
    itemSpan: { start: range[0], end: range[1] },
    itemEnd: at(range[2]),
    // Clamped as parseText clamps the whole document's end (the parser may end it one past the text).
    documentEnd: at(Math.min(doc.range[2], text.length)),
    folds: collectFolds(doc),
    parserErrors: parserErrors(doc.errors, text),
    spans: [],
    holdsIgnore: mayHoldIgnore(text),
  };
}

/**
 * A block parsed alone moved to where it stands: every span of its own (the engine's and those
 * of `roots`, the kind's model and findings) collected once and shifted by `start`.
 */
export function placeBlock<B extends Block<B>>(block: B, roots: readonly unknown[], start: number, walk: SpanWalk = {}): B {
  const { itemSpan, itemEnd, documentEnd, folds, parserErrors: errors, spans } = block;
  forEachSpan([...roots, itemSpan, itemEnd, documentEnd, folds, errors], (span) => spans.push(span), walk);
  moveBlock(block, start);
  return block;
}

/** A block and its items' blocks moved to `start`. */
export function moveBlock<B extends Block<B>>(block: B, start: number): void {
  const delta = start - block.start;
  if (delta === 0) return;
  for (const span of block.spans) {
    span.start += delta;
    span.end += delta;
  }
  block.start = start;
  for (const child of block.children) moveBlock(child, child.start + delta);
}

/**
 * The text a top-level block is parsed from: its lines and the next item's indentation. A
 * mapping left open at the end of the block (a key still without its colon) runs up to that
 * item's dash, as it does in the whole text.
 */
export function blockSource(text: string, layout: Layout, index: number): BlockSource {
  const span = layout.blocks[index];
  const end = index + 1 < layout.blocks.length ? span.end + layout.indent : span.end;
  return { text: text.slice(span.start, end), extent: span.end - span.start, start: span.start, column: layout.indent };
}

export function at(offset: number): Span {
  return { start: offset, end: offset };
}
