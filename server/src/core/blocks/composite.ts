import { Span } from '../text/span';
import { ParsedDocument, ParsedText, ParserError, parserErrors, syntaxErrorsOf } from '../yaml/parse';
import { Block } from './block';
import { BlockVersion } from './block-engine';
import { CompositeTree, ListKeys } from './composite-tree';
import { skeletonToText } from './skeleton';
import { joined } from './joined';
import { forEachSpan } from './spans';

/** A version in blocks read as one document: what a whole parse of its text would give. */
export interface ComposedDocument {
  parsed: ParsedText;
  document: ParsedDocument;
  /** As the parser spans the block list: from the first item's dash to where it ends the last. */
  listSpan: Span;
}

/**
 * The document of a version in blocks: its span, its syntax errors in the order the parser of
 * the whole text meets them (before the list, in it, after it), and a tree that answers from the
 * skeleton and the block at hand.
 */
export function composeDocument<B extends Block<B>>(
  version: BlockVersion<B>,
  keys: ListKeys,
  /** The blocks' parser errors, block by block, when the caller keeps them (see KeptColumn): the blocks are not read then. */
  blockErrors?: readonly (readonly ParserError[])[],
): ComposedDocument {
  const { text, lines, layout, skeleton, blocks } = version;
  const { region } = layout;
  const toText = skeletonToText(skeleton, region);
  const lastBlock = blocks[blocks.length - 1];
  const span = {
    start: toText(skeleton.parsed.span.start),
    // With nothing after the list, the document ends where the parser ends the last block's.
    end: region.end === text.length ? lastBlock.documentEnd.end : toText(skeleton.parsed.span.end),
  };
  const skeletonErrors = parserErrors(skeleton.parsed.doc.errors, skeleton.text).map((error) => {
    // Joined to the list's key, a repeated key after the list is reported from the line break
    // before it, which the whole text's list has taken: the error belongs after the list.
    const { start, end } = error.span;
    const afterList = start < region.start && end >= region.start && skeleton.text.slice(start, region.start).trim() === '';
    return { ...error, span: { start: toText(afterList ? region.start : start), end: toText(end) } };
  });
  const beforeList = skeletonErrors.filter((e) => e.span.start < region.start);
  const errors = blockErrors ? joined(beforeList, blockErrors, (part) => part) : joined(beforeList, blocks, (b) => b.parserErrors);
  for (const error of skeletonErrors) if (error.span.start >= region.start) errors.push(error);
  const listSpan = { start: region.start + layout.indent, end: lastBlock.itemEnd.end };
  const document: ParsedDocument = {
    span,
    syntaxErrors: errors.length > 0 ? syntaxErrorsOf(errors, text, lines) : [],
    tree: new CompositeTree(version, keys, listSpan),
  };
  return { parsed: { text, lines, documents: [document] }, document, listSpan };
}

/** Spans read from the skeleton (a model built from it, the schema's findings on it), moved to where they stand in the text. */
export function moveToText<B>(version: BlockVersion<B>, roots: readonly unknown[]): void {
  const toText = skeletonToText(version.skeleton, version.layout.region);
  forEachSpan(roots, (span) => {
    span.start = toText(span.start);
    span.end = toText(span.end);
  });
}
