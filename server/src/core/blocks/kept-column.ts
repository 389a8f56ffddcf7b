import type { BlockVersion } from './block-engine';

/**
 * What a kind reads of each block of a version (its entry's model, its findings), in block order,
 * kept from one version to the next: the blocks at either end that a split took as they were
 * (BlockVersion.from) keep their values, and only the blocks between are read. A keystroke in a
 * file of 10,000 entries then reads the one block it changed, not every block object (each a
 * separate reach into the heap), and copies the rest as one run of references.
 *
 * `read` must give what does not depend on where the block stands: a moved block keeps its
 * values (its spans move with it, in place).
 */
export class KeptColumn<B, T> {
  /** The version the values are of (its id). */
  private version: number | undefined;
  private values: T[] = [];

  constructor(private readonly read: (block: B) => T) {}

  /** The values of the version's blocks, in order. Not to be changed: the next version starts from them. */
  of(version: BlockVersion<B>): readonly T[] {
    if (version.id === this.version) return this.values;
    const from = version.from;
    const { blocks } = version;
    let values: T[];
    if (from && from.id === this.version) {
      const last = this.values;
      values = last.slice(0, from.before);
      for (let index = from.before; index < blocks.length - from.after; index++) values.push(this.read(blocks[index]));
      for (let index = last.length - from.after; index < last.length; index++) values.push(last[index]);
    } else {
      values = blocks.map((block) => this.read(block));
    }
    this.version = version.id;
    this.values = values;
    return values;
  }
}
