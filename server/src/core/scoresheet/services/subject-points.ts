import { Decimal } from '../../decimal';
import { appliesNot, groupAggregates, inapplicableKeys } from '../measured';
import { evaluateSubject } from '../subject-total';
import { pointValue } from '../../rubric/model/scoring-figures';
import { ScoresheetAnalysis } from '../types';
import { rubricIndexOf } from './locate';

/**
 * Each subject's points per scored leaf as they count in its total (`rubric rank --detail`): a
 * measured leaf's formula worked out, a leaf scored out of 100 scaled to its weight, deductions
 * taken; null while unknown or where the item does not apply to the subject. By subject name
 * (its first entry), leaves in the rubric's order.
 */
export function subjectLeafPoints(analysis: ScoresheetAnalysis): Map<string, { indicator: string; points: Decimal | null }[]> {
  const index = rubricIndexOf(analysis);
  const result = new Map<string, { indicator: string; points: Decimal | null }[]>();
  const items = analysis.model?.scores.items ?? [];
  if (!index) return result;
  const aggregates = groupAggregates(items, index);
  for (const subject of analysis.subjects) {
    const entry = items[subject.index];
    if (!entry || result.has(subject.subject)) continue;
    const outcome = evaluateSubject(index, entry, aggregates?.(entry));
    const inapplicable = inapplicableKeys(entry);
    result.set(
      subject.subject,
      index.leaves.flatMap((leaf) => {
        const key = leaf.key;
        if (key === undefined) return [];
        const own = appliesNot(index, leaf, inapplicable) ? undefined : outcome.own(leaf);
        // A leaf's own out_of is in its points already; a composite group above it scales them.
        const factor = pointValue(index.model, leaf);
        return [{ indicator: key, points: own === undefined || factor === undefined ? null : own.times(factor) }];
      }),
    );
  }
  return result;
}
