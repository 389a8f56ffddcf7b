import type { EntrySeed } from './entry-seed';
import { SubjectScoresModel } from './types';

/**
 * Where each subject's name is written in `scores:`, kept from one ranking to the next so that
 * the names written twice (the later entries are not ranked, see duplicate-id) follow from the
 * entries an edit changed: a map over every name would read every entry's name on each keystroke.
 */
export class KeptNames {
  /** The name at each place, as last seen. */
  private names: (string | undefined)[] = [];
  /** Each name's places, in file order. */
  private readonly places = new Map<string, number[]>();
  /** The names written more than once. */
  private readonly repeated = new Set<string>();

  /** The names of these seeds, having changed only at `changed` (every place when undefined: read afresh). */
  update(seeds: readonly EntrySeed[], changed: readonly number[] | undefined): void {
    if (!changed) {
      this.names = [];
      this.places.clear();
      this.repeated.clear();
      seeds.forEach((seed, position) => this.write(seed.name, position));
      return;
    }
    for (const position of changed) {
      const [before, after] = [this.names[position], seeds[position].name];
      if (before === after) continue;
      this.erase(before, position);
      this.write(after, position);
    }
  }

  /** The entries scoring a subject an earlier entry scores, with that first entry; and whether the entry at a place is one of them. */
  duplicates(entries: readonly SubjectScoresModel[]): { duplicates: Map<SubjectScoresModel, SubjectScoresModel>; repeated: (position: number) => boolean } {
    const duplicates = new Map<SubjectScoresModel, SubjectScoresModel>();
    const later = new Set<number>();
    for (const name of this.repeated) {
      const [first, ...rest] = this.places.get(name)!;
      for (const position of rest) {
        duplicates.set(entries[position], entries[first]);
        later.add(position);
      }
    }
    return { duplicates, repeated: (position) => later.size > 0 && later.has(position) };
  }

  private write(name: string | undefined, position: number): void {
    this.names[position] = name;
    if (name === undefined) return;
    const places = this.places.get(name);
    if (!places) {
      this.places.set(name, [position]);
      return;
    }
    // In file order: the first place is the entry that counts.
    let at = places.length;
    while (at > 0 && places[at - 1] > position) at--;
    places.splice(at, 0, position);
    this.repeated.add(name);
  }

  private erase(name: string | undefined, position: number): void {
    if (name === undefined) return;
    const places = this.places.get(name)!;
    places.splice(places.indexOf(position), 1);
    if (places.length === 0) this.places.delete(name);
    if (places.length < 2) this.repeated.delete(name);
  }
}
