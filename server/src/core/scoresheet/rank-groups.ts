import Big from 'big.js';
import { Decimal, decimal } from '../decimal';
import { Allocation, allocate } from '../quota/allocate';
import { BoundaryTie, Contender, placeTiers, tiedWith, TierRule, tiersByIndex } from './assign-tiers';
import { groupMargins } from './margins';
import { RubricIndex } from './rubric-index';
import { minScoreFor } from '../rubric/model/tiers';
import { RankedEntry } from './ranked-entry';
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
 * one group. `members` are every subject of the group in file order; `ordered` the contenders
 * among them (a known total and known vetoes), best first (compareContenders), which are ranked
 * and placed. `subjects` are every subject by entry index. One pass over the group per step, no
 * sort and nothing made per member beyond the tiers' own arrays: a keystroke runs it on every
 * group (see KeptRanking for the order).
 */
export function rankGroup(
  index: RubricIndex,
  group: number,
  members: readonly RankedEntry[],
  ordered: readonly Contender[],
  subjects: readonly RankedEntry[],
  ties: TiesMode,
): RankedGroup {
  // Equal totals share the better rank; under `break` the tie-break indicators split them.
  let rank = 0;
  let anyNoTier = false;
  for (let position = 0; position < ordered.length; position++) {
    const contender = ordered[position];
    if (position === 0 || !tiedWith(ordered[position - 1], contender, ties)) rank = position + 1;
    const subject = subjects[contender.index];
    subject.rank = rank;
    if (subject.noTier) anyNoTier = true;
  }
  const model = index.model;
  const id = group < 0 ? undefined : (model.subjectGroups[group]?.key ?? `#${group + 1}`);
  const name = group < 0 ? undefined : (model.subjectGroups[group]?.name?.value ?? id);
  if (model.tiers.items.length === 0) {
    return { id, name, subjects: byRank(members, ordered, subjects), counts: [], ties: [], allocation: undefined };
  }
  // 只写评语，不定等次: ranked above, but placed in no tier and not counted in the N of the quotas.
  const placed = anyNoTier ? ordered.filter((c) => !subjects[c.index].noTier) : ordered;
  const allocation = allocationFor(index, group, placed.length);
  const rules = tierRules(index, allocation, id);
  const assignment = placeTiers(placed, rules, ties);
  const counts = rules.map((_, t) => ({ tier: t, count: 0, min: allocation.tiers[t]?.min, max: allocation.tiers[t]?.max }));
  for (let position = 0; position < placed.length; position++) {
    const tier = assignment.placed[position];
    subjects[placed[position].index].tier = tier;
    counts[tier].count++;
  }
  for (const tie of assignment.ties) for (const member of tie.members) subjects[member].tiedAtBoundary = true;
  // Only the hover, the ranking view and the command line read margins: worked out for the whole
  // group the first time one is read, not on every keystroke.
  let margins: Map<number, Margin> | undefined;
  const marginOf = (subject: number): Margin => {
    margins ??= groupMargins(placed, rules, ties, model.precision, tiersByIndex(placed, assignment.placed));
    let margin = margins.get(subject);
    if (!margin) margins.set(subject, (margin = {}));
    return margin;
  };
  for (const subject of members) subject.marginsFrom(marginOf);
  return { id, name, subjects: byRank(members, ordered, subjects), counts, placed: allocation.subjects, ties: assignment.ties, allocation };
}

/**
 * The group by rank, then file order: the contenders in their order (a shared rank holds equal
 * subjects, which compareContenders leaves in file order), then the unranked members in file order.
 */
function byRank(members: readonly RankedEntry[], ordered: readonly Contender[], subjects: readonly RankedEntry[]): RankedSubject[] {
  const sorted: RankedSubject[] = ordered.map((c) => subjects[c.index]);
  for (const member of members) if (member.rank === undefined) sorted.push(member);
  return sorted;
}
