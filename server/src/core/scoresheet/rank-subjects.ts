import { Decimal } from '../decimal';
import { compareContenders, Contender } from './assign-tiers';
import { EntryFacts, EntryFigures } from './entry-facts';
import { EntrySeed } from './entry-seed';
import { rankGroup, RankedGroup, scaled } from './rank-groups';
import { KeptRanking } from './kept-ranking';
import { RankedEntry } from './ranked-entry';
import { RubricIndex } from './rubric-index';
import { RankedSubject, ScoresheetModel, SubjectScoresModel } from './types';

/** An entry's seed under the rubric (see EntrySeed). */
export function seedOf(entry: SubjectScoresModel, position: number, figures: EntryFigures | undefined, index: RubricIndex, model: ScoresheetModel): EntrySeed {
  const name = entry.subject?.value;
  const seed: EntrySeed = {
    name,
    noTier: entry.noTier?.value === true,
    figures,
    total: figures?.total,
    vetoes: figures ? figures.vetoes.ids : [],
    group: figures?.group,
    groupKey: undefined,
    contender: undefined,
  };
  if (!figures) return seed;
  const { total, vetoes, group, own } = figures;
  if (group === undefined) return seed;
  if (group >= 0) seed.groupKey = index.model.subjectGroups[group]?.key ?? `#${group + 1}`;
  if (total === undefined || vetoes.unknown || name === undefined) return seed;
  const score = scaledTotal(total, index.model.precision);
  // Beyond 2^53 a whole number is not exact: such a total (a thousand items of 10^9 points) is shown, not ranked.
  if (!Number.isSafeInteger(score)) return seed;
  const tieBreak = model.tieBreak.items.map((f) => (f.value === undefined ? undefined : own(f.value)));
  seed.contender = { index: position, score, tieBreak, forcedTier: vetoes.forcedTier, barred: vetoes.barred };
  return seed;
}

/**
 * Every entry's total and vetoes, then each group's ranks, tiers and margins. Without the rubric
 * nothing is ranked. An entry is ranked when its total and its vetoes are known, it belongs to a
 * group, and no earlier entry scores the same subject. With `kept` (a session's), the seeds, the
 * names written twice and each group's order come from the last ranking where the entries stayed.
 */
export function rankSubjects(
  model: ScoresheetModel,
  index: RubricIndex | undefined,
  facts: readonly EntryFacts[],
  kept?: KeptRanking,
): { subjects: RankedSubject[]; groups: RankedGroup[]; duplicates: Map<SubjectScoresModel, SubjectScoresModel> } {
  const entries = model.scores.items;
  if (!index) {
    const duplicates = duplicateEntries(entries);
    const subjects = entries.map((entry, i) => unranked(entry, i));
    return { subjects, groups: [], duplicates };
  }
  const groupCount = index.model.subjectGroups.length;
  const groupIds = groupCount > 0 ? index.model.subjectGroups.map((_, g) => g) : [-1];
  let seeds: readonly EntrySeed[];
  let duplicates: Map<SubjectScoresModel, SubjectScoresModel>;
  let repeated: (position: number) => boolean;
  if (kept) {
    const rules = [model.ties, index.model.precision, model.tieBreak.items.map((f) => f.value), index.model.subjectGroups.map((g) => g.key)];
    kept.begin(JSON.stringify(rules), entries.length);
    seeds = kept.seeds(entries, facts, (entry, i) => seedOf(entry, i, facts[i].figures, index, model));
    ({ duplicates, repeated } = kept.duplicates(entries));
  } else {
    seeds = entries.map((entry, i) => seedOf(entry, i, facts[i].figures, index, model));
    duplicates = duplicateEntries(entries);
    repeated = (position) => duplicates.has(entries[position]);
  }
  // Each group's members and contenders in file order, in one pass (not a pass over every subject
  // per group), by group + 1 (the one unnamed group without 分序列 is -1).
  const members: RankedEntry[][] = groupIds.map(() => []);
  const contenders: Contender[][] = groupIds.map(() => []);
  const subjects: RankedEntry[] = new Array<RankedEntry>(entries.length);
  const first = groupIds[0];
  for (let i = 0; i < entries.length; i++) {
    const seed = seeds[i];
    const subject = new RankedEntry(i, seed.name ?? `#${i + 1}`, seed.figures);
    subjects[i] = subject;
    if (seed.noTier) subject.noTier = true;
    if (!seed.figures) continue;
    subject.total = seed.total;
    subject.vetoes = seed.vetoes;
    if (seed.group === undefined) continue;
    if (seed.groupKey !== undefined) subject.group = seed.groupKey;
    // A group the rubric does not have (or a group of -1 beside named ones) takes no one.
    const slot = seed.group - first;
    if (slot < 0 || slot >= groupIds.length) continue;
    members[slot].push(subject);
    if (!seed.contender || repeated(i)) continue;
    contenders[slot].push(seed.contender);
    kept?.ranked(seed.contender);
  }
  const groups = groupIds.map((g, slot) => {
    const current = contenders[slot];
    const ordered = kept ? kept.order(g, current, model.ties) : [...current].sort((a, b) => compareContenders(a, b, model.ties));
    return rankGroup(index, g, members[slot], ordered, subjects, model.ties);
  });
  return { subjects, groups, duplicates };
}

/** An entry seen without the rubric: its name, nothing ranked. */
function unranked(entry: SubjectScoresModel, position: number): RankedEntry {
  const subject = new RankedEntry(position, entry.subject?.value ?? `#${position + 1}`, undefined);
  if (entry.noTier?.value === true) subject.noTier = true;
  return subject;
}

/** Each entry scoring a subject an earlier entry scores, with that first entry. */
export function duplicateEntries(entries: readonly SubjectScoresModel[]): Map<SubjectScoresModel, SubjectScoresModel> {
  const duplicates = new Map<SubjectScoresModel, SubjectScoresModel>();
  const firstEntry = new Map<string, SubjectScoresModel>();
  for (const entry of entries) {
    const name = entry.subject?.value;
    if (name === undefined) continue;
    const first = firstEntry.get(name);
    if (first) duplicates.set(entry, first);
    else firstEntry.set(name, entry);
  }
  return duplicates;
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
