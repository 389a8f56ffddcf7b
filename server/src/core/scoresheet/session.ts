import Big from 'big.js';
import { Document, isDocument, isNode, isPair, isScalar, isSeq, Node, Pair, parseDocument } from 'yaml';
import { errorsStayInBlock, errorsStayInSkeleton, readsAloneAsInFile } from '../blocks/contained-errors';
import { findLayout, Layout } from '../blocks/layout';
import { forEachSpan } from '../blocks/spans';
import { Finding } from '../findings';
import { asMap, asSeq, findPair, keySpan, keyText, nodeSpan, pairsOf } from '../yaml/yaml-nodes';
import { findAt, nodeAtOffset, NodeAtOffset } from '../yaml/yaml-path';
import { nestingBeyondLimit } from '../yaml/nesting';
import { ParsedDocument, ParsedText, ParserError, parserErrors, parseText, syntaxErrorsOf, YamlDocument } from '../yaml/parse';
import { LineIndex } from '../text/line-index';
import { Span } from '../text/span';
import { collectFolds, DocumentTree } from '../yaml/document-tree';
import type { DocumentAnalysis } from '../rubric/types';
import { analyzeScoresheetText, finishScoresheet, ScoresheetAnalysisDetail, ScoresheetValidator } from './analyze';
import { EntryFacts, entryFacts, entryFindings } from './entry-facts';
import { evaluateSubject } from './subject-total';
import { buildScoresheetModel, buildSubjectScores } from './build-model';
import { indexRubric, RubricIndex } from './rubric-index';
import { RubricLookup, ScoresheetSession, SubjectScoresModel, TotalStep } from './types';

/** What a scoresheet session needs from the core that creates it. */
export interface ScoresheetSessionDependencies {
  /** The schema's findings on a whole document (undefined: no schema, no such findings). */
  validateDocument: ScoresheetValidator | undefined;
  /** The schema's findings on one entry of `scores:`, parsed alone as a one-item list. */
  validateEntry: ((doc: Document.Parsed, source: string, fallback: Span) => Finding[]) | undefined;
}

