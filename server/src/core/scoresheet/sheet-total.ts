import { cutFraction, Decimal, exactText, isNegative, isWhole, sum, ZERO } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { ownScaleFactor, scaleOf } from '../rubric/model/measure';
import { IndicatorModel } from '../rubric/model/rubric-model';
import { measuredWorking } from './measured';
import { amountsDeduction } from './per-case-amounts';
import { isDeductLeaf, isLeaf, RubricIndex, ruleByKey, ruleName } from './rubric-index';
import { rescaled, SheetExtras } from './sheet-extras';
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

/** A leaf's points as written, when usable: a number from 0 to its weight (its `out_of` on a leaf scored on its own scale). */
export function usablePoints(leaf: IndicatorModel, figure: KeyedFigure | undefined): Decimal | undefined {
  const value = figure?.value.value;
  const weight = scaleOf(leaf);
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
    const ranged = entry.form === 'rules' && entry.rule?.value !== undefined ? ruleByKey(leaf, entry.rule.value) : undefined;
    if (ranged?.range || entry.amounts) {
      // `points: [5, 15]`: the amounts set case by case.
      const taken = ranged && !scoring.deduct ? amountsDeduction(ranged, entry, working) : undefined;
      if (taken === undefined) return undefined;
      raw = raw.plus(taken);
      continue;
    }
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
    const label = ruleName(rule);
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
export function evaluateSheet(index: RubricIndex, points: readonly KeyedFigure[], deductions: readonly DeductionEntry[], extras?: SheetExtras): SheetOutcome {
  const written = byLeaf(index, points, deductions, extras);
  const leaves = leafFigures(index, written, extras);
  const own = indicatorPoints(index, leaves.points);
  const totals = index.model.indicators.items.map(own);
  let total = written.keyedToNothing || extras?.unsettled || totals.some((t) => t === undefined) ? undefined : sum(totals as Decimal[]);
  // 缺项比率计分法: over the items that apply.
  const rescale = total !== undefined && extras?.rescale ? rescaled(index, total, extras) : undefined;
  if (rescale) total = rescale.total;
  let steps: TotalStep[] | undefined;
  return {
    own,
    total,
    get steps() {
      if (steps) return steps;
      steps = totalSteps(index, leaves, extras);
      if (rescale) {
        const before = sum(totals as Decimal[]);
        steps.push({
          label: text('Items that do not apply (rescaled)', '缺项折算'),
          points: rescale.total === undefined ? ZERO : rescale.total.minus(before),
          working: rescale.working,
        });
      }
      return steps;
    },
  };
}

/** What a sheet writes, by leaf (by slot: see RubricIndex.slotByKey); `keyedToNothing` when it names an id that is no leaf it can score. */
interface WrittenByLeaf {
  points: (KeyedFigure | undefined)[];
  deductions: (DeductionEntry[] | undefined)[] | undefined;
  keyedToNothing: boolean;
}

function byLeaf(
  { leaves, slotByKey }: RubricIndex,
  points: readonly KeyedFigure[],
  deductions: readonly DeductionEntry[],
  extras: SheetExtras | undefined,
): WrittenByLeaf {
  const written: WrittenByLeaf = { points: new Array(leaves.length), deductions: undefined, keyedToNothing: false };
  for (const figure of points) {
    const key = figure.key.value;
    const slot = key === undefined ? undefined : slotByKey.get(key);
    // Points written for a leaf worked out from measurements, or one that does not apply, contradict it.
    const contradicts = slot !== undefined && extras !== undefined && (extras.measured.has(leaves[slot]) || extras.inapplicable.has(leaves[slot]));
    if (slot === undefined || (contradicts && !figure.blank)) written.keyedToNothing = true;
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

function leafFigures({ leaves, leafSlot }: RubricIndex, written: WrittenByLeaf, extras: SheetExtras | undefined): LeafFigures {
  const figures: LeafFigures = { start: new Array(leaves.length), points: new Array(leaves.length), deducted: [] };
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i];
    const slot = leafSlot[i];
    const figure = slot < 0 ? undefined : written.points[slot];
    // An item that does not apply counts nothing; the rescaling takes it out of the base.
    if (extras?.inapplicable.has(leaf)) {
      figures.start[i] = figures.points[i] = ZERO;
      continue;
    }
    const measured = extras?.measured.get(leaf);
    const fromRounds = extras?.rounds?.pointsOf(leaf);
    // 扣分制: a leaf scored by deduction starts from its weight unless points are written.
    const start = fromRounds
      ? fromRounds.points
      : measured
        ? measured.points
        : figure && !figure.blank
          ? usablePoints(leaf, figure)
          : isDeductLeaf(leaf)
            ? scaleOf(leaf)
            : undefined;
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
      // Scored on its own scale (`out_of` on a leaf): counted at its weight.
      if (value !== undefined && indicator.outOf) {
        const factor = ownScaleFactor(indicator);
        value = factor ? value.times(factor) : undefined;
      }
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
function totalSteps(index: RubricIndex, leaves: LeafFigures, extras?: SheetExtras): TotalStep[] {
  const worked: TotalStep[] = [];
  const deductionSteps = deductionStepsOf(index, leaves.deducted);
  const ownStart = indicatorPoints(index, leaves.start);
  for (const indicator of index.model.indicators.items) {
    const start = ownStart(indicator);
    const working = start === undefined ? text('not known yet', '尚不确定') : groupWorking(indicator, ownStart);
    worked.push({
      label: text(indicator.name?.value ?? indicator.key ?? '?', indicator.name?.value ?? indicator.key ?? '?'),
      points: start ?? ZERO,
      working: withExtras(indicator, working, extras, (leaf) => leafStart(index, leaves, leaf)),
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
function groupWorking(indicator: IndicatorModel, own: (i: IndicatorModel) => Decimal | undefined): LocalizedText | undefined {
  if (isLeaf(indicator)) return undefined;
  const line = `${term(indicator, own, true)} = ${workingFigure(own(indicator) ?? ZERO)}`;
  return text(line, line);
}

/** Places past which a figure in a group's working is cut (a formula's division leaves 20). */
const WORKING_PLACES = 8;

/**
 * A figure as a group's working shows it: exact, or, when a formula's division left a long
 * fraction (0.24923076923076923077), its first places and an ellipsis (0.249231…), as exactText
 * shows a fraction too long to read. The total beside it is exact.
 */
function workingFigure(value: Decimal): string {
  const exact = exactText(value);
  const places = exact.split('.')[1]?.length ?? 0;
  return places <= WORKING_PLACES || exact.endsWith('…') ? exact : cutFraction(value);
}

/** How one indicator's points are written inside its parent's working. */
function term(indicator: IndicatorModel, own: (i: IndicatorModel) => Decimal | undefined, outermost = false): string {
  if (isLeaf(indicator)) {
    const value = own(indicator);
    return value === undefined ? '?' : workingFigure(value);
  }
  const parts = indicator.items!.map((item) => term(item, own));
  const sum = parts.join(' + ');
  if (indicator.outOf?.value && indicator.weight?.value) {
    return `${parts.length > 1 ? `(${sum})` : sum} × ${exactText(indicator.weight.value)} / ${exactText(indicator.outOf.value)}`;
  }
  return outermost || parts.length === 1 ? sum : `(${sum})`;
}

function leafStart(index: RubricIndex, leaves: LeafFigures, leaf: IndicatorModel): Decimal | undefined {
  const ordinal = index.ordinal.get(leaf);
  const place = ordinal === undefined ? -1 : index.leafPlace[ordinal];
  return place < 0 ? undefined : leaves.start[place];
}

/**
 * A step's working with what its leaves' own figures came to: a measured leaf's formula (`8 / 10 ×
 * 30 × 80% = 19.2`), a leaf on its own scale (`88 × 40 / 100 = 35.2`), an item that does not apply.
 */
function withExtras(
  indicator: IndicatorModel,
  working: LocalizedText | undefined,
  extras: SheetExtras | undefined,
  start: (leaf: IndicatorModel) => Decimal | undefined,
): LocalizedText | undefined {
  if (extras?.inapplicable.has(indicator)) return text('does not apply', '不适用（缺项）');
  const parts = working ? [working] : [];
  for (const leaf of leavesUnder(indicator)) {
    const name = leaf.name?.value ?? leaf.key ?? '?';
    const measured = extras?.measured.get(leaf);
    const fromRounds = extras?.rounds?.working(leaf);
    if (measured) parts.push(measuredWorking(measured, leaf !== indicator));
    else if (fromRounds) parts.push(leaf === indicator ? fromRounds : text(`${name}: ${fromRounds.en}`, `${name}：${fromRounds['zh-CN']}`));
    else if (extras?.inapplicable.has(leaf)) parts.push(text(`${name}: does not apply`, `${name}：不适用（缺项）`));
    const onScale = start(leaf);
    const factor = ownScaleFactor(leaf);
    if (onScale !== undefined && factor && leaf.outOf?.value && leaf.weight?.value && !extras?.inapplicable.has(leaf)) {
      const line = `${exactText(onScale)} × ${exactText(leaf.weight.value)} / ${exactText(leaf.outOf.value)} = ${exactText(onScale.times(factor))}`;
      parts.push(leaf === indicator ? text(line, line) : text(`${name}: ${line}`, `${name}：${line}`));
    }
  }
  return parts.length === 0 ? undefined : joinWorkings(parts, undefined);
}

function joinWorkings(workings: readonly LocalizedText[], factor: Decimal | undefined): LocalizedText {
  const en = workings.map((w) => w.en).join('; ');
  const zh = workings.map((w) => w['zh-CN']).join('；');
  if (factor === undefined || factor.eq(1)) return text(en, zh);
  return text(`${en}; counted × ${exactText(factor)}`, `${zh}；折算 × ${exactText(factor)}`);
}
