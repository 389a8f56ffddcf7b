/**
 * What an edit changed between the version a pool's blocks stand in and the one asked about
 * (see changedStretch): before `start` and from `oldEnd` (`newEnd` in the new text) on, the two
 * texts are the same.
 */
export interface Stretch {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Old blocks, found by text: by length, then by the text they stand in (the version the engine
 * last split, where a block not taken still stands). Blocks of the same text are interchangeable.
 * A block is taken out when reused, so that no block serves twice. With the edit's stretch, a
 * text that lies outside it is found by where it stands, without reading it: a keystroke in a big
 * file compares the few blocks it touched, not the whole text again.
 */
export class BlockPool<B extends { start: number; length: number }> {
  private readonly byLength = new Map<number, B[]>();
  /** By where they stand in the old text (a start two blocks share is left to the search by text). */
  private readonly byStart = new Map<number, B | null>();

  constructor(
    blocks: readonly B[],
    private readonly source: string,
    private readonly stretch?: Stretch,
  ) {
    blocks.forEach((block) => this.add(block));
  }

  add(block: B): void {
    const list = this.byLength.get(block.length);
    if (list) list.push(block);
    else this.byLength.set(block.length, [block]);
    if (this.stretch) this.byStart.set(block.start, this.byStart.has(block.start) ? null : block);
  }

  /** An old block of this text (standing at `start` in the new version, when known). */
  take(text: string, start?: number): B | undefined {
    const list = this.byLength.get(text.length);
    if (!list) return undefined;
    const unchanged = start === undefined ? undefined : this.unchangedAt(start, text.length);
    // A slice and `===` compare whole runs of memory, where startsWith goes a character at a time.
    const index = unchanged ? list.indexOf(unchanged) : list.findIndex((block) => this.source.slice(block.start, block.start + block.length) === text);
    if (index < 0) return undefined;
    const [block] = list.splice(index, 1);
    if (this.byStart.get(block.start) === block) this.byStart.delete(block.start);
    return block;
  }

  /**
   * The old block standing where a new text of `length` at `start` stood before the edit, when
   * both lie wholly before the edit or wholly after it: then their texts are the same.
   */
  private unchangedAt(start: number, length: number): B | undefined {
    const stretch = this.stretch;
    if (!stretch) return undefined;
    let oldStart: number;
    if (start + length <= stretch.start) oldStart = start;
    else if (start >= stretch.newEnd) oldStart = start - stretch.newEnd + stretch.oldEnd;
    else return undefined;
    const block = this.byStart.get(oldStart);
    return block && block.length === length ? block : undefined;
  }

  /** Every block not taken. */
  remaining(): B[] {
    return [...this.byLength.values()].flat();
  }
}
