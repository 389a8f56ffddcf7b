import Big from 'big.js';
import { Decimal, decimal } from '../decimal';
import { Allocation, allocate } from '../quota/allocate';
import { assignTiers, BoundaryTie, compareContenders, Contender, TierRule } from './assign-tiers';
import { groupMargins } from './margins';
import { RubricIndex } from './rubric-index';
import { minScoreFor } from '../rubric/model/tiers';
import { GroupRanking, Margin, RankedSubject, TiesMode } from './types';

/** A group's ranking, with the boundary ties found on the way (for the tie-at-boundary check). */
export interface RankedGroup extends GroupRanking {
  ties: BoundaryTie[];
  allocation: Allocation | undefined;
}

/** Each tier's rule for N subjects: its own bounds as the quota arithmetic rounds them. */
export function tierRules(index: RubricIndex, allocation: Allocation, group: string | undefined): TierRule[] {
  const inputs = index.document.quotaInputs;
  return index.model.tiers.items.map((tier, t) => {
    const threshold = minScoreFor(tier, group)?.value;
    const workings = allocation.tiers[t]?.workings ?? [];
    const slotsOf = (bound: 'exactly' | 'min' | 'max') => workings.find((w) => w.bound === bound)?.slots;
    const input = inputs[t];
    // The least score on the precision grid reaching min_score (a total of 84.995 cannot be written at 2 decimals).
    const minScore = threshold === undefined ? undefined : scaled(threshold.round(index.model.precision, Big.roundUp as 3), index.model.precision);
    if (input?.exactly) return { kind: 'exactly', slots: slotsOf('exactly') ?? 0, minScore };
    if (input?.min) return { kind: 'min', slots: slotsOf('min') ?? 0, cap: slotsOf('max'), minScore };
    if (input?.max) return { kind: 'max', slots: slotsOf('max') ?? 0, minScore };
    return { kind: 'open', slots: 0, minScore };
  });
}

/** A figure in steps of the rubric's precision, as a whole number (see Contender.score). */
export function scaled(value: Decimal, precision: number): number {
  return Number(value.times(decimal(10).pow(precision)).toFixed(0));
}

/** The slots for this group's N: the rubric's own allocation when N is the rubric's, else worked out anew. */
function allocationFor(index: RubricIndex, group: number, subjects: number): Allocation {
  const { document } = index;
  const own = group < 0 ? document.allocation : document.groups[group]?.allocation;
  if (own && own.subjects === subjects) return own;
  return allocate(document.quotaInputs, subjects, index.model.rounding);
}

/**
 * Ranks (1, 2, 3, 3, 5, or split by `tie-break` under `break`), tiers, margins and tier counts of
 * one group. `members` are every subject of the group; those with a contender (a known total and
 * known vetoes) are ranked and placed.
 */
export function rankGroup(index: RubricIndex, group: number, members: RankedSubject[], contenders: Map<number, Contender>, ties: TiesMode): RankedGroup {
  const ordered = members
    .map((m) => contenders.get(m.index))
    .filter((c): c is Contender => c !== undefined)
    .sort((a, b) => compareContenders(a, b, ties));
  const byIndex = new Map(members.map((m) => [m.index, m]));
  // Equal totals share the better rank; under `break` the tie-break indicators split them.
  ordered.forEach((contender, position) => {
    const previous = ordered[position - 1];
    const subject = byIndex.get(contender.index)!;
    subject.rank = previous && sameRank(previous, contender, ties) ? byIndex.get(previous.index)!.rank : position + 1;
  });
  const model = index.model;
  const id = group < 0 ? undefined : (model.subjectGroups[group]?.key ?? `#${group + 1}`);
  const name = group < 0 ? undefined : (model.subjectGroups[group]?.name?.value ?? id);
  if (model.tiers.items.length === 0) {
    return { id, name, subjects: sortByRank(members), counts: [], ties: [], allocation: undefined };
  }
  // 只写评语，不定等次: ranked above, but placed in no tier and not counted in the N of the quotas.
  const placed = ordered.some((c) => byIndex.get(c.index)!.noTier) ? ordered.filter((c) => !byIndex.get(c.index)!.noTier) : ordered;
  const allocation = allocationFor(index, group, placed.length);
  const rules = tierRules(index, allocation, id);
  const assignment = assignTiers(placed, rules, ties);
  const tied = new Set(assignment.ties.flatMap((t) => t.members));
  // Only the hover, the ranking view and the command line read margins: worked out for the whole
  // group the first time one is read, not on every keystroke.
  let margins: Map<number, Margin> | undefined;
  const marginOf = (subject: number): Margin => {
    margins ??= groupMargins(placed, rules, ties, model.precision, assignment.tier);
    let margin = margins.get(subject);
    if (!margin) margins.set(subject, (margin = {}));
    return margin;
  };
  for (const subject of members) {
    subject.tier = assignment.tier.get(subject.index);
    subject.tiedAtBoundary = tied.has(subject.index);
    Object.defineProperty(subject, 'margin', { get: () => marginOf(subject.index), enumerable: true, configurable: true });
  }
  const counts = rules.map((_, t) => ({
    tier: t,
    count: members.filter((m) => m.tier === t).length,
    min: allocation.tiers[t]?.min,
    max: allocation.tiers[t]?.max,
  }));
  return { id, name, subjects: sortByRank(members), counts, placed: allocation.subjects, ties: assignment.ties, allocation };
}

/** Ranks are shared by equal totals (and, under `break`, equal tie-break points): file order never splits a rank. */
function sameRank(a: Contender, b: Contender, ties: TiesMode): boolean {
  return compareContenders({ ...a, index: 0 }, { ...b, index: 0 }, ties) === 0;
}

function sortByRank(members: RankedSubject[]): RankedSubject[] {
  return [...members].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index);
}
