import { isScalar, isSeq, parseDocument } from 'yaml';
import { assemble } from './analyze';
import { checkDocument, findingsOnIndicators, IndicatorFindings, indicatorInputs } from './check-document';
import type { IndicatorContext } from './checks/check';
import { Finding } from '../findings';
import { buildIndicator, buildRubricModel, sumKnown } from './model/build-model';
import { IndicatorModel, RubricModel } from './model/rubric-model';
import { asMap, findPair } from '../yaml/yaml-nodes';
import { nodeAtOffset, NodeAtOffset } from '../yaml/yaml-path';
import { nestingBeyondLimit } from '../yaml/nesting';
import { ParsedDocument, ParsedText, ParserError, parserErrors, parseText, syntaxErrorsOf, YamlDocument } from '../yaml/parse';
import { changedStretch, LineIndex } from '../text/line-index';
import { Span } from '../text/span';
import { collectFolds, DocumentTree } from '../yaml/document-tree';
import { SchemaValidator } from '../schema/schema-validator';
import type { Analysis, IncrementalSession } from './types';
import { findItemsLayout, findLayout, LaidOut, Layout, layoutAfterEdit } from '../blocks/layout';
import { errorsStayInBlock, errorsStayInSkeleton, readsAloneAsInFile } from '../blocks/contained-errors';
import { forEachSpan, ownCopy } from '../blocks/spans';

/** What a session needs from the core that creates it. */
export interface SessionDependencies {
  validator: SchemaValidator;
  /** The whole analysis, for text the split cannot take. */
  analyzeWhole(text: string): Analysis;
}

export interface SessionOptions {
  /** Blocks of more characters than this are split into their items' blocks (for tests: 0 splits every group). */
  splitAbove?: number;
}

/** What a session tells tests and the benchmark beyond what the core's users need. */
export interface SessionMeasures {
  /** How many characters the last update parsed (blocks, skeletons, or the whole text). */
  readonly lastParsed: number;
  /** How many indicators the last update ran the checks of single indicators on (all of them after a whole analysis). */
  readonly lastChecked: number;
}

/**
 * One indicator's text, parsed and checked on its own: a leaf block is parsed whole; a block
 * longer than `splitAbove` is split into its head and tail (the indicator without its `items:`
 * list) and one block per item, each of them a leaf or split again. Its spans are absolute at
 * `start`.
 */
interface Block {
  /**
   * The length of the text it is parsed from: its lines and the next line's indentation (see
   * blockSource). A block keeps no copy of that text: it stands at `start` in the version the
   * session last analysed in blocks (see BlockPool), and its model holds strings of its own
   * (see SpanWalk.detachStrings). A 10,000-indicator file is then in memory once, not once more
   * per level of blocks.
   */
  length: number;
  start: number;
  /** How much of its text is the block's own (the rest is the next line's indentation). */
  extent: number;
  /** The column of its item's dash. */
  column: number;
  /** Every span of the block's own model, findings and folds, each once: what a move shifts (the items' blocks move themselves). */
  spans: Span[];
  /** The item blocks of a split block, in order; empty for a leaf. */
  children: Block[];
  /** For a split block: where its items are, in its own offsets. */
  region?: Span;
  /** Where the parser ends this item (its node's `range[2]`): where the whole list ends after the last. */
  itemEnd: Span;
  /** Where the parser ends the block's document: where the whole one ends when the list ends the file. */
  documentEnd: Span;
  indicator: IndicatorModel;
  /** Every indicator of the block, depth first: the block's root first. */
  all: IndicatorModel[];
  /** For a leaf: each indicator's path below the block's root. */
  relativePaths: number[][];
  /** The path the indicators were last given (see givePaths). */
  pathKey?: string;
  schemaFindings: Finding[];
  folds: Span[];
  /** The parser's errors in the block, all of them ones that stay inside it (see errorsStayInBlock). */
  parserErrors: ParserError[];
  /** What the checks of single indicators found on the block's own (see findingsOfBlocks). */
  checked?: CheckedBlock;
}

/**
 * The findings of the checks of single indicators on a block's own indicators (a leaf's all, a
 * split block's own; its items' blocks keep theirs), at offsets from the block's start. They
 * hold while the block's text is unchanged (a changed text makes a new block, and a changed
 * item a new block for each indicator above it, whose sums are made again), its path is the
 * same (givePaths drops them) and so are the inputs (see indicatorInputs).
 */
