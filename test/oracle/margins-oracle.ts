import { Decimal, decimal } from 'rubric-studio-server/out/core/decimal';
import { assignTiers, compareContenders, Contender, TierRule } from 'rubric-studio-server/out/core/scoresheet/assign-tiers';
import type { Margin, TiesMode } from 'rubric-studio-server';

/**
 * Two test oracles for the margins of a group (core/scoresheet/margins.ts), both built on the
 * core's tier assignment alone (`assignTiers`: the contract's rules, tested on their own):
 *
 * - `oracleMargins`: the former algorithm, as it was before margins became O(n log n): each
 *   subject's tier tried at the totals where it can change (every total ±1 step, every
 *   `min_score`), searched by halves, each try a whole assignment of the group. About n² log n,
 *   and without the size limit it had (1,500 subjects). `subjects`: only these, for a sample of a
 *   large group.
 * - `bruteMargins`: the definition, searched in full: every such total tried, none skipped, so it
 *   assumes nothing about the tier rising with the total. n³: small groups only.
 */

/** The tier `subject` gets with its total moved to `score`, everyone else as they are. */
function tierWith(ordered: readonly Contender[], subject: Contender, score: number, rules: readonly TierRule[], ties: TiesMode): number {
  const moved: Contender = { ...subject, score };
  const trial = ordered.filter((c) => c !== subject);
  let at = 0;
  while (at < trial.length && compareContenders(trial[at], moved, ties) < 0) at++;
  trial.splice(at, 0, moved);
  return assignTiers(trial, rules, ties).tier.get(subject.index)!;
}

/** Every total where some subject's tier can change: each total and its neighbours, each min_score and the step below it. */
function candidateTotals(ordered: readonly Contender[], rules: readonly TierRule[]): number[] {
  const points = new Set<number>();
  for (const c of ordered) for (const p of [c.score - 1, c.score, c.score + 1]) points.add(p);
  for (const rule of rules) if (rule.minScore !== undefined) for (const p of [rule.minScore - 1, rule.minScore]) points.add(p);
  return [...points].sort((a, b) => a - b);
}

type Search = (items: readonly number[], holds: (item: number) => boolean) => number | undefined;

function margins(
  search: Search,
  ordered: readonly Contender[],
  rules: readonly TierRule[],
  ties: TiesMode,
  precision: number,
  current: ReadonlyMap<number, number>,
  subjects: readonly Contender[],
): Map<number, Margin> {
  const result = new Map<number, Margin>();
  const steps = (difference: number): Decimal => decimal(difference).div(decimal(10).pow(precision));
  const candidates = candidateTotals(ordered, rules);
  const last = rules.length - 1;
  for (const subject of subjects) {
    const tier = current.get(subject.index);
    if (tier === undefined || subject.forcedTier !== undefined || rules.length === 0) {
      result.set(subject.index, {});
      continue;
    }
    const tierAt = (score: number) => tierWith(ordered, subject, score, rules, ties);
    const margin: Margin = {};
    if (tier > 0) {
      const above = candidates.filter((p) => p > subject.score);
      const first = search(above, (p) => tierAt(p) < tier);
      if (first !== undefined) margin.up = steps(above[first] - subject.score);
    }
    if (tier < last) {
      const below = candidates.filter((p) => p < subject.score).reverse();
      const first = search(below, (p) => tierAt(p) > tier);
      if (first !== undefined) margin.down = steps(subject.score - (below[first] + 1));
    }
    result.set(subject.index, margin);
  }
  return result;
}

/** The first index where a monotone predicate holds, by halves; undefined when it never does. */
const byHalves: Search = (items, holds) => {
  if (items.length === 0 || !holds(items[items.length - 1])) return undefined;
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (holds(items[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
};

/** The first index where a predicate holds, trying each in turn. */
const inTurn: Search = (items, holds) => {
  const index = items.findIndex(holds);
  return index < 0 ? undefined : index;
};

type Margins = (
  ordered: readonly Contender[],
  rules: readonly TierRule[],
  ties: TiesMode,
  precision: number,
  current: ReadonlyMap<number, number>,
  subjects?: readonly Contender[],
) => Map<number, Margin>;

export const oracleMargins: Margins = (ordered, rules, ties, precision, current, subjects = ordered) =>
  margins(byHalves, ordered, rules, ties, precision, current, subjects);

export const bruteMargins: Margins = (ordered, rules, ties, precision, current, subjects = ordered) =>
  margins(inTurn, ordered, rules, ties, precision, current, subjects);
