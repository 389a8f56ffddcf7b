import { Document } from 'yaml';
import { joined } from '../blocks/joined';
import { Finding } from '../findings';
import type { DocumentAnalysis } from '../rubric/types';
import { byPosition, fileFinding, settleFindings, syntaxFindings } from '../settle-findings';
import { text } from '../text/locale';
import { Span } from '../text/span';
import { ParsedDocument, ParsedText, parseOrRefuse, unread, YamlDocument } from '../yaml/parse';
import { asMap, keySpan, pairsOf } from '../yaml/yaml-nodes';
import { buildScoresheetModel } from './build-model';
import { SCORESHEET_CHECKS } from './checks';
import { EntryFacts, entryFacts } from './entry-facts';
import { EntryAggregates, groupAggregates } from './measured';
import { KeptRanking } from './kept-ranking';
import { RankedGroup } from './rank-groups';
import { rankSubjects } from './rank-subjects';
import { indexRubric, RubricIndex } from './rubric-index';
import { annotateSubjects, readPrevious } from './rounds/previous-ranks';
import { readRounds, SheetRounds, SubjectRounds } from './rounds/sheet-rounds';
import { RubricLookup, ScoresheetAnalysis, ScoresheetModel, SheetLookupFn, SubjectScoresModel } from './types';

export type ScoresheetValidator = (doc: Document.Parsed, source: string) => Finding[];

/** A scoresheet's analysis with what the checks and services read beyond the shared type. */
export interface ScoresheetAnalysisDetail extends ScoresheetAnalysis {
  groups: RankedGroup[];
  /** The rubric indexed, when found. */
  index?: RubricIndex;
}

/**
 * Text in, totals, ranks, tiers and findings out. The rubric is asked for once, by the path the
 * sheet writes; the host answers with its analysis, so this stays pure. Never throws.
 */
export function analyzeScoresheetText(
  source: string,
  lookup: (writtenPath: string) => RubricLookup,
  validate: ScoresheetValidator | undefined,
  sheets?: SheetLookupFn,
): ScoresheetAnalysisDetail {
  const read = parseOrRefuse(source);
  // A text the parser cannot take: one finding, no documents.
  if ('refused' in read)
    return { source: unread(source), model: undefined, rubric: undefined, subjects: [], groups: [], findings: syntaxFindings([read.refused]) };
  const parsed = read.parsed;
  const syntax = syntaxFindings(parsed.documents.flatMap((d) => d.syntaxErrors));
  const documents = parsed.documents.filter((d) => !d.tree.isBlank);
  const document = documents[0];
  if (!document) {
    return { source: parsed, model: undefined, rubric: undefined, subjects: [], groups: [], findings: [...syntax, noScores()].sort(byPosition) };
  }
  const model = buildScoresheetModel(document.doc, document.span);
  return finishScoresheet({
    parsed,
    document,
    model,
    documentStart: documentStart(document),
    schema: validate ? validate(document.doc, source) : [],
    syntax,
    extraDocuments: documents.slice(1).map(extraDocument),
    lookup,
    sheets,
    indexOf: (document) => indexRubric(document),
    factsOf: (entry, position, index, aggregates, rounds) => entryFacts(entry, position, index, aggregates, rounds),
  });
}

/** What an analysis is finished from: the sheet parsed (whole, or by a session in pieces) and its model. */
export interface ScoresheetParts {
  parsed: ParsedText;
  document: ParsedDocument;
  model: ScoresheetModel;
  /** The first key of the document, where findings about the whole sheet are shown. */
  documentStart: Span;
  /** The schema's findings on the whole document. */
  schema: Finding[];
  /** The parser's, as findings. */
  syntax: Finding[];
  extraDocuments: Finding[];
  lookup: (writtenPath: string) => RubricLookup;
  /** The host's answer for the scoresheets the sheet names (`rounds:`, `previous:`); without it they are not read. */
  sheets?: SheetLookupFn;
  /** The rubric's first document, indexed (a session keeps the index while the rubric stays). */
  indexOf(document: DocumentAnalysis): RubricIndex;
  /**
   * An entry's facts under that index, its group's figures and what its rounds give it (a session
   * keeps them while the entry, the rubric and the figures it reads stay).
   */
  factsOf(
    entry: SubjectScoresModel,
    position: number,
    index: RubricIndex | undefined,
    aggregates: EntryAggregates | undefined,
    rounds: SubjectRounds | undefined,
  ): EntryFacts;
  /** Every entry's facts at once, when the caller keeps them (a session, see everyFacts); else factsOf is asked entry by entry. */
  everyFacts?(
    index: RubricIndex | undefined,
    aggregatesOf: ((entry: SubjectScoresModel) => EntryAggregates) | undefined,
    rounds: SheetRounds | undefined,
  ): readonly EntryFacts[];
  /** The last ranking's order, kept by a session (see KeptRanking); a whole analysis sorts afresh. */
  ranking?: KeptRanking;
  /** False when the parts are known to hold no `rubric-ignore` comment (a session's blocks say so): the text is not searched for one. */
  mayHoldIgnores?: boolean;
}

