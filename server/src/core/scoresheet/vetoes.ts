import { Decimal, HUNDRED } from '../decimal';
import { IndicatorModel, VetoModel } from '../rubric/model/rubric-model';
import { RubricIndex } from './rubric-index';
import { SubjectScoresModel } from './types';

/** The vetoes that apply to a subject, and what they do to its tier. */
export interface AppliedVetoes {
  ids: string[];
  /** The tier a veto forces (the worst, when several do). */
  forcedTier: number | undefined;
  /** Tiers it may not take (不得评为…). */
  barred: Set<number>;
  /** A veto written that the rubric does not have: the tier cannot be known. */
  unknown: boolean;
}

/** `below: 60%` of the indicator's weight, or `below: 6` points; undefined while a figure is unknown. */
export function thresholdPoints(veto: VetoModel, indicator: IndicatorModel): Decimal | undefined {
  const below = veto.when?.below?.value;
  if (!below) return undefined;
  if (below.kind === 'points') return below.points;
  const weight = indicator.effectiveWeight;
  return weight === undefined ? undefined : weight.times(below.percent).div(HUNDRED);
}

/** Written vetoes, and the `when` vetoes the scores set off (an indicator's points below the threshold). */
export function appliedVetoes(index: RubricIndex, entry: SubjectScoresModel, own: (indicator: IndicatorModel) => Decimal | undefined): AppliedVetoes {
  const applied: VetoModel[] = [];
  let unknown = false;
  for (const written of entry.veto) {
    const veto = written.value === undefined ? undefined : index.vetoes.get(written.value);
    if (!veto) unknown = true;
    else if (!applied.includes(veto)) applied.push(veto);
  }
  for (const veto of index.model.veto.items) {
    const key = veto.when?.indicator?.value;
    const indicator = key === undefined ? undefined : index.indicators.get(key);
    if (!indicator || applied.includes(veto)) continue;
    const threshold = thresholdPoints(veto, indicator);
    const points = own(indicator);
    if (threshold !== undefined && points !== undefined && points.lt(threshold)) applied.push(veto);
  }
  let forcedTier: number | undefined;
  const barred = new Set<number>();
  for (const veto of applied) {
    const forced = veto.tier?.value === undefined ? undefined : index.tiers.get(veto.tier.value);
    if (forced !== undefined) forcedTier = forcedTier === undefined ? forced : Math.max(forcedTier, forced);
    for (const bar of veto.bars) {
      const tier = bar.value === undefined ? undefined : index.tiers.get(bar.value);
      if (tier !== undefined) barred.add(tier);
    }
  }
  return { ids: applied.map((v) => v.key ?? '?'), forcedTier, barred, unknown };
}
