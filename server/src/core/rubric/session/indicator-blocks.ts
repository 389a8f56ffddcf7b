import { isScalar, isSeq, parseDocument, YAMLMap } from 'yaml';
import { at, Block, BlockSource, leafParts, ParsedItem, PARSE_OPTIONS, placeBlock } from '../../blocks/block';
import { BlockEngine, BlockKind } from '../../blocks/block-engine';
import { forEachSpan, ownCopy, SpanWalk } from '../../blocks/spans';
import { Finding } from '../../findings';
import type { SchemaValidator } from '../../schema/schema-validator';
import { Span } from '../../text/span';
import { collectFolds } from '../../yaml/document-tree';
import { parserErrors } from '../../yaml/parse';
import { asMap, findPair } from '../../yaml/yaml-nodes';
import { buildIndicator, sumKnown } from '../model/build-model';
import { IndicatorModel } from '../model/rubric-model';
import { findItemsLayout, ItemsLayout } from './items-layout';

/**
 * One indicator's text, parsed and checked on its own: a leaf block is parsed whole; a block
 * longer than `splitAbove` is split into its head and tail (the indicator without its `items:`
 * list) and one block per item, each of them a leaf or split again.
 */
export interface IndicatorBlock extends Block<IndicatorBlock> {
  indicator: IndicatorModel;
  /** Every indicator of the block, depth first: the block's root first. */
  all: IndicatorModel[];
  /** For a leaf: each indicator's path below the block's root. */
  relativePaths: number[][];
  /** The path the indicators were last given (see givePaths in session.ts). */
  pathKey?: string;
  /** The schema's findings on the block (its items' among them). */
  schemaFindings: Finding[];
  /** What the checks of single indicators found on the block's own (see checked-blocks.ts). */
  checked?: CheckedBlock;
}

/**
 * The findings of the checks of single indicators on a block's own indicators (a leaf's all, a
 * split block's own; its items' blocks keep theirs), at offsets from the block's start. They
 * hold while the block's text is unchanged (a changed text makes a new block, and a changed
 * item a new block for each indicator above it, whose sums are made again), its path is the
 * same (givePaths drops them) and so are the inputs (see indicatorInputs).
 */
export interface CheckedBlock {
  inputs: string;
  findings: Finding[];
  /** A finding read line numbers or the rest of the rubric (see IndicatorContext.lineOf, rubricNames): made again on every version. */
  readsLines: boolean;
}

/** Blocks longer than this (about 40 indicators with long criteria) are split into their items. */
export const SPLIT_ABOVE = 8000;

/** Stands in for a split block's items while its head and tail are validated: a valid scored item. */
const PLACEHOLDER_ITEM = '- {name: x, weight: 1}\n';

/**
 * A cached block keeps its figures, not its YAML tree, and strings of its own (see SpanWalk): a
 * first open walks every block of a 10,000-indicator file once.
 */
const DETACH: SpanWalk = { detachYamlNodes: true, detachStrings: true };

/** A rubric's indicators as the block engine's kind: blocks of `indicators:`, split recursively into their items. */
export function indicatorBlocks(validator: SchemaValidator, splitAbove: number): BlockKind<IndicatorBlock> {
  return {
    listKey: 'indicators',
    build(source, level, engine) {
      const split = source.text.length > splitAbove ? splitBlock(source, level, engine, validator) : undefined;
      return split ?? leafBlock(source, engine, validator);
    },
  };
}

/** An indicator's text parsed whole. */
function leafBlock(source: BlockSource, engine: BlockEngine<IndicatorBlock>, validator: SchemaValidator): IndicatorBlock | undefined {
  // Parsed from a copy: the model's strings are then copied again (see SpanWalk.detachStrings),
  // so that neither this version's text nor the copy stays in memory with the block.
  const text = ownCopy(source.text);
  const item = engine.parseItem(text, source.column);
  if (!item) return undefined;
  const all: IndicatorModel[] = [];
  const indicator = buildIndicator(asMap(item.node), item.node, [0], all, text);
  const schemaFindings = validator.validateIndicator(item.doc, text, at(item.range[0]));
  const block: IndicatorBlock = {
    ...leafParts(source, text, item),
    children: [],
    indicator,
    all,
    relativePaths: all.map((i) => i.path.slice(1)),
    schemaFindings,
  };
  return placeBlock(block, [all, schemaFindings], source.start, DETACH);
}

/** An indicator without its items: its head and tail, parsed together with `items:` left empty. */
interface OwnKeys {
  head: string;
  tail: string;
  item: ParsedItem;
  map: YAMLMap;
}

/**
 * A long indicator's block, split: its head and tail parsed together as an indicator whose
 * `items:` is left empty, and each item a block of its own (old ones reused). Undefined when the
 * cut could change what the text means (then the block is parsed whole).
 */
function splitBlock(source: BlockSource, level: number, engine: BlockEngine<IndicatorBlock>, validator: SchemaValidator): IndicatorBlock | undefined {
  const layout = findItemsLayout(source.text, source.extent, source.column);
  const own = layout && ownKeys(source, layout, engine);
  if (!layout || !own) return undefined;
  // The items first: a cut that does not read alone leaves the block whole.
  const children = engine.blocksOf(itemSources(source, layout), level + 1);
  if (!children) return undefined;
  const block = ownBlock(source, layout, own, children[children.length - 1], engine, validator);
  return joinItems(block, children, layout);
}

