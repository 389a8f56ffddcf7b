import { Decimal } from '../../decimal';
import { Field } from '../../yaml/field';
import { RubricModel, TierModel } from './rubric-model';
import { QuotaBound } from '../../quota/allocate';
import { Span } from '../../text/span';

/** The written quota value a tier's bound came from, or the tier itself as a fallback. */
export function boundSpan(model: RubricModel, tier: number, bound: QuotaBound): Span {
  const item = model.tiers.items[tier];
  return item?.quota?.bounds[bound]?.span ?? item?.keySpan ?? model.span;
}

export function tierName(model: RubricModel, tier: number): string {
  const item = model.tiers.items[tier];
  return item?.name?.value ?? item?.key ?? `#${tier + 1}`;
}

/**
 * A tier's threshold for one group (`group` undefined: a rubric without 分序列): the one
 * `min_score`, or the group's entry of a `min_score` map; a group without an entry has none.
 */
export function minScoreFor(tier: TierModel | undefined, group: string | undefined): Field<Decimal> | undefined {
  if (!tier) return undefined;
  if (tier.minScoreByGroup) return group === undefined ? undefined : tier.minScoreByGroup.find((entry) => entry.group.value === group)?.score;
  return tier.minScore;
}

/** Every threshold a tier writes: the one `min_score`, or each entry of its map. */
export function minScoresOf(tier: TierModel): { group?: string; score: Field<Decimal> }[] {
  if (tier.minScoreByGroup) return tier.minScoreByGroup.map((entry) => ({ group: entry.group.value, score: entry.score }));
  return tier.minScore ? [{ score: tier.minScore }] : [];
}
