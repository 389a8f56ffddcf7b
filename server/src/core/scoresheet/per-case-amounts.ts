import { Decimal, exactText, sum, ZERO } from '../decimal';
import { DeductRuleModel, PointsRange } from '../rubric/model/rubric-model';
import { LocalizedText, text } from '../text/locale';
import { ruleName } from './rubric-index';
import { DeductionEntry } from './types';

/**
 * A deduction rule whose amount the scorer sets case by case within a range (`points: [5, 15]`,
 * 视火灾面积扣分5—15分/次): the scoresheet writes one amount per case (`{fire: [5, 12]}`).
 */

/** An amount within the rule's range (both ends allowed). */
export function withinRange(range: PointsRange, amount: Decimal): boolean {
  return amount.gte(range.min) && amount.lte(range.max);
}

/** What the cases take off, capped by the rule's `max`; undefined unless every amount is usable. With `working`, the arithmetic in words is written into it. */
export function amountsDeduction(rule: DeductRuleModel, entry: DeductionEntry, working?: LocalizedText[]): Decimal | undefined {
  const range = rule.range?.value;
  if (entry.blank) return ZERO;
  if (!range || !entry.amounts) return undefined;
  const amounts = entry.amounts.map((a) => a.value);
  if (amounts.some((a) => a === undefined || !withinRange(range, a))) return undefined;
  // A one-off rule happens once at most.
  if (rule.when && amounts.length > 1) return undefined;
  const gross = sum(amounts as Decimal[]);
  const cap = rule.max ? rule.max.value : undefined;
  if (rule.max && cap === undefined) return undefined;
  const net = cap !== undefined && gross.gt(cap) ? cap : gross;
  const label = ruleName(rule);
  const terms = (amounts as Decimal[]).map(exactText);
  const line = amounts.length === 0 ? '0' : amounts.length === 1 ? terms[0] : `${terms.join(' + ')} = ${exactText(gross)}`;
  working?.push(
    net.eq(gross)
      ? text(`${label}: ${line}`, `${label}：${line}`)
      : text(`${label}: ${line}, capped at ${exactText(cap!)}`, `${label}：${line}，最多扣 ${exactText(cap!)}`),
  );
  return net;
}
