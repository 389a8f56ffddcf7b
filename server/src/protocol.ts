/**
 * The contract between the language server and its clients, declared once: the custom requests
 * and notification, the command the quota lens runs, the limits both sides enforce, the file
 * patterns, and the slot text both sides print. The VS Code client bundles this module; it
 * depends on nothing but the LSP protocol library and a pure module of the core.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { RubricSummary, SimulationRow } from './core';

export { slotsText, tierLine } from './core/text/slot-text';
export type { RubricSummary, SimulationRow };

/** Rubric files: `*.rubric.yaml` or `*.rubric.yml` (more through the `rubric.files` setting). */
export const RUBRIC_FILE = /\.rubric\.ya?ml$/i;
export const RUBRIC_GLOB = '**/*.rubric.{yaml,yml}';
/** Scoresheets: `*.scores.yaml` or `*.scores.yml`, the scores given under one rubric. */
export const SCORES_FILE = /\.scores\.ya?ml$/i;
export const SCORES_GLOB = '**/*.scores.{yaml,yml}';

/** The largest N anyone may ask a simulation for: a request must not hang the server. */
export const MAX_SUBJECTS = 100000;
/** More than this many N in one simulate request are cut off. */
export const MAX_SIMULATED_ROWS = 10000;

/** Command ids the server names (the quota lens) and the client registers. */
export const COMMANDS = {
  showSimulation: 'rubric.showSimulation',
  exportSimulation: 'rubric.exportSimulation',
  newRubric: 'rubric.newRubric',
  restartServer: 'rubric.restartServer',
  chooseLanguage: 'rubric.chooseLanguage',
  showRanking: 'rubric.showRanking',
  exportRanking: 'rubric.exportRanking',
  newScoresheet: 'rubric.newScoresheet',
} as const;

export interface SummaryParams {
  uri: string;
  /** Which rubric of a multi-document file (0-based); the first when absent. */
  document?: number;
}

export type Summary = RubricSummary & { uri: string };

/** `rubric/summary`: the figures of one rubric of a file (the first by default), for a status bar. */
export const SummaryRequest = new RequestType<SummaryParams, Summary | null, void>('rubric/summary');

export interface SimulateParams {
  uri: string;
  subjects: number[];
  /** Which rubric of a multi-document file (0-based); the first when absent. */
  document?: number;
}

/** `rubric/simulate`: slots per tier for each N asked for, as `rubric simulate --format json` rows. */
export const SimulateRequest = new RequestType<SimulateParams, SimulationRow[] | null, void>('rubric/simulate');

export interface AnalyzedParams {
  uri: string;
  /** The document version the analysis is of. */
  version: number;
}

/**
 * `rubric/analyzed`: sent after the server has analysed a new version of a rubric and published
 * its diagnostics, so views that show its figures refresh on the server's word, not on the
 * editor's diagnostics events.
 */
export const AnalyzedNotification = new NotificationType<AnalyzedParams>('rubric/analyzed');

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
}

/** How many subjects of a group took a tier, against the quota's slots (null: no bound). */
export interface RankingTierCount {
  tier: RankingTier;
  count: number;
  min: number | null;
  max: number | null;
}

export interface RankingGroup {
  /** Absent without 分序列. */
  id?: string;
  name?: string;
  counts: RankingTierCount[];
  rows: RankingRow[];
}

export interface RankingParams {
  uri: string;
}

export interface Ranking {
  uri: string;
  /** The URI of the rubric the scoresheet was checked against; null when it was not found. */
  rubric: string | null;
  /** The rubric's title, when found. */
  title: string | null;
  /** The rubric's `total` (what the weights add up to), an exact decimal string; null when not found. */
  outOf: string | null;
  /** The rubric's tiers, best first (empty without tiers). */
  tiers: RankingTier[];
  groups: RankingGroup[];
  errors: number;
  warnings: number;
}

/** `rubric/ranking`: a scoresheet's totals, ranks and tiers per group (null for a document that is not a scoresheet). */
export const RankingRequest = new RequestType<RankingParams, Ranking | null, void>('rubric/ranking');

export interface NewScoresheetParams {
  /** The rubric to score. */
  uri: string;
}

/** `rubric/newScoresheet`: the text of a scoresheet for a rubric (every subject and leaf, points left to fill), written beside it. */
export const NewScoresheetRequest = new RequestType<NewScoresheetParams, { text: string } | null, void>('rubric/newScoresheet');
