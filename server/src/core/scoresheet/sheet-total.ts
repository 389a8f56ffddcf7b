import { Decimal, exactText, isNegative, isWhole, sum, ZERO } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { IndicatorModel } from '../rubric/model/rubric-model';
import { isDeductLeaf, isLeaf, RubricIndex, ruleByKey } from './rubric-index';
import { DeductionEntry, KeyedFigure, TotalStep } from './types';

/**
 * One sheet's figures (the subject's own sheet, or one rater group's points): each leaf's points
 * after its deductions, what each indicator adds up to, and the steps that explain it. A figure
 * that is missing, of the wrong type, out of range or keyed to nothing makes the sheet unknown.
 */
export interface SheetOutcome {
  /** An indicator's points: a leaf's own, a group's its items' (an out_of group scaled to its weight). */
  own(indicator: IndicatorModel): Decimal | undefined;
  /** Σ of the top-level indicators; undefined while any figure is unknown. */
  total: Decimal | undefined;
  /** Worked out when first read (only the hover reads them): the working of every leaf in words. */
  readonly steps: TotalStep[];
}

/** A leaf's points as written, when usable: a number from 0 to its weight. */
export function usablePoints(leaf: IndicatorModel, figure: KeyedFigure | undefined): Decimal | undefined {
  const value = figure?.value.value;
  const weight = leaf.effectiveWeight;
  if (value === undefined || weight === undefined) return undefined;
  return !isNegative(value) && value.lte(weight) ? value : undefined;
}

/** Cases as written, when usable: a whole number, 0 or more (a blank is none). */
export function usableCases(entry: DeductionEntry | KeyedFigure): Decimal | undefined {
  if (entry.blank) return ZERO;
  const value = 'cases' in entry ? entry.cases.value : entry.value.value;
  return value !== undefined && value.gte(0) && isWhole(value) ? value : undefined;
}

/** Points taken off a leaf; with `working`, the arithmetic in words is written into it (for the hover only). */
function deduction(leaf: IndicatorModel, start: Decimal, entries: readonly DeductionEntry[], working?: LocalizedText[]): Decimal | undefined {
  const scoring = leaf.scoring!;
  const floor = scoring.floor ? scoring.floor.value : ZERO;
  if (floor === undefined) return undefined;
  let raw: Decimal | undefined = ZERO;
  for (const entry of entries) {
    const cases = usableCases(entry);
    if (cases === undefined) return undefined;
    if (scoring.deduct) {
      const rate = scoring.deduct.value;
      if (entry.form !== 'count' || rate === undefined) return undefined;
      raw = raw.plus(rate.times(cases));
      working?.push(
        text(
          `${exactText(rate)} × ${exactText(cases)} = ${exactText(rate.times(cases))}`,
          `${exactText(rate)} × ${exactText(cases)} 次 = ${exactText(rate.times(cases))}`,
        ),
      );
      continue;
    }
    const rule = entry.form === 'rules' && entry.rule?.value !== undefined ? ruleByKey(leaf, entry.rule.value) : undefined;
    const points = rule?.points?.value;
    if (!rule || points === undefined) return undefined;
    const label = rule.key ?? '';
    if (rule.when) {
      const happened = cases.gt(0);
      if (happened) raw = raw.plus(points);
      working?.push(
        text(`${label}: ${happened ? `${exactText(points)} once` : 'did not happen'}`, `${label}：${happened ? `一次性扣 ${exactText(points)}` : '未发生'}`),
      );
      continue;
    }
    const gross = points.times(cases);
    const cap = rule.max ? rule.max.value : undefined;
    if (rule.max && cap === undefined) return undefined;
    const net = cap !== undefined && gross.gt(cap) ? cap : gross;
    raw = raw.plus(net);
    working?.push(
      net.eq(gross)
        ? text(
            `${label}: ${exactText(points)} × ${exactText(cases)} = ${exactText(gross)}`,
            `${label}：${exactText(points)} × ${exactText(cases)} 次 = ${exactText(gross)}`,
          )
        : text(
            `${label}: ${exactText(points)} × ${exactText(cases)} = ${exactText(gross)}, capped at ${exactText(cap!)}`,
            `${label}：${exactText(points)} × ${exactText(cases)} 次 = ${exactText(gross)}，最多扣 ${exactText(cap!)}`,
          ),
    );
  }
  // The floor stops deductions, not points written lower than it.
  const room = start.gt(floor) ? start.minus(floor) : ZERO;
  if (raw.gt(room)) {
    working?.push(text(`never below ${exactText(floor)}: ${exactText(room)} taken off`, `不低于 ${exactText(floor)} 分：实扣 ${exactText(room)}`));
    raw = room;
  }
  return raw;
}

