import { formatDecimal } from '../../decimal';
import { DocumentAnalysis } from '../types';
import { sumKnown } from '../model/build-model';
import { Allocation } from '../../quota/allocate';
import { targetAgainst } from '../../quota/target';
import { RubricModel } from '../model/rubric-model';

/** `rubric/summary`: the figures a status bar shows for one rubric. */
export interface RubricSummary {
  title: string | undefined;
  /** Σ of the top-level weights; null when one is unknown. */
  total: number | null;
  /** What they must add up to. */
  expected: number | null;
  subjects: number | null;
  rounding: string;
  /** Slots per tier for the rubric's N (empty under 分序列: see `groups`). */
  tiers: TierSummary[];
  /** 分序列: each group's N and slots. */
  groups: { id: string; name: string; subjects: number | null; tiers: TierSummary[] }[];
  errors: number;
  warnings: number;
}

export interface TierSummary {
  id: string;
  name: string;
  min: number;
  max: number;
  share: number;
  /** N × the quota's `target`, exact (`2`, `1.8`); absent for a tier without a target. */
  target?: string;
  /** The most slots are above the target (it informs; `max` binds). */
  aboveTarget?: boolean;
}

function tierSummaries(allocation: Allocation | undefined, model: RubricModel): TierSummary[] {
  // Display values: the exact share stays a decimal inside the core.
  return (allocation?.tiers ?? []).map((t, i) => ({
    id: t.id,
    name: t.name,
    min: t.min,
    max: t.max,
    share: Number(formatDecimal(t.share, 6)),
    ...targetAgainst(model.tiers.items[i]?.quota?.target?.value, allocation?.subjects, t.max),
  }));
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
    tiers: tierSummaries(allocation, model),
    groups: document.groups.map((g) => ({ id: g.id, name: g.name, subjects: g.subjects ?? null, tiers: tierSummaries(g.allocation, model) })),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
