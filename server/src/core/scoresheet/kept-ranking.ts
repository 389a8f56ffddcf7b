import { compareContenders, Contender } from './assign-tiers';
import type { EntryFigures } from './entry-facts';
import { TiesMode } from './types';

/**
 * Beyond this many contenders new to a group, sorting the group again is as quick as placing
 * each of them in the kept order (a search by halves and a move of the later ones each).
 */
const MOST_PLACED_ONE_BY_ONE = 64;

/**
 * The last ranking's contenders and each group's order, kept by a session so that a keystroke
 * re-places only the entries it changed instead of sorting every subject again.
 *
 * A contender is made from an entry's figures, its place in `scores:` and what the ranking
 * reads of the sheet and the rubric (the `ties` mode, the precision, the tie-break indicators,
 * the groups: the `rules` key). A session keeps an unchanged entry's figures object (see
 * EntryFacts), so the same figures at the same place under the same rules give the same contender
 * object back: a contender that is the same object as last time stands where it stood in its
 * group's order (the comparison reads nothing else), and only the others are placed again. The
 * result is the order a sort gives (compareContenders is a total order: file order breaks the
 * last ties), which the tests hold it to.
 */
export class KeptRanking {
  private rules: string | undefined;
  /** Contenders by the figures they were made from (the same figures at another place make a new one). */
  private contenders = new WeakMap<EntryFigures, Contender>();
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
      this.contenders = new WeakMap();
      this.nowByIndex = [];
      this.nowOrders = new Map();
    }
    this.lastByIndex = this.nowByIndex;
    this.lastOrders = this.nowOrders;
    this.nowByIndex = new Array<Contender | undefined>(entries);
    this.nowOrders = new Map();
    this.keptOrders = 0;
  }

  /** The contender of the entry at `index` with these figures: the one made last time, else `make`'s. */
  contender(figures: EntryFigures, index: number, make: () => Contender | undefined): Contender | undefined {
    const kept = this.contenders.get(figures);
    const contender = kept?.index === index ? kept : make();
    if (contender && contender !== kept) this.contenders.set(figures, contender);
    if (contender) this.nowByIndex[index] = contender;
    return contender;
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
