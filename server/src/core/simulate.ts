import { DocumentAnalysis } from './types';
import { allocate, Allocation, describeWorking } from './quota/allocate';

/** One row of a quota simulation, as the contract's `rubric/simulate` and `simulate --format json` give it. */
export interface SimulationRow {
  /** 分序列: the group whose own N this row is for (absent for a rubric without groups or an N asked for). */
  group?: { id: string; name: string };
  subjects: number;
  tiers: { id: string; name: string; min: number; max: number; share: number; working: string[] }[];
  warnings: string[];
}

/** The slots per tier for each N asked for (the quotas are the same for every group). */
export function simulate(document: DocumentAnalysis, subjects: readonly number[]): SimulationRow[] {
  return subjects.map((n) => rowOf(allocate(document.quotaInputs, n, document.model.rounding)));
}

/** 分序列: one row per group, for the group's own N. */
export function simulateGroups(document: DocumentAnalysis): SimulationRow[] {
  return document.groups.flatMap((group) => (group.allocation ? [{ group: { id: group.id, name: group.name }, ...rowOf(group.allocation) }] : []));
}

function rowOf(allocation: Allocation): SimulationRow {
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
}
