import { RubricModel } from './rubric-model';
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
