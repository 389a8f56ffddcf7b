import type { Contender } from './assign-tiers';
import type { EntryFigures } from './entry-facts';

/**
 * What the ranking reads of one entry under the rubric: made again only when the entry or its
 * facts are new objects (see KeptRanking.seeds), so that a keystroke reads the entry it changed
 * and not every entry's model and figures.
 */
export interface EntrySeed {
  /** The subject's name as written; undefined without one. */
  name: string | undefined;
  noTier: boolean;
  figures: EntryFigures | undefined;
  /** Its figures' total and vetoes, read once here: the ranking's pass over every entry then reads the seed alone. */
  total: EntryFigures['total'];
  vetoes: string[];
  group: number | undefined;
  /** The group's id as RankedSubject.group gives it. */
  groupKey: string | undefined;
  /** Its contender, when its total and vetoes are known, it has a name and a group (whether a name written twice leaves it out is decided apart). */
  contender: Contender | undefined;
}
