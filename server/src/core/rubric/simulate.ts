import { decimal, formatDecimal } from '../decimal';
import { Locale, LocalizedText, text } from '../text/locale';
import { Allocation, describeWorking, QuotaProblem, allocate } from '../quota/allocate';
import { roundingName } from '../quota/rounding';
import { targetProblems } from './quota-target';
import { DocumentAnalysis } from './types';

/** One row of a quota simulation, as the contract's `rubric/simulate` and `simulate --format json` give it. */
export interface SimulationRow {
  /** 分序列: the group whose own N this row is for (absent for a rubric without groups or an N asked for). */
  group?: { id: string; name: string };
  subjects: number;
  tiers: {
    id: string;
    name: string;
    min: number;
    max: number;
    share: number;
    working: string[];
    /** The quota's `target` as a share of N (0–1), for a line in the chart; absent without one. */
    target?: number;
  }[];
  /** The problems' codes, as the contract gives them. */
  warnings: string[];
  /** Each problem as a short sentence in the locale asked for (absent from servers before issue 9). */
  problems?: { code: string; message: string }[];
  /**
   * Where several tiers have no quota: the range they share together (each reads the whole of it,
   * so their own shares must not be added up).
   */
  shared?: { tiers: string[]; min: number; max: number; share: number };
}

/** The slots per tier for each N asked for (the quotas are the same for every group). */
export function simulate(document: DocumentAnalysis, subjects: readonly number[], locale: Locale = 'en'): SimulationRow[] {
  return subjects.map((n) => rowOf(document, allocate(document.quotaInputs, n, document.model.rounding), locale));
}

/** 分序列: one row per group, for the group's own N. */
export function simulateGroups(document: DocumentAnalysis, locale: Locale = 'en'): SimulationRow[] {
  return document.groups.flatMap((group) =>
    group.allocation ? [{ group: { id: group.id, name: group.name }, ...rowOf(document, group.allocation, locale) }] : [],
  );
}

function rowOf(document: DocumentAnalysis, allocation: Allocation, locale: Locale): SimulationRow {
  // A tier above its target only informs: said after the quota's own problems.
  const aboveTarget = targetProblems(document.model, allocation);
  return {
    subjects: allocation.subjects,
    tiers: allocation.tiers.map((tier, t) => ({
      id: tier.id,
      name: tier.name,
      min: tier.min,
      max: tier.max,
      // Display only: the exact share stays a decimal inside the core; rounded half-up, not cut.
      share: Number(formatDecimal(tier.share, 6)),
      working: tier.workings.map((w) => `${w.bound} ${describeWorking(w)}`),
      ...targetShare(document, t),
    })),
    warnings: [...new Set([...allocation.problems.map((p) => p.code), ...aboveTarget.map((p) => p.code)])],
    problems: [
      ...allocation.problems.map((p) => ({ code: p.code, message: problemSentence(p, allocation)[locale] })),
      ...aboveTarget.map((p) => ({ code: p.code, message: p.message[locale] })),
    ],
    ...sharedRange(document, allocation),
  };
}

/** A percentage target as a share of any N (a count target has none that holds for every N). */
function targetShare(document: DocumentAnalysis, tier: number): { target?: number } {
  const target = document.model.tiers.items[tier]?.quota?.target?.value;
  return target?.kind === 'percent' ? { target: Number(formatDecimal(target.percent.div(100), 6)) } : {};
}

/** What the tiers without a quota take together: N minus what the others take at most / at least. */
function sharedRange(document: DocumentAnalysis, allocation: Allocation): Pick<SimulationRow, 'shared'> {
  const inputs = document.quotaInputs;
  const open = inputs.flatMap((t, i) => (t.exactly || t.min || t.max ? [] : [i]));
  if (open.length < 2) return {};
  const others = allocation.tiers.filter((_, i) => !open.includes(i));
  const n = allocation.subjects;
  const max = Math.max(0, n - others.reduce((s, t) => s + t.min, 0));
  const min = Math.min(max, Math.max(0, n - others.reduce((s, t) => s + t.max, 0)));
  return { shared: { tiers: open.map((i) => inputs[i].id), min, max, share: n === 0 ? 0 : Number(formatDecimal(decimal(max).div(n), 6)) } };
}

/** One problem in a few words, for the simulation's table and view (the Problems panel has the full message). */
function problemSentence(problem: QuotaProblem, allocation: Allocation): LocalizedText {
  const n = allocation.subjects;
  switch (problem.code) {
    case 'quota-overflow':
      return text(`Fixed and minimum quotas need ${problem.needed} of the ${n} subjects`, `固定名额与最低名额共需 ${problem.needed} 个，只有 ${n} 个`);
    case 'quota-shortfall':
      return text(`The quotas place at most ${problem.placeable} of the ${n} subjects`, `各等次名额合计最多 ${problem.placeable} 个，少于 ${n} 个`);
    case 'quota-conflict': {
      const name = allocation.tiers[problem.tier].name;
      return text(`"${name}": min ${problem.lower} is above max ${problem.upper}`, `“${name}”：最低名额 ${problem.lower} 个多于最高名额 ${problem.upper} 个`);
    }
    case 'quota-empty': {
      const name = allocation.tiers[problem.tier].name;
      const w = problem.working;
      return text(
        `"${name}" gets no slot: ${describeWorking(w)} (${roundingName(w.rounding, 'en')})`,
        `“${name}”名额为 0：${describeWorking(w)}（${roundingName(w.rounding, 'zh-CN')}）`,
      );
    }
    case 'quota-rounding': {
      const name = allocation.tiers[problem.tier].name;
      const w = problem.working;
      const stated = w.amount.kind === 'percent' ? formatDecimal(w.amount.percent, 10) : '';
      const actual = n === 0 ? '0' : formatDecimal(decimal(w.slots).times(100).div(n), 1);
      const cap = problem.bound === 'max';
      return text(
        `"${name}": ${describeWorking(w)} (${roundingName(w.rounding, 'en')}) is ${actual}%, ${cap ? 'above the' : 'below the'} ${stated}% ${cap ? 'cap' : 'floor'}`,
        `“${name}”：${describeWorking(w)}（${roundingName(w.rounding, 'zh-CN')}），占 ${actual}%，${cap ? '超过上限' : '低于下限'} ${stated}%`,
      );
    }
  }
}
