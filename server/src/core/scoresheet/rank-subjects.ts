import { Decimal } from '../decimal';
import { Contender } from './assign-tiers';
import { EntryFacts } from './entry-facts';
import { rankGroup, RankedGroup, scaled } from './rank-groups';
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
): { subjects: RankedSubject[]; groups: RankedGroup[]; duplicates: Map<SubjectScoresModel, SubjectScoresModel> } {
  const duplicates = new Map<SubjectScoresModel, SubjectScoresModel>();
  const firstEntry = new Map<string, SubjectScoresModel>();
  for (const entry of model.scores.items) {
    const name = entry.subject?.value;
    if (name === undefined) continue;
    const first = firstEntry.get(name);
    if (first) duplicates.set(entry, first);
    else firstEntry.set(name, entry);
  }
  const contenders = new Map<number, Contender>();
  const groupOf = new Map<number, number>();
  const subjects = model.scores.items.map((entry, i): RankedSubject => {
    const subject: RankedSubject = {
      index: i,
      subject: entry.subject?.value ?? `#${i + 1}`,
      total: undefined,
      steps: [],
      rank: undefined,
      tier: undefined,
      vetoes: [],
      tiedAtBoundary: false,
      margin: {},
    };
    if (entry.noTier?.value === true) subject.noTier = true;
    const figures = facts[i].figures;
    if (!index || !figures) return subject;
    const { total, vetoes, group, own } = figures;
    subject.total = total;
    // The working in words is for the hover: made when first read.
    Object.defineProperty(subject, 'steps', { get: () => figures.steps, enumerable: true, configurable: true });
    subject.vetoes = vetoes.ids;
    if (group !== undefined) {
      groupOf.set(i, group);
      if (group >= 0) subject.group = index.model.subjectGroups[group]?.key ?? `#${group + 1}`;
    }
    if (total === undefined || vetoes.unknown || group === undefined || duplicates.has(entry) || entry.subject?.value === undefined) return subject;
    const tieBreak = model.tieBreak.items.map((f) => (f.value === undefined ? undefined : own(f.value)));
    const score = scaledTotal(total, index.model.precision);
    // Beyond 2^53 a whole number is not exact: such a total (a thousand items of 10^9 points) is shown, not ranked.
    if (!Number.isSafeInteger(score)) return subject;
    contenders.set(i, { index: i, score, tieBreak, forcedTier: vetoes.forcedTier, barred: vetoes.barred });
    return subject;
  });
  if (!index) return { subjects, groups: [], duplicates };
  const groupCount = index.model.subjectGroups.length;
  const groupIds = groupCount > 0 ? index.model.subjectGroups.map((_, g) => g) : [-1];
  // Each group's members in file order, in one pass (not a pass over every subject per group).
  const members = new Map<number, RankedSubject[]>(groupIds.map((g) => [g, []]));
  for (const subject of subjects) {
    const g = groupOf.get(subject.index);
    if (g !== undefined) members.get(g)?.push(subject);
  }
  const groups = groupIds.map((g) => rankGroup(index, g, members.get(g)!, contenders, model.ties));
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
