import { BlockEngine, BlockVersion } from '../../blocks/block-engine';
import { composeDocument, moveToText } from '../../blocks/composite';
import { joined } from '../../blocks/joined';
import { KeptColumn } from '../../blocks/kept-column';
import { keptFromBlockStart, placedAt } from '../../blocks/kept-findings';
import type { Finding } from '../../findings';
import { syntaxFindings } from '../../settle-findings';
import type { ParserError } from '../../yaml/parse';
import { analyzeScoresheetText, documentStart, finishScoresheet, ScoresheetAnalysisDetail, ScoresheetValidator } from '../analyze';
import { buildScoresheetModel } from '../build-model';
import { EntryFacts, entryFacts, EntryFigures, entryFindings } from '../entry-facts';
import { EntryAggregates } from '../measured';
import { KeptRanking } from '../kept-ranking';
import { RubricIndex } from '../rubric-index';
import { evaluateSubject } from '../subject-total';
import type { SheetRounds, SubjectRounds } from '../rounds/sheet-rounds';
import { RubricLookup, ScoresheetSession, SheetLookupFn, SubjectScoresModel, TotalStep } from '../types';
import { EntryBlock, entryBlocks, EntryValidator } from './entry-blocks';
import { RubricGenerations, WeightStep } from './rubric-generations';
import { isNegative } from '../../decimal';

/** What a scoresheet session needs from the core that creates it. */
export interface ScoresheetSessionDependencies {
  /** The schema's findings on a whole document (undefined: no schema, no such findings). */
  validateDocument: ScoresheetValidator | undefined;
  /** The schema's findings on one entry of `scores:`, parsed alone as a one-item list. */
  validateEntry: EntryValidator | undefined;
}

/** What a session tells tests and the benchmark beyond what the core's users need. */
export interface ScoresheetSessionMeasures {
  /** How many characters the last update parsed (entries, the text around them, or the whole text). */
  readonly lastParsed: number;
  /** How many entries' checks the last update ran again (the others kept their findings). */
  readonly lastEvaluated: number;
  /** How many entries' totals the last update worked out again (the others kept theirs). */
  readonly lastTotalled: number;
  /** How many groups the last update ranked from their kept order, re-placing only the entries it changed (see KeptRanking). */
  readonly lastKeptOrders: number;
}

/**
 * The analysis behind an editor's keystrokes in a scoresheet. The block engine splits a plain
 * scoresheet into the text around `scores:` and one block per entry (`- subject: …`); an edit
 * parses again only the entries whose text changed, and every other entry keeps its model, its
 * schema findings, its total and the findings of the checks that look at one entry alone; what the
 * analysis reads of every entry is kept in columns spliced at the edit (see KeptColumn), so the
 * entries the edit did not touch are not read at all. The ranking re-places only the entries
 * whose figures changed in each group's kept order (see KeptRanking); tiers, counts and the
 * checks of the whole sheet then take one pass, and margins are worked out when first read (see
 * rank-groups.ts). A new rubric (another analysis from `lookup`) works the totals out again from
 * the kept models, without parsing the sheet; a rubric whose figures, ids and names are all as
 * before (a keystroke in a criteria text) keeps them too (see RubricGenerations). Anything the engine cannot split is analysed whole.
 */
export function createScoresheetSession(dependencies: ScoresheetSessionDependencies): ScoresheetSession & ScoresheetSessionMeasures {
  return new SheetSession(dependencies);
}

type Lookup = (writtenPath: string) => RubricLookup;

class SheetSession implements ScoresheetSession, ScoresheetSessionMeasures {
  lastPath: 'incremental' | 'whole' = 'whole';
  lastParsed = 0;
  lastEvaluated = 0;
  lastTotalled = 0;
  get lastKeptOrders(): number {
    return this.ranking.keptOrders;
  }
  private readonly engine: BlockEngine<EntryBlock>;
  private readonly rubric = new RubricGenerations();
  private readonly ranking = new KeptRanking();
  /** What the analysis reads of each entry's block, kept from version to version (see KeptColumn). */
  private readonly entries = new KeptColumn<EntryBlock, SubjectScoresModel>((block) => block.entry);
  private readonly schemaFindings = new KeptColumn<EntryBlock, readonly Finding[]>((block) => block.schemaFindings);
  private readonly parserErrors = new KeptColumn<EntryBlock, readonly ParserError[]>((block) => block.parserErrors);
  /** The last version's facts, entry by entry, and what they were made under (see everyFacts). */
  private facts: KeptFacts | undefined;

  constructor(private readonly dependencies: ScoresheetSessionDependencies) {
    this.engine = new BlockEngine(entryBlocks(dependencies.validateEntry));
  }

  update(text: string, lookup: Lookup, sheets?: SheetLookupFn): ScoresheetAnalysisDetail {
    this.lastEvaluated = 0;
    this.lastTotalled = 0;
    try {
      // The same text again (its rubric changed) is the same version: nothing is parsed.
      const version = this.engine.split(text);
      if (!version) return this.whole(text, lookup, sheets);
      this.lastParsed = this.engine.parsed;
      this.lastPath = 'incremental';
      return this.analyzeInBlocks(version, lookup, sheets);
    } catch (error) {
      // A parse that ran out of stack (see parseOrRefuse): the whole analysis says so.
      if (error instanceof RangeError) return this.whole(text, lookup, sheets);
      throw error;
    }
  }

