import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeDescription, Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver';
import { Analysis, Finding, Locale, Span } from '../core';
import { PROJECT_ROOT } from '../host/project-root';
import { CheckLevel } from './settings';

/** Offsets stay inside the core; these turn them into LSP positions at the edge. */
export function toRange(analysis: Analysis, span: Span): Range {
  return analysis.parsed.lines.rangeOf(span);
}

export function toSpan(analysis: Analysis, range: Range): Span {
  return { start: analysis.parsed.lines.offsetAt(range.start), end: analysis.parsed.lines.offsetAt(range.end) };
}

const SEVERITY: Record<Exclude<CheckLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The README's table of codes, shipped beside the server: a link that works offline. */
export const DOCS_URL = `${pathToFileURL(path.join(PROJECT_ROOT, 'README.md')).href}#diagnostics`;

export function toDiagnostic(analysis: Analysis, finding: Finding, locale: Locale, level: CheckLevel | undefined): Diagnostic | undefined {
  const severity = level ?? finding.severity;
  if (severity === 'off') return undefined;
  const codeDescription: CodeDescription = { href: DOCS_URL };
  return {
    range: toRange(analysis, finding.span),
    severity: SEVERITY[severity],
    code: finding.code,
    codeDescription,
    source: 'rubric',
    message: finding.message[locale],
  };
}
