import { Document } from 'yaml';
import { byPosition } from '../rubric/assemble';
import { withoutHalfTyped } from '../rubric/check-document';
import { Finding } from '../findings';
import { text } from '../text/locale';
import { asMap, keySpan, pairsOf } from '../yaml/yaml-nodes';
import { Decimal } from '../decimal';
import { nestingBeyondLimit, ParsedDocument, parserExhausted, ParsedText, parseText, SyntaxError, tooDeepFinding, YamlDocument } from '../yaml/parse';
import type { DocumentAnalysis } from '../types';
import { applySuppressions } from '../suppressions';
import { LineIndex } from '../text/line-index';
import { Span } from '../text/span';
import { Contender } from './assign-tiers';
import { buildScoresheetModel } from './model/build-model';
import { SCORESHEET_CHECKS } from './checks';
import { rankGroup, RankedGroup, scaled } from './rank-groups';
import { indexRubric, RubricIndex } from './rubric-index';
import { evaluateSubject } from './subject-total';
import { RankedSubject, RubricLookup, ScoresheetAnalysis, ScoresheetModel, SubjectScoresModel, TotalStep } from './types';
import { AppliedVetoes, appliedVetoes } from './vetoes';

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
): ScoresheetAnalysisDetail {
  const tooDeep = nestingBeyondLimit(source);
  if (tooDeep >= 0) return refused(source, tooDeepFinding(tooDeep));
  let parsed: ReturnType<typeof parseText>;
  try {
    parsed = parseText(source);
  } catch (error) {
    if (error instanceof RangeError) return refused(source, parserExhausted());
    throw error;
  }
  const syntax: Finding[] = parsed.documents.flatMap((d) =>
    d.syntaxErrors.map((e): Finding => ({ code: 'yaml-syntax', severity: 'error', span: e.span, message: e.message })),
  );
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
    indexOf: (document) => indexRubric(document),
    factsOf: (entry, position, index) => entryFacts(entry, position, index),
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
  /** The rubric's first document, indexed (a session keeps the index while the rubric stays). */
  indexOf(document: DocumentAnalysis): RubricIndex;
  /** An entry's facts under that index (a session keeps them while the entry and the rubric stay). */
  factsOf(entry: SubjectScoresModel, position: number, index: RubricIndex | undefined): EntryFacts;
}

/**
 * What one entry of `scores:` comes to under a rubric, and what the checks find in it alone:
 * nothing here depends on the other entries, so a session keeps it while the entry's text and
 * the rubric stay as they are.
 */
export interface EntryFacts {
  /** The figures: undefined without the rubric. */
  figures: EntryFigures | undefined;
  /** The checks' findings about the entry alone, check by check. */
  findings: Finding[];
}

/** An entry's total and what decides its tier: these read the rubric's figures and ids, never its names. */
export interface EntryFigures {
  total: Decimal | undefined;
  /** How the total was reached, in words (with the rubric's names): worked out when first read. */
  readonly steps: TotalStep[];
  vetoes: AppliedVetoes;
  /** See groupIndex; undefined when no group takes it. */
  group: number | undefined;
  /** An indicator's points by its id (for tie-breaks); undefined while unknown. */
  own(key: string): Decimal | undefined;
}

export function entryFacts(entry: SubjectScoresModel, position: number, index: RubricIndex | undefined): EntryFacts {
  return { figures: index && entryFigures(entry, index), findings: entryFindings(entry, position, index) };
}

export function entryFindings(entry: SubjectScoresModel, position: number, index: RubricIndex | undefined): Finding[] {
  const context = { index };
  return SCORESHEET_CHECKS.flatMap((check) => check.entry?.(entry, position, context) ?? []);
}

export function entryFigures(entry: SubjectScoresModel, index: RubricIndex): EntryFigures {
  const outcome = evaluateSubject(index, entry);
  return {
    total: outcome.total,
    get steps() {
      return outcome.steps;
    },
    vetoes: appliedVetoes(index, entry, outcome.own),
    group: groupIndex(index, entry),
    own: (key) => {
      const indicator = index.indicators.get(key);
      return indicator ? outcome.own(indicator) : undefined;
    },
  };
}

/** The rest of an analysis once the sheet is parsed: the rubric, totals, ranks, tiers, checks. */
export function finishScoresheet(parts: ScoresheetParts): ScoresheetAnalysisDetail {
  const { parsed, document, model, schema, syntax, extraDocuments } = parts;
  const source = parsed.text;
  const rubric = model.rubric?.value !== undefined ? parts.lookup(model.rubric.value) : undefined;
  const rubricDocument = rubric?.found ? rubric.analysis.documents[0] : undefined;
  const index = rubricDocument ? parts.indexOf(rubricDocument) : undefined;
  const facts = model.scores.items.map((entry, i) => parts.factsOf(entry, i, index));
  const { subjects, groups, duplicates } = computeRanking(model, index, facts);
  const context = {
    model,
    documentStart: parts.documentStart,
    lookup: rubric,
    index,
    subjects,
    groups,
    duplicates,
    lineOf: (offset: number) => parsed.lines.positionAt(offset).line + 1,
  };
  const checked = [...facts.flatMap((f) => f.findings), ...SCORESHEET_CHECKS.flatMap((check) => check.run?.(context) ?? [])];
  // An empty `rubric:` is one mistake: rubric-not-found says it, not also the schema's "has no value".
  const saidBetter = new Set(checked.filter((f) => f.code === 'rubric-not-found').map((f) => `${f.span.start}:${f.span.end}`));
  const semantic = [...schema.filter((f) => !saidBetter.has(`${f.span.start}:${f.span.end}`)), ...extraDocuments, ...checked];
  const findings = applySuppressions([...syntax, ...withoutHalfTyped(semantic, document, source)], source, parsed.lines, {
    start: 0,
    end: source.length,
  }).sort(byPosition);
  return { source: parsed, model, rubric, subjects, groups, findings, index };
}