/** Not worked out yet (an indicator's points may be known, or unknown: undefined). */
const PENDING = Symbol('pending');

/**
 * A sheet's figures. Kept in arrays by the rubric's own order (see RubricIndex.ordinal): a sheet
 * is evaluated for every subject, again for every subject whenever the rubric's figures change,
 * and maps per subject cost more in collecting their garbage than in the arithmetic.
 */
export function evaluateSheet(
  index: RubricIndex,
  points: readonly KeyedFigure[],
  deductions: readonly DeductionEntry[],
  /** The working of a leaf whose points come from elsewhere (its rounds), shown beside it. */
  leafWorking?: (leaf: IndicatorModel) => LocalizedText | undefined,
): SheetOutcome {
  const written = byLeaf(index, points, deductions);
  const leaves = leafFigures(index, written);
  const own = indicatorPoints(index, leaves.points);
  const totals = index.model.indicators.items.map(own);
  const total = written.keyedToNothing || totals.some((t) => t === undefined) ? undefined : sum(totals as Decimal[]);
  let steps: TotalStep[] | undefined;
  return {
    own,
    total,
    get steps() {
      return (steps ??= totalSteps(index, leaves, leafWorking));
    },
  };
}

/** What a sheet writes, by leaf (by slot: see RubricIndex.slotByKey); `keyedToNothing` when it names an id that is no leaf it can score. */
interface WrittenByLeaf {
  points: (KeyedFigure | undefined)[];
  deductions: (DeductionEntry[] | undefined)[] | undefined;
  keyedToNothing: boolean;
}

function byLeaf({ leaves, slotByKey }: RubricIndex, points: readonly KeyedFigure[], deductions: readonly DeductionEntry[]): WrittenByLeaf {
  const written: WrittenByLeaf = { points: new Array(leaves.length), deductions: undefined, keyedToNothing: false };
  for (const figure of points) {
    const key = figure.key.value;
    const slot = key === undefined ? undefined : slotByKey.get(key);
    if (slot === undefined) written.keyedToNothing = true;
    else if (written.points[slot] === undefined) written.points[slot] = figure;
  }
  for (const entry of deductions) {
    const key = entry.indicator.value;
    const slot = key === undefined ? undefined : slotByKey.get(key);
    if (slot === undefined || !isDeductLeaf(leaves[slot])) written.keyedToNothing = true;
    else {
      written.deductions ??= new Array(leaves.length);
      const list = written.deductions[slot];
      if (list) list.push(entry);
      else written.deductions[slot] = [entry];
    }
  }
  return written;
}

/** Each leaf's points (by place in `leaves`): where it starts, what it has after its deductions, and the leaves a deduction took points off. */
interface LeafFigures {
  start: (Decimal | undefined)[];
  points: (Decimal | undefined)[];
  deducted: [IndicatorModel, Decimal, Decimal, readonly DeductionEntry[]][];
}

function leafFigures({ leaves, leafSlot }: RubricIndex, written: WrittenByLeaf): LeafFigures {
  const figures: LeafFigures = { start: new Array(leaves.length), points: new Array(leaves.length), deducted: [] };
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i];
    const slot = leafSlot[i];
    const figure = slot < 0 ? undefined : written.points[slot];
    // 扣分制: a leaf scored by deduction starts from its weight unless points are written.
    const start = figure && !figure.blank ? usablePoints(leaf, figure) : isDeductLeaf(leaf) ? leaf.effectiveWeight : undefined;
    figures.start[i] = start;
    const entries = slot < 0 ? undefined : written.deductions?.[slot];
    if (start === undefined || entries === undefined) {
      figures.points[i] = start;
      continue;
    }
    const taken = deduction(leaf, start, entries);
    figures.points[i] = taken === undefined ? undefined : start.minus(taken);
    if (taken !== undefined && taken.gt(0)) figures.deducted.push([leaf, start, taken, entries]);
  }
  return figures;
}

