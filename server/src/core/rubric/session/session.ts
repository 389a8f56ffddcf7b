import { BlockChanges, BlockEngine, BlockVersion } from '../../blocks/block-engine';
import { joined } from '../../blocks/joined';
import { composeDocument, moveToText } from '../../blocks/composite';
import type { SchemaValidator } from '../../schema/schema-validator';
import { assemble } from '../analyze';
import { checkDocument, IndicatorFindings, KeptBySession } from '../check-document';
import { IndicatorIds } from '../indicator-ids';
import { buildRubricModel } from '../model/build-model';
import type { Analysis, IncrementalSession } from '../types';
import { findingsOfBlocks } from './checked-blocks';
import { IndicatorBlock, indicatorBlocks, ownIndicators, SPLIT_ABOVE } from './indicator-blocks';

/** What a session needs from the core that creates it. */
export interface SessionDependencies {
  validator: SchemaValidator;
  /** The whole analysis, for text the split cannot take. */
  analyzeWhole(text: string): Analysis;
}

export interface SessionOptions {
  /** Blocks of more characters than this are split into their items' blocks (for tests: 0 splits every group). */
  splitAbove?: number;
}

/** What a session tells tests and the benchmark beyond what the core's users need. */
export interface SessionMeasures {
  /** How many characters the last update parsed (blocks, skeletons, or the whole text). */
  readonly lastParsed: number;
  /** How many indicators the last update ran the checks of single indicators on (all of them after a whole analysis). */
  readonly lastChecked: number;
}

/** The lists a rubric is split at: its indicators, and a long indicator's items. */
const LISTS = { list: 'indicators', items: 'items' };

/**
 * The analysis behind an editor's keystrokes in a rubric. The block engine splits a plain rubric
 * into its skeleton (what is around `indicators:`) and one block per top-level indicator, long
 * ones split again into their items; an edit parses again the blocks it touched and reuses every
 * other block's model and findings. Every check then runs on the whole model again, so the
 * findings are complete for the whole document; the checks of single indicators run only on the
 * blocks made anew (see checked-blocks.ts). Anything the engine cannot split is analysed whole.
 */
export function createIncrementalSession(analyzer: SessionDependencies, options: SessionOptions = {}): IncrementalSession & SessionMeasures {
  return new RubricSession(analyzer, options.splitAbove ?? SPLIT_ABOVE);
}

class RubricSession implements IncrementalSession, SessionMeasures {
  lastPath: 'incremental' | 'whole' = 'whole';
  lastParsed = 0;
  lastChecked = 0;
  private readonly engine: BlockEngine<IndicatorBlock>;
  /** The ids of the indicators of the engine's last version, kept as its blocks change. */
  private readonly ids = new IndicatorIds();

  constructor(
    private readonly analyzer: SessionDependencies,
    splitAbove: number,
  ) {
    this.engine = new BlockEngine(indicatorBlocks(analyzer.validator, splitAbove));
  }

  update(text: string): Analysis {
    try {
      const version = this.engine.split(text);
      if (!version) return this.whole(text);
      this.lastParsed = this.engine.parsed;
      this.countIds(this.engine.changes);
      version.blocks.forEach((block, index) => givePaths(block, [index]));
      this.lastPath = 'incremental';
      return this.analyzeInBlocks(version);
    } catch (error) {
      // A parse that ran out of stack (see parseOrRefuse): the whole analysis says so.
      if (error instanceof RangeError) return this.whole(text);
      throw error;
    }
  }

  /**
   * The whole analysis, for text the split cannot take (often a keystroke that breaks the YAML
   * for a moment). The engine keeps its blocks: they are found by text, so the next good
   * version reuses them.
   */
  private whole(text: string): Analysis {
    this.lastPath = 'whole';
    this.lastParsed = this.engine.parsed + text.length;
    const analysis = this.analyzer.analyzeWhole(text);
    this.lastChecked = analysis.documents.reduce((count, document) => count + document.model.allIndicators.length, 0);
    return analysis;
  }

  /** The rubric's model made of the skeleton's and the blocks', checked as a whole analysis checks it. */
  private analyzeInBlocks(version: BlockVersion<IndicatorBlock>): Analysis {
    const { skeleton, blocks } = version;
    const composed = composeDocument(version, LISTS);
    // A model of its own: the cached skeleton keeps its spans while this model's move.
    const model = buildRubricModel(skeleton.parsed.doc, { ...skeleton.parsed.span });
    const skeletonFindings = this.analyzer.validator.validateSkeleton(skeleton.parsed.doc, skeleton.text, blocks.length);
    moveToText(version, [model, skeletonFindings]);
    model.span = composed.document.span;
    model.indicators.items = blocks.map((b) => b.indicator);
    model.allIndicators = joined([], blocks, (b) => b.all);
    if (model.indicators.field) model.indicators.field.span = composed.listSpan;
    const schemaFindings = joined(skeletonFindings, blocks, (b) => b.schemaFindings);
    const onIndicators: IndicatorFindings = (context) => {
      const { findings, checked } = findingsOfBlocks(blocks, context);
      this.lastChecked = checked;
      return findings;
    };
    const kept: KeptBySession = { onIndicators, indicatorIds: this.ids, mayHoldIgnores: version.holdsIgnore };
    return assemble(composed.parsed, [checkDocument(composed.parsed, composed.document, model, schemaFindings, kept)]);
  }

  /** The ids of the blocks' indicators, after the engine's last split: those of the blocks it dropped go, those of the blocks it made come. */
  private countIds({ made, dropped }: BlockChanges<IndicatorBlock>): void {
    for (const block of dropped) this.ids.remove(ownIndicators(block));
    for (const block of made) this.ids.add(ownIndicators(block));
  }
}

/**
 * Gives every indicator of the block its path in the tree; unchanged paths are left alone.
 * Paths are made with concat and slice: arrays of exactly their length (see buildIndicator).
 */
function givePaths(block: IndicatorBlock, path: number[]): void {
  const key = path.join('.');
  if (block.pathKey === key) return;
  block.pathKey = key;
  // A finding may name the path (children-sum's data).
  block.checked = undefined;
  if (block.children.length === 0) {
    for (const [i, indicator] of block.all.entries()) indicator.path = path.concat(block.relativePaths[i]);
    return;
  }
  block.indicator.path = path.slice();
  for (const [i, child] of block.children.entries()) givePaths(child, path.concat(i));
}
