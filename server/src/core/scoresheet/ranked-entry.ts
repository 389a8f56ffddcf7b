import type { Margin, RankedSubject, TotalStep } from './types';

/** The working of an entry without figures: none, one frozen list for all of them. */
const NO_STEPS = Object.freeze([]) as unknown as TotalStep[];

/**
 * One entry's place in the ranking (RankedSubject) as an analysis makes it, once per entry on
 * every keystroke. Its working and its margin are worked out when first read, by getters on the
 * class: a getter defined on each object (Object.defineProperty) cost a microsecond an entry and
 * left the object slow to read, ten milliseconds a keystroke at 10,000 subjects. Being on the
 * prototype, the two are read by name (as every reader does), not carried by a spread or JSON.
 */
export class RankedEntry implements RankedSubject {
  declare group?: string;
  declare noTier?: boolean;
  declare previousRank?: number | null;
  declare roundTotals?: RankedSubject['roundTotals'];
  declare roundRanks?: RankedSubject['roundRanks'];
  index: number;
  subject: string;
  total: RankedSubject['total'] = undefined;
  rank: number | undefined = undefined;
  tier: number | undefined = undefined;
  vetoes: string[] = [];
  tiedAtBoundary = false;
  /** Its figures under the rubric (EntryFigures), when known: the working is theirs. */
  readonly #figures: { readonly steps: TotalStep[] } | undefined;
  /** Its group's margins, once its group is placed in tiers (see rankGroup); else a margin of its own, empty. */
  #marginOf: ((index: number) => Margin) | undefined;
  #noMargin: Margin | undefined;

  constructor(index: number, subject: string, figures: { readonly steps: TotalStep[] } | undefined) {
    this.index = index;
    this.subject = subject;
    this.#figures = figures;
  }

  get steps(): TotalStep[] {
    return this.#figures ? this.#figures.steps : NO_STEPS;
  }

  get margin(): Margin {
    return this.#marginOf ? this.#marginOf(this.index) : (this.#noMargin ??= {});
  }

  /** Its margin is its group's, worked out for the whole group when one is first read. */
  marginsFrom(marginOf: (index: number) => Margin): void {
    this.#marginOf = marginOf;
  }
}