/** An indicator's points from its leaves' (`source`, by place in `leaves`), each worked out once. */
function indicatorPoints(index: RubricIndex, source: readonly (Decimal | undefined)[]): (indicator: IndicatorModel) => Decimal | undefined {
  const memo: (Decimal | undefined | typeof PENDING)[] = new Array(index.model.allIndicators.length).fill(PENDING);
  const own = (indicator: IndicatorModel): Decimal | undefined => {
    const ordinal = index.ordinal.get(indicator);
    const kept = ordinal === undefined ? PENDING : memo[ordinal];
    if (kept !== PENDING) return kept;
    let value: Decimal | undefined;
    if (isLeaf(indicator)) {
      const place = ordinal === undefined ? -1 : index.leafPlace[ordinal];
      value = place < 0 ? undefined : source[place];
    } else {
      let known = true;
      value = ZERO;
      for (const item of indicator.items!) {
        const part = own(item);
        if (part === undefined) known = false;
        else if (known) value = value.plus(part);
      }
      if (!known) value = undefined;
      if (value !== undefined && indicator.outOf) {
        const weight = indicator.weight?.value;
        const outOf = indicator.outOf.value;
        value = weight && outOf ? value.times(weight).div(outOf) : undefined;
      }
    }
    if (ordinal !== undefined) memo[ordinal] = value;
    return value;
  };
  return own;
}

/** The working in words: each top-level indicator's points as written, then what each deduction under it took off. */
function totalSteps(index: RubricIndex, leaves: LeafFigures, leafWorking?: (leaf: IndicatorModel) => LocalizedText | undefined): TotalStep[] {
  const worked: TotalStep[] = [];
  const deductionSteps = deductionStepsOf(index, leaves.deducted);
  const ownStart = indicatorPoints(index, leaves.start);
  for (const indicator of index.model.indicators.items) {
    const start = ownStart(indicator);
    worked.push({
      label: text(indicator.name?.value ?? indicator.key ?? '?', indicator.name?.value ?? indicator.key ?? '?'),
      points: start ?? ZERO,
      working: groupWorking(indicator, ownStart, start) ?? leafWorking?.(indicator) ?? (start === undefined ? text('not known yet', '尚不确定') : undefined),
    });
    if (deductionSteps.size === 0) continue;
    for (const leaf of leavesUnder(indicator)) {
      const step = deductionSteps.get(leaf);
      if (step) worked.push(step);
    }
  }
  return worked;
}

function deductionStepsOf(index: RubricIndex, deducted: LeafFigures['deducted']): Map<IndicatorModel, TotalStep> {
  const deductionSteps = new Map<IndicatorModel, TotalStep>();
  for (const [leaf, start, taken, entries] of deducted) {
    const working: LocalizedText[] = [];
    deduction(leaf, start, entries, working);
    const factor = index.factor.get(leaf);
    const counted = factor === undefined ? undefined : taken.times(factor);
    deductionSteps.set(leaf, {
      label: text(`Deductions: ${leaf.name?.value ?? leaf.key}`, `扣分：${leaf.name?.value ?? leaf.key}`),
      points: (counted ?? taken).neg(),
      working: joinWorkings(working, factor),
    });
  }
  return deductionSteps;
}

function leavesUnder(indicator: IndicatorModel): IndicatorModel[] {
  return isLeaf(indicator) ? [indicator] : indicator.items!.flatMap(leavesUnder);
}

/** `15 + 8 = 23`, `(56 + 38) × 0.3 / 100 + 1.1 = 1.382`: a group's items as they add up, nested groups inline. */
function groupWorking(indicator: IndicatorModel, own: (i: IndicatorModel) => Decimal | undefined, start: Decimal | undefined): LocalizedText | undefined {
  if (isLeaf(indicator) || start === undefined) return undefined;
  const line = `${term(indicator, own, true)} = ${exactText(own(indicator) ?? ZERO)}`;
  return text(line, line);
}

/** How one indicator's points are written inside its parent's working. */
function term(indicator: IndicatorModel, own: (i: IndicatorModel) => Decimal | undefined, outermost = false): string {
  if (isLeaf(indicator)) {
    const value = own(indicator);
    return value === undefined ? '?' : exactText(value);
  }
  const parts = indicator.items!.map((item) => term(item, own));
  const sum = parts.join(' + ');
  if (indicator.outOf?.value && indicator.weight?.value) {
    return `${parts.length > 1 ? `(${sum})` : sum} × ${exactText(indicator.weight.value)} / ${exactText(indicator.outOf.value)}`;
  }
  return outermost || parts.length === 1 ? sum : `(${sum})`;
}

function joinWorkings(workings: readonly LocalizedText[], factor: Decimal | undefined): LocalizedText {
  const en = workings.map((w) => w.en).join('; ');
  const zh = workings.map((w) => w['zh-CN']).join('；');
  if (factor === undefined || factor.eq(1)) return text(en, zh);
  return text(`${en}; counted × ${exactText(factor)}`, `${zh}；折算 × ${exactText(factor)}`);
}
