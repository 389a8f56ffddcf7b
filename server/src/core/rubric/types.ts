/**
 * A rubric's analysis as the core answers it and every service, view and command reads it:
 * types only, so that the factory, the checks, the session and the services share them without
 * importing each other.
 */
import type { Finding } from '../findings';
import type { Allocation, TierQuotaInput } from '../quota/allocate';
import type { ParsedDocument, ParsedText } from '../yaml/parse';
import type { RubricModel } from './model/rubric-model';

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

/** The analysis behind an editor's keystrokes: only the indicator blocks an edit touched are parsed again. */
export interface IncrementalSession {
  /** The analysis of this version of the text; equal to a whole analysis of it, always. */
  update(text: string): Analysis;
  /** How the last call was answered, for tests and the benchmark. */
  readonly lastPath: 'incremental' | 'whole';
}