interface CheckedBlock {
  inputs: string;
  findings: Finding[];
  /** A finding read line numbers (see IndicatorContext.lineOf): made again on every version. */
  readsLines: boolean;
}

/** Blocks longer than this (about 40 indicators with long criteria) are split into their items. */
const SPLIT_ABOVE = 8000;

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/** Stands in for a split block's items while its head and tail are validated: a valid scored item. */
const PLACEHOLDER_ITEM = '- {name: x, weight: 1}\n';

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
export function createIncrementalSession(analyzer: SessionDependencies, options: SessionOptions = {}): IncrementalSession & SessionMeasures {
  /** The top-level blocks of the last version analysed in blocks, and its text, which they stand in. */
  let blocks: Block[] = [];
  let blocksText = '';
  let skeleton: Skeleton | undefined;
  let lastPath: 'incremental' | 'whole' = 'whole';
  let lastParsed = 0;
  let lastChecked = 0;
  /** The last version's line index, and its layout when it had one: the next version's are made from them. */
  let lastLines: LineIndex | undefined;
  let lastLaidOut: LaidOut | undefined;
  const splitAbove = options.splitAbove ?? SPLIT_ABOVE;

  /**
   * The whole analysis, for text the split cannot take (often a keystroke that breaks the YAML
   * for a moment). The caches stay: they are keyed by text, so the next good version reuses them.
   */
  function whole(text: string): Analysis {
    lastPath = 'whole';
    lastParsed += text.length;
    const analysis = analyzer.analyzeWhole(text);
    lastChecked = analysis.documents.reduce((count, document) => count + document.model.allIndicators.length, 0);
    return analysis;
  }

  /**
   * Old blocks that a new version may reuse, by text, one pool per level: the top-level blocks
   * of the last version, then the items of those not reused (see releaseLevel), and so on. A
   * block is taken out when reused, so no block serves twice.
   */
  let pools: BlockPool[] = [];

  /** Old blocks moved by this update, and from where: a whole analysis puts them back. */
  let moved: [Block, number][] = [];

  function take(level: number, text: string): Block | undefined {
    return pools[level]?.take(text);
  }

  function reuse(block: Block, start: number): Block {
    moved.push([block, block.start]);
    moveBlock(block, start);
    return block;
  }

  /**
   * After an update that ends in a whole analysis, the last version's blocks are as they were:
   * back where they stood, their paths to be given again (an item taken from a block that was
   * not reused may have been given another).
   */
  function restore(): void {
    for (const [block, start] of moved.reverse()) moveBlock(block, start);
    const forget = (block: Block): void => {
      block.pathKey = undefined;
      block.children.forEach(forget);
    };
    blocks.forEach(forget);
  }

  /** The old blocks at `level` no text asked for: their items become candidates one level down. */
  function releaseLevel(level: number): void {
    const pool = pools[level];
    if (!pool) return;
    pools[level] = new BlockPool([], blocksText);
    const below = (pools[level + 1] ??= new BlockPool([], blocksText));
    for (const block of pool.remaining()) block.children.forEach((child) => below.add(child));
  }

  /** The block of an indicator's text: an old one with the same text, else a new one. */
  function blockOf(text: string, extent: number, start: number, column: number, level: number): Block | undefined {
    const old = take(level, text);
    if (old) return reuse(old, start);
    releaseLevel(level);
    if (text.length > splitAbove) {
      const split = buildSplit(text, extent, start, column, level);
      if (split) return split;
    }
    // Parsed from a copy: the model's strings are then copied again (see SpanWalk.detachStrings),
    // so that neither this version's text nor the copy stays in memory with the block.
    return buildLeaf(ownCopy(text), extent, start, column);
  }

  function buildLeaf(text: string, extent: number, start: number, itemColumn: number): Block | undefined {
    lastParsed += text.length;
    // Nested too deep to parse safely: the whole analysis says so (see MAX_NESTING).
    if (!readsAloneAsInFile(text, itemColumn) || nestingBeyondLimit(text) >= 0) return undefined;
    const doc = parseDocument(text, PARSE_OPTIONS);
    if (!errorsStayInBlock(doc.errors) || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    const node = doc.contents.items[0];
    // A bare `-` (an indicator just begun) takes its end from comments before it, outside the
    // block: left to the whole parse for the keystroke or two it lasts.
    if (isScalar(node) && node.value === null && !node.source) return undefined;
    const all: IndicatorModel[] = [];
    const indicator = buildIndicator(asMap(node), node, [0], all);
    const range = (node as { range?: number[] } | null)?.range ?? [0, 0, 0];
    const schemaFindings = analyzer.validator.validateIndicator(doc, text, { start: range[0], end: range[0] });
    // A block parsed alone: its spans count from 0 until it is moved to where it stands.
    const block: Block = {
      length: text.length,
      start: 0,
      extent,
      column: itemColumn,
      spans: [],
      children: [],
      itemEnd: at(range[2]),
      // Clamped as parseText clamps the whole document's end (the parser may end it one past the text).
      documentEnd: at(Math.min(doc.range[2], text.length)),
      indicator,
      all,
      relativePaths: all.map((i) => i.path.slice(1)),
      schemaFindings,
      folds: collectFolds(doc),
      parserErrors: parserErrors(doc.errors, text),
    };
    const { spans, itemEnd, documentEnd, folds, parserErrors: errors } = block;
    forEachSpan([all, schemaFindings, folds, itemEnd, documentEnd, errors], (span) => spans.push(span), { detachYamlNodes: true, detachStrings: true });
    moveBlock(block, start);
    return block;
  }

  /**
   * A long indicator's block, split: its head and tail parsed together as an indicator whose
   * `items:` is left empty, and each item a block of its own. Undefined when the cut could
   * change what the text means (then the block is parsed whole). `text` may be a slice of the
   * whole version: its head and tail are parsed from a copy (its items copy their own).
   */
  function buildSplit(text: string, extent: number, start: number, column: number, level: number): Block | undefined {
    const layout = findItemsLayout(text, extent, column);
    if (!layout) return undefined;
    const { region, itemStarts, itemColumn, keyColumn } = layout;
    const tailEmpty = region.end === extent;
    const head = text.slice(0, region.start);
    const tail = text.slice(region.end);
    const skeletonText = ownCopy(head + tail);
    lastParsed += skeletonText.length;
    if (!readsAloneAsInFile(skeletonText, column) || nestingBeyondLimit(skeletonText) >= 0) return undefined;
    const doc = parseDocument(skeletonText, PARSE_OPTIONS);
    if (!errorsStayInBlock(doc.errors) || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    const node = doc.contents.items[0];
    const map = asMap(node);
    const itemsPair = findPair(map, 'items');
    if (!map || !itemsPair || !(isScalar(itemsPair.value) && itemsPair.value.value === null)) return undefined;

    // The items first: a cut that does not read alone leaves the block whole.
    const children: Block[] = [];
    const wanted = itemStarts.map((itemStart, i) => {
      const last = i + 1 === itemStarts.length;
      const end = last ? region.end : itemStarts[i + 1];
      // Each item runs up to the next line's indentation, as it does in the whole text.
      const through = last ? (tailEmpty ? text.length : region.end + keyColumn) : end + itemColumn;
      return { text: text.slice(itemStart, through), extent: end - itemStart, start: start + itemStart };
    });
    // Old items with the same text first, so that releasing the rest gives their own items.
    const found = wanted.map((w) => take(level + 1, w.text));
    for (const [i, w] of wanted.entries()) {
      const old = found[i];
      const child = old ? reuse(old, w.start) : blockOf(w.text, w.extent, w.start, itemColumn, level + 1);
      if (!child) return undefined;
      children.push(child);
    }

    const all: IndicatorModel[] = [];
    const indicator = buildIndicator(map, node, [0], all);
    const range = (node as { range?: number[] }).range ?? [0, 0, 0];
    const folds = collectFolds(doc);
    const errors = parserErrors(doc.errors, skeletonText);
    const itemEnd = at(range[2]);
    const documentEnd = at(doc.range[2]);
    // Offsets after the cut move by the length of the items' list.
    const cut = region.start;
    const delta = region.end - region.start;
    forEachSpan(
      [all, folds, errors, itemEnd, documentEnd],
      (span) => {
        if (span.start >= cut) span.start += delta;
        if (span.end >= cut) span.end += delta;
      },
      { detachYamlNodes: true, detachStrings: true },
    );
    const skeletonFindings = validateSplitHead(head, tail, itemColumn, delta);

    // Where the whole parse ends the list: where it ends the last item; with nothing after the
    // list, the indicator (and the document, when it is the last) ends there too.
    const lastChild = children[children.length - 1];
    const listEnd = lastChild.itemEnd.end - start;
    const firstFold = folds[0];
    if (tailEmpty) {
      indicator.span = { start: indicator.span.start, end: listEnd };
      itemEnd.start = itemEnd.end = listEnd;
      documentEnd.start = documentEnd.end = lastChild.documentEnd.end - start;
      if (firstFold) firstFold.end = Math.max(firstFold.start, listEnd - 1);
    }
    const itemsKeyStart = indicator.itemsField?.keySpan.start ?? region.start;
    if (indicator.itemsField) indicator.itemsField.span = { start: region.start + itemColumn, end: listEnd };
    const itemsFold = { start: itemsKeyStart, end: Math.max(region.start + itemColumn, listEnd - 1) };
    const ownFolds = firstFold ? [firstFold, itemsFold, ...folds.slice(1)] : [itemsFold, ...folds];

    const block: Block = {
      length: text.length,
      start: 0,
      extent,
      column,
      spans: [],
      children,
      region,
      itemEnd,
      documentEnd,
      indicator,
      all,
      relativePaths: [],
      schemaFindings: skeletonFindings,
      folds: ownFolds,
      parserErrors: errors,
    };
    // Its own spans move to where it stands (its items are there already).
    forEachSpan([indicator, skeletonFindings, ownFolds, itemEnd, documentEnd, errors], (span) => {
      span.start += start;
      span.end += start;
      block.spans.push(span);
    });
    block.start = start;

    // Now the items join the indicator (their spans are their own to move).
    indicator.items = children.map((child) => child.indicator);
    indicator.itemsSum = sumKnown(indicator.items.map((item) => item.effectiveWeight));
    if (!indicator.weight) indicator.effectiveWeight = indicator.itemsSum;
    block.all = [indicator, ...children.flatMap((child) => child.all)];
    block.schemaFindings = [...skeletonFindings, ...children.flatMap((child) => child.schemaFindings)];
    block.folds = [...ownFolds, ...children.flatMap((child) => child.folds)];
    const tailFrom = start + region.end;
    block.parserErrors = [
      ...errors.filter((e) => e.span.start < tailFrom),
      ...children.flatMap((child) => child.parserErrors),
      ...errors.filter((e) => e.span.start >= tailFrom),
    ];
    return block;
  }

  /**
   * The schema's findings on a split block's own keys: its head and tail validated with one
   * valid item in place of its list (an empty `items:` would be a finding of its own). Offsets
   * are the block's own.
   */
  function validateSplitHead(head: string, tail: string, itemColumn: number, listLength: number): Finding[] {
    const placeholder = ' '.repeat(itemColumn) + PLACEHOLDER_ITEM;
    const source = head + placeholder + tail;
    const doc = parseDocument(source, PARSE_OPTIONS);
    lastParsed += source.length;
    const node = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
    const range = (node as { range?: number[] } | undefined)?.range ?? [0, 0, 0];
    const findings = analyzer.validator.validateIndicator(doc, source, { start: range[0], end: range[0] });
    const cut = head.length;
    const after = cut + placeholder.length;
    const kept = findings.filter((f) => f.span.start < cut || f.span.start >= after);
    forEachSpan(kept, (span) => {
      if (span.start >= after) span.start += listLength - placeholder.length;
      if (span.end >= after) span.end += listLength - placeholder.length;
      else if (span.end > cut) span.end = cut;
    });
    return kept;
  }

  function moveBlock(block: Block, start: number): void {
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
   * Gives every indicator of the block its path in the tree; unchanged paths are left alone.
   * Paths are made with concat and slice: arrays of exactly their length (see buildIndicator).
   */
  function givePaths(block: Block, path: number[]): void {
    const key = path.join('.');
    if (block.pathKey === key) return;
    block.pathKey = key;
    // A finding may name the path (children-sum's data).
    block.checked = undefined;
    if (block.children.length === 0) {
      for (const [i, indicator] of block.all.entries()) indicator.path = path.concat(block.relativePaths[i]);
      return;
    }
    block.indicator.path = path.slice();
    for (const [i, child] of block.children.entries()) givePaths(child, path.concat(i));
  }

  /**
   * The rubric around its indicator list. It must be a mapping whose `indicators:` is left
   * empty by the cut: otherwise the cut changed what the text means, and it is analysed whole.
   */
  function skeletonFor(head: string, tail: string): Skeleton | undefined {
    const key = `${head}\u0000${tail}`;
    if (skeleton?.key === key) return skeleton;
    lastParsed += key.length;
    // A copy: with nothing after the list `head + tail` is `head`, a slice of this version, which
    // the cached skeleton would keep in memory for as long as it is reused.
    const source = ownCopy(head + tail);
    if (nestingBeyondLimit(source) >= 0) return undefined;
    const parsed = parseText(source);
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
      // A parse that ran out of stack (see analyze): the whole analysis says so, and the last
      // version's blocks are put back as they were.
      restore();
      pools = [];
      moved = [];
      if (error instanceof RangeError) return whole(text);
      throw error;
    }
  }

  function updateInBlocks(text: string): Analysis {
    lastParsed = 0;
    // Made from the last version's where they can be: a keystroke in a big file reads the lines it changed, not every line.
    const changed = lastLines ? changedStretch(lastLines.text, text) : undefined;
    const lines = lastLines && changed ? LineIndex.afterEdit(lastLines, text, changed) : new LineIndex(text);
    const layout = (lastLaidOut && changed && layoutAfterEdit(lastLaidOut, text, lines, changed)) || findLayout(text, lines);
    lastLines = lines;
    lastLaidOut = layout && { lines, layout };
    if (!layout) return whole(text);
    const { region } = layout;
    const around = skeletonFor(text.slice(0, region.start), text.slice(region.end));
    if (!around) return whole(text);

    // A pool of its own: the last version's list stays as it is if this one ends in a whole analysis.
    pools = [new BlockPool(blocks, blocksText)];
    moved = [];
    const used: Block[] = [];
    // Old blocks with the same text first: a block's items are candidates only once it is not reused whole.
    const texts = layout.blocks.map((_, index) => blockSource(text, layout, index));
    const found = texts.map((blockText) => take(0, blockText));
    for (const [index, span] of layout.blocks.entries()) {
      const old = found[index];
      const block = old ? reuse(old, span.start) : blockOf(texts[index], span.end - span.start, span.start, layout.indent, 0);
      if (!block) {
        restore();
        pools = [];
        moved = [];
        return whole(text);
      }
      givePaths(block, [index]);
      used.push(block);
    }
    pools = [];
    moved = [];
    blocks = used;
    blocksText = text;
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
    const onIndicators: IndicatorFindings = (context) => {
      const { findings, checked } = findingsOfBlocks(used, context);
      lastChecked = checked;
      return findings;
    };
    return assemble(parsedText, [checkDocument(parsedText, parsedDocument, model, schemaFindings, onIndicators)]);
  }

  return {
    update,
    get lastPath() {
      return lastPath;
    },
    get lastParsed() {
      return lastParsed;
    },
    get lastChecked() {
      return lastChecked;
    },
  };
}

/**
 * Old blocks, found by text: by length, then by the text they stand in (the version the
 * session last analysed in blocks, where a block not taken still stands). Blocks of the same
 * text are interchangeable.
 */
class BlockPool {
  private readonly byLength = new Map<number, Block[]>();

  constructor(
    blocks: readonly Block[],
    private readonly source: string,
  ) {
    blocks.forEach((block) => this.add(block));
  }

  add(block: Block): void {
    const list = this.byLength.get(block.length);
    if (list) list.push(block);
    else this.byLength.set(block.length, [block]);
  }

  take(text: string): Block | undefined {
    const list = this.byLength.get(text.length);
    // A slice and `===` compare whole runs of memory, where startsWith goes a character at a time.
    const index = list ? list.findIndex((block) => this.source.slice(block.start, block.start + block.length) === text) : -1;
    return index >= 0 ? list!.splice(index, 1)[0] : undefined;
  }

  /** Every block not taken. */
  remaining(): Block[] {
    return [...this.byLength.values()].flat();
  }
}

/**
 * The findings of the checks of single indicators, block by block: made for a block the first
 * time and kept (see CheckedBlock), so that a keystroke checks only the indicators whose text
 * changed and the groups above them, not the whole tree.
 */
function findingsOfBlocks(blocks: readonly Block[], context: IndicatorContext): { findings: Finding[]; checked: number } {
  const inputs = indicatorInputs(context);
  const findings: Finding[] = [];
  let checked = 0;
  const visit = (block: Block): void => {
    let kept = block.checked;
    if (!kept || kept.inputs !== inputs || kept.readsLines) {
      let readsLines = false;
      const lineOf = (offset: number): number => {
        readsLines = true;
        return context.lineOf(offset);
      };
      const own = block.children.length === 0 ? block.all : [block.indicator];
      const made = findingsOnIndicators(own, { ...context, lineOf });
      checked += own.length;
      kept = block.checked = { inputs, readsLines, findings: made.map((finding) => movedFinding(finding, -block.start)) };
    }
    for (const finding of kept.findings) findings.push(movedFinding(finding, block.start));
    block.children.forEach(visit);
  };
  blocks.forEach(visit);
  return { findings, checked };
}

/** A copy of a finding `delta` characters further on. */
function movedFinding(finding: Finding, delta: number): Finding {
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return finding.dependsOn ? { ...finding, span: move(finding.span), dependsOn: move(finding.dependsOn) } : { ...finding, span: move(finding.span) };
}

function at(offset: number): Span {
  return { start: offset, end: offset };
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
      // The smallest block that holds the offset, parsed again: an item's, or a split block's own when the offset is in its head or tail.
      const chain = chainAt(blocks[hit.index], offset, text.length, [hit.index]);
      const { block, path } = chain[chain.length - 1];
      const doc = parseDocument(text.slice(block.start, block.start + block.length), { logLevel: 'error' });
      const local = nodeAtOffset(doc.contents, offset - block.start);
      const [, ...rest] = local.steps;
      const steps = [
        ...path.flatMap((index, depth) => [
          { segment: depth === 0 ? 'indicators' : 'items', node: undefined as unknown },
          { segment: index as string | number, node: depth === path.length - 1 ? local.steps[0]?.node : undefined },
        ]),
        ...rest,
      ];
      const scalar = local.scalar && {
        ...local.scalar,
        span: { start: local.scalar.span.start + block.start, end: local.scalar.span.end + block.start },
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
      if (!hit) return { span: { start: 0, end: text.length }, pathPrefix: [] };
      // A cursor on a blank stretch at or left of a block's items' column may be about to start
      // a key of the indicator (or the rubric) around it: only the text around says what it is in.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const blank = /^[ ]*$/.test(text.slice(lineStart, offset));
      const chain = chainAt(blocks[hit.index], offset, text.length, [hit.index]);
      for (let i = chain.length - 1; i >= 0; i--) {
        const { block, path } = chain[i];
        if (blank && offset - lineStart <= block.column) continue;
        const pathPrefix: (string | number)[] = ['indicators'];
        for (const index of path.slice(0, -1)) pathPrefix.push(index, 'items');
        return { span: { start: block.start, end: block.start + block.extent }, pathPrefix };
      }
      return { span: { start: 0, end: text.length }, pathPrefix: [] };
    },
  };
}

/** The blocks that hold an offset, from a top-level one down to the smallest, with their paths. */
function chainAt(top: Block, offset: number, textLength: number, topPath: number[]): { block: Block; path: number[] }[] {
  const chain = [{ block: top, path: topPath }];
  for (;;) {
    const { block, path } = chain[chain.length - 1];
    if (!block.region || offset < block.start + block.region.start || offset >= block.start + block.region.end) {
      // The end of the text belongs to the last item when the list ends the block and the file.
      if (!(block.region && offset === textLength && block.start + block.region.end === textLength)) return chain;
    }
    const index = block.children.findIndex((child, i) => offset >= child.start && (offset < child.start + child.extent || i === block.children.length - 1));
    if (index < 0) return chain;
    chain.push({ block: block.children[index], path: [...path, index] });
  }
}

/** Where the `indicators:` key line starts, searching back from the first item. */
function indicatorsKeyStart(text: string, firstItem: number): number {
  return text.lastIndexOf('\nindicators:', firstItem) + 1;
}
