import { Span } from '../../text/span';
import { contains } from '../../text/span';
import { ScoresheetAnalysis } from '../types';
import { pathAt, rubricIndexOf } from './locate';

/**
 * Where, in the rubric's text, the thing under the cursor is defined: a subject (its name in the
 * list or a group), an indicator, a deduction rule, a bonus, penalty, veto, rater or group id; the
 * `rubric:` path leads to the rubric's start. The host maps the span to the rubric's location. A
 * path under `rounds:` or `previous:` leads to the start of that scoresheet (`sheet`: where the
 * host found it), when found.
 */
export function scoresheetDefinition(analysis: ScoresheetAnalysis, offset: number): { span: Span; sheet?: string } | undefined {
  const sheet = namedSheetAt(analysis, offset);
  if (sheet) return { span: { start: 0, end: 0 }, sheet };
  const index = rubricIndexOf(analysis);
  const model = analysis.model;
  if (!index || !model) return undefined;
  if (model.rubric && contains(model.rubric.span, offset))
    return { span: index.model.title?.keySpan ?? { start: index.model.span.start, end: index.model.span.start } };
  const at = pathAt(analysis, offset);
  const value = at?.scalar?.value;
  if (!at || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  const id = String(value);
  const segments = at.steps.map((s) => s.segment);
  const [top, , section] = segments;
  const found = (item: { keySpan: Span } | undefined) => (item ? { span: item.keySpan } : undefined);
  if (top === 'tie-break') return found(index.indicators.get(id));
  if (top !== 'scores') return undefined;
  if (section === 'subject' && !at.inKey) {
    const member = [...index.model.subjectItems].find((item) => item.key === id);
    return found(member);
  }
  if (section === 'group' && !at.inKey) return found(index.model.subjectGroups.find((g) => g.key === id));
  if (section === 'veto' && !at.inKey) return found(index.vetoes.get(id));
  if (!at.inKey) return undefined;
  if (section === 'points' && segments.length === 4) return found(index.indicators.get(id));
  if (section === 'deductions' && segments.length === 4) return found(index.indicators.get(id));
  if (section === 'deductions' && segments.length === 5) return found(index.indicators.get(String(segments[3]))?.scoring?.rules.find((r) => r.key === id));
  if (section === 'bonus') return found(index.bonus.get(id));
  if (section === 'penalties') return found(index.penalties.get(id));
  if (section === 'by' && segments.length === 4) return found(index.raters.get(id));
  if (section === 'by' && segments.length === 5) return found(index.indicators.get(id));
  return undefined;
}

/** The location of the scoresheet a `rounds:` or `previous:` path under the cursor names, when found. */
function namedSheetAt(analysis: ScoresheetAnalysis, offset: number): string | undefined {
  for (const column of analysis.rounds ?? []) if (column.lookup.found && contains(column.path.span, offset)) return column.lookup.location;
  const previous = analysis.model?.previous;
  if (previous && analysis.previous?.found && contains(previous.span, offset)) return analysis.previous.location;
  return undefined;
}
