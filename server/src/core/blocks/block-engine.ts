import { changedStretch, LineIndex } from '../text/line-index';
import { Block, BlockSource, blockSource, moveBlock, ParsedItem, parseItem } from './block';
import { BlockPool, Stretch } from './block-pool';
import { findLayout, LaidOut, Layout, layoutAfterEdit } from './layout';
import { Skeleton, SkeletonCache } from './skeleton';

/** What a document kind adds to the engine: the list it splits, and how a block of it is made. */
export interface BlockKind<B extends Block<B>> {
  /** The top-level key whose block list is split into blocks (a rubric's `indicators`, a scoresheet's `scores`). */
  listKey: string;
  /**
   * A new block of an item's text, none of the old ones having that text; undefined when the text
   * must be analysed whole. A kind that splits a block further asks the engine for its items'
   * blocks one level down (see BlockEngine.blocksOf).
   */
  build(source: BlockSource, level: number, engine: BlockEngine<B>): B | undefined;
}

/** A version of the text in blocks: its skeleton and one block per item of the list, old ones reused. */
export interface BlockVersion<B> {
  text: string;
  lines: LineIndex;
  layout: Layout;
  skeleton: Skeleton;
  blocks: B[];
  /** Whether any of its blocks or its skeleton may hold a `rubric-ignore` comment. */
  holdsIgnore: boolean;
  /** How many of its blocks may hold one (see holdsIgnore): kept from the version before, block by block. */
  ignoreHolders: number;
  /** Which split made it: a version given again (the same text) has the same id. */
  id: number;
  /**
   * The version it was split from (its id: a version does not keep the one before alive), and how
   * many blocks at its start and at its end are that version's blocks at the same place from that
   * end, taken as they were (see unchangedEnds): a kind keeps what it reads of each block (see
   * KeptColumn) and reads again only the blocks between.
   */
  from: { id: number; before: number; after: number } | undefined;
}

/**
 * What a split changed, block by block, at every level: the blocks it made anew and the last
 * version's blocks the new one no longer holds. A block reused whole brings its items' blocks
 * with it, unchanged: a keystroke's changes are a few blocks however big the file, so a kind can
 * keep what it counts over the whole document (a rubric's indicator ids) up to date from them.
 */
export interface BlockChanges<B> {
  made: B[];
  dropped: B[];
}

const NO_CHANGES: BlockChanges<never> = { made: [], dropped: [] };

/**
 * The block-reuse engine both document kinds' sessions run on. A plain file (one document, its
 * list a top-level block list, no anchors, aliases or tags) is cut into its skeleton (the text
 * around the list) and one block per item; each version reuses, by text, the blocks of the last
 * version split (moved to where they now stand) and parses only the rest. A block or the skeleton
 * may hold the syntax errors of ordinary typing (see contained-errors.ts); text the split cannot
 * take is left to a whole analysis, and the blocks kept wait for the next good version.
 */
export class BlockEngine<B extends Block<B>> {
  /** How many characters the last split parsed (blocks and skeletons). */
  parsed = 0;
  /** What the last split changed since the version before it (nothing when it gave the same version or none). */
  changes: BlockChanges<B> = NO_CHANGES;
  /** How many splits have been tried: a block is stamped with the one that made or took it. */
  private splits = 0;
  /** The last version split: the blocks a new version may reuse stand in its text. */
  private last: BlockVersion<B> | undefined;
  /** The last version's line index, and its layout when it had one: the next version's are made from them. */
  private laidOut: { lines: LineIndex; layout: Layout | undefined } | undefined;
  private readonly skeletons: SkeletonCache;
  /**
   * Old blocks that this split may reuse, one pool per level: the top-level blocks of the last
   * version, then the items of those not reused (see releaseLevel), and so on.
   */
  private pools: BlockPool<B>[] = [];
  /** What the edit changed since the last version split: old blocks outside it are found by place (see BlockPool). */
  private stretch: Stretch | undefined;
  /** Old blocks this split moved, and from where: a split that fails puts them back. */
  private moved: [B, number][] = [];
  /** How many blocks at the start and at the end of the last split were the old ones at the same place from that end (see unchangedEnds). */
  private unchanged = { before: 0, after: 0 };

  constructor(private readonly kind: BlockKind<B>) {
    this.skeletons = new SkeletonCache(kind.listKey);
  }

