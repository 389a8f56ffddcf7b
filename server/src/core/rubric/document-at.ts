import type { Analysis, DocumentAnalysis } from './types';

/** The rubric document of a (possibly multi-document) file that holds the offset. */
export function documentAt(analysis: Analysis, offset: number): DocumentAnalysis | undefined {
  return analysis.documents.find((d) => offset >= d.parsed.span.start && offset <= d.parsed.span.end) ?? analysis.documents[analysis.documents.length - 1];
}
