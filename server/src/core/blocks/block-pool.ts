/**
 * Old blocks, found by text: by length, then by the text they stand in (the version the engine
 * last split, where a block not taken still stands). Blocks of the same text are interchangeable.
 * A block is taken out when reused, so that no block serves twice.
 */
export class BlockPool<B extends { start: number; length: number }> {
  private readonly byLength = new Map<number, B[]>();

  constructor(
    blocks: readonly B[],
    private readonly source: string,
  ) {
    blocks.forEach((block) => this.add(block));
  }

  add(block: B): void {
    const list = this.byLength.get(block.length);
    if (list) list.push(block);
    else this.byLength.set(block.length, [block]);
  }

  take(text: string): B | undefined {
    const list = this.byLength.get(text.length);
    // A slice and `===` compare whole runs of memory, where startsWith goes a character at a time.
    const index = list ? list.findIndex((block) => this.source.slice(block.start, block.start + block.length) === text) : -1;
    return index >= 0 ? list!.splice(index, 1)[0] : undefined;
  }

  /** Every block not taken. */
  remaining(): B[] {
    return [...this.byLength.values()].flat();
  }
}
