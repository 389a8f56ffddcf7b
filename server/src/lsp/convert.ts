import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeAction,
  CodeActionKind,
  CodeLens,
  CompletionItem,
  CompletionItemKind,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  Hover,
  InlayHint,
  InsertTextFormat,
  MarkupKind,
  Position,
  Range,
  SymbolKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import {
  Analysis,
  CodeActionItem,
  CompletionEntry,
  CompletionKind,
  Finding,
  HoverResult,
  InlayHintItem,
  Locale,
  OutlineSymbol,
  QuotaLens,
  Span,
  TextEdit as CoreEdit,
} from '../core';
import { PROJECT_ROOT } from '../host/project-root';
import { COMMANDS } from '../protocol';
import { CheckLevel } from './settings';

/**
 * Every conversion from the core's results (offsets, plain records) to LSP's (positions,
 * protocol types), in one place. Offsets stay inside the core; positions exist only here.
 */

/** What a conversion needs of an analysis, a rubric's or a scoresheet's: its text's line index. */
export type Lines = Pick<Analysis, 'source'>;

export function toRange(analysis: Lines, span: Span): Range {
  return analysis.source.lines.rangeOf(span);
}

export function toOffset(analysis: Lines, position: Position): number {
  return analysis.source.lines.offsetAt(position);
}

export function toSpan(analysis: Lines, range: Range): Span {
  return { start: analysis.source.lines.offsetAt(range.start), end: analysis.source.lines.offsetAt(range.end) };
}

const SEVERITY: Record<Exclude<CheckLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The page of codes, shipped beside the server (a link that works offline): one heading per code. */
const DIAGNOSTICS_PAGE = pathToFileURL(path.join(PROJECT_ROOT, 'docs', 'diagnostics.md')).href;

/** Where a code is explained: its own heading on the diagnostics page (`#weights-sum`). */
export function diagnosticDocsUrl(code: string): string {
  return `${DIAGNOSTICS_PAGE}#${code}`;
}

/** A finding as the editor shows it, at the level the person chose for its code (none when `off`). */
export function toDiagnostic(analysis: Lines, finding: Finding, locale: Locale, level: CheckLevel | undefined): Diagnostic | undefined {
  const severity = level ?? finding.severity;
  if (severity === 'off') return undefined;
  return {
    range: toRange(analysis, finding.span),
    severity: SEVERITY[severity],
    code: finding.code,
    codeDescription: { href: diagnosticDocsUrl(finding.code) },
    source: 'rubric',
    message: finding.message[locale],
  };
}

/** Whether an editor's diagnostic is the one a finding was published as (same code, same range). */
export function isDiagnosticOf(analysis: Lines, diagnostic: Diagnostic, finding: Finding): boolean {
  const range = toRange(analysis, finding.span);
  return (
    diagnostic.code === finding.code &&
    diagnostic.range.start.line === range.start.line &&
    diagnostic.range.start.character === range.start.character &&
    diagnostic.range.end.line === range.end.line &&
    diagnostic.range.end.character === range.end.character
  );
}

export function toTextEdits(analysis: Lines, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((e) => TextEdit.replace(toRange(analysis, e.span), e.newText));
}

export function toWorkspaceEdit(uri: string, analysis: Lines, edits: readonly CoreEdit[]): WorkspaceEdit {
  return { changes: { [uri]: toTextEdits(analysis, edits) } };
}

/** A quick fix, attached to the editor's diagnostic of the finding it fixes (only that one). */
export function toCodeAction(uri: string, analysis: Analysis, action: CodeActionItem, diagnostics: readonly Diagnostic[]): CodeAction {
  return {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: action.preferred,
    diagnostics: diagnostics.filter((d) => isDiagnosticOf(analysis, d, action.finding)),
    edit: toWorkspaceEdit(uri, analysis, action.edits),
  };
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(analysis: Lines, entry: CompletionEntry, index: number): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: TextEdit.replace(toRange(analysis, entry.replace), entry.insertText),
    // The core's order (keys as the schema lists them), not the editor's alphabetical one.
    sortText: String(index).padStart(4, '0'),
  };
}

export function toHover(analysis: Lines, result: HoverResult | undefined): Hover | null {
  return result ? { range: toRange(analysis, result.span), contents: { kind: MarkupKind.Markdown, value: result.markdown } } : null;
}

export function toInlayHint(analysis: Lines, hint: InlayHintItem): InlayHint {
  return { position: analysis.source.lines.positionAt(hint.offset), label: hint.label, tooltip: hint.tooltip, paddingLeft: true };
}

/** The quota lens opens the simulation of its own rubric: the file and the document's index. */
export function toCodeLens(uri: string, analysis: Analysis, lens: QuotaLens): CodeLens {
  return { range: toRange(analysis, lens.span), command: { title: lens.title, command: COMMANDS.showSimulation, arguments: [uri, lens.documentIndex] } };
}

/** A scoresheet's lens (the tier counts of a group) opens the ranking of that scoresheet. */
export function toRankingLens(uri: string, analysis: Lines, lens: { span: Span; title: string }): CodeLens {
  return { range: toRange(analysis, lens.span), command: { title: lens.title, command: COMMANDS.showRanking, arguments: [uri] } };
}

const SYMBOL_KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  rubric: SymbolKind.File,
  section: SymbolKind.Namespace,
  group: SymbolKind.Module,
  indicator: SymbolKind.Field,
  tier: SymbolKind.EnumMember,
  item: SymbolKind.Object,
};

export function toDocumentSymbol(analysis: Analysis, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: toRange(analysis, symbol.span),
    selectionRange: toRange(analysis, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(analysis, child)),
  };
}
