import { compareContenders, Contender } from './assign-tiers';
import type { EntryFacts } from './entry-facts';
import { KeptNames } from './kept-names';
import type { EntrySeed } from './entry-seed';
import { SubjectScoresModel, TiesMode } from './types';

/**
 * Beyond this many contenders new to a group, sorting the group again is as quick as placing
 * each of them in the kept order (a search by halves and a move of the later ones each).
 */
const MOST_PLACED_ONE_BY_ONE = 64;

/**
 * The last ranking's seeds, contenders and each group's order, kept by a session so that a
 * keystroke reads and re-places only the entries it changed instead of every subject.
 *
 * A seed (and the contender in it) is made from an entry's model, its figures, its place in
 * `scores:` and what the ranking reads of the sheet and the rubric (the `ties` mode, the
 * precision, the tie-break indicators, the groups: the `rules` key). A session keeps an unchanged
 * entry's model and facts objects, so the same objects at the same place under the same rules
 * keep their seed and contender: a contender that is the same object as last time stands where it
 * stood in its group's order (the comparison reads nothing else), and only the others are placed
 * again. The result is the order a sort gives (compareContenders is a total order: file order
 * breaks the last ties), which the tests hold it to.
 */
export class KeptRanking {
  private rules: string | undefined;
  /** The last ranking's entries, their facts and the seeds made of them, place by place. */
  private last: { entries: readonly SubjectScoresModel[]; facts: readonly EntryFacts[]; seeds: readonly EntrySeed[] } | undefined;
  /** Where each name is written (for the names written twice). */
  private names = new KeptNames();
  /** The last ranking's contenders by entry index, and this one's, as they are ranked. */
  private lastByIndex: (Contender | undefined)[] = [];
  private nowByIndex: (Contender | undefined)[] = [];
  /** Each group's order, best first: the last ranking's, and this one's. */
  private lastOrders = new Map<number, Contender[]>();
  private nowOrders = new Map<number, Contender[]>();
  /** How many groups the last ranking ordered from their kept order rather than by a sort (for the tests and the benchmark). */
  keptOrders = 0;

  /** A new ranking of `entries` entries under `rules`: the last one's contenders and orders are the ones to keep from. */
  begin(rules: string, entries: number): void {
    if (rules !== this.rules) {
      this.rules = rules;
      this.last = undefined;
      this.names = new KeptNames();
      this.nowByIndex = [];
      this.nowOrders = new Map();
    }
    this.lastByIndex = this.nowByIndex;
    this.lastOrders = this.nowOrders;
    this.nowByIndex = new Array<Contender | undefined>(entries);
    this.nowOrders = new Map();
    this.keptOrders = 0;
  }

  /**
   * Every entry's seed (see EntrySeed): the last ranking's where the entry at that place is the
   * same model with the same figures, `make`'s for the rest. Two arrays of references are compared,
   * no entry is read: a keystroke makes the seeds of the entries it changed.
   */
  seeds(
    entries: readonly SubjectScoresModel[],
    facts: readonly EntryFacts[],
    make: (entry: SubjectScoresModel, position: number) => EntrySeed,
  ): readonly EntrySeed[] {
    const last = this.last;
    const same = last !== undefined && last.entries.length === entries.length;
    const seeds = new Array<EntrySeed>(entries.length);
    const changed: number[] = [];
    for (let i = 0; i < entries.length; i++) {
      // The same facts object, or new facts around the same figures (a session that does not keep them whole).
      if (same && entries[i] === last.entries[i] && (facts[i] === last.facts[i] || facts[i].figures === last.seeds[i].figures)) {
        seeds[i] = last.seeds[i];
      } else {
        seeds[i] = make(entries[i], i);
        changed.push(i);
      }
    }
    this.last = { entries, facts, seeds };
    this.names.update(seeds, same ? changed : undefined);
    return seeds;
  }

  /** The entries that score a subject an earlier entry scores, with that first entry, and whether the entry at a place is one. */
  duplicates(entries: readonly SubjectScoresModel[]): { duplicates: Map<SubjectScoresModel, SubjectScoresModel>; repeated: (position: number) => boolean } {
    return this.names.duplicates(entries);
  }

  /** A contender of this ranking, at its entry's place (see order). */
  ranked(contender: Contender): void {
    this.nowByIndex[contender.index] = contender;
  }

  /**
   * A group's contenders (every one of them given by `contender` in this ranking), best first:
   * the group's last order without the contenders gone or changed, and the new ones placed in it
   * by a search by halves; sorted whole when many are new or the last order cannot be kept.
   */
  order(group: number, current: readonly Contender[], ties: TiesMode): Contender[] {
    const ordered = this.keptOrder(group, current, ties) ?? [...current].sort((a, b) => compareContenders(a, b, ties));
    this.nowOrders.set(group, ordered);
    return ordered;
  }

  private keptOrder(group: number, current: readonly Contender[], ties: TiesMode): Contender[] | undefined {
    const last = this.lastOrders.get(group);
    if (!last) return undefined;
    const fresh: Contender[] = [];
    for (const contender of current) {
      if (this.lastByIndex[contender.index] === contender) continue;
      fresh.push(contender);
      if (fresh.length > MOST_PLACED_ONE_BY_ONE) return undefined;
    }
    // Still ranked and unchanged: the same object as last time, at the same place.
    const ordered = last.filter((c) => this.nowByIndex[c.index] === c && this.lastByIndex[c.index] === c);
    // Every contender is either kept or new; any other count (an order not recorded in full) is sorted afresh.
    if (ordered.length + fresh.length !== current.length) return undefined;
    for (const contender of fresh) ordered.splice(placeOf(ordered, contender, ties), 0, contender);
    this.keptOrders++;
    return ordered;
  }
}

/** Where `contender` goes in `ordered` (best first): before the first one it beats. */
function placeOf(ordered: readonly Contender[], contender: Contender, ties: TiesMode): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareContenders(ordered[middle], contender, ties) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
