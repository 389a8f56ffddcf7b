import { Decimal, sum, ZERO } from '../decimal';
import { LocalizedText, text } from '../findings';
import { IndicatorModel } from '../model/rubric-model';
import { isDeductLeaf, isLeaf, RubricIndex, ruleByKey } from './rubric-index';
import { fig, isWhole } from './figures';
import { DeductionEntry, KeyedFigure, TotalStep } from './types';

/**
 * One sheet's figures (the subject's own sheet, or one rater group's points): each leaf's points
 * after its deductions, what each indicator adds up to, and the steps that explain it. A figure
 * that is missing, of the wrong type, out of range or keyed to nothing makes the sheet unknown.
 */
export interface SheetOutcome {
  /** Each leaf's points on its own sheet, after deductions and floor; undefined while unknown. */
  leafPoints: Map<IndicatorModel, Decimal | undefined>;
  /** An indicator's points: a leaf's own, a group's its items' (an out_of group scaled to its weight). */
  own(indicator: IndicatorModel): Decimal | undefined;
  /** Σ of the top-level indicators; undefined while any figure is unknown. */
  total: Decimal | undefined;
  /** Worked out when first read (only the hover reads them): the working of every leaf in words. */
  readonly steps: TotalStep[];
}

interface Deduction {
  /** Points taken off the leaf on its own sheet, after caps and the floor. */
  taken: Decimal | undefined;
  working: LocalizedText[];
}

/** A leaf's points as written, when usable: a number from 0 to its weight. */
export function usablePoints(leaf: IndicatorModel, figure: KeyedFigure | undefined): Decimal | undefined {
  const value = figure?.value.value;
  const weight = leaf.effectiveWeight;
  if (value === undefined || weight === undefined) return undefined;
  return value.gte(0) && value.lte(weight) ? value : undefined;
}

/** Cases as written, when usable: a whole number, 0 or more (a blank is none). */
export function usableCases(entry: DeductionEntry | KeyedFigure): Decimal | undefined {
  if (entry.blank) return ZERO;
  const value = 'cases' in entry ? entry.cases.value : entry.value.value;
  return value !== undefined && value.gte(0) && isWhole(value) ? value : undefined;
}

function deduction(leaf: IndicatorModel, start: Decimal, entries: readonly DeductionEntry[]): Deduction {
  const scoring = leaf.scoring!;
  const floor = scoring.floor ? scoring.floor.value : ZERO;
  if (floor === undefined) return { taken: undefined, working: [] };
  const working: LocalizedText[] = [];
  let raw: Decimal | undefined = ZERO;
  for (const entry of entries) {
    const cases = usableCases(entry);
    if (cases === undefined) return { taken: undefined, working };
    if (scoring.deduct) {
      const rate = scoring.deduct.value;
      if (entry.form !== 'count' || rate === undefined) return { taken: undefined, working };
      raw = raw.plus(rate.times(cases));
      working.push(text(`${fig(rate)} × ${fig(cases)} = ${fig(rate.times(cases))}`, `${fig(rate)} × ${fig(cases)} 次 = ${fig(rate.times(cases))}`));
      continue;
    }
    const rule = entry.form === 'rules' && entry.rule?.value !== undefined ? ruleByKey(leaf, entry.rule.value) : undefined;
    const points = rule?.points?.value;
    if (!rule || points === undefined) return { taken: undefined, working };
    const label = rule.key ?? '';
    if (rule.when) {
      const happened = cases.gt(0);
      if (happened) raw = raw.plus(points);
      working.push(text(`${label}: ${happened ? `${fig(points)} once` : 'did not happen'}`, `${label}：${happened ? `一次性扣 ${fig(points)}` : '未发生'}`));
      continue;
    }
    const gross = points.times(cases);
    const cap = rule.max ? rule.max.value : undefined;
    if (rule.max && cap === undefined) return { taken: undefined, working };
    const net = cap !== undefined && gross.gt(cap) ? cap : gross;
    raw = raw.plus(net);
    working.push(
      net.eq(gross)
        ? text(`${label}: ${fig(points)} × ${fig(cases)} = ${fig(gross)}`, `${label}：${fig(points)} × ${fig(cases)} 次 = ${fig(gross)}`)
        : text(
            `${label}: ${fig(points)} × ${fig(cases)} = ${fig(gross)}, capped at ${fig(cap!)}`,
            `${label}：${fig(points)} × ${fig(cases)} 次 = ${fig(gross)}，最多扣 ${fig(cap!)}`,
          ),
    );
  }
  // The floor stops deductions, not points written lower than it.
  const room = start.gt(floor) ? start.minus(floor) : ZERO;
  if (raw.gt(room)) {
    working.push(text(`never below ${fig(floor)}: ${fig(room)} taken off`, `不低于 ${fig(floor)} 分：实扣 ${fig(room)}`));
    raw = room;
  }
  return { taken: raw, working };
}

