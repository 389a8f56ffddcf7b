import { NodeAtOffset } from '../../yaml/yaml-path';
import { indexRubric, RubricIndex } from '../rubric-index';
import { ScoresheetAnalysis, SubjectScoresModel } from '../types';

/** The rubric of an analysis, indexed (the analysis keeps the index it was computed with). */
export function rubricIndexOf(analysis: ScoresheetAnalysis): RubricIndex | undefined {
  const kept = (analysis as { index?: RubricIndex }).index;
  if (kept) return kept;
  const document = analysis.rubric?.found ? analysis.rubric.analysis.documents[0] : undefined;
  return document ? indexRubric(document) : undefined;
}

/** Where the offset is in the sheet's YAML: the path down to it (`scores`, 3, `points`, `fire`). */
export function pathAt(analysis: ScoresheetAnalysis, offset: number): NodeAtOffset | undefined {
  const document = analysis.source.documents.find((d) => !d.tree.isBlank && offset >= d.span.start && offset <= d.span.end);
  return document?.tree.nodeAtOffset(offset);
}

/** The entry of `scores:` that holds the offset, with its index. */
export function entryAt(analysis: ScoresheetAnalysis, offset: number): { entry: SubjectScoresModel; index: number } | undefined {
  const items = analysis.model?.scores.items ?? [];
  const index = items.findIndex((e) => offset >= e.span.start && offset <= e.span.end);
  return index >= 0 ? { entry: items[index], index } : undefined;
}
