import type { Decimal } from '../../decimal';
import type { RankedSubject, RoundColumn, ScoresheetAnalysis } from '../types';
import type { TierModel } from '../../rubric/model/rubric-model';
import { targetAgainst } from '../../quota/target';

/**
 * A scoresheet's ranking as plain JSON (exact decimal strings, no spans): what `rubric/ranking`
 * answers, what the ranking view draws and what `rubric rank --format json` is made from.
 */

/** A tier as the ranking names it. */
export interface RankingTier {
  id: string;
  name: string;
}

/** One subject of a scoresheet's ranking; figures as exact decimal strings. */
export interface RankingRow {
  subject: string;
  /** The 分序列 group id; absent without groups. */
  group?: string;
  /** Rounded to the rubric's precision; null while a figure it needs is missing. */
  total: string | null;
  /** 1, 2, 3, 3, 5 within its group; null without a total. */
  rank: number | null;
  tier: RankingTier | null;
  /** Veto ids applied. */
  vetoes: string[];
  /** Tied with a subject on the other side of a tier boundary. */
  tiedAtBoundary: boolean;
  /** Points short of the next tier up (`up`) and that may be lost before dropping (`down`). */
  margin: { up?: string; down?: string };
  /**
   * The subject's rank in the sheet that `previous:` names: a number, null when it was not ranked
   * there (new); absent when the sheet names no previous result.
   */
  previousRank?: number | null;
  /**
   * The subject's total in each round, as that round reports it (rounded to its precision), in the
   * order of `RankingTable.rounds`; null where the round has no total for it. Absent without rounds.
   */
  roundTotals?: (string | null)[];
  /** Its rank in each round (within its group there), in the same order; null where it has none. Absent without rounds. */
  roundRanks?: (number | null)[];
  /** `no_tier: true` (只写评语，不定等次): ranked, tier null, not counted in the quotas' N. */
  noTier?: boolean;
}

/** One round column: a scoresheet that `rounds:` names for an indicator scored `{rounds: mean|sum}`. */
export interface RankingRound {
  /** The indicator's id and name. */
  indicator: string;
  indicatorName: string;
  /** The path as written under `rounds:`. */
  path: string;
  /** A short heading: the file's name without `.scores.yaml`. */
  label: string;
}

/** How many subjects of a group took a tier, against its quota's slots (null: no such bound; both null for a tier without a quota of its own). */
export interface RankingTierCount {
  tier: RankingTier;
  count: number;
  min: number | null;
  max: number | null;
  /** N × the quota's `target` for the group's N, exact (`2`, `1.8`); absent for a tier without a target. */
  target?: string;
  /** The count is above the target (it informs; `max` binds). */
  aboveTarget?: boolean;
}

export interface RankingGroup {
  /** Absent without 分序列. */
  id?: string;
  name?: string;
  counts: RankingTierCount[];
  rows: RankingRow[];
}

export interface RankingTable {
  /** The rubric's title, when found. */
  title: string | null;
  /** The rubric's `total` (what the weights add up to), an exact decimal string; null when not found. */
  outOf: string | null;
  /** The rubric's tiers, best first (empty without tiers). */
  tiers: RankingTier[];
  /** The rubric's vetoes by id: their names, for showing a row's `vetoes` (an id without a name is not here). */
  vetoNames?: Record<string, string>;
  groups: RankingGroup[];
  /** The round columns, in the order the rows' `roundTotals` follow; absent without rounds. */
  rounds?: RankingRound[];
  /** The `previous:` path as written; absent when the sheet names none. */
  previous?: string;
  errors: number;
  warnings: number;
}

/** Exact, in plain notation (never `1e-7`). */
export function exact(value: Decimal): string {
  return value.toFixed();
}

function tierOf(tier: TierModel | undefined, index: number): RankingTier {
  const id = tier?.key ?? String(index + 1);
  return { id, name: tier?.name?.value ?? id };
}

function rowOf(subject: RankedSubject, tiers: readonly TierModel[]): RankingRow {
  const margin: RankingRow['margin'] = {};
  if (subject.margin.up !== undefined) margin.up = exact(subject.margin.up);
  if (subject.margin.down !== undefined) margin.down = exact(subject.margin.down);
  return {
    subject: subject.subject,
    ...(subject.group !== undefined ? { group: subject.group } : {}),
    total: subject.total === undefined ? null : exact(subject.total),
    rank: subject.rank ?? null,
    tier: subject.tier === undefined ? null : tierOf(tiers[subject.tier], subject.tier),
    vetoes: [...subject.vetoes],
    tiedAtBoundary: subject.tiedAtBoundary,
    margin,
    ...(subject.previousRank !== undefined ? { previousRank: subject.previousRank } : {}),
    ...(subject.roundTotals ? { roundTotals: subject.roundTotals.map((t) => (t === undefined ? null : exact(t))) } : {}),
    ...(subject.roundRanks ? { roundRanks: subject.roundRanks.map((r) => r ?? null) } : {}),
    ...(subject.noTier ? { noTier: true } : {}),
  };
}

function roundOf(column: RoundColumn): RankingRound {
  return { indicator: column.indicator, indicatorName: column.indicatorName, path: column.path.value ?? '', label: column.label };
}

/** The ranking of an analysed scoresheet, group by group, rows in rank order as the core gives them. */
export function rankingTable(analysis: ScoresheetAnalysis): RankingTable {
  const found = analysis.rubric?.found ? analysis.rubric.analysis.documents[0] : undefined;
  const tiers = found?.model.tiers.items ?? [];
  const count = (severity: string) => analysis.findings.filter((f) => f.severity === severity).length;
  return {
    title: found?.model.title?.value ?? null,
    outOf: found?.model.total === undefined ? null : exact(found.model.total),
    tiers: tiers.map(tierOf),
    vetoNames: Object.fromEntries(
      (found?.model.veto.items ?? []).flatMap((v) => (v.key !== undefined && v.name?.value !== undefined ? [[v.key, v.name.value]] : [])),
    ),
    groups: analysis.groups.map((group) => ({
      ...(group.id !== undefined ? { id: group.id } : {}),
      ...(group.name !== undefined ? { name: group.name } : {}),
      counts: group.counts.map((c) => {
        // A tier without a quota of its own takes what the others leave: its "slots" are that rest, not a rule to meet.
        const ruled = tiers[c.tier]?.quota !== undefined;
        return {
          tier: tierOf(tiers[c.tier], c.tier),
          count: c.count,
          min: ruled ? (c.min ?? null) : null,
          max: ruled ? (c.max ?? null) : null,
          ...targetAgainst(tiers[c.tier]?.quota?.target?.value, group.placed, c.count),
        };
      }),
      rows: group.subjects.map((s) => rowOf(s, tiers)),
    })),
    ...(analysis.rounds && analysis.rounds.length > 0 ? { rounds: analysis.rounds.map(roundOf) } : {}),
    ...(analysis.model?.previous?.value !== undefined && analysis.previous ? { previous: analysis.model.previous.value } : {}),
    errors: count('error'),
    warnings: count('warning'),
  };
}