  /** The text in blocks, or undefined when it must be analysed whole (the last version's blocks then stay as they were). */
  split(text: string): BlockVersion<B> | undefined {
    this.parsed = 0;
    this.changes = NO_CHANGES;
    if (this.last?.text === text) {
      this.laidOut = { lines: this.last.lines, layout: this.last.layout };
      return this.last;
    }
    this.splits++;
    const { lines, layout, stretch } = this.lay(text);
    if (!layout) return undefined;
    const { region } = layout;
    const skeleton = this.skeletons.for(text.slice(0, region.start), text.slice(region.end), (n) => (this.parsed += n));
    if (!skeleton) return undefined;
    const blocks = this.topLevelBlocks(text, layout, stretch);
    if (!blocks) return undefined;
    this.changes = this.changesSince(this.last?.blocks ?? [], blocks);
    const { before, after } = this.unchanged;
    const last = this.last;
    // The blocks between the unchanged ends are the only ones read: a pass over every block would
    // reach into 10,000 objects scattered over the heap on every keystroke.
    let ignoreHolders = last ? last.ignoreHolders : 0;
    if (last) for (let index = before; index < last.blocks.length - after; index++) if (last.blocks[index].holdsIgnore) ignoreHolders--;
    for (let index = before; index < blocks.length - after; index++) if (blocks[index].holdsIgnore) ignoreHolders++;
    const holdsIgnore = skeleton.holdsIgnore || ignoreHolders > 0;
    const from = last && { id: last.id, before, after };
    this.last = { text, lines, layout, skeleton, blocks, holdsIgnore, ignoreHolders, id: this.splits, from };
    return this.last;
  }

  /**
   * The blocks this split made (a made block's items may be old ones, reused) and the old blocks
   * it did not take. Only the made and the dropped are visited: a block taken whole is skipped
   * with its items, on either side.
   */
  private changesSince(oldBlocks: readonly B[], blocks: readonly B[]): BlockChanges<B> {
    const split = this.splits;
    const made: B[] = [];
    const dropped: B[] = [];
    const visitMade = (block: B): void => {
      if (block.madeIn !== split) return;
      made.push(block);
      block.children.forEach(visitMade);
    };
    const visitDropped = (block: B): void => {
      if (block.takenIn === split) return;
      dropped.push(block);
      block.children.forEach(visitDropped);
    };
    // The blocks at either end were taken whole (see unchangedEnds): only those between are visited.
    const { before, after } = this.unchanged;
    for (let index = before; index < blocks.length - after; index++) visitMade(blocks[index]);
    for (let index = before; index < oldBlocks.length - after; index++) visitDropped(oldBlocks[index]);
    return { made, dropped };
  }

  /**
   * The blocks of these items' texts at `level`: old blocks with the same text first (a block's
   * items are candidates one level down only once it is not reused whole), new ones for the rest.
   * Undefined when one of them cannot be made.
   */
  blocksOf(sources: readonly BlockSource[], level: number): B[] | undefined {
    const found = sources.map((source) => this.pools[level]?.take(source.text, source.start));
    const blocks: B[] = [];
    for (const [index, source] of sources.entries()) {
      const old = found[index];
      const block = old ? this.reuse(old, source.start) : this.blockOf(source, level);
      if (!block) return undefined;
      blocks.push(block);
    }
    return blocks;
  }

  /** An item's text parsed alone (see parseItem), counted as parsed. */
  parseItem(text: string, column: number): ParsedItem | undefined {
    this.parsed += text.length;
    return parseItem(text, column);
  }

  /**
   * The lines and layout of a new version, made from the last version's where they can be: a
   * keystroke in a big file reads the lines it changed, not every line.
   */
  private lay(text: string): (LaidOut | { lines: LineIndex; layout: undefined }) & { stretch: Stretch | undefined } {
    const last = this.laidOut;
    const changed = last ? changedStretch(last.lines.text, text) : undefined;
    const lines = last && changed ? LineIndex.afterEdit(last.lines, text, changed) : new LineIndex(text);
    const fromLast = last?.layout && changed && layoutAfterEdit({ lines: last.lines, layout: last.layout }, text, lines, changed);
    const layout = fromLast || findLayout(text, lines, this.kind.listKey);
    this.laidOut = { lines, layout };
    // What changed since the version the old blocks stand in (an earlier one when the last split failed).
    const kept = this.last?.text;
    const stretch = kept === undefined ? undefined : last?.lines.text === kept ? changed : changedStretch(kept, text);
    return { lines, layout, stretch };
  }

