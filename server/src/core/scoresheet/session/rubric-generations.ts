import Big from 'big.js';
import { isDocument, isNode, isPair } from 'yaml';
import { Decimal } from '../../decimal';
import { IndicatorModel } from '../../rubric/model/rubric-model';
import type { DocumentAnalysis } from '../../rubric/types';
import { indexRubric, isLeaf, RubricIndex } from '../rubric-index';

/**
 * A rubric that changed from one generation to the next in weights only (a keystroke in a
 * weight): of plain leaves, and of groups that add their items up as they are (no `out_of`),
 * with the sums and the rubric's total that follow; everything else it holds, names too, as
 * before. A group's weight is not read by a total that adds up its items; an entry whose points
 * for the leaves were within both weights (and that nothing else ties to them) keeps its total
 * and its findings (see weightsLeaveEntry).
 */
export interface WeightStep {
  from: { figures: number; names: number };
  to: { figures: number; names: number };
  /** The leaves whose weight changed: their id, and the weight before and after (either may be unknown). */
  leaves: { key: string | undefined; before: Decimal | undefined; after: Decimal | undefined }[];
}

/** The fields of an indicator a weight changes: its own weight, and the sums of the groups above it. */
const WEIGHT_FIELDS = new Set(['weight', 'effectiveWeight', 'itemsSum']);
/** The rubric's total, when it is their sum. */
const TOTAL_FIELDS = new Set(['total', 'totalField']);

/**
 * The rubric as a session last saw it: its document indexed once per analysis object, and
 * generations that change when what the entries' figures read of it changes (figures, ids,
 * structure: `figures`) and when anything they show changes (names too: `names`). An entry's
 * facts made under the same generations still hold.
 */
export class RubricGenerations {
  figures = 0;
  names = 0;
  /** The last change, when it was one of leaf weights only. */
  weightStep: WeightStep | undefined;
  private document: DocumentAnalysis | undefined;
  private index: RubricIndex | undefined;
  private figuresPrint: string | undefined;
  private namesPrint: string | undefined;
  private weightlessPrint: string | undefined;

  indexOf(document: DocumentAnalysis): RubricIndex {
    if (document !== this.document || !this.index) {
      const before = this.document;
      const from = { figures: this.figures, names: this.names };
      this.document = document;
      this.index = indexRubric(document);
      const { figures, names, weightless } = rubricFingerprints(document);
      if (figures !== this.figuresPrint) this.figures++;
      if (names !== this.namesPrint) this.names++;
      const to = { figures: this.figures, names: this.names };
      this.weightStep = before && from.figures !== to.figures && weightless === this.weightlessPrint ? weightStep(before, document, from, to) : undefined;
      [this.figuresPrint, this.namesPrint, this.weightlessPrint] = [figures, names, weightless];
    }
    return this.index;
  }
}

/**
 * The leaves whose weights changed between two rubrics alike but for weights (see
 * rubricFingerprints), when it is a change an entry's figures can be kept across: undefined when
 * a changed leaf is not plainly scored (levels, deductions, a formula, rounds, its own `out_of`),
 * a changed group scales its items (`out_of`), the rubric works points out from measurements or
 * rounds (a formula or a round may read weights), or a veto's threshold is a share of a weight
 * that changed.
 */
function weightStep(before: DocumentAnalysis, after: DocumentAnalysis, from: WeightStep['from'], to: WeightStep['to']): WeightStep | undefined {
  const old = before.model.allIndicators;
  const now = after.model.allIndicators;
  if (old.length !== now.length) return undefined;
  if (now.some((indicator) => indicator.scoring?.formula !== undefined || indicator.scoring?.rounds !== undefined)) return undefined;
  const leaves: WeightStep['leaves'] = [];
  const changed = new Set<string>();
  const same = (a: Decimal | undefined, b: Decimal | undefined) => (a === undefined ? b === undefined : b !== undefined && a.eq(b));
  for (let i = 0; i < now.length; i++) {
    const [was, is] = [old[i], now[i]];
    if (!same(was.effectiveWeight, is.effectiveWeight) || !same(was.itemsSum, is.itemsSum) || !same(was.weight?.value, is.weight?.value)) {
      if (is.key !== undefined) changed.add(is.key);
      if (was.key !== undefined) changed.add(was.key);
    }
    if (same(was.weight?.value, is.weight?.value)) continue;
    if (plainGroup(was) && plainGroup(is)) continue;
    if (!plainLeaf(was) || !plainLeaf(is)) return undefined;
    leaves.push({ key: is.key, before: was.weight?.value, after: is.weight?.value });
  }
  for (const veto of after.model.veto.items) {
    const key = veto.when?.indicator?.value;
    if (veto.when?.below?.value?.kind === 'percent' && (key === undefined || changed.has(key))) return undefined;
  }
  return { from, to, leaves };
}

/** A group whose points are its items' added up: its weight is not read. */
function plainGroup(indicator: IndicatorModel): boolean {
  return !isLeaf(indicator) && indicator.outOf === undefined;
}

/** A leaf scored by the points written for it, on its weight's scale. */
function plainLeaf(indicator: IndicatorModel): boolean {
  return isLeaf(indicator) && indicator.scoring === undefined && indicator.outOf === undefined;
}

/**
 * What of a rubric an entry's facts read: its figures and ids, its subjects and groups, tiers
 * and vetoes (`figures`), and with them the names its findings and workings show (`names`); not
 * where they are written, nor the YAML tree. Two rubrics alike here give every entry the same
 * total, steps and findings (a keystroke in a criteria text changes nothing of it; one in a
 * name, only the words). `weightless`: everything but the indicators' weights and their sums, so
 * that a change of weights alone is known as one (see WeightStep). One walk makes all three: it
 * runs on every keystroke in the rubric.
 */
function rubricFingerprints(document: DocumentAnalysis): { figures: string; names: string; weightless: string } {
  const figures: string[] = [];
  const names: string[] = [];
  const weightless: string[] = [];
  const indicators = new Set<unknown>(document.model.allIndicators);
  let inWeight = false;
  const put = (part: string, inName: boolean) => {
    names.push(part);
    if (!inWeight) weightless.push(part);
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
      const weight = !inWeight && ((WEIGHT_FIELDS.has(key) && indicators.has(value)) || (TOTAL_FIELDS.has(key) && value === document.model));
      if (weight) inWeight = true;
      walk(child, inName || key === 'name' || key === 'title');
      if (weight) inWeight = false;
    }
    put('}', inName);
  };
  walk(document.model, false);
  return { figures: figures.join(' '), names: names.join(' '), weightless: weightless.join(' ') };
}
