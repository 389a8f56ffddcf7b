import type { Finding } from './findings';
import type { LocalizedText } from './text/locale';
import { applySuppressions } from './suppressions';
import type { Span } from './text/span';
import type { ParsedDocument, ParsedText, SyntaxError } from './yaml/parse';

/**
 * The last step of every analysis, of either kind and whole or incremental: what depends on
 * half-typed text is held back, what a person silenced with `# rubric-ignore` is dropped (an
 * ignore comment that silences nothing is reported), and the rest is put in text order.
 */
export function settleFindings(
  syntax: readonly Finding[],
  semantic: Finding[],
  document: ParsedDocument,
  source: ParsedText,
  within: Span,
  /** False when the caller knows the text holds no `rubric-ignore` (a session, from its blocks): no search of a big text then. */
  mayHoldIgnores = true,
): Finding[] {
  const settled = [...syntax, ...withoutHalfTyped(semantic, document, source.text)];
  return (mayHoldIgnores ? applySuppressions(settled, source.text, source.lines, within) : settled).sort(byPosition);
}

/** A finding about a file as a whole (it holds no document of its kind yet), at its start. */
export function fileFinding(message: LocalizedText): Finding {
  return { code: 'schema', severity: 'error', span: { start: 0, end: 0 }, message };
}

/** The parser's errors as findings. */
export function syntaxFindings(errors: readonly SyntaxError[]): Finding[] {
  return errors.map((error) => ({ code: 'yaml-syntax', severity: 'error', span: error.span, message: error.message }));
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

/** Text order: by start, then end, then code and message, so that equal analyses list findings alike. */
export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code) || a.message.en.localeCompare(b.message.en);
}
