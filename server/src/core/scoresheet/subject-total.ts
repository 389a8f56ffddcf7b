import Big from 'big.js';
import { Decimal, exactText, HUNDRED, sum, ZERO } from '../decimal';
import { LocalizedText, text } from '../text/locale';
import { BonusItemModel, ExtraPointsModel, IndicatorModel } from '../rubric/model/rubric-model';
import { EntryAggregates } from './measured';
import { displayName, RubricIndex } from './rubric-index';
import { SheetExtras, sheetExtras } from './sheet-extras';
import { evaluateSheet, usableCases } from './sheet-total';
import { KeyedFigure, RaterView, SubjectScoresModel, TotalStep } from './types';
import type { SubjectRounds } from './rounds/sheet-rounds';

/** A subject's total and how it was reached; undefined while any figure it needs is unknown. */
export interface SubjectOutcome {
  total: Decimal | undefined;
  /** Worked out when first read (see SheetOutcome.steps). */
  readonly steps: TotalStep[];
  /** An indicator's points (with raters: weighted like the total), for tie-breaks and threshold vetoes. */
  own(indicator: IndicatorModel): Decimal | undefined;
}

/** A view's total as written, when usable: from 0 to the rubric's total. */
export function usableViewTotal(index: RubricIndex, value: Decimal | undefined): Decimal | undefined {
  const total = index.model.total;
  return value !== undefined && total !== undefined && value.gte(0) && value.lte(total) ? value : undefined;
}

/** Bonus or penalty points of one entry: the points given (at most the item's), or points × cases for a `per` item. */
export function extraPointsOf(item: BonusItemModel | undefined, figure: KeyedFigure): Decimal | undefined {
  const points = item?.points?.value;
  if (!item || points === undefined) return undefined;
  if (figure.blank) return ZERO;
  if (item.per) {
    const cases = usableCases(figure);
    return cases === undefined ? undefined : points.times(cases);
  }
  const value = figure.value.value;
  return value !== undefined && value.gte(0) && value.lte(points) ? value : undefined;
}

interface Extra {
  points: Decimal | undefined;
  step?: TotalStep;
}

function extra(kind: 'bonus' | 'penalties', model: ExtraPointsModel | undefined, items: Map<string, BonusItemModel>, figures: readonly KeyedFigure[]): Extra {
  if (figures.length === 0) return { points: ZERO };
  const values = figures.map((figure) => (figure.key.value === undefined ? undefined : extraPointsOf(items.get(figure.key.value), figure)));
  if (values.some((v) => v === undefined)) return { points: undefined };
  const gross = sum(values as Decimal[]);
  const cap = model?.cap ? model.cap.value : undefined;
  if (model?.cap && cap === undefined) return { points: undefined };
  const net = cap !== undefined && gross.gt(cap) ? cap : gross;
  const terms = (values as Decimal[]).map(exactText).join(' + ');
  const line = figures.length > 1 ? `${terms} = ${exactText(gross)}` : exactText(gross);
  const working = net.eq(gross) ? text(line, line) : text(`${line}, capped at ${exactText(cap!)}`, `${line}，上限 ${exactText(cap!)}`);
  const label = kind === 'bonus' ? text('Bonus', '加分') : text('Penalties', '减分');
  return { points: net, step: { label, points: kind === 'bonus' ? net : net.neg(), working } };
}

interface ViewFigures {
  total: Decimal | undefined;
  own?: (indicator: IndicatorModel) => Decimal | undefined;
  working: string;
}

function viewFigures(index: RubricIndex, view: RaterView, entry: SubjectScoresModel, extras: SheetExtras): ViewFigures {
  if (view.kind === 'total') {
    const total = view.blank ? undefined : usableViewTotal(index, view.total.value);
    return { total, working: total === undefined ? '?' : exactText(total) };
  }
  if (view.kind === 'raters') {
    const totals = view.totals.map((t) => usableViewTotal(index, t.value));
    if (totals.length === 0 || totals.some((t) => t === undefined)) return { total: undefined, working: '?' };
    const average = sum(totals as Decimal[]).div(totals.length);
    const written = (totals as Decimal[]).map(exactText).join(' + ');
    return { total: average, working: totals.length > 1 ? `(${written}) / ${totals.length}` : written };
  }
  const sheet = evaluateSheet(index, view.points, entry.deductions, extras);
  return { total: sheet.total, own: sheet.own, working: sheet.total === undefined ? '?' : `Σ ${exactText(sheet.total)}` };
}