/** The rest of an analysis once the sheet is parsed: the rubric, totals, ranks, tiers, checks. */
export function finishScoresheet(parts: ScoresheetParts): ScoresheetAnalysisDetail {
  const { parsed, document, model, schema, syntax, extraDocuments } = parts;
  const rubric = model.rubric?.value !== undefined ? parts.lookup(model.rubric.value) : undefined;
  const rubricDocument = rubric?.found ? rubric.analysis.documents[0] : undefined;
  const index = rubricDocument ? parts.indexOf(rubricDocument) : undefined;
  const rounds = index ? readRounds(model, index, parts.sheets) : undefined;
  // best / worst / mean over each group: the one figure an entry reads of the others.
  const aggregatesOf = index ? groupAggregates(model.scores.items, index) : undefined;
  const facts =
    parts.everyFacts?.(index, aggregatesOf, rounds) ??
    model.scores.items.map((entry, i) => parts.factsOf(entry, i, index, aggregatesOf?.(entry), rounds?.forSubject(entry.subject?.value)));
  const { subjects, groups, duplicates } = rankSubjects(model, index, facts, parts.ranking);
  const previous = readPrevious(model, parts.sheets);
  annotateSubjects(subjects, rounds, previous);
  const context = {
    model,
    documentStart: parts.documentStart,
    lookup: rubric,
    index,
    subjects,
    groups,
    duplicates,
    rounds,
    previous,
    lineOf: (offset: number) => parsed.lines.positionAt(offset).line + 1,
  };
  const checked = joined(
    joined([], facts, (f) => f.findings),
    SCORESHEET_CHECKS,
    (check) => check.run?.(context) ?? [],
  );
  // An empty `rubric:` is one mistake: rubric-not-found says it, not also the schema's "has no value".
  const saidBetter = new Set(checked.filter((f) => f.code === 'rubric-not-found').map((f) => `${f.span.start}:${f.span.end}`));
  const semantic = [...schema.filter((f) => !saidBetter.has(`${f.span.start}:${f.span.end}`)), ...extraDocuments, ...checked];
  const findings = settleFindings(syntax, semantic, document, parsed, { start: 0, end: parsed.text.length }, parts.mayHoldIgnores ?? true);
  return {
    source: parsed,
    model,
    rubric,
    subjects,
    groups,
    findings,
    index,
    ...(rounds ? { rounds: rounds.columns } : {}),
    ...(previous ? { previous } : {}),
  };
}

/** Where findings about the whole sheet are shown: its first key, else its start. */
export function documentStart(document: YamlDocument): Span {
  const first = pairsOf(asMap(document.doc.contents))[0];
  return (first && keySpan(first)) ?? { start: document.span.start, end: document.span.start };
}

function noScores(): Finding {
  return fileFinding(text('This file holds no scores yet: start with rubric: and scores:', '此文件中还没有评分：请从 rubric: 和 scores: 开始填写'));
}

function extraDocument(document: YamlDocument): Finding {
  return {
    code: 'schema',
    severity: 'error',
    span: { start: document.span.start, end: Math.min(document.span.end, document.span.start + 3) },
    message: text(
      'A scoresheet file holds one document: this one (after ---) is not read; put it in a file of its own',
      '一个评分表文件只含一个文档：--- 之后的这部分不予读取，请另存为单独的文件',
    ),
  };
}
