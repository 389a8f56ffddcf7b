import { isScalar, Node, Pair, parseDocument, YAMLMap } from 'yaml';
import { Span } from '../text/span';
import { collectFolds, DocumentTree } from '../yaml/document-tree';
import { asMap, asSeq, findPair, keySpan, keyText, nodeSpan } from '../yaml/yaml-nodes';
import { findAt, nodeAtOffset, NodeAtOffset, PathStep, YamlPath } from '../yaml/yaml-path';
import { Block } from './block';
import { BlockVersion } from './block-engine';
import { skeletonToText } from './skeleton';

/** The keys of the lists a version is split at: the top-level list's, and for a kind that splits blocks further, its items'. */
export interface ListKeys {
  list: string;
  items?: string;
}

/** A block and where it stands: its place in its list, at every level from the top. */
interface Placed<B> {
  block: B;
  path: number[];
}

/**
 * The tree of a version analysed in blocks: the skeleton's, and a block's parsed again when an
 * offset in it is asked about, without a tree of the whole text. Each answer is the whole parse's.
 */
export class CompositeTree<B extends Block<B>> implements DocumentTree {
  readonly isBlank = false;
  private readonly toText: (offset: number) => number;
  private readonly root: YAMLMap;
  private readonly listPair: Pair;

  constructor(
    private readonly version: BlockVersion<B>,
    private readonly keys: ListKeys,
    /** As the parser spans the block list. */
    private readonly listSpan: Span,
  ) {
    this.toText = skeletonToText(version.skeleton, version.layout.region);
    // The skeleton cache takes only a mapping with the list's key.
    this.root = asMap(version.skeleton.parsed.doc.contents)!;
    this.listPair = findPair(this.root, keys.list)!;
  }

  /**
   * The steps nodeAtOffset takes in the whole document, taken here level by level: the root's
   * pairs (the list's spanned as the whole text spans it), the items, then inside the smallest
   * block that holds the offset.
   */
  nodeAtOffset(offset: number): NodeAtOffset {
    const pairSpans = (pair: Pair): (Span | undefined)[] => [
      this.mapped(keySpan(pair)),
      pair === this.listPair ? this.listSpan : this.mapped(nodeSpan(pair.value as Node | null)),
    ];
    const pair = this.root.items[findAt(this.root.items, offset, pairSpans)];
    if (!pair) return { steps: [], inKey: false };
    const step: PathStep = { segment: keyText(pair) ?? '', pair, node: pair.value };
    const key = this.mapped(keySpan(pair));
    if (key && offset >= key.start && offset <= key.end) {
      return { steps: [step], pair, inKey: true, scalar: isScalar(pair.key) ? { value: pair.key.value, span: key } : undefined };
    }
    return pair === this.listPair ? this.nodeInList(offset, step) : this.nodeInSkeleton(offset, step);
  }

  /** The skeleton's, the list's own (from its key to the end of its last item) and its blocks'. */
  folds(): Span[] {
    const { text, layout, skeleton, blocks } = this.version;
    const keyStart = text.lastIndexOf(`\n${this.keys.list}:`, layout.region.start) + 1;
    const listFold = { start: keyStart, end: blocks[blocks.length - 1].itemEnd.end - 1 };
    return [...collectFolds(skeleton.parsed.doc).map((fold) => this.mapped(fold)!), listFold, ...blocks.flatMap((b) => b.folds)];
  }

  /**
   * The smallest block whose lines hold the offset, when the cursor is inside its item: its text
   * parses alone as it does in the file. A cursor on a blank stretch at or left of a block's dash
   * may be about to start a key of what is around it (an indicator, the document): only the text
   * around says what it is in. A block is parsed as a one-item list: its path within its text
   * starts with 0, which its place (the prefix's last step) replaces.
   */
  localText(offset: number): { span: Span; pathPrefix: YamlPath } {
    const { text } = this.version;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const blank = /^[ ]*$/.test(text.slice(lineStart, offset));
    const chain = this.lineChain(offset);
    for (let i = chain.length - 1; i >= 0; i--) {
      const { block, path } = chain[i];
      if (blank && offset - lineStart <= block.column) continue;
      const pathPrefix: YamlPath = [this.keys.list];
      for (const [depth, index] of path.entries()) pathPrefix.push(...(depth > 0 ? [this.keys.items ?? '', index] : [index]));
      return { span: { start: block.start, end: block.start + block.extent }, pathPrefix };
    }
    return { span: { start: 0, end: text.length }, pathPrefix: [] };
  }

  /** Under a key of the skeleton: its tree answers, at its own offsets. */
  private nodeInSkeleton(offset: number, step: PathStep): NodeAtOffset {
    const { region } = this.version.layout;
    const below = nodeAtOffset(step.pair!.value, offset >= region.end ? offset - (region.end - region.start) : offset);
    const scalar = below.scalar && { ...below.scalar, span: this.mapped(below.scalar.span)! };
    return { ...below, steps: [step, ...below.steps], pair: below.pair ?? step.pair, scalar };
  }

  /** In the list: the smallest block whose item holds the offset answers, parsed again. */
  private nodeInList(offset: number, step: PathStep): NodeAtOffset {
    const chain = this.nodeChain(offset);
    if (chain.length === 0) return { steps: [step], pair: step.pair, inKey: false };
    const { block, path } = chain[chain.length - 1];
    const blockText = this.version.text.slice(block.start, block.start + block.length);
    const item = asSeq(parseDocument(blockText, { logLevel: 'error' }).contents)?.items[0];
    const local = nodeAtOffset(item, offset - block.start);
    const scalar = local.scalar && { ...local.scalar, span: { start: local.scalar.span.start + block.start, end: local.scalar.span.end + block.start } };
    // Down the list: each item's place (and, below the top, its parent's items' key).
    const down = path.flatMap((index, depth): PathStep[] => [
      ...(depth > 0 ? [{ segment: this.keys.items ?? '', node: undefined }] : []),
      { segment: index, node: depth === path.length - 1 ? item : undefined },
    ]);
    return { ...local, steps: [step, ...down, ...local.steps], pair: local.pair ?? step.pair, scalar };
  }

  /** The blocks whose item nodes hold the offset, from a top-level one down, as the whole parse finds list items. */
  private nodeChain(offset: number): Placed<B>[] {
    return this.chain((list) => findAt(list, offset, (block) => [block.itemSpan]));
  }

  /** The blocks whose lines hold the offset, from a top-level one down. The end of the text belongs to the last item of a list that ends the file. */
  private lineChain(offset: number): Placed<B>[] {
    const end = this.version.text.length;
    return this.chain((list) => list.findIndex((b) => offset >= b.start && (offset < b.start + b.extent || (offset === end && b.start + b.extent === end))));
  }

  private chain(find: (list: readonly B[]) => number): Placed<B>[] {
    const chain: Placed<B>[] = [];
    let list = this.version.blocks;
    let path: number[] = [];
    for (let index = find(list); index >= 0; index = find(list)) {
      const block = list[index];
      path = [...path, index];
      chain.push({ block, path });
      list = block.children;
    }
    return chain;
  }

  private mapped(span: Span | undefined): Span | undefined {
    return span && { start: this.toText(span.start), end: this.toText(span.end) };
  }
}
