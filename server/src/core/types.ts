/**
 * What the core's factory takes and gives: the one object through which the language server,
 * the command line and the tests reach both document kinds. Types only.
 */
import type { Analysis, IncrementalSession } from './rubric/types';
import type { SchemaDocs } from './schema/schema-docs';
import type { RubricLookup, ScoresheetAnalysis, ScoresheetSession, SheetLookupFn } from './scoresheet/types';

export interface RubricCoreOptions {
  /** The parsed `schemas/rubric.schema.json`; the host reads it, the core never touches disk. */
  schema: object;
  /**
   * The parsed `schemas/scores.schema.json` (host/scores-schema.ts reads it), compiled on the first
   * scoresheet; without it scoresheets are analysed without the structural (schema) findings.
   */
  scoresSchema?: object;
}

export interface RubricCore {
  /** Parses and checks the whole text. */
  analyze(text: string): Analysis;
  /** An analysis that keeps what it learnt between versions of one document (an editor's keystrokes). */
  createSession(): IncrementalSession;
  /** The schema's titles and descriptions, for hovers and completion. */
  schemaDocs: SchemaDocs;
  /**
   * A scoresheet (`*.scores.yaml`): its totals, ranks, tiers, margins and findings. `lookup` is
   * called once, with the `rubric:` path as written, when the sheet names one; the host resolves
   * it (inside the workspace) and answers with the rubric's analysis. `sheets` is called once per
   * path the sheet writes under `rounds:` and `previous:`; without it those are not read.
   */
  analyzeScoresheet(text: string, lookup: (writtenPath: string) => RubricLookup, sheets?: SheetLookupFn): ScoresheetAnalysis;
  /** A scoresheet analysis that keeps what it learnt between versions of one document and of its rubric. */
  createScoresheetSession(): ScoresheetSession;
}