/** The indicator's head and tail parsed; undefined unless they read as one indicator whose `items:` is empty. */
function ownKeys(source: BlockSource, { region }: ItemsLayout, engine: BlockEngine<IndicatorBlock>): OwnKeys | undefined {
  const head = source.text.slice(0, region.start);
  const tail = source.text.slice(region.end);
  // A copy: `source.text` may be a slice of the whole version (its items copy their own).
  const item = engine.parseItem(ownCopy(head + tail), source.column);
  const map = asMap(item?.node);
  const itemsPair = findPair(map, 'items');
  if (!item || !map || !itemsPair || !(isScalar(itemsPair.value) && itemsPair.value.value === null)) return undefined;
  return { head, tail, item, map };
}

/** Each item's text: up to the next line's indentation, as in the whole text. */
function itemSources({ text, extent, start }: BlockSource, { region, itemStarts, itemColumn, keyColumn }: ItemsLayout): BlockSource[] {
  const tailEmpty = region.end === extent;
  return itemStarts.map((itemStart, i) => {
    const last = i + 1 === itemStarts.length;
    const end = last ? region.end : itemStarts[i + 1];
    const through = last ? (tailEmpty ? text.length : region.end + keyColumn) : end + itemColumn;
    return { text: text.slice(itemStart, through), extent: end - itemStart, start: start + itemStart, column: itemColumn };
  });
}

/**
 * The split block with its own model, findings and folds, placed where it stands; its items
 * join it after (see joinItems). Offsets after the cut move by the length of the items' list;
 * with nothing after the list, the indicator (and the document, when it is the last) ends
 * where the whole parse ends the list: where it ends the last item.
 */
function ownBlock(
  source: BlockSource,
  layout: ItemsLayout,
  { head, tail, item, map }: OwnKeys,
  lastItem: IndicatorBlock,
  engine: BlockEngine<IndicatorBlock>,
  validator: SchemaValidator,
): IndicatorBlock {
  const { region, itemColumn } = layout;
  const { start, text } = source;
  const all: IndicatorModel[] = [];
  const indicator = buildIndicator(map, item.node, [0], all, head + tail);
  const folds = collectFolds(item.doc);
  const errors = parserErrors(item.doc.errors, head + tail);
  const itemEnd = at(item.range[2]);
  const documentEnd = at(item.doc.range[2]);
  const listLength = region.end - region.start;
  forEachSpan([all, folds, errors, itemEnd, documentEnd], (span) => shiftPast(span, region.start, listLength), DETACH);
  const schemaFindings = validateOwnKeys(head, tail, itemColumn, listLength, engine, validator);

  const listEnd = lastItem.itemEnd.end - start;
  const firstFold = folds[0];
  if (region.end === source.extent) {
    indicator.span = { start: indicator.span.start, end: listEnd };
    itemEnd.start = itemEnd.end = listEnd;
    documentEnd.start = documentEnd.end = lastItem.documentEnd.end - start;
    if (firstFold) firstFold.end = Math.max(firstFold.start, listEnd - 1);
  }
  const itemsKeyStart = indicator.itemsField?.keySpan.start ?? region.start;
  if (indicator.itemsField) indicator.itemsField.span = { start: region.start + itemColumn, end: listEnd };
  const itemsFold = { start: itemsKeyStart, end: Math.max(region.start + itemColumn, listEnd - 1) };
  const ownFolds = firstFold ? [firstFold, itemsFold, ...folds.slice(1)] : [itemsFold, ...folds];

  const block: IndicatorBlock = {
    length: text.length,
    start: 0,
    extent: source.extent,
    column: source.column,
    itemSpan: indicator.span,
    itemEnd,
    documentEnd,
    folds: ownFolds,
    parserErrors: errors,
    spans: [],
    children: [],
    region,
    indicator,
    all,
    relativePaths: [],
    schemaFindings,
  };
  return placeBlock(block, [indicator, schemaFindings], start);
}

/** The items' blocks join the split block: its model, findings, folds and errors take in theirs (their spans are their own to move). */
function joinItems(block: IndicatorBlock, children: IndicatorBlock[], { region }: ItemsLayout): IndicatorBlock {
  const { indicator } = block;
  indicator.items = children.map((child) => child.indicator);
  indicator.itemsSum = sumKnown(indicator.items.map((item) => item.effectiveWeight));
  if (!indicator.weight) indicator.effectiveWeight = indicator.itemsSum;
  block.children = children;
  block.all = [indicator, ...children.flatMap((child) => child.all)];
  block.schemaFindings = [...block.schemaFindings, ...children.flatMap((child) => child.schemaFindings)];
  block.folds = [...block.folds, ...children.flatMap((child) => child.folds)];
  const tailFrom = block.start + region.end;
  block.parserErrors = [
    ...block.parserErrors.filter((e) => e.span.start < tailFrom),
    ...children.flatMap((child) => child.parserErrors),
    ...block.parserErrors.filter((e) => e.span.start >= tailFrom),
  ];
  return block;
}

/**
 * The schema's findings on a split block's own keys: its head and tail validated with one
 * valid item in place of its list (an empty `items:` would be a finding of its own). Offsets
 * are the block's own.
 */
function validateOwnKeys(
  head: string,
  tail: string,
  itemColumn: number,
  listLength: number,
  engine: BlockEngine<IndicatorBlock>,
  validator: SchemaValidator,
): Finding[] {
  const placeholder = ' '.repeat(itemColumn) + PLACEHOLDER_ITEM;
  const source = head + placeholder + tail;
  const doc = parseDocument(source, PARSE_OPTIONS);
  engine.parsed += source.length;
  const node = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
  const range = (node as { range?: number[] } | undefined)?.range ?? [0, 0, 0];
  const findings = validator.validateIndicator(doc, source, at(range[0]));
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

/** A span of text cut at `cut` moved to where it stands with the `length` characters cut out put back. */
function shiftPast(span: Span, cut: number, length: number): void {
  if (span.start >= cut) span.start += length;
  if (span.end >= cut) span.end += length;
}
