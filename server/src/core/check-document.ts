import { CHECKS } from './checks';
import { CheckContext } from './checks/check';
import { Finding } from './findings';
import { quotaInputsOf } from './model/quota-inputs';
import { RubricModel } from './model/rubric-model';
import { ParsedDocument, ParsedText } from './parse';
import { allocate } from './quota/allocate';
import { applySuppressions } from './suppressions';
import { byPosition } from './assemble';
import type { DocumentAnalysis } from './types';

/**
 * The step every analysis ends with, whole or incremental: the semantic checks run on a built
 * model, findings in text that does not parse yet are held back, and what a person silenced with
 * `# rubric-ignore` is dropped.
 */
export function checkDocument(source: ParsedText, parsed: ParsedDocument, model: RubricModel, schemaFindings: Finding[]): DocumentAnalysis {
  const quotaInputs = quotaInputsOf(model);
  const allocation = model.subjects !== undefined ? allocate(quotaInputs, model.subjects, model.rounding) : undefined;
  const context: CheckContext = {
    model,
    quotaInputs,
    allocation,
    lineOf: (offset) => source.lines.positionAt(offset).line + 1,
    schemaFindings,
  };
  const syntax: Finding[] = parsed.syntaxErrors.map((error) => ({ code: 'yaml-syntax', severity: 'error', span: error.span, message: error.message }));
  const semantic = [...schemaFindings, ...CHECKS.flatMap((check) => check.run(context))];
  const findings = applySuppressions([...syntax, ...withoutHalfTyped(semantic, parsed, source.text)], source.text, source.lines, parsed.span);
  return { parsed, model, quotaInputs, allocation, findings: findings.sort(byPosition) };
}

/**
 * Past a syntax error the text is half-typed: what depends on it is not known yet, and a missing
 * key cannot be judged. The parser often notices the error only on the next line, so the blank
 * text before it counts too.
 */
function withoutHalfTyped(findings: Finding[], parsed: ParsedDocument, text: string): Finding[] {
  if (parsed.syntaxErrors.length === 0) return findings;
  const firstError = Math.min(...parsed.syntaxErrors.map((e) => e.span.start));
  const halfTypedFrom = text.slice(0, firstError).trimEnd().length;
  return findings.filter((f) => Math.max(f.span.end, f.dependsOn?.end ?? 0) < halfTypedFrom && !(f.code === 'schema' && f.data?.missingKey));
}