  private whole(text: string, lookup: Lookup, sheets: SheetLookupFn | undefined): ScoresheetAnalysisDetail {
    this.lastPath = 'whole';
    this.ranking.keptOrders = 0;
    this.lastParsed = this.engine.parsed + text.length;
    return analyzeScoresheetText(text, lookup, this.dependencies.validateDocument, sheets);
  }

  /** The sheet's model made of the skeleton's and the entries', finished as a whole analysis is. */
  private analyzeInBlocks(version: BlockVersion<EntryBlock>, lookup: Lookup, sheets: SheetLookupFn | undefined): ScoresheetAnalysisDetail {
    const { skeleton, blocks } = version;
    const composed = composeDocument(version, { list: 'scores' }, this.parserErrors.of(version));
    // A model of its own each time: the skeleton's cached tree keeps its spans.
    const model = buildScoresheetModel(skeleton.parsed.doc, { ...skeleton.parsed.span });
    const schema = this.dependencies.validateDocument?.(skeleton.parsed.doc, skeleton.text) ?? [];
    const start = documentStart(skeleton.parsed);
    moveToText(version, [model, schema, start]);
    model.span = composed.document.span;
    // A copy: the column's own list is where the next version starts from.
    model.scores.items = this.entries.of(version).slice();
    if (model.scores.field) model.scores.field.span = composed.listSpan;
    return finishScoresheet({
      parsed: composed.parsed,
      document: composed.document,
      model,
      documentStart: start,
      schema: joined(schema, this.schemaFindings.of(version), (part) => part),
      syntax: syntaxFindings(composed.document.syntaxErrors),
      extraDocuments: [],
      lookup,
      sheets,
      indexOf: (document) => this.rubric.indexOf(document),
      // The entries are the blocks' in order: the entry at `position` is the model of blocks[position].
      factsOf: (_entry, position, index, aggregates, rounds) => this.factsOf(blocks[position], position, index, aggregates, rounds),
      everyFacts: (index, aggregatesOf, rounds) => this.everyFacts(version, index, aggregatesOf, rounds),
      ranking: this.ranking,
      mayHoldIgnores: version.holdsIgnore,
    });
  }

  /**
   * Every entry's facts (see factsOf). When the version was split from the last one analysed, under
   * the same rubric, with as many entries, and nothing read across entries (no group figures, no
   * rounds), the entries the split took as they were keep their facts unread: only those between
   * are asked, and those after the edit that have findings are placed where they now stand.
   */
  private everyFacts(
    version: BlockVersion<EntryBlock>,
    index: RubricIndex | undefined,
    aggregatesOf: ((entry: SubjectScoresModel) => EntryAggregates) | undefined,
    rounds: SheetRounds | undefined,
  ): readonly EntryFacts[] {
    const { blocks, from } = version;
    const figures = index ? this.rubric.figures : -1;
    const names = index ? this.rubric.names : -1;
    const kept = this.facts;
    const keepable = kept !== undefined && !aggregatesOf && !rounds && kept.figures === figures && kept.names === names && kept.values.length === blocks.length;
    if (keepable && kept.version === version.id) return kept.values;
    let values: EntryFacts[];
    let withFindings: number[];
    if (keepable && from && from.id === kept.version) {
      const end = blocks.length - from.after;
      values = kept.values.slice(0, from.before);
      withFindings = kept.withFindings.filter((i) => i < from.before);
      for (let i = from.before; i < end; i++) {
        const facts = this.factsOf(blocks[i], i, index, undefined, undefined);
        values.push(facts);
        if (facts.findings.length > 0) withFindings.push(i);
      }
      for (let i = end; i < blocks.length; i++) values.push(kept.values[i]);
      // Their findings stand at offsets of the last version: moved with their block.
      for (const i of kept.withFindings) {
        if (i < end) continue;
        values[i] = placedFacts(blocks[i].facts!, blocks[i].start);
        withFindings.push(i);
      }
    } else {
      values = blocks.map((block, i) => this.factsOf(block, i, index, aggregatesOf?.(block.entry), rounds?.forSubject(block.entry.subject?.value)));
      withFindings = [];
      values.forEach((facts, i) => facts.findings.length > 0 && withFindings.push(i));
    }
    this.facts = { version: version.id, values, withFindings, figures, names };
    return values;
  }

