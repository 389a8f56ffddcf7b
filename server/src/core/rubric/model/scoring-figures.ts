import { Decimal, ONE, sum, ZERO } from '../../decimal';
import { IndicatorModel, RubricModel } from './rubric-model';

/**
 * The most points deductions can take off a scored item: each rule's cap added up (a one-off
 * rule costs its points, a per-case rule at most its `max`), never more than the item keeps above
 * its floor. Undefined while a figure it needs is unknown.
 */
export function largestLoss(indicator: IndicatorModel): Decimal | undefined {
  const scoring = indicator.scoring;
  // On a leaf's own scale (`out_of` on a leaf), where its deductions are made.
  const weight = !indicator.items?.length && indicator.outOf ? indicator.outOf.value : indicator.effectiveWeight;
  if (!scoring || weight === undefined) return undefined;
  const floor = scoring.floor ? scoring.floor.value : ZERO;
  if (floor === undefined) return undefined;
  const room = weight.minus(floor).gt(ZERO) ? weight.minus(floor) : ZERO;
  // A one-off rule with a range (`points: [5, 15]`) costs at most its upper end.
  const caps = scoring.rules.map((rule) => (rule.when ? (rule.points?.value ?? rule.range?.value?.max) : rule.max ? rule.max.value : room));
  // `deduct: 2` per case has no cap of its own: the floor stops it.
  if (scoring.deduct) caps.push(room);
  if (caps.length === 0 || caps.some((c) => c === undefined)) return undefined;
  const total = sum(caps as Decimal[]);
  return total.lt(room) ? total : room;
}

/**
 * What one point of an indicator counts in the whole: 1, times weight / out_of for every
 * composite group above it (an item of a 100-point sheet counted at 70 counts 0.7). Undefined
 * while a group's figures are unknown.
 */
export function pointValue(model: RubricModel, indicator: IndicatorModel): Decimal | undefined {
  let factor: Decimal | undefined = ONE;
  let items = model.indicators.items;
  for (const index of indicator.path.slice(0, -1)) {
    const group = items[index];
    if (!group) return undefined;
    if (group.outOf) {
      const weight = group.weight?.value;
      const outOf = group.outOf.value;
      factor = weight && outOf ? factor.times(weight).div(outOf) : undefined;
      if (!factor) return undefined;
    }
    items = group.items ?? [];
  }
  return factor;
}
