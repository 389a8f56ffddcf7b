import { Field } from '../../yaml/field';
import type { TextEdit } from '../../service-types';
import { writtenId } from '../../rubric/services/references';
import { LocalizedText, text } from '../../text/locale';
import { contains } from '../../text/span';
import { displayName } from '../rubric-index';
import { ScoresheetAnalysis } from '../types';
import { entryAt, rubricIndexOf } from './locate';

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

/**
 * A rename asked in a scoresheet on a measured input's id or an indicator's id: refused, saying
 * where to do it. The id is defined in the rubric; renamed there, its formula and every open
 * scoresheet follow in one edit. Undefined elsewhere (nothing to rename there).
 */
export function scoresheetRenameRefusal(analysis: ScoresheetAnalysis, offset: number): LocalizedText | undefined {
  const entry = entryAt(analysis, offset)?.entry;
  if (!entry) return undefined;
  const index = rubricIndexOf(analysis);
  const indicatorNamed = (key: string | undefined) => {
    const indicator = key === undefined ? undefined : index?.indicators.get(key);
    return indicator ? displayName(indicator) : key;
  };
  const input = entry.measured.find((m) => contains(m.input.keySpan, offset));
  if (input?.input.value !== undefined) {
    const leaf = input.indicator.value === undefined ? undefined : index?.indicators.get(input.indicator.value);
    const model = leaf?.scoring?.inputs.find((i) => i.key === input.input.value);
    const name = model?.name?.value ?? input.input.value;
    const shown = name === input.input.value ? input.input.value : `${input.input.value} (${name})`;
    return text(
      `Rename the input ${shown} in the rubric, where it is defined: its formula and the open scoresheets follow`,
      `请在考核细则中对输入项“${name}”重命名（其定义所在处）：公式和已打开的评分表随之更新`,
    );
  }
  const keys = [...entry.points.map((p) => p.key), ...entry.deductions.map((d) => d.indicator), ...entry.measured.map((m) => m.indicator)];
  const key = keys.find((k) => contains(k.keySpan, offset))?.value;
  if (key === undefined) return undefined;
  const name = indicatorNamed(key) ?? key;
  return text(
    `Rename the indicator ${name === key ? key : `${key} (${name})`} in the rubric, where it is defined: the open scoresheets follow`,
    `请在考核细则中对指标“${name}”重命名（其定义所在处）：已打开的评分表随之更新`,
  );
}