  /** Every top-level block, or undefined (every old block back where it stood) when one cannot be made. */
  private topLevelBlocks(text: string, layout: Layout, stretch: Stretch | undefined): B[] | undefined {
    const old = this.last?.blocks ?? [];
    const { before, after } = this.last ? this.unchangedEnds(this.last.layout, layout, stretch) : { before: 0, after: 0 };
    this.unchanged = { before, after };
    // A pool of its own: the last version's blocks stay as they are if this one ends in a whole analysis.
    this.pools = [new BlockPool(old.slice(before, old.length - after), this.last?.text ?? '', stretch)];
    this.stretch = stretch;
    this.moved = [];
    try {
      const count = layout.blocks.length;
      const sources: BlockSource[] = [];
      for (let index = before; index < count - after; index++) sources.push(blockSource(text, layout, index));
      const middle = this.blocksOf(sources, 0);
      if (!middle) {
        this.restore();
        return undefined;
      }
      // The blocks before the edit stand where they stood; those after it move by what it added.
      // Neither is stamped (takenIn): changesSince visits only the blocks between.
      const blocks = old.slice(0, before);
      for (const block of middle) blocks.push(block);
      for (let index = count - after; index < count; index++) {
        const block = old[old.length - count + index];
        this.moveTo(block, layout.blocks[index].start);
        blocks.push(block);
      }
      return blocks;
    } catch (error) {
      this.restore();
      // A parse that ran out of stack: the whole analysis says so.
      if (error instanceof RangeError) return undefined;
      throw error;
    } finally {
      this.pools = [];
      this.moved = [];
      this.stretch = undefined;
    }
  }

  /**
   * How many blocks at either end of the new layout stand wholly before or wholly after the edit,
   * where the old layout's block the same count from that end stood with the same length: their
   * texts are the same (see BlockPool.unchangedAt), so the old blocks there are taken as they are,
   * without a pool or a comparison. Read from the two layouts' spans (the old blocks stand where
   * the old layout puts them), not from the blocks: a keystroke in a file of 10,000 entries looks
   * for the one or two blocks it touched among a handful, and reads no old block it does not take.
   */
  private unchangedEnds(last: Layout, layout: Layout, stretch: Stretch | undefined): { before: number; after: number } {
    if (!stretch) return { before: 0, after: 0 };
    const lengthIn = (laid: Layout, index: number) => laid.blocks[index].end - laid.blocks[index].start + (index + 1 < laid.blocks.length ? laid.indent : 0);
    const [old, now] = [last.blocks, layout.blocks];
    const limit = Math.min(old.length, now.length);
    let before = 0;
    while (before < limit) {
      const start = now[before].start;
      const length = lengthIn(layout, before);
      if (start + length > stretch.start || old[before].start !== start || lengthIn(last, before) !== length) break;
      before++;
    }
    let after = 0;
    while (after < limit - before) {
      const [index, oldIndex] = [now.length - 1 - after, old.length - 1 - after];
      const start = now[index].start;
      const length = lengthIn(layout, index);
      if (start < stretch.newEnd || old[oldIndex].start !== start - stretch.newEnd + stretch.oldEnd || lengthIn(last, oldIndex) !== length) break;
      after++;
    }
    return { before, after };
  }

  /** The block of an item's text: an old one with the same text, else a new one. */
  private blockOf(source: BlockSource, level: number): B | undefined {
    const old = this.pools[level]?.take(source.text, source.start);
    if (old) return this.reuse(old, source.start);
    this.releaseLevel(level);
    const block = this.kind.build(source, level, this);
    if (block) block.madeIn = block.takenIn = this.splits;
    return block;
  }

  private reuse(block: B, start: number): B {
    block.takenIn = this.splits;
    this.moveTo(block, start);
    return block;
  }

  /** Moves an old block to where it now stands, remembering where it stood (see restore). */
  private moveTo(block: B, start: number): void {
    if (block.start === start) return;
    this.moved.push([block, block.start]);
    moveBlock(block, start);
  }

  /** The old blocks at `level` no text asked for: their items become candidates one level down. */
  private releaseLevel(level: number): void {
    const pool = this.pools[level];
    if (!pool) return;
    const source = this.last?.text ?? '';
    this.pools[level] = new BlockPool([], source, this.stretch);
    const below = (this.pools[level + 1] ??= new BlockPool([], source, this.stretch));
    for (const block of pool.remaining()) block.children.forEach((child) => below.add(child));
  }

  /** After a split that fails, the last version's blocks go back where they stood. */
  private restore(): void {
    for (const [block, start] of this.moved.reverse()) moveBlock(block, start);
    this.moved = [];
  }
}