/** With raters: Σ rater weight × view total / 100 (a list of raters averaged first). */
function raterTotal(
  index: RubricIndex,
  entry: SubjectScoresModel,
  extras: SheetExtras,
): { total: Decimal | undefined; steps: TotalStep[]; own: SubjectOutcome['own'] } {
  const raters = index.model.raters.items;
  const views = new Map<string, RaterView>();
  let unknownRater = false;
  for (const view of entry.by) {
    const key = view.rater.value;
    if (key === undefined || !index.raters.has(key)) unknownRater = true;
    else if (!views.has(key)) views.set(key, view);
  }
  const steps: TotalStep[] = [];
  const parts: { weight: Decimal | undefined; figures: ViewFigures | undefined }[] = raters.map((rater) => {
    const view = rater.key === undefined ? undefined : views.get(rater.key);
    const figures = view && viewFigures(index, view, entry, extras);
    const weight = rater.weight?.value;
    const points = weight !== undefined && figures?.total !== undefined ? weight.times(figures.total).div(HUNDRED) : undefined;
    const weighted = weight === undefined ? '?' : `${exactText(weight)}%`;
    const line = figures ? `${weighted} × ${figures.working}${points !== undefined ? ` = ${exactText(points)}` : ''}` : '?';
    steps.push({
      label: text(displayName(rater), displayName(rater)),
      points: points ?? ZERO,
      working: figures ? text(line, line) : text('no view given', '未评分'),
    });
    return { weight, figures };
  });
  const known = !unknownRater && raters.length > 0 && parts.every((p) => p.weight !== undefined && p.figures?.total !== undefined);
  const total = known ? sum(parts.map((p) => p.weight!.times(p.figures!.total!).div(HUNDRED))) : undefined;
  const own = (indicator: IndicatorModel): Decimal | undefined => {
    if (!known || parts.some((p) => !p.figures?.own)) return undefined;
    const values = parts.map((p) => p.figures!.own!(indicator));
    if (values.some((v) => v === undefined)) return undefined;
    return sum(parts.map((p, i) => p.weight!.times(values[i]!).div(HUNDRED)));
  };
  return { total, steps, own };
}

/** Half-up (四舍五入) to the rubric's precision. */
export function roundTotal(value: Decimal, precision: number): Decimal {
  return value.round(precision, Big.roundHalfUp as 1);
}

/** `aggregates`: the group figures (best, worst, mean) the subject's formulas read; `rounds`: what its rounds give its leaves scored from rounds. */
export function evaluateSubject(index: RubricIndex, entry: SubjectScoresModel, aggregates?: EntryAggregates, rounds?: SubjectRounds): SubjectOutcome {
  const byRaters = entry.by.length > 0;
  // Measured leaves and items that do not apply: the same in every view of the subject.
  const extras = sheetExtras(entry, index, aggregates, rounds);
  let base: { total: Decimal | undefined; readonly steps: TotalStep[]; own: SubjectOutcome['own'] };
  if (byRaters) {
    base = raterTotal(index, entry, extras);
    // Points beside `by` would be a second, contradictory figure: the total is not known.
    if (entry.points.length > 0) base = { ...base, total: undefined };
  } else {
    base = evaluateSheet(index, entry.points, entry.deductions, extras);
  }
  const bonus = extra('bonus', index.model.bonus, index.bonus, entry.bonus);
  const penalties = extra('penalties', index.model.penalties, index.penalties, entry.penalties);
  let rounding: TotalStep | undefined;
  let total: Decimal | undefined;
  if (base.total !== undefined && bonus.points !== undefined && penalties.points !== undefined) {
    const raw = base.total.plus(bonus.points).minus(penalties.points);
    const precision = index.model.precision;
    total = roundTotal(raw, precision);
    if (!total.eq(raw)) rounding = { label: text('Rounding', '四舍五入'), points: total.minus(raw), working: roundingWorking(raw, total, precision) };
  }
  let steps: TotalStep[] | undefined;
  return {
    total,
    get steps() {
      return (steps ??= [...base.steps, ...(bonus.step ? [bonus.step] : []), ...(penalties.step ? [penalties.step] : []), ...(rounding ? [rounding] : [])]);
    },
    own: base.own,
  };
}

function roundingWorking(raw: Decimal, total: Decimal, precision: number): LocalizedText {
  const shown = raw.round(Math.max(precision + 4, 6), Big.roundHalfUp as 1);
  const approx = shown.eq(raw) ? exactText(raw) : `${exactText(shown)}…`;
  return text(
    `${approx} → ${exactText(total)} (half-up to ${precision} decimal${precision === 1 ? '' : 's'})`,
    `${approx} → ${exactText(total)}（四舍五入保留 ${precision} 位小数）`,
  );
}
