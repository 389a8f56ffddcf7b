import { Field } from '../../yaml/field';
import type { TextEdit } from '../../service-types';
import { ScoresheetAnalysis } from '../types';

/**
 * When an indicator's id is renamed in the rubric: the edits that keep a scoresheet pointing at
 * it, in `points` (the sheet's and each rater group's), `deductions` and `tie-break`.
 */
export function renameIndicatorInScoresheet(analysis: ScoresheetAnalysis, oldKey: string, newKey: string): TextEdit[] {
  const model = analysis.model;
  if (!model || oldKey === newKey) return [];
  const newText = /^[\p{L}\p{N}_-]+$/u.test(newKey) ? newKey : JSON.stringify(newKey);
  const fields: Field<string>[] = [];
  for (const entry of model.scores.items) {
    fields.push(...entry.points.map((p) => p.key));
    for (const view of entry.by) if (view.kind === 'points') fields.push(...view.points.map((p) => p.key));
    // A leaf with several rules repeats its key once per rule: edit it once.
    for (const deduction of entry.deductions) if (!fields.includes(deduction.indicator)) fields.push(deduction.indicator);
  }
  fields.push(...model.tieBreak.items);
  const seen = new Set<number>();
  return fields
    .filter((f) => f.value === oldKey && !seen.has(f.span.start) && seen.add(f.span.start))
    .sort((a, b) => a.span.start - b.span.start)
    .map((f) => ({ span: f.keySpan, newText }));
}
