import { text } from '../../text/locale';
import { RankedSubject, RoundColumn, ScoresheetModel, SheetLookup, SheetLookupFn } from '../types';
import { SheetRounds } from './sheet-rounds';

const NOT_READ = text('the previous result is not read here', '此处不读取上期结果');

/** What the host found at `previous:`; undefined when the sheet names no previous result. */
export function readPrevious(model: ScoresheetModel, lookup: SheetLookupFn | undefined): SheetLookup | undefined {
  const written = model.previous?.value;
  if (written === undefined) return undefined;
  return lookup ? lookup(written, 'previous') : { found: false, reason: NOT_READ };
}

/**
 * Each subject's rank in the previous result (within its group there; the first entry of a
 * subject counts), its total in each round: what the ranking shows beside its rank and total.
 */
export function annotateSubjects(subjects: RankedSubject[], rounds: SheetRounds | undefined, previous: SheetLookup | undefined): void {
  // A previous result not found ranks no one: its finding says why, and no one is called new.
  const ranks = previous?.found ? previousRanks(previous.analysis.subjects) : undefined;
  for (const subject of subjects) {
    if (ranks) subject.previousRank = ranks.get(subject.subject) ?? null;
    if (rounds && rounds.columns.length > 0) {
      subject.roundTotals = rounds.columns.map((column: RoundColumn) => column.totals.get(subject.subject));
      subject.roundRanks = rounds.columns.map((column: RoundColumn) => column.ranks.get(subject.subject));
    }
  }
}

/** Ranks by subject name. */
function previousRanks(subjects: readonly RankedSubject[]): Map<string, number | null> {
  const ranks = new Map<string, number | null>();
  for (const subject of subjects) if (!ranks.has(subject.subject)) ranks.set(subject.subject, subject.rank ?? null);
  return ranks;
}