/** What a session tells tests and the benchmark beyond what the core's users need. */
export interface ScoresheetSessionMeasures {
  /** How many characters the last update parsed (entries, the text around them, or the whole text). */
  readonly lastParsed: number;
  /** How many entries' checks the last update ran again (the others kept their findings). */
  readonly lastEvaluated: number;
  /** How many entries' totals the last update worked out again (the others kept theirs). */
  readonly lastTotalled: number;
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/** One entry of `scores:` (from its `- ` line to the next), parsed and checked on its own. */
interface EntryBlock {
  /** What it is parsed from: its lines and the next line's indentation (as blockSource in the rubric's session). */
  text: string;
  start: number;
  /** How much of `text` is the entry's own. */
  extent: number;
  entry: SubjectScoresModel;
  schemaFindings: Finding[];
  /** The parser's errors in the entry, all of them ones that stay inside it (see errorsStayInBlock). */
  parserErrors: ParserError[];
  /** The item's node as the parser spans it (`range[0]` to `range[1]`). */
  itemSpan: Span;
  /** Where the parser ends this item (its node's `range[2]`): where the whole list ends after the last. */
  itemEnd: Span;
  /** Where the parser ends the entry's document: where the whole one ends when the list ends the file. */
  documentEnd: Span;
  /** Its totals and findings (see EntryFacts), made under the rubric of these generations. */
  facts?: EntryFacts;
  figuresGeneration?: number;
  namesGeneration?: number;
  /** The place it had when its facts were made: they name an entry without a subject by its place (`#3`). */
  position?: number;
  /** Every span of the above but the facts', each once: what a move shifts. */
  spans: Span[];
  /** The spans of the facts' findings (their own copies, see ownSpans). */
  factSpans: Span[];
}

/** Everything around the `scores:` list, parsed once while only entries change. */
interface Skeleton {
  key: string;
  parsed: YamlDocument;
}

/** What the last incremental update was made of: the same text again (a rubric changed) re-uses it all. */
interface Version {
  text: string;
  lines: LineIndex;
  layout: Layout;
  skeleton: Skeleton;
  blocks: EntryBlock[];
}

/**
 * The analysis behind an editor's keystrokes in a scoresheet. A plain scoresheet (one document,
 * `scores:` a top-level block list, no anchors, aliases or tags) splits into the text around the
 * list and one block per entry (`- subject: …`). An edit parses again only the entries whose text
 * changed; every other entry keeps its model, its schema findings, its total and the findings of
 * the checks that look at one entry alone, moved to where it now stands. Ranks, tiers and the
 * checks of the whole sheet then run on every entry, as a whole analysis does, and margins are
 * worked out when first read (see rank-groups.ts). A new rubric (another analysis from `lookup`)
 * works the totals out again from the kept models, without parsing the sheet; a rubric whose
 * figures, ids and names are all as before (a keystroke in a criteria text) keeps them too.
 * Text the split cannot take (a syntax error that is not one of typing, several documents, a
 * list not in block style…) is analysed whole, and the entries kept wait for the next good version.
 */
export function createScoresheetSession(dependencies: ScoresheetSessionDependencies): ScoresheetSession & ScoresheetSessionMeasures {
  let cache = new Map<string, EntryBlock[]>();
  let skeleton: Skeleton | undefined;
  let last: Version | undefined;
  let lastPath: 'incremental' | 'whole' = 'whole';
  let lastParsed = 0;
  let lastEvaluated = 0;
  let lastTotalled = 0;

  /**
   * The rubric as last seen: its document and index, and generations that change when what the
   * entries' figures read of it changes (figures, ids, structure) and when anything they show
   * changes (names too).
   */
  let rubricDocument: DocumentAnalysis | undefined;
  let rubricIndex: RubricIndex | undefined;
  let figuresPrint: string | undefined;
  let namesPrint: string | undefined;
  let figuresGeneration = 0;
  let namesGeneration = 0;

  function whole(text: string, lookup: (writtenPath: string) => RubricLookup): ScoresheetAnalysisDetail {
    lastPath = 'whole';
    lastParsed += text.length;
    last = undefined;
    return analyzeScoresheetText(text, lookup, dependencies.validateDocument);
  }

  /** The rubric indexed once per analysis object; entries' facts stay while what they read of it stays. */
  function indexOf(document: DocumentAnalysis): RubricIndex {
    if (document !== rubricDocument || !rubricIndex) {
      rubricDocument = document;
      rubricIndex = indexRubric(document);
      const { figures, names } = rubricFingerprints(document);
      if (figures !== figuresPrint) figuresGeneration++;
      if (names !== namesPrint) namesGeneration++;
      [figuresPrint, namesPrint] = [figures, names];
    }
    return rubricIndex;
  }

  function update(text: string, lookup: (writtenPath: string) => RubricLookup): ScoresheetAnalysisDetail {
    lastParsed = 0;
    lastEvaluated = 0;
    lastTotalled = 0;
    let moved: [EntryBlock, number][] = [];
    try {
      const version = text === last?.text ? last : split(text, moved);
      if (!version) {
        restore(moved);
        return whole(text, lookup);
      }
      moved = [];
      last = version;
      lastPath = 'incremental';
      return assembled(version, lookup);
    } catch (error) {
      // A parse that ran out of stack: the whole analysis says so; the last version's entries are put back.
      restore(moved);
      if (error instanceof RangeError) return whole(text, lookup);
      throw error;
    }
  }

  /** After an update that ends in a whole analysis, the kept entries go back where they stood. */
  function restore(moved: [EntryBlock, number][]): void {
    for (const [block, start] of moved.reverse()) moveBlock(block, start);
    moved.length = 0;
  }

  /** The text cut into its skeleton and entries, old entries reused; undefined when it must be analysed whole. */
  function split(text: string, moved: [EntryBlock, number][]): Version | undefined {
    // Nesting counts levels of the whole text: an entry alone could not tell.
    if (nestingBeyondLimit(text) >= 0) return undefined;
    const lines = new LineIndex(text);
    const layout = findLayout(text, lines, 'scores');
    if (!layout) return undefined;
    const around = skeletonFor(text.slice(0, layout.region.start), text.slice(layout.region.end));
    if (!around) return undefined;
    // Taken out of a copy, so that no old entry serves twice and the cache stays whole if this version fails.
    const pool = new Map(Array.from(cache, ([key, list]) => [key, list.slice()]));
    const texts = layout.blocks.map((_, index) => blockSource(text, layout, index));
    const blocks: EntryBlock[] = [];
    for (const [index, span] of layout.blocks.entries()) {
      const old = pool.get(texts[index])?.pop();
      if (old) {
        moved.push([old, old.start]);
        moveBlock(old, span.start);
        blocks.push(old);
        continue;
      }
      const block = buildBlock(ownCopy(texts[index]), span.end - span.start, span.start, layout.indent);
      if (!block) return undefined;
      blocks.push(block);
    }
    const next = new Map<string, EntryBlock[]>();
    for (const block of blocks) {
      const same = next.get(block.text);
      if (same) same.push(block);
      else next.set(block.text, [block]);
    }
    cache = next;
    return { text, lines, layout, skeleton: around, blocks };
  }

  /** One entry parsed alone; undefined when it would not read alone as it does in the file. */
  function buildBlock(text: string, extent: number, start: number, itemColumn: number): EntryBlock | undefined {
    lastParsed += text.length;
    if (!readsAloneAsInFile(text, itemColumn)) return undefined;
    const doc = parseDocument(text, PARSE_OPTIONS);
    if (!errorsStayInBlock(doc.errors) || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    const node = doc.contents.items[0];
    // A bare `-` (an entry just begun) takes its end from comments before it, outside the block:
    // left to the whole parse for the keystroke or two it lasts.
    if (!node || (isScalar(node) && node.value === null && !node.source)) return undefined;
    const entry = buildSubjectScores(node);
    const range = (node as { range?: number[] }).range ?? [0, 0, 0];
    const schemaFindings = dependencies.validateEntry?.(doc, text, { start: range[0], end: range[0] }) ?? [];
    // Parsed alone, its spans count from 0 until it is moved to where it stands.
    const block: EntryBlock = {
      text,
      start: 0,
      extent,
      entry,
      schemaFindings,
      parserErrors: parserErrors(doc.errors, text),
      itemSpan: { start: range[0], end: range[1] },
      itemEnd: { start: range[2], end: range[2] },
      // Clamped as parseText clamps the whole document's end (the parser may end it one past the text).
      documentEnd: { start: Math.min(doc.range[2], text.length), end: Math.min(doc.range[2], text.length) },
      spans: [],
      factSpans: [],
    };
    forEachSpan([entry, block.schemaFindings, block.parserErrors, block.itemSpan, block.itemEnd, block.documentEnd], (span) => block.spans.push(span));
    moveBlock(block, start);
    return block;
  }

  /**
   * The scoresheet around its entries. It must be one mapping whose `scores:` the cut leaves
   * empty: otherwise the cut changed what the text means, and it is analysed whole.
   */
  function skeletonFor(head: string, tail: string): Skeleton | undefined {
    const key = `${head}\u0000${tail}`;
    if (skeleton?.key === key) return skeleton;
    lastParsed += key.length;
    const parsed = parseText(head + tail);
    const doc = parsed.documents[0];
    if (parsed.documents.length !== 1 || !errorsStayInSkeleton(doc.doc.errors, tail)) return undefined;
    const root = asMap(doc.doc.contents);
    const scores = findPair(root, 'scores')?.value;
    if (!root || !(isScalar(scores) && scores.value === null)) return undefined;
    skeleton = { key: ownCopy(key), parsed: doc };
    return skeleton;
  }

  /**
   * An entry's facts under the rubric at hand: kept while its text and what it reads of the
   * rubric stay; when only names changed, its figures are kept and its findings made again.
   */
  function factsOf(block: EntryBlock, position: number, index: RubricIndex | undefined): EntryFacts {
    // Facts made without the rubric are of their own generation.
    const [figures, names] = index ? [figuresGeneration, namesGeneration] : [-1, -1];
    // A finding names an entry without a subject by its place (`#3`).
    const placed = block.entry.subject?.value !== undefined || block.position === position;
    const kept = block.facts;
    if (kept && block.figuresGeneration === figures && block.namesGeneration === names && placed) return kept;
    lastEvaluated++;
    if (kept?.figures && index && block.figuresGeneration === figures) {
      const entry = block.entry;
      const { total, vetoes, group, own } = kept.figures;
      let steps: TotalStep[] | undefined;
      // The working names indicators: made again, from the rubric at hand, when first read.
      const figuresKept = {
        total,
        vetoes,
        group,
        own,
        get steps() {
          return (steps ??= evaluateSubject(index, entry).steps);
        },
      };
      block.facts = { figures: figuresKept, findings: entryFindings(entry, position, index) };
    } else {
      if (index) lastTotalled++;
      block.facts = entryFacts(block.entry, position, index);
    }
    block.figuresGeneration = figures;
    block.namesGeneration = names;
    block.position = position;
    block.facts.findings = block.facts.findings.map(ownSpan);
    block.factSpans = block.facts.findings.map((f) => f.span);
    return block.facts;
  }

  function assembled(version: Version, lookup: (writtenPath: string) => RubricLookup): ScoresheetAnalysisDetail {
    const { text, lines, layout, blocks } = version;
    const around = version.skeleton.parsed;
    const { region } = layout;
    const delta = region.end - region.start;
    // Skeleton offsets after the cut move by the length of the list.
    const toText = (offset: number) => (offset >= region.start ? offset + delta : offset);
    const lastBlock = blocks[blocks.length - 1];
    // With nothing after the list, the document ends where the parser ends the last entry's.
    const docSpan = { start: toText(around.span.start), end: region.end === text.length ? lastBlock.documentEnd.end : toText(around.span.end) };
    const skeletonText = text.slice(0, region.start) + text.slice(region.end);

    // A model of its own each time: the skeleton's cached tree keeps its spans.
    const model = buildScoresheetModel(around.doc, { ...around.span });
    const schema = dependencies.validateDocument?.(around.doc, skeletonText) ?? [];
    const first = pairsOf(asMap(around.doc.contents))[0];
    const documentStart = (first && keySpan(first)) ?? { start: around.span.start, end: around.span.start };
    forEachSpan([model, schema, documentStart], (span) => {
      span.start = toText(span.start);
      span.end = toText(span.end);
    });
    model.span = docSpan;
    model.scores.items = blocks.map((b) => b.entry);
    // As the parser spans a block list: from the first item's dash to where it ends the last.
    if (model.scores.field) model.scores.field.span = { start: region.start + layout.indent, end: lastBlock.itemEnd.end };

    // In the order the parser of the whole text meets them: before the list, in it, after it.
    const skeletonErrors = parserErrors(around.doc.errors, skeletonText).map((e) => {
      // Joined to `scores:`, a repeated key after the list is reported from the line break before
      // it, which the whole text's list has taken: the error belongs after the list.
      const afterList = e.span.start < region.start && e.span.end >= region.start && skeletonText.slice(e.span.start, region.start).trim() === '';
      return { ...e, span: { start: toText(afterList ? region.start : e.span.start), end: toText(e.span.end) } };
    });
    const errors = [
      ...skeletonErrors.filter((e) => e.span.start < region.start),
      ...blocks.flatMap((b) => b.parserErrors),
      ...skeletonErrors.filter((e) => e.span.start >= region.start),
    ];
    const syntaxErrors = errors.length > 0 ? syntaxErrorsOf(errors, text, lines) : [];
    const document: ParsedDocument = { span: docSpan, syntaxErrors, tree: compositeTree(text, layout, blocks, around, toText) };
    const parsed: ParsedText = { text, lines, documents: [document] };
    const blockOf = new Map<SubjectScoresModel, EntryBlock>(blocks.map((b) => [b.entry, b]));
    return finishScoresheet({
      parsed,
      document,
      model,
      documentStart,
      schema: [...schema, ...blocks.flatMap((b) => b.schemaFindings)],
      syntax: syntaxErrors.map((e): Finding => ({ code: 'yaml-syntax', severity: 'error', span: e.span, message: e.message })),
      extraDocuments: [],
      lookup,
      indexOf,
      factsOf: (entry, position, index) => factsOf(blockOf.get(entry)!, position, index),
    });
  }

  return {
    update,
    get lastPath() {
      return lastPath;
    },
    get lastParsed() {
      return lastParsed;
    },
    get lastEvaluated() {
      return lastEvaluated;
    },
    get lastTotalled() {
      return lastTotalled;
    },
  };
}

/**
 * A finding with a span of its own: a check may underline the very span of the model's figure,
 * and the block's spans and the facts' are moved apart (facts are made again, the model is not).
 * A scoresheet check's finding has no other span.
 */
function ownSpan(finding: Finding): Finding {
  return { ...finding, span: { start: finding.span.start, end: finding.span.end } };
}

function moveBlock(block: EntryBlock, start: number): void {
  const delta = start - block.start;
  if (delta === 0) return;
  for (const span of block.spans) {
    span.start += delta;
    span.end += delta;
  }
  for (const span of block.factSpans) {
    span.start += delta;
    span.end += delta;
  }
  block.start = start;
}

/**
 * What of a rubric an entry's facts read: its figures and ids, its subjects and groups, tiers
 * and vetoes (`figures`), and with them the names its findings and workings show (`names`); not
 * where they are written, nor the YAML tree. Two rubrics alike here give every entry the same
 * total, steps and findings (a keystroke in a criteria text changes nothing of it; one in a
 * name, only the words). One walk makes both: it runs on every keystroke in the rubric.
 */
function rubricFingerprints(document: DocumentAnalysis): { figures: string; names: string } {
  const figures: string[] = [];
  const names: string[] = [];
  const put = (part: string, inName: boolean) => {
    names.push(part);
    if (!inName) figures.push(part);
  };
  const walk = (value: unknown, inName: boolean): void => {
    if (value === null || value === undefined) return put(value === null ? 'n' : 'u', inName);
    if (typeof value !== 'object') return put(typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`, inName);
    if (value instanceof Big) return put(`d${value.toString()}`, inName);
    if (isNode(value) || isPair(value) || isDocument(value)) return put('y', inName);
    if (Array.isArray(value)) {
      put('[', inName);
      for (const item of value) walk(item, inName);
      return put(']', inName);
    }
    put('{', inName);
    for (const [key, child] of Object.entries(value)) {
      // Where things are written, and the depth-first list the tree already holds.
      if (key === 'span' || key === 'keySpan' || key === 'allIndicators') continue;
      put(`${key}:`, inName);
      walk(child, inName || key === 'name' || key === 'title');
    }
    put('}', inName);
  };
  walk(document.model, false);
  return { figures: figures.join(' '), names: names.join(' ') };
}

/** A copy that holds no reference to the whole text it was sliced from (see ownCopy in the rubric's session). */
function ownCopy(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}

/** An entry's lines and the next entry's indentation (a mapping left open runs up to that dash, as in the whole text). */
function blockSource(text: string, layout: Layout, index: number): string {
  const span = layout.blocks[index];
  return text.slice(span.start, index + 1 < layout.blocks.length ? span.end + layout.indent : span.end);
}

/** The tree of a sheet analysed in entries: the skeleton's, and an entry's parsed again when asked about. */
function compositeTree(text: string, layout: Layout, blocks: EntryBlock[], around: YamlDocument, toText: (offset: number) => number): DocumentTree {
  const { region } = layout;
  const delta = region.end - region.start;
  let wholeFolds: Span[] | undefined;
  const root = asMap(around.doc.contents)!;
  const scoresPair = findPair(root, 'scores');
  const mapped = (span: Span | undefined): Span | undefined => span && { start: toText(span.start), end: toText(span.end) };
  // As the parser spans a block list: from the first item's dash to where it ends the last.
  const listSpan = { start: region.start + layout.indent, end: blocks[blocks.length - 1].itemEnd.end };
  return {
    isBlank: false,
    // The steps nodeAtOffset takes in the whole document, taken here level by level: the root's
    // pairs (the list's as the whole text spans it), the entries, then inside the one entry.
    nodeAtOffset(offset): NodeAtOffset {
      const pairSpans = (pair: Pair): (Span | undefined)[] => [
        mapped(keySpan(pair)),
        pair === scoresPair ? listSpan : mapped(nodeSpan(pair.value as Node | null)),
      ];
      const pair = root.items[findAt(root.items, offset, pairSpans)];
      if (!pair) return { steps: [], inKey: false };
      const step = { segment: keyText(pair) ?? '', pair, node: pair.value as unknown };
      const key = mapped(keySpan(pair));
      if (key && offset >= key.start && offset <= key.end) {
        return { steps: [step], pair, inKey: true, scalar: isScalar(pair.key) ? { value: pair.key.value, span: key } : undefined };
      }
      if (pair !== scoresPair) {
        const below = nodeAtOffset(pair.value, offset >= region.end ? offset - delta : offset);
        const scalar = below.scalar && { ...below.scalar, span: mapped(below.scalar.span)! };
        return { ...below, steps: [step, ...below.steps], pair: below.pair ?? pair, scalar };
      }
      const index = findAt(blocks, offset, (block) => [block.itemSpan]);
      if (index < 0) return { steps: [step], pair, inKey: false };
      const block = blocks[index];
      const item = asSeq(parseDocument(block.text, { logLevel: 'error' }).contents)?.items[0];
      const local = nodeAtOffset(item, offset - block.start);
      const scalar = local.scalar && { ...local.scalar, span: { start: local.scalar.span.start + block.start, end: local.scalar.span.end + block.start } };
      return { ...local, steps: [step, { segment: index, node: item }, ...local.steps], pair: local.pair ?? pair, scalar };
    },
    folds() {
      // Not asked on keystrokes: the whole text parsed once for them.
      wholeFolds ??= collectFolds(parseDocument(text, { logLevel: 'error' }));
      return wholeFolds;
    },
    // The entry that holds the offset, when the cursor is inside it (deeper than its dash, or on
    // its first line after the dash): its text parses alone as it does in the file. Anywhere
    // else (a blank stretch at the entries' column may be a new entry or a key of the sheet)
    // only the whole text says what it is in. An entry is parsed as a one-item list: its path
    // within its text starts with 0, which its place in `scores` (the prefix's last step) replaces.
    localText(offset) {
      const whole = { span: { start: 0, end: text.length }, pathPrefix: [] };
      const index = blocks.findIndex((b, i) => offset >= b.start && (offset < b.start + b.extent || (i === blocks.length - 1 && offset === text.length)));
      if (index < 0) return whole;
      const block = blocks[index];
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      let indentation = lineStart;
      while (indentation < offset && text.charCodeAt(indentation) === 32) indentation++;
      const inside = lineStart === block.start ? offset > block.start + layout.indent : indentation - lineStart > layout.indent && indentation < offset;
      return inside ? { span: { start: block.start, end: block.start + block.extent }, pathPrefix: ['scores', index] } : whole;
    },
  };
}
