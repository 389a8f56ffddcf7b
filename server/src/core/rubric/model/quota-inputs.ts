import { QuotaAmount, QuotaBound, TierQuotaInput } from '../../quota/allocate';
import { RubricModel } from './rubric-model';

/** The tiers' quotas as the quota arithmetic takes them; a tier without an id is named by its place. */
export function quotaInputsOf(model: RubricModel): TierQuotaInput[] {
  return model.tiers.items.map((tier, index) => {
    const bounds = tier.quota?.bounds ?? {};
    const amount = (key: QuotaBound): QuotaAmount | undefined => bounds[key]?.value;
    return {
      id: tier.key ?? `#${index + 1}`,
      name: tier.name?.value ?? tier.key ?? `#${index + 1}`,
      exactly: amount('exactly'),
      min: amount('min'),
      max: amount('max'),
      rounding: tier.quota?.rounding?.value,
    };
  });
}