export function documentStart(document: YamlDocument): Span {
  const first = pairsOf(asMap(document.doc.contents))[0];
  return (first && keySpan(first)) ?? { start: document.span.start, end: document.span.start };
}

/**
 * Every entry's total and vetoes, then each group's ranks, tiers and margins. Without the rubric
 * nothing is ranked. An entry is ranked when its total and its vetoes are known, it belongs to a
 * group, and no earlier entry scores the same subject.
 */
function computeRanking(
  model: ScoresheetModel,
  index: RubricIndex | undefined,
  facts: readonly EntryFacts[],
): { subjects: RankedSubject[]; groups: RankedGroup[]; duplicates: Map<SubjectScoresModel, SubjectScoresModel> } {
  const duplicates = new Map<SubjectScoresModel, SubjectScoresModel>();
  const firstEntry = new Map<string, SubjectScoresModel>();
  for (const entry of model.scores.items) {
    const name = entry.subject?.value;
    if (name === undefined) continue;
    const first = firstEntry.get(name);
    if (first) duplicates.set(entry, first);
    else firstEntry.set(name, entry);
  }
  const contenders = new Map<number, Contender>();
  const groupOf = new Map<number, number>();
  const subjects = model.scores.items.map((entry, i): RankedSubject => {
    const subject: RankedSubject = {
      index: i,
      subject: entry.subject?.value ?? `#${i + 1}`,
      total: undefined,
      steps: [],
      rank: undefined,
      tier: undefined,
      vetoes: [],
      tiedAtBoundary: false,
      margin: {},
    };
    const figures = facts[i].figures;
    if (!index || !figures) return subject;
    const { total, vetoes, group, own } = figures;
    subject.total = total;
    // The working in words is for the hover: made when first read.
    Object.defineProperty(subject, 'steps', { get: () => figures.steps, enumerable: true, configurable: true });
    subject.vetoes = vetoes.ids;
    if (group !== undefined) {
      groupOf.set(i, group);
      if (group >= 0) subject.group = index.model.subjectGroups[group]?.key ?? `#${group + 1}`;
    }
    if (total === undefined || vetoes.unknown || group === undefined || duplicates.has(entry) || entry.subject?.value === undefined) return subject;
    const tieBreak = model.tieBreak.items.map((f) => (f.value === undefined ? undefined : own(f.value)));
    const score = scaled(total, index.model.precision);
    // Beyond 2^53 a whole number is not exact: such a total (a thousand items of 10^9 points) is shown, not ranked.
    if (!Number.isSafeInteger(score)) return subject;
    contenders.set(i, { index: i, score, tieBreak, forcedTier: vetoes.forcedTier, barred: vetoes.barred });
    return subject;
  });
  if (!index) return { subjects, groups: [], duplicates };
  const groupCount = index.model.subjectGroups.length;
  const groupIds = groupCount > 0 ? index.model.subjectGroups.map((_, g) => g) : [-1];
  // Each group's members in file order, in one pass (not a pass over every subject per group).
  const members = new Map<number, RankedSubject[]>(groupIds.map((g) => [g, []]));
  for (const subject of subjects) {
    const g = groupOf.get(subject.index);
    if (g !== undefined) members.get(g)?.push(subject);
  }
  const groups = groupIds.map((g) => rankGroup(index, g, members.get(g)!, contenders, model.ties));
  return { subjects, groups, duplicates };
}

/**
 * The group an entry is ranked in: without 分序列 the one group (−1); with it, the group listing
 * the subject as a member, else the counted group its `group:` names; undefined when neither.
 */
export function groupIndex(index: RubricIndex, entry: SubjectScoresModel): number | undefined {
  if (index.model.subjectGroups.length === 0) return -1;
  const name = entry.subject?.value;
  const listed = name === undefined ? undefined : index.subjects.get(name);
  if (listed !== undefined && listed >= 0) return listed;
  const written = entry.group?.value;
  return written === undefined ? undefined : index.groups.get(written);
}

function refused(source: string, { span, message }: SyntaxError): ScoresheetAnalysisDetail {
  const parsed: ParsedText = { text: source, lines: new LineIndex(source), documents: [] };
  return {
    source: parsed,
    model: undefined,
    rubric: undefined,
    subjects: [],
    groups: [],
    findings: [{ code: 'yaml-syntax', severity: 'error', span, message }],
  };
}

function noScores(): Finding {
  return {
    code: 'schema',
    severity: 'error',
    span: { start: 0, end: 0 },
    message: text('This file holds no scores yet: start with rubric: and scores:', '此文件中还没有评分：请从 rubric: 和 scores: 开始填写'),
  };
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
