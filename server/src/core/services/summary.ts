import { formatDecimal } from '../decimal';
import { DocumentAnalysis } from '../types';
import { sumKnown } from '../model/build-model';

/** `rubric/summary`: the figures a status bar shows for one rubric. */
export interface RubricSummary {
  title: string | undefined;
  /** Σ of the top-level weights; null when one is unknown. */
  total: number | null;
  /** What they must add up to. */
  expected: number | null;
  subjects: number | null;
  rounding: string;
  tiers: { id: string; name: string; min: number; max: number; share: number }[];
  errors: number;
  warnings: number;
}

export function summarize(document: DocumentAnalysis): RubricSummary {
  const { model, allocation, findings } = document;
  const total = sumKnown(model.indicators.items.map((i) => i.effectiveWeight));
  return {
    title: model.title?.value,
    // Display values: the exact sums stay decimals inside the core.
    total: total === undefined ? null : total.toNumber(),
    expected: model.total === undefined ? null : model.total.toNumber(),
    subjects: model.subjects ?? null,
    rounding: model.rounding,
    tiers: (allocation?.tiers ?? []).map((t) => ({ id: t.id, name: t.name, min: t.min, max: t.max, share: Number(formatDecimal(t.share, 6)) })),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
