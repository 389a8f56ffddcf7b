import type { Analysis, DocumentAnalysis } from '../types';
import { Finding } from '../findings';
import { text } from '../text/locale';
import { ParsedText } from '../yaml/parse';

/** The file's analysis from its documents' (a file without a rubric is said so once). */
export function assemble(source: ParsedText, documents: DocumentAnalysis[]): Analysis {
  const findings = documents.flatMap((d) => d.findings).sort(byPosition);
  if (documents.length === 0) findings.push(noRubric());
  return { source, documents, findings };
}

/** A rubric file with nothing in it (or only comments) is reported once, at its start. */
function noRubric(): Finding {
  return {
    code: 'schema',
    severity: 'error',
    span: { start: 0, end: 0 },
    message: text(
      'This file holds no rubric yet: start with rubric:, indicators: and tiers:',
      '此文件中还没有考核细则：请从 rubric:、indicators:、tiers: 开始填写',
    ),
  };
}

export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code) || a.message.en.localeCompare(b.message.en);
}
