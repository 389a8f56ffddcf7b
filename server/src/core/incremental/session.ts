import { isScalar, isSeq, parseDocument } from 'yaml';
import { assemble } from '../assemble';
import { checkDocument } from '../check-document';
import { Finding } from '../findings';
import { buildIndicator, buildRubricModel } from '../model/build-model';
import { IndicatorModel, RubricModel } from '../model/rubric-model';
import { asMap, findPair } from '../model/yaml-nodes';
import { nodeAtOffset, NodeAtOffset } from '../model/yaml-path';
import { nestingBeyondLimit, ParsedDocument, ParsedText, ParserError, parserErrors, parseText, syntaxErrorsOf, YamlDocument } from '../parse';
import { LineIndex } from '../text/line-index';
import { Span } from '../text/span';
import { collectFolds, DocumentTree } from '../tree/document-tree';
import { SchemaValidator } from '../schema/schema-validator';
import type { Analysis, IncrementalSession } from '../types';
import { findLayout, Layout } from './layout';
import { errorsStayInBlock, errorsStayInSkeleton, readsAloneAsInFile } from './contained-errors';
import { forEachSpan } from './shift';

/** What a session needs from the core that creates it. */
export interface SessionDependencies {
  validator: SchemaValidator;
  /** The whole analysis, for text the split cannot take. */
  analyzeWhole(text: string): Analysis;
}

/** One top-level indicator, parsed and checked on its own; its spans are absolute at `start`. */
interface Block {
  text: string;
  start: number;
  /** Every span of the block's model, findings and folds, each once: what a move shifts. */
  spans: Span[];
  /** Where the parser ends this item (its node's `range[2]`): where the whole list ends after the last. */
  itemEnd: Span;
  /** Where the parser ends the block's document: where the whole one ends when the list ends the file. */
  documentEnd: Span;
  indicator: IndicatorModel;
  all: IndicatorModel[];
  schemaFindings: Finding[];
  folds: Span[];
  /** The parser's errors in the block, all of them ones that stay inside it (see errorsStayInBlock). */
  parserErrors: ParserError[];
}

/** Everything but the indicator list, parsed once while only indicators change. */
interface Skeleton {
  key: string;
  parsed: YamlDocument;
}

/**
 * The analysis behind an editor's keystrokes. A plain rubric splits into a skeleton (what is
 * around `indicators:`) and one block per top-level indicator; an edit re-parses the block it
 * touched, reuses every other block's model and findings (moved to their new offsets), and runs
 * every check on the whole model again, so the findings are complete for the whole document.
 * A block or the skeleton may hold the syntax errors of ordinary typing (see contained-errors);
 * anything unusual (several documents, anchors, any other syntax error) is analysed whole.
 */
