import { DiagnosticCode, Finding, Severity } from '../../findings';
import { LocalizedText } from '../../text/locale';
import { Span } from '../../text/span';
import type { EntryAggregates } from '../measured';
import { RankedGroup } from '../rank-groups';
import { RubricIndex } from '../rubric-index';
import type { SheetRounds } from '../rounds/sheet-rounds';
import { RankedSubject, RubricLookup, ScoresheetModel, SheetLookup, SubjectScoresModel } from '../types';

/** What every scoresheet check reads: the model, the rubric (when found) and what was computed. */
export interface ScoresheetCheckContext {
  model: ScoresheetModel;
  /** The first key of the document, where a finding about the whole sheet is shown. */
  documentStart: Span;
  lookup: RubricLookup | undefined;
  /** The rubric's first document, indexed; undefined when not found. */
  index: RubricIndex | undefined;
  subjects: RankedSubject[];
  groups: RankedGroup[];
  /** Entries ranked nowhere because an earlier entry scores the same subject. */
  duplicates: ReadonlyMap<SubjectScoresModel, SubjectScoresModel>;
  /** The rounds the sheet reads, when the rubric scores a leaf from rounds or the sheet names some. */
  rounds: SheetRounds | undefined;
  /** What the host found at `previous:`. */
  previous: SheetLookup | undefined;
  lineOf(offset: number): number;
}

/** What a check of one entry reads: the rubric's first document, indexed, when found. */
export interface EntryCheckContext {
  index: RubricIndex | undefined;
  /** The group figures (best, worst, mean) the entry's formulas read; undefined when no formula reads any. */
  aggregates?: EntryAggregates;
}

/**
 * A check in two parts, either optional: what it finds in one entry of `scores:` alone (which
 * depends on nothing but that entry and the rubric, so a session keeps it while both stay as
 * they are), and what it finds in the sheet as a whole.
 */
export interface ScoresheetCheck {
  code: DiagnosticCode;
  severity: Severity;
  entry?(entry: SubjectScoresModel, position: number, context: EntryCheckContext): Finding[];
  run?(context: ScoresheetCheckContext): Finding[];
}

export function scoresheetFinding(check: ScoresheetCheck, span: Span, message: LocalizedText): Finding {
  return { code: check.code, severity: check.severity, span, message } as Finding;
}

/** How a subject is named in a message. */
export function subjectLabel(entry: SubjectScoresModel, index: number): string {
  return entry.subject?.value ?? `#${index + 1}`;
}

/** A finding about one entry says whose it is: `卫庄镇：25 超过“火灾防控成效”的分值 22`. */
export function ofSubject(entry: SubjectScoresModel, index: number, message: LocalizedText): LocalizedText {
  const name = subjectLabel(entry, index);
  return { en: `${name}: ${message.en}`, 'zh-CN': `${name}：${message['zh-CN']}` };
}
