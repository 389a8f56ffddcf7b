import { Document } from 'yaml';
import { at, Block, leafParts, placeBlock } from '../../blocks/block';
import { BlockKind } from '../../blocks/block-engine';
import { ownCopy } from '../../blocks/spans';
import { Finding } from '../../findings';
import type { PlainData } from '../../schema/schema-validator';
import { Span } from '../../text/span';
import { readPlainItem } from '../../yaml/plain-item';
import { buildSubjectScores } from '../build-model';
import { EntryFacts } from '../entry-facts';
import { SubjectScoresModel } from '../types';

/** One entry of `scores:` (from its `- ` line to the next), parsed and checked on its own. */
export interface EntryBlock extends Block<EntryBlock> {
  entry: SubjectScoresModel;
  schemaFindings: Finding[];
  /** Its totals and findings (see EntryFacts) under the rubric of `generations`, the findings at offsets from the block's start. */
  facts?: EntryFacts;
  /** The rubric's generations the facts were made under (see RubricGenerations), and what its rounds gave it (SubjectRounds.key). */
  generations?: { figures: number; names: number; rounds?: string };
  /** The place it had when its facts were made: they name an entry without a subject by its place (`#3`). */
  position?: number;
  /** The group figures its facts were made under (see EntryAggregates.print). */
  aggregatesPrint?: string;
}

/** The schema's findings on one entry of `scores:`, parsed alone as a one-item list (its data given when the plain reader read it). */
export type EntryValidator = (doc: Document.Parsed, source: string, fallback: Span, plain?: PlainData) => Finding[];

/**
 * A scoresheet's entries as the block engine's kind: blocks of `scores:`, one per entry, never
 * split further. A plain entry is read by the plain reader, the rest by the parser.
 */
export function entryBlocks(validateEntry: EntryValidator | undefined): BlockKind<EntryBlock> {
  return {
    listKey: 'scores',
    build(source, _level, engine) {
      // Parsed from a copy, which the entry's model may keep: not this whole version of the text.
      const text = ownCopy(source.text);
      // Nearly every entry is written in the plain subset, read without the general parser (the
      // same nodes, ranges and data, see plain-item.ts); anything else is parsed in full.
      const plain = readPlainItem(text, source.column);
      if (plain) engine.parsed += text.length;
      const item = plain ?? engine.parseItem(text, source.column);
      if (!item) return undefined;
      const entry = buildSubjectScores(item.node);
      const schemaFindings = validateEntry?.(item.doc, text, at(item.range[0]), plain) ?? [];
      const block: EntryBlock = { ...leafParts(source, text, item), children: [], entry, schemaFindings };
      return placeBlock(block, [entry, schemaFindings], source.start);
    },
  };
}