export function createIncrementalSession(analyzer: SessionDependencies): IncrementalSession {
  let blocks = new Map<string, Block[]>();
  let skeleton: Skeleton | undefined;
  let lastPath: 'incremental' | 'whole' = 'whole';

  /**
   * The whole analysis, for text the split cannot take (often a keystroke that breaks the YAML
   * for a moment). The caches stay: they are keyed by text, so the next good version reuses them.
   */
  function whole(text: string): Analysis {
    lastPath = 'whole';
    return analyzer.analyzeWhole(text);
  }

  function buildBlock(slice: string, start: number, index: number, itemColumn: number): Block | undefined {
    const text = ownCopy(slice);
    // Nested too deep to parse safely: the whole analysis says so (see MAX_NESTING).
    if (!readsAloneAsInFile(text, itemColumn) || nestingBeyondLimit(text) >= 0) return undefined;
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    if (!errorsStayInBlock(doc.errors) || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    const node = doc.contents.items[0];
    // A bare `-` (an indicator just begun) takes its end from comments before it, outside the
    // block: left to the whole parse for the keystroke or two it lasts.
    if (isScalar(node) && node.value === null && !node.source) return undefined;
    const all: IndicatorModel[] = [];
    const indicator = buildIndicator(asMap(node), node, [index], all);
    const range = (node as { range?: number[] } | null)?.range ?? [0, 0, 0];
    const schemaFindings = analyzer.validator.validateIndicator(doc, text, { start: range[0], end: range[0] });
    const at = (offset: number) => ({ start: offset, end: offset });
    // A block parsed alone: its spans count from 0 until it is moved to where it stands.
    const block: Block = {
      text,
      start: 0,
      spans: [],
      itemEnd: at(range[2]),
      // Clamped as parseText clamps the whole document's end (the parser may end it one past the text).
      documentEnd: at(Math.min(doc.range[2], text.length)),
      indicator,
      all,
      schemaFindings,
      folds: collectFolds(doc),
      parserErrors: parserErrors(doc.errors, text),
    };
    const { spans, itemEnd, documentEnd, folds, parserErrors: errors } = block;
    forEachSpan([all, schemaFindings, folds, itemEnd, documentEnd, errors], (span) => spans.push(span), { detachYamlNodes: true });
    moveBlock(block, start);
    return block;
  }

  function moveBlock(block: Block, start: number): void {
    const delta = start - block.start;
    if (delta === 0) return;
    for (const span of block.spans) {
      span.start += delta;
      span.end += delta;
    }
    block.start = start;
  }

  /**
   * The rubric around its indicator list. It must be a mapping whose `indicators:` is left
   * empty by the cut: otherwise the cut changed what the text means, and it is analysed whole.
   */
  function skeletonFor(head: string, tail: string): Skeleton | undefined {
    const key = `${head}\u0000${tail}`;
    if (skeleton?.key === key) return skeleton;
    if (nestingBeyondLimit(head + tail) >= 0) return undefined;
    const parsed = parseText(head + tail);
    const doc = parsed.documents[0];
    if (parsed.documents.length !== 1 || !errorsStayInSkeleton(doc.doc.errors, tail)) return undefined;
    const root = asMap(doc.doc.contents);
    const indicators = findPair(root, 'indicators')?.value;
    if (!root || !(isScalar(indicators) && indicators.value === null)) return undefined;
    skeleton = { key: ownCopy(key), parsed: doc };
    return skeleton;
  }

  function update(text: string): Analysis {
    try {
      return updateInBlocks(text);
    } catch (error) {
      // A parse that ran out of stack (see analyze): the whole analysis says so.
      if (error instanceof RangeError) return whole(text);
      throw error;
    }
  }

  function updateInBlocks(text: string): Analysis {
    const lines = new LineIndex(text);
    const layout = findLayout(text, lines);
    if (!layout) return whole(text);
    const { region } = layout;
    const around = skeletonFor(text.slice(0, region.start), text.slice(region.end));
    if (!around) return whole(text);

    const reusable = blocks;
    const next = new Map<string, Block[]>();
    const used: Block[] = [];
    for (const [index, span] of layout.blocks.entries()) {
      // Looked up by a slice of this version; kept under the block's own copy (see ownCopy).
      const blockText = blockSource(text, layout, index);
      let block = reusable.get(blockText)?.pop();
      if (block) moveBlock(block, span.start);
      else block = buildBlock(blockText, span.start, index, layout.indent);
      if (!block) return whole(text);
      for (const indicator of block.all) indicator.path[0] = index;
      used.push(block);
      const same = next.get(block.text);
      if (same) same.push(block);
      else next.set(block.text, [block]);
    }
    blocks = next;
    lastPath = 'incremental';
    return assembleIncremental(text, lines, layout, around, used);
  }

  function assembleIncremental(text: string, lines: LineIndex, layout: Layout, around: Skeleton, used: Block[]): Analysis {
    const { region } = layout;
    const delta = region.end - region.start;
    // Skeleton offsets after the cut move by the length of the indicator list.
    const toText = (offset: number) => (offset >= region.start ? offset + delta : offset);
    const skeletonDoc = around.parsed.doc;
    // With nothing after the list, the document ends where the parser ends the last block's.
    const docSpan = {
      start: toText(around.parsed.span.start),
      end: region.end === text.length ? used[used.length - 1].documentEnd.end : toText(around.parsed.span.end),
    };
    // A copy: the cached skeleton keeps its own spans while this model's move.
    const model: RubricModel = buildRubricModel(skeletonDoc, { ...around.parsed.span });
    const skeletonText = text.slice(0, region.start) + text.slice(region.end);
    const skeletonFindings = analyzer.validator.validateSkeleton(skeletonDoc, skeletonText, used.length);
    moveSkeletonSpans([model, skeletonFindings], region.start, delta);
    model.span = docSpan;
    model.indicators.items = used.map((b) => b.indicator);
    model.allIndicators = used.flatMap((b) => b.all);
    if (model.indicators.field) {
      // As the parser spans a block list: from the first item's dash to where it ends the last.
      model.indicators.field.span = { start: region.start + layout.indent, end: used[used.length - 1].itemEnd.end };
    }
    // In the order the parser of the whole text meets them: before the list, in it, after it.
    const skeletonErrors = parserErrors(skeletonDoc.errors, skeletonText).map((e) => {
      // Joined to `indicators:`, a repeated key after the list is reported from the line break
      // before it, which the whole text's list has taken: the error belongs after the list.
      const afterList = e.span.start < region.start && e.span.end >= region.start && skeletonText.slice(e.span.start, region.start).trim() === '';
      return { ...e, span: { start: toText(afterList ? region.start : e.span.start), end: toText(e.span.end) } };
    });
    const errors = [
      ...skeletonErrors.filter((e) => e.span.start < region.start),
      ...used.flatMap((b) => b.parserErrors),
      ...skeletonErrors.filter((e) => e.span.start >= region.start),
    ];
    const parsedDocument: ParsedDocument = {
      span: docSpan,
      syntaxErrors: errors.length > 0 ? syntaxErrorsOf(errors, text, lines) : [],
      tree: compositeTree(text, layout, used, around, toText),
    };
    const parsedText: ParsedText = { text, lines, documents: [parsedDocument] };
    const schemaFindings = [...skeletonFindings, ...used.flatMap((b) => b.schemaFindings)];
    return assemble(parsedText, [checkDocument(parsedText, parsedDocument, model, schemaFindings)]);
  }

  return {
    update,
    get lastPath() {
      return lastPath;
    },
  };
}

/**
 * A copy of a block's (or the skeleton's) text that holds no reference to the whole text it was
 * sliced from (V8 keeps the parent of a slice alive). A cached block outlives its version of the
 * document, and the strings of its model are slices of this copy: without it, each kept block
 * would keep a whole old version of a big file in memory.
 */
function ownCopy(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}

/**
 * The text a block is parsed from: its lines and the next item's indentation. A mapping left
 * open at the end of the block (a key still without its colon) runs up to that item's dash, as
 * it does in the whole text.
 */
function blockSource(text: string, layout: Layout, index: number): string {
  const span = layout.blocks[index];
  return text.slice(span.start, index + 1 < layout.blocks.length ? span.end + layout.indent : span.end);
}

/** Skeleton spans at or after the cut move to where that text stands in the file. */
function moveSkeletonSpans(roots: unknown[], cut: number, delta: number): void {
  forEachSpan(roots, (span) => {
    if (span.start >= cut) span.start += delta;
    if (span.end >= cut) span.end += delta;
  });
}

/** The tree of a file analysed in blocks: the skeleton's, and each block's parsed again on demand. */
function compositeTree(text: string, layout: Layout, blocks: Block[], around: Skeleton, toText: (offset: number) => number): DocumentTree {
  const { region } = layout;
  // The end of the text belongs to the last block when the list ends the file (a key typed last).
  const blockAt = (offset: number) => {
    const index = layout.blocks.findIndex((b) => offset >= b.start && (offset < b.end || (offset === text.length && b.end === text.length)));
    return index >= 0 ? { index, span: layout.blocks[index] } : undefined;
  };
  return {
    isBlank: false,
    nodeAtOffset(offset): NodeAtOffset {
      const hit = blockAt(offset);
      if (!hit) {
        const inSkeleton = offset >= region.end ? offset - (region.end - region.start) : offset;
        const at = nodeAtOffset(around.parsed.doc.contents, inSkeleton);
        return at.scalar ? { ...at, scalar: { ...at.scalar, span: { start: toText(at.scalar.span.start), end: toText(at.scalar.span.end) } } } : at;
      }
      const doc = parseDocument(blockSource(text, layout, hit.index), { logLevel: 'error' });
      const local = nodeAtOffset(doc.contents, offset - hit.span.start);
      const [, ...rest] = local.steps;
      const steps = [{ segment: 'indicators' as string | number, node: undefined }, { segment: hit.index, node: local.steps[0]?.node }, ...rest];
      const scalar = local.scalar && {
        ...local.scalar,
        span: { start: local.scalar.span.start + hit.span.start, end: local.scalar.span.end + hit.span.start },
      };
      return { ...local, steps, scalar };
    },
    folds() {
      const skeletonFolds = collectFolds(around.parsed.doc).map((f) => ({ start: toText(f.start), end: toText(f.end) }));
      const key = blocks.length > 0 ? [{ start: indicatorsKeyStart(text, region.start), end: blocks[blocks.length - 1].itemEnd.end - 1 }] : [];
      return [...skeletonFolds, ...key, ...blocks.flatMap((b) => b.folds)];
    },
    localText(offset) {
      const hit = blockAt(offset);
      // A cursor on a blank stretch at or left of the items' column may be about to start a
      // top-level key: only the whole text says what it is in.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const blankBefore = /^[ ]*$/.test(text.slice(lineStart, offset)) && offset - lineStart <= layout.indent;
      return hit && !blankBefore ? { span: hit.span, pathPrefix: ['indicators'] } : { span: { start: 0, end: text.length }, pathPrefix: [] };
    },
  };
}

/** Where the `indicators:` key line starts, searching back from the first item. */
function indicatorsKeyStart(text: string, firstItem: number): number {
  return text.lastIndexOf('\nindicators:', firstItem) + 1;
}