export function evaluateSheet(index: RubricIndex, points: readonly KeyedFigure[], deductions: readonly DeductionEntry[]): SheetOutcome {
  const written = new Map<string, KeyedFigure>();
  let keyedToNothing = false;
  for (const figure of points) {
    const key = figure.key.value;
    const indicator = key === undefined ? undefined : index.indicators.get(key);
    if (!indicator || !isLeaf(indicator)) keyedToNothing = true;
    else if (!written.has(key!)) written.set(key!, figure);
  }
  const byLeaf = new Map<string, DeductionEntry[]>();
  for (const entry of deductions) {
    const key = entry.indicator.value;
    const indicator = key === undefined ? undefined : index.indicators.get(key);
    if (!indicator || !isLeaf(indicator) || !isDeductLeaf(indicator)) keyedToNothing = true;
    else byLeaf.set(key!, [...(byLeaf.get(key!) ?? []), entry]);
  }

  const leafPoints = new Map<IndicatorModel, Decimal | undefined>();
  const startPoints = new Map<IndicatorModel, Decimal | undefined>();
  const deductionSteps = new Map<IndicatorModel, TotalStep>();
  for (const leaf of index.leaves) {
    const figure = leaf.key === undefined ? undefined : written.get(leaf.key);
    const deductLeaf = isDeductLeaf(leaf);
    // 扣分制: a leaf scored by deduction starts from its weight unless points are written.
    const start = figure && !figure.blank ? usablePoints(leaf, figure) : deductLeaf ? leaf.effectiveWeight : undefined;
    startPoints.set(leaf, start);
    const entries = (leaf.key !== undefined && byLeaf.get(leaf.key)) || [];
    if (start === undefined || entries.length === 0) {
      leafPoints.set(leaf, start);
      continue;
    }
    const { taken, working } = deduction(leaf, start, entries);
    leafPoints.set(leaf, taken === undefined ? undefined : start.minus(taken));
    const factor = index.factor.get(leaf);
    if (taken !== undefined && taken.gt(0)) {
      const counted = factor === undefined ? undefined : taken.times(factor);
      deductionSteps.set(leaf, {
        label: text(`Deductions: ${leaf.name?.value ?? leaf.key}`, `扣分：${leaf.name?.value ?? leaf.key}`),
        points: (counted ?? taken).neg(),
        working: joinWorkings(working, factor),
      });
    }
  }

  const memo = new Map<IndicatorModel, Decimal | undefined>();
  const ownOf = (source: Map<IndicatorModel, Decimal | undefined>, cache: Map<IndicatorModel, Decimal | undefined>) => {
    const own = (indicator: IndicatorModel): Decimal | undefined => {
      if (cache.has(indicator)) return cache.get(indicator);
      let value: Decimal | undefined;
      if (isLeaf(indicator)) value = source.get(indicator);
      else {
        const parts = indicator.items!.map(own);
        value = parts.some((p) => p === undefined) ? undefined : sum(parts as Decimal[]);
        if (value !== undefined && indicator.outOf) {
          const weight = indicator.weight?.value;
          const outOf = indicator.outOf.value;
          value = weight && outOf ? value.times(weight).div(outOf) : undefined;
        }
      }
      cache.set(indicator, value);
      return value;
    };
    return own;
  };
  const own = ownOf(leafPoints, memo);
  const ownStart = ownOf(startPoints, new Map());

  const top = index.model.indicators.items;
  const totals = top.map(own);
  const total = keyedToNothing || totals.some((t) => t === undefined) ? undefined : sum(totals as Decimal[]);
  let steps: TotalStep[] | undefined;
  const workSteps = (): TotalStep[] => {
    const worked: TotalStep[] = [];
    for (const indicator of top) {
      const start = ownStart(indicator);
      worked.push({
        label: text(indicator.name?.value ?? indicator.key ?? '?', indicator.name?.value ?? indicator.key ?? '?'),
        points: start ?? ZERO,
        working: start === undefined ? text('not known yet', '尚不确定') : groupWorking(indicator, ownStart),
      });
      if (deductionSteps.size === 0) continue;
      for (const leaf of leavesUnder(indicator)) {
        const step = deductionSteps.get(leaf);
        if (step) worked.push(step);
      }
    }
    return worked;
  };
  return {
    leafPoints,
    own,
    total,
    get steps() {
      return (steps ??= workSteps());
    },
  };
}

function leavesUnder(indicator: IndicatorModel): IndicatorModel[] {
  return isLeaf(indicator) ? [indicator] : indicator.items!.flatMap(leavesUnder);
}

/** `15 + 8 = 23`, `(56 + 38) × 0.3 / 100 + 1.1 = 1.382`: a group's items as they add up, nested groups inline. */
function groupWorking(indicator: IndicatorModel, own: (i: IndicatorModel) => Decimal | undefined): LocalizedText | undefined {
  if (isLeaf(indicator)) return undefined;
  const line = `${term(indicator, own, true)} = ${fig(own(indicator) ?? ZERO)}`;
  return text(line, line);
}

/** How one indicator's points are written inside its parent's working. */
function term(indicator: IndicatorModel, own: (i: IndicatorModel) => Decimal | undefined, outermost = false): string {
  if (isLeaf(indicator)) {
    const value = own(indicator);
    return value === undefined ? '?' : fig(value);
  }
  const parts = indicator.items!.map((item) => term(item, own));
  const sum = parts.join(' + ');
  if (indicator.outOf?.value && indicator.weight?.value) {
    return `${parts.length > 1 ? `(${sum})` : sum} × ${fig(indicator.weight.value)} / ${fig(indicator.outOf.value)}`;
  }
  return outermost || parts.length === 1 ? sum : `(${sum})`;
}

function joinWorkings(workings: readonly LocalizedText[], factor: Decimal | undefined): LocalizedText {
  const en = workings.map((w) => w.en).join('; ');
  const zh = workings.map((w) => w['zh-CN']).join('；');
  if (factor === undefined || factor.eq(1)) return text(en, zh);
  return text(`${en}; counted × ${fig(factor)}`, `${zh}；折算 × ${fig(factor)}`);
}
