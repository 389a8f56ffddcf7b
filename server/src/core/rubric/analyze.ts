import { Finding } from '../findings';
import type { SchemaValidator } from '../schema/schema-validator';
import { byPosition, fileFinding, syntaxFindings } from '../settle-findings';
import { text } from '../text/locale';
import { ParsedText, parseOrRefuse, unread } from '../yaml/parse';
import { checkDocument } from './check-document';
import { buildRubricModel } from './model/build-model';
import type { Analysis, DocumentAnalysis } from './types';

/** A rubric file parsed and checked whole: each of its documents on its own, their findings together. */
export function analyzeRubricText(content: string, validator: SchemaValidator): Analysis {
  const read = parseOrRefuse(content);
  // A text the parser cannot take: one finding, no documents.
  if ('refused' in read) return { source: unread(content), documents: [], findings: syntaxFindings([read.refused]) };
  const source = read.parsed;
  const documents = source.documents
    .filter((d) => !d.tree.isBlank)
    .map((d) => checkDocument(source, d, buildRubricModel(d.doc, d.span, source.text), validator.validateDocument(d.doc, source.text)));
  return assemble(source, documents);
}

/** The file's analysis from its documents' (a file without a rubric is said so once). */
export function assemble(source: ParsedText, documents: DocumentAnalysis[]): Analysis {
  const findings = documents.flatMap((d) => d.findings).sort(byPosition);
  if (documents.length === 0) findings.push(noRubric());
  return { source, documents, findings };
}

/** A rubric file with nothing in it (or only comments) is reported once, at its start. */
function noRubric(): Finding {
  return fileFinding(
    text('This file holds no rubric yet: start with rubric:, indicators: and tiers:', '此文件中还没有考核细则：请从 rubric:、indicators:、tiers: 开始填写'),
  );
}
