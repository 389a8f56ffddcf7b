import { Decimal } from '../decimal';
import { compareContenders, Contender } from './assign-tiers';
import { EntryFacts } from './entry-facts';
import { rankGroup, RankedGroup, scaled } from './rank-groups';
import { KeptRanking } from './kept-ranking';
import { RankedEntry } from './ranked-entry';
import { RubricIndex } from './rubric-index';
import { RankedSubject, ScoresheetModel, SubjectScoresModel } from './types';

/**
 * Every entry's total and vetoes, then each group's ranks, tiers and margins. Without the rubric
 * nothing is ranked. An entry is ranked when its total and its vetoes are known, it belongs to a
 * group, and no earlier entry scores the same subject.
 */
export function rankSubjects(
  model: ScoresheetModel,
  index: RubricIndex | undefined,
  facts: readonly EntryFacts[],
  kept?: KeptRanking,
): { subjects: RankedSubject[]; groups: RankedGroup[]; duplicates: Map<SubjectScoresModel, SubjectScoresModel> } {
  const entries = model.scores.items;
  const duplicates = new Map<SubjectScoresModel, SubjectScoresModel>();
  const firstEntry = new Map<string, SubjectScoresModel>();
  for (const entry of entries) {
    const name = entry.subject?.value;
    if (name === undefined) continue;
    const first = firstEntry.get(name);
    if (first) duplicates.set(entry, first);
    else firstEntry.set(name, entry);
  }
  const groupCount = index ? index.model.subjectGroups.length : 0;
  const groupIds = groupCount > 0 ? index!.model.subjectGroups.map((_, g) => g) : [-1];
  // Each group's members and contenders in file order, in one pass (not a pass over every subject per group).
  const members = new Map<number, RankedEntry[]>(groupIds.map((g) => [g, []]));
  const contenders = new Map<number, Contender[]>(groupIds.map((g) => [g, []]));
  const tieBreakIds = model.tieBreak.items.map((f) => f.value);
  if (index) kept?.begin(JSON.stringify([model.ties, index.model.precision, tieBreakIds, groupCount]), entries.length);
  const subjects = entries.map((entry, i): RankedEntry => {
    const figures = index ? facts[i].figures : undefined;
    const subject = new RankedEntry(i, entry.subject?.value ?? `#${i + 1}`, figures);
    if (entry.noTier?.value === true) subject.noTier = true;
    if (!index || !figures) return subject;
    const { total, vetoes, group, own } = figures;
    subject.total = total;
    subject.vetoes = vetoes.ids;
    if (group === undefined) return subject;
    if (group >= 0) subject.group = index.model.subjectGroups[group]?.key ?? `#${group + 1}`;
    members.get(group)?.push(subject);
    if (total === undefined || vetoes.unknown || duplicates.has(entry) || entry.subject?.value === undefined) return subject;
    const make = (): Contender | undefined => {
      const score = scaledTotal(total, index.model.precision);
      // Beyond 2^53 a whole number is not exact: such a total (a thousand items of 10^9 points) is shown, not ranked.
      if (!Number.isSafeInteger(score)) return undefined;
      const tieBreak = tieBreakIds.map((id) => (id === undefined ? undefined : own(id)));
      return { index: i, score, tieBreak, forcedTier: vetoes.forcedTier, barred: vetoes.barred };
    };
    const contender = kept ? kept.contender(figures, i, make) : make();
    if (contender) contenders.get(group)?.push(contender);
    return subject;
  });
  if (!index) return { subjects, groups: [], duplicates };
  const groups = groupIds.map((g) => {
    const current = contenders.get(g)!;
    const ordered = kept ? kept.order(g, current, model.ties) : [...current].sort((a, b) => compareContenders(a, b, model.ties));
    return rankGroup(index, g, members.get(g)!, ordered, subjects, model.ties);
  });
  return { subjects, groups, duplicates };
}

/**
 * Totals in steps of the precision, by total: an entry's total is kept while its text and the
 * rubric's figures stay (see EntryFacts), so a keystroke scales only the totals it changed.
 */
const scaledTotals = new WeakMap<Decimal, { precision: number; score: number }>();

function scaledTotal(total: Decimal, precision: number): number {
  const kept = scaledTotals.get(total);
  if (kept?.precision === precision) return kept.score;
  const score = scaled(total, precision);
  scaledTotals.set(total, { precision, score });
  return score;
}
