import { Field } from '../../yaml/field';
import type { TextEdit } from '../../service-types';
import { writtenId } from '../../rubric/services/references';
import { ScoresheetAnalysis } from '../types';

/** A rename made in a rubric that the scoresheets scoring it follow: an indicator's id, or a measured input's id within its indicator. */
export type RubricRename = { kind: 'indicator'; oldKey: string; newName: string } | { kind: 'input'; indicator: string; oldKey: string; newName: string };

/** The edits that keep a scoresheet pointing at what a rename in its rubric renamed. */
export function followRubricRename(analysis: ScoresheetAnalysis, rename: RubricRename): TextEdit[] {
  return rename.kind === 'indicator'
    ? renameIndicatorInScoresheet(analysis, rename.oldKey, rename.newName)
    : renameInputInScoresheet(analysis, rename.indicator, rename.oldKey, rename.newName);
}

/**
 * When an indicator's id is renamed in the rubric: the edits that keep a scoresheet pointing at
 * it, in `points` (the sheet's and each rater group's), `deductions`, `measured`,
 * `not_applicable` and `tie-break`.
 */
export function renameIndicatorInScoresheet(analysis: ScoresheetAnalysis, oldKey: string, newKey: string): TextEdit[] {
  const model = analysis.model;
  if (!model || oldKey === newKey) return [];
  const fields: Field<string>[] = [];
  for (const entry of model.scores.items) {
    fields.push(...entry.points.map((p) => p.key));
    for (const view of entry.by) if (view.kind === 'points') fields.push(...view.points.map((p) => p.key));
    // A leaf with several rules repeats its key once per rule, a measured leaf once per input: each is edited once (below, by span).
    fields.push(...entry.deductions.map((d) => d.indicator), ...entry.measured.map((m) => m.indicator), ...entry.notApplicable);
  }
  fields.push(...model.tieBreak.items);
  return editsAt(fields, oldKey, writtenId(newKey));
}

/**
 * When a measured input's id is renamed in the rubric: the edits that keep a scoresheet's
 * figures recorded under it, `measured: {indicator: {input: …}}`, for that indicator only (another
 * indicator's input of the same id stays).
 */
export function renameInputInScoresheet(analysis: ScoresheetAnalysis, indicator: string, oldKey: string, newKey: string): TextEdit[] {
  const model = analysis.model;
  if (!model || oldKey === newKey) return [];
  const fields = model.scores.items.flatMap((entry) => entry.measured.filter((m) => m.indicator.value === indicator).map((m) => m.input));
  return editsAt(fields, oldKey, writtenId(newKey));
}

/** One edit per place the old id is written (a key read twice is edited once), in text order. */
function editsAt(fields: Field<string>[], oldKey: string, newText: string): TextEdit[] {
  const seen = new Set<number>();
  return fields
    .filter((f) => f.value === oldKey && !seen.has(f.keySpan.start) && seen.add(f.keySpan.start))
    .sort((a, b) => a.keySpan.start - b.keySpan.start)
    .map((f) => ({ span: f.keySpan, newText }));
}
