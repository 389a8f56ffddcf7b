/**
 * The types the core's modules and its users share, and nothing else: the factory, the checks,
 * the incremental session and the services import them from here, never from each other.
 */
import type { Finding } from './findings';
import type { RubricModel } from './rubric/model/rubric-model';
import type { ParsedDocument, ParsedText } from './yaml/parse';
import type { Allocation, TierQuotaInput } from './quota/allocate';
import type { SchemaDocs } from './schema/schema-docs';
import type { RubricLookup, ScoresheetAnalysis, ScoresheetSession } from './scoresheet/types';

/** One group of subjects ranked separately (分序列), with the tiers' slots for its N. */
export interface GroupAllocation {
  id: string;
  name: string;
  /** The group's N, when known. */
  subjects: number | undefined;
  allocation: Allocation | undefined;
}

/** One rubric (one YAML document of a file), checked. */
export interface DocumentAnalysis {
  parsed: ParsedDocument;
  model: RubricModel;
  quotaInputs: TierQuotaInput[];
  /** Slots for the rubric's own N, when it states one and has no groups. */
  allocation: Allocation | undefined;
  /** 分序列: each group's slots (every quota applies per group); empty without groups. */
  groups: GroupAllocation[];
  findings: Finding[];
}

/** A whole file: its text with the line index, and each rubric in it. */
export interface Analysis {
  source: ParsedText;
  documents: DocumentAnalysis[];
  /** Every document's findings, in text order. */
  findings: Finding[];
}

export interface RubricCoreOptions {
  /** The parsed `schemas/rubric.schema.json`; the host reads it, the core never touches disk. */
  schema: object;
  /**
   * The parsed `schemas/scores.schema.json` (host/scores-schema.ts reads it), compiled on the first
   * scoresheet; without it scoresheets are analysed without the structural (schema) findings.
   */
  scoresSchema?: object;
}

/** The analysis behind an editor's keystrokes: only the indicator blocks an edit touched are parsed again. */
export interface IncrementalSession {
  /** The analysis of this version of the text; equal to a whole analysis of it, always. */
  update(text: string): Analysis;
  /** How the last call was answered, for tests and the benchmark. */
  readonly lastPath: 'incremental' | 'whole';
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
   * it (inside the workspace) and answers with the rubric's analysis.
   */
  analyzeScoresheet(text: string, lookup: (writtenPath: string) => RubricLookup): ScoresheetAnalysis;
  /** A scoresheet analysis that keeps what it learnt between versions of one document and of its rubric. */
  createScoresheetSession(): ScoresheetSession;
}
