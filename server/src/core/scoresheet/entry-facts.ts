import { Decimal } from '../decimal';
import { Finding } from '../findings';
import { SCORESHEET_CHECKS } from './checks';
import { EntryAggregates } from './measured';
import { groupIndex, RubricIndex } from './rubric-index';
import { evaluateSubject } from './subject-total';
import { SubjectScoresModel, TotalStep } from './types';
import { AppliedVetoes, appliedVetoes } from './vetoes';
import type { SubjectRounds } from './rounds/sheet-rounds';

/**
 * What one entry of `scores:` comes to under a rubric, and what the checks find in it alone:
 * nothing here depends on the other entries, so a session keeps it while the entry's text and
 * the rubric stay as they are.
 */
export interface EntryFacts {
  /** The figures: undefined without the rubric. */
  figures: EntryFigures | undefined;
  /** The checks' findings about the entry alone, check by check. */
  findings: Finding[];
}

/** An entry's total and what decides its tier: these read the rubric's figures and ids, never its names. */
export interface EntryFigures {
  total: Decimal | undefined;
  /** How the total was reached, in words (with the rubric's names): worked out when first read. */
  readonly steps: TotalStep[];
  vetoes: AppliedVetoes;
  /** See groupIndex; undefined when no group takes it. */
  group: number | undefined;
  /** An indicator's points by its id (for tie-breaks); undefined while unknown. */
  own(key: string): Decimal | undefined;
}

/**
 * `aggregates`: the group figures (best, worst, mean) its formulas read, the one thing that comes
 * from the other entries: facts made under the same figures (see EntryAggregates.print) still hold.
 * `rounds`: what the rounds give the subject's leaves scored from rounds.
 */
export function entryFacts(
  entry: SubjectScoresModel,
  position: number,
  index: RubricIndex | undefined,
  aggregates?: EntryAggregates,
  rounds?: SubjectRounds,
): EntryFacts {
  return { figures: index && entryFigures(entry, index, aggregates, rounds), findings: entryFindings(entry, position, index, aggregates) };
}

export function entryFindings(entry: SubjectScoresModel, position: number, index: RubricIndex | undefined, aggregates?: EntryAggregates): Finding[] {
  const context = { index, aggregates };
  return SCORESHEET_CHECKS.flatMap((check) => check.entry?.(entry, position, context) ?? []);
}

export function entryFigures(entry: SubjectScoresModel, index: RubricIndex, aggregates?: EntryAggregates, rounds?: SubjectRounds): EntryFigures {
  const outcome = evaluateSubject(index, entry, aggregates, rounds);
  return {
    total: outcome.total,
    get steps() {
      return outcome.steps;
    },
    vetoes: appliedVetoes(index, entry, outcome.own),
    group: groupIndex(index, entry),
    own: (key) => {
      const indicator = index.indicators.get(key);
      return indicator ? outcome.own(indicator) : undefined;
    },
  };
}
