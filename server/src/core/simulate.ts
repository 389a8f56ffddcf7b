import { DocumentAnalysis } from './types';
import { allocate, describeWorking } from './quota/allocate';

/** One row of a quota simulation, as the contract's `rubric/simulate` and `simulate --format json` give it. */
export interface SimulationRow {
  subjects: number;
  tiers: { id: string; name: string; min: number; max: number; share: number; working: string[] }[];
  warnings: string[];
}

export function simulate(document: DocumentAnalysis, subjects: readonly number[]): SimulationRow[] {
  return subjects.map((n) => {
    const allocation = allocate(document.quotaInputs, n, document.model.rounding);
    return {
      subjects: allocation.subjects,
      tiers: allocation.tiers.map((tier) => ({
        id: tier.id,
        name: tier.name,
        min: tier.min,
        max: tier.max,
        // Display only: the exact share stays a decimal inside the core.
        share: Number(tier.share.toFixed(6)),
        working: tier.workings.map((w) => `${w.bound} ${describeWorking(w)}`),
      })),
      warnings: [...new Set(allocation.problems.map((p) => p.code))],
    };
  });
}