  /**
   * An entry's facts under the rubric at hand: kept while its text, what it reads of the rubric
   * and what its rounds give it stay; when only names changed, its figures are kept and its
   * findings made again.
   */
  private factsOf(
    block: EntryBlock,
    position: number,
    index: RubricIndex | undefined,
    aggregates: EntryAggregates | undefined,
    rounds: SubjectRounds | undefined,
  ): EntryFacts {
    // A finding names an entry without a subject by its place (`#3`).
    const placed = block.entry.subject?.value !== undefined || block.position === position;
    const kept = block.facts;
    // The group figures its formulas read: an edit of another subject of its group may change them.
    const aggregatesPrint = aggregates?.print ?? '';
    // Nearly every entry of a keystroke: made under this very rubric, figures and place, its
    // facts hold as they are (what the branches below would keep), read with nothing made per entry.
    const made = block.generations;
    if (
      kept &&
      placed &&
      made !== undefined &&
      made.figures === (index ? this.rubric.figures : -1) &&
      made.names === (index ? this.rubric.names : -1) &&
      made.rounds === (index ? rounds?.key : undefined) &&
      block.aggregatesPrint === aggregatesPrint
    ) {
      return placedFacts(kept, block.start);
    }
    // Facts made without the rubric are of their own generation.
    const generations = index ? { figures: this.rubric.figures, names: this.rubric.names, rounds: rounds?.key } : { figures: -1, names: -1 };
    const sameFigures =
      block.generations?.figures === generations.figures && block.aggregatesPrint === aggregatesPrint && block.generations?.rounds === generations.rounds;
    const step = this.rubric.weightStep;
    const acrossWeights =
      kept?.figures !== undefined &&
      index !== undefined &&
      step !== undefined &&
      placed &&
      block.aggregatesPrint === aggregatesPrint &&
      block.generations?.rounds === generations.rounds &&
      block.generations?.figures === step.from.figures &&
      block.generations?.names === step.from.names &&
      generations.figures === step.to.figures &&
      generations.names === step.to.names &&
      weightsLeaveEntry(block.entry, step);
    if (acrossWeights) {
      // Its total and findings hold (see weightsLeaveEntry); the working is made again under the new weights when read.
      this.lastEvaluated++;
      block.facts = { figures: withNamesOf(index, block.entry, kept.figures!, aggregates, rounds), findings: block.facts!.findings };
      block.generations = generations;
    } else if (!kept || !sameFigures || block.generations?.names !== generations.names || !placed) {
      this.lastEvaluated++;
      let facts: EntryFacts;
      if (kept?.figures && index && sameFigures) {
        facts = {
          figures: withNamesOf(index, block.entry, kept.figures, aggregates, rounds),
          findings: entryFindings(block.entry, position, index, aggregates),
        };
      } else {
        if (index) this.lastTotalled++;
        facts = entryFacts(block.entry, position, index, aggregates, rounds);
      }
      block.facts = { figures: facts.figures, findings: keptFromBlockStart(facts.findings, block.start) };
      block.generations = generations;
      block.aggregatesPrint = aggregatesPrint;
      block.position = position;
    }
    return placedFacts(block.facts!, block.start);
  }
}

/** Every entry's facts for a version, and the rubric's generations they were made under (-1 without a rubric). */
interface KeptFacts {
  /** The version they are of (its id). */
  version: number;
  values: EntryFacts[];
  /** The entries whose facts hold findings, in order: the only ones a move places again. */
  withFindings: number[];
  figures: number;
  names: number;
}

/** Kept facts, their findings placed where the block now stands (most entries have none to place). */
function placedFacts(kept: EntryFacts, blockStart: number): EntryFacts {
  return { figures: kept.figures, findings: kept.findings.length === 0 ? [] : placedAt(kept.findings, blockStart) };
}

/**
 * Whether an entry's total and findings stay what they were when only the weights of `step`'s
 * leaves changed: it scores those leaves within both their weights (or leaves them unscored),
 * takes no deductions on them, has no rater views (a view's total is bounded by the rubric's)
 * and no items that do not apply (the rescaling reads weights). A leaf's points are then read
 * as before, every group adds up the same, and no check finds anything new: a point above a
 * weight (score-out-of-range, score-not-a-level) is the only thing a leaf's weight decides.
 */
export function weightsLeaveEntry(entry: SubjectScoresModel, step: WeightStep): boolean {
  if (entry.by.length > 0 || entry.notApplicable.length > 0) return false;
  for (const leaf of step.leaves) {
    if (leaf.key === undefined) continue;
    const { before, after } = leaf;
    if (entry.deductions.some((d) => d.indicator.value === leaf.key)) return false;
    for (const figure of entry.points) {
      if (figure.key.value !== leaf.key || figure.blank) continue;
      const value = figure.value.value;
      if (value === undefined || before === undefined || after === undefined) return false;
      if (isNegative(value) || value.gt(before) || value.gt(after)) return false;
    }
  }
  return true;
}

/** Figures kept from a rubric whose names have changed since: the working, which names indicators, is made again from the rubric at hand when first read. */
function withNamesOf(
  index: RubricIndex,
  entry: SubjectScoresModel,
  kept: EntryFigures,
  aggregates: EntryAggregates | undefined,
  rounds: SubjectRounds | undefined,
): EntryFigures {
  const { total, vetoes, group, own } = kept;
  let steps: TotalStep[] | undefined;
  return {
    total,
    vetoes,
    group,
    own,
    get steps() {
      return (steps ??= evaluateSubject(index, entry, aggregates, rounds).steps);
    },
  };
}
