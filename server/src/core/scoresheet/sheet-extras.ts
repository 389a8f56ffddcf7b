import { Decimal, exactText, formatDecimal, ZERO } from '../decimal';
import { pointValue } from '../rubric/model/scoring-figures';
import { IndicatorModel } from '../rubric/model/rubric-model';
import { LocalizedText, text } from '../text/locale';
import { EntryAggregates, measuredOutcomes, MeasuredOutcome } from './measured';
import { RubricIndex } from './rubric-index';
import { SubjectScoresModel } from './types';
import type { SubjectRounds } from './rounds/sheet-rounds';

/**
 * What a sheet's total reads of an entry beyond its points and deductions: the points of its
 * measured leaves, and the items that do not apply to it (缺项, with `not_applicable: rescale`).
 * The same for every rater group's view of the subject.
 */
export interface SheetExtras {
  /** Each measured leaf that applies to the subject, worked out. */
  measured: ReadonlyMap<IndicatorModel, MeasuredOutcome>;
  /** The indicators that do not apply: those listed, and everything under a listed group. */
  inapplicable: ReadonlySet<IndicatorModel>;
  /** The listed ones that no listed group holds: what leaves the base of the total. */
  inapplicableTops: readonly IndicatorModel[];
  /** Items that do not apply are listed, and the rubric says how to count them (`not_applicable: rescale`). */
  rescale: boolean;
  /** Items are listed but the rubric does not say how to count them: the total is not known. */
  unsettled: boolean;
  /** What the subject's rounds give its leaves scored `{rounds: mean|sum}`; a figure written for such a leaf is not read. */
  rounds?: SubjectRounds;
}

export function sheetExtras(entry: SubjectScoresModel, index: RubricIndex, aggregates: EntryAggregates | undefined, rounds?: SubjectRounds): SheetExtras {
  const inapplicable = new Set<IndicatorModel>();
  const tops: IndicatorModel[] = [];
  for (const field of entry.notApplicable) {
    const indicator = field.value === undefined ? undefined : index.indicators.get(field.value);
    if (!indicator || inapplicable.has(indicator)) continue;
    tops.push(indicator);
    const mark = (i: IndicatorModel): void => {
      inapplicable.add(i);
      i.items?.forEach(mark);
    };
    mark(indicator);
  }
  // A group listed after one of its items: the item is no longer a top of its own.
  const inapplicableTops = tops.filter((indicator) => !tops.some((other) => other !== indicator && isAbove(other, indicator)));
  const listed = inapplicableTops.length > 0;
  const rescale = listed && index.model.notApplicable?.value === 'rescale';
  return {
    measured: measuredOutcomes(entry, index, aggregates),
    inapplicable,
    inapplicableTops,
    rescale,
    unsettled: listed && !rescale,
    ...(rounds ? { rounds } : {}),
  };
}

function isAbove(group: IndicatorModel, indicator: IndicatorModel): boolean {
  return group.path.length < indicator.path.length && group.path.every((step, i) => indicator.path[i] === step);
}

/**
 * 缺项比率计分法: the points over the items that apply ÷ their weights × total (88 of 90
 * applicable points is 88 ÷ 90 × 100 = 97.78). Undefined while a weight is unknown, or when
 * nothing applies.
 */
export function rescaled(index: RubricIndex, points: Decimal, extras: SheetExtras): { total?: Decimal; working: LocalizedText } {
  const total = index.model.total;
  let left = total;
  for (const indicator of extras.inapplicableTops) {
    const weight = indicator.effectiveWeight;
    const factor = pointValue(index.model, indicator);
    left = left !== undefined && weight !== undefined && factor !== undefined ? left.minus(weight.times(factor)) : undefined;
  }
  if (total === undefined || left === undefined) return { working: text('a weight is not known', '有分值尚不确定') };
  if (!left.gt(ZERO)) return { working: text('no item applies', '没有适用的考核项目') };
  const value = points.times(total).div(left);
  const shown = formatDecimal(value, Math.max(index.model.precision + 2, 4));
  const line = `${exactText(points)} ÷ ${exactText(left)} × ${exactText(total)} ${value.eq(shown) ? '=' : '≈'} ${shown}`;
  return {
    total: value,
    working: text(`${line} (the items that apply are worth ${exactText(left)})`, `${line}（适用项目分值合计 ${exactText(left)}）`),
  };
}
