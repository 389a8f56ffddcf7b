/**
 * The contract between the language server and its clients, declared once: the custom requests
 * and notification, the command the quota lens runs, the limits both sides enforce, the file
 * patterns, and the slot text both sides print. The VS Code client bundles this module; it
 * depends on nothing but the LSP protocol library and pure modules of the core (document kinds,
 * limits, slot text).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { RankingGroup, RankingRow, RankingTable, RankingTier, RankingTierCount, RubricSummary, SimulationRow } from './core';

export { slotsText, tierLine } from './core/text/slot-text';
export { RUBRIC_FILE, RUBRIC_GLOB, SCORES_FILE, SCORES_GLOB } from './core/document-kinds';
export { MAX_SIMULATED_ROWS, MAX_SUBJECTS } from './core/limits';
export type { RankingGroup, RankingRow, RankingTable, RankingTier, RankingTierCount, RubricSummary, SimulationRow };

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
  exportAssessmentTable: 'rubric.exportAssessmentTable',
  createScoringTemplate: 'rubric.createScoringTemplate',
  importScores: 'rubric.importScores',
  importAssessmentTable: 'rubric.importAssessmentTable',
  writeNotice: 'rubric.writeNotice',
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

export interface RankingParams {
  uri: string;
}

export type Ranking = RankingTable & {
  uri: string;
  /** The URI of the rubric the scoresheet was checked against; null when it was not found. */
  rubric: string | null;
};

/** `rubric/ranking`: a scoresheet's totals, ranks and tiers per group (null for a document that is not a scoresheet). */
export const RankingRequest = new RequestType<RankingParams, Ranking | null, void>('rubric/ranking');

export interface NewScoresheetParams {
  /** The rubric to score. */
  uri: string;
}

/** `rubric/newScoresheet`: the text of a scoresheet for a rubric (every subject and leaf, points left to fill), written beside it. */
export const NewScoresheetRequest = new RequestType<NewScoresheetParams, { text: string } | null, void>('rubric/newScoresheet');
export type SpreadsheetLocale = 'en' | 'zh-CN';

export interface ExportSpreadsheetParams {
  /** The rubric (an open document, else read from disk). */
  uri: string;
  /** Which rubric of a multi-document file (0-based); the first when absent. */
  document?: number;
  kind: 'assessment-table' | 'template';
  /** The file URI to write; replaced if it exists (the editor's save dialog has asked). */
  target: string;
  /** The workbook's own language. */
  sheetLocale: SpreadsheetLocale;
}

export type ExportSpreadsheetResult = { ok: true; file: string; indicators: number; message: string } | { ok: false; message: string };

/** `rubric/exportSpreadsheet`: writes the 考评表 or the scoring template of a rubric, as `rubric export` / `rubric template` do. */
export const ExportSpreadsheetRequest = new RequestType<ExportSpreadsheetParams, ExportSpreadsheetResult, void>('rubric/exportSpreadsheet');

export interface ImportSpreadsheetParams {
  /** The .xlsx file URI. */
  file: string;
  /** A scoresheet from a filled template, or a rubric from a 考评表. */
  kind: 'scores' | 'rubric';
  /** Where the YAML will be written (references are made relative to it); the client writes it. */
  target: string;
}

export interface SpreadsheetProblem {
  severity: 'error' | 'warning';
  /** `打分表!D7` */
  address: string;
  message: string;
}

export type ImportSpreadsheetResult =
  | { ok: true; kind: 'scores' | 'rubric'; text: string; problems: SpreadsheetProblem[]; count: number }
  | { ok: false; message: string; problems: SpreadsheetProblem[] };

/** `rubric/importSpreadsheet`: reads a workbook as `rubric import` does and answers the YAML and the problems by cell. */
export const ImportSpreadsheetRequest = new RequestType<ImportSpreadsheetParams, ImportSpreadsheetResult, void>('rubric/importSpreadsheet');

export interface NoticeParams {
  /** The scoresheet: a document open in the editor (the client opens it first). */
  uri: string;
  /** The file URI to write, .docx or .md; replaced if it exists (the editor's save dialog has asked). */
  target: string;
  /** The notice's own language. */
  locale: SpreadsheetLocale;
  /** `YYYY-MM-DD`, the day the notice is dated: the editor's today; the server's when absent. */
  date?: string;
  /** With errors in the scoresheet or its rubric: write a draft that lists them at its top, rather than refuse. */
  allowErrors?: boolean;
}

export type NoticeResult =
  | { ok: true; file: string; subjects: number; /** Errors listed at the top of a draft (0: not a draft). */ errors: number; message: string }
  /** `errors`: the lines of the errors that refused the notice (empty when something else did). */
  | { ok: false; message: string; errors: string[] };

/** `rubric/notice`: writes a scoresheet's results notice (通报), as `rubric notice` does. */
export const NoticeRequest = new RequestType<NoticeParams, NoticeResult, void>('rubric/notice');
