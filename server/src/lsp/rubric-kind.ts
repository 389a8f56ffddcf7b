import { minimatch } from 'minimatch';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CodeActionParams, ErrorCodes, Location, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis,
  codeActions,
  MAX_SIMULATED_ROWS,
  MAX_SUBJECTS,
  RUBRIC_FILE,
  RUBRIC_GLOB,
  SCORES_FILE,
  complete,
  definition,
  documentSymbols,
  Finding,
  findingsAt,
  foldingRanges,
  hover,
  IncrementalSession,
  inlayHints,
  newScoresheetText,
  quotaLenses,
  references,
  rename,
  renameRefusal,
  renameTarget,
  RubricRename,
  simulate,
  Span,
  summarize,
} from '../core';
import type { SimulateParams } from '../protocol';
import {
  isDiagnosticOf,
  toOffset,
  toCodeAction,
  toCodeLens,
  toCompletionItem,
  toDocumentSymbol,
  toHover,
  toInlayHint,
  toRange,
  toSpan,
  toWorkspaceEdit,
} from './convert';
import { AnalyzedKind, DocumentServices } from './document-kind';
import { ServerState } from './server-state';
import { uriPath } from './uris';

/** The edits, by document, that make the documents depending on a rubric follow an indicator's or an input's rename. */
export type DependentRenames = (rubricUri: string, rename: RubricRename) => Record<string, TextEdit[]>;

/** Rubrics: `*.rubric.yaml|yml`, and more through the `rubric.files` globs; analysed keystroke by keystroke. */
export class RubricKind extends AnalyzedKind<IncrementalSession, Analysis> {
  readonly watchedGlob = RUBRIC_GLOB;

  constructor(
    private readonly state: ServerState,
    private readonly dependentRenames: DependentRenames,
  ) {
    super(() => state.core.createSession());
  }

  /** Other YAML is left alone; a scoresheet is never a rubric, whatever `rubric.files` says. */
  takes(uri: string): boolean {
    if (SCORES_FILE.test(uriPath(uri))) return false;
    if (RUBRIC_FILE.test(uri)) return true;
    const globs = this.state.settings.files;
    if (globs.length === 0) return false;
    let file: string;
    try {
      file = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
    } catch {
      return false;
    }
    return globs.some((glob) => minimatch(file, glob, { matchBase: !glob.includes('/'), dot: true }));
  }

  protected analyze(session: IncrementalSession, document: TextDocument): Analysis {
    return session.update(document.getText());
  }

  protected readonly services: Partial<DocumentServices<Analysis>> = {
    hover: (a, p) => toHover(a, hover(a, toOffset(a, p.position), this.state.locale, this.state.core.schemaDocs)),
    completion: (a, p) => complete(a, toOffset(a, p.position), this.state.locale, this.state.core.schemaDocs).map((e, i) => toCompletionItem(a, e, i)),
    inlayHints: (a, p) => inlayHints(a, toSpan(a, p.range), this.state.locale).map((h) => toInlayHint(a, h)),
    codeLenses: (a, p) => quotaLenses(a, this.state.locale).map((lens) => toCodeLens(p.textDocument.uri, a, lens)),
    documentSymbols: (a) => documentSymbols(a).map((s) => toDocumentSymbol(a, s)),
    foldingRanges: (a) => foldingRanges(a),
    definition: (a, p) => location(p.textDocument.uri, a, definition(a, toOffset(a, p.position))),
    references: (a, p) => references(a, toOffset(a, p.position), p.context.includeDeclaration).map((s) => location(p.textDocument.uri, a, s)!),
    prepareRename: (a, p) => {
      const offset = toOffset(a, p.position);
      const target = renameTarget(a, offset);
      if (target) return { range: toRange(a, target.span), placeholder: target.placeholder };
      const refusal = renameRefusal(a, offset);
      return refusal ? new ResponseError(ErrorCodes.InvalidRequest, refusal[this.state.locale]) : null;
    },
    rename: (a, p) => {
      const edits = rename(a, toOffset(a, p.position), p.newName);
      if (!edits) return null;
      const target = renameTarget(a, toOffset(a, p.position));
      const edit = toWorkspaceEdit(p.textDocument.uri, a, edits);
      if (target?.kind === 'indicator')
        return this.withDependents(p.textDocument.uri, edit, { kind: 'indicator', oldKey: target.placeholder, newName: p.newName });
      if (target?.kind === 'input' && target.indicator !== undefined) {
        return this.withDependents(p.textDocument.uri, edit, { kind: 'input', indicator: target.indicator, oldKey: target.placeholder, newName: p.newName });
      }
      return edit;
    },
    codeActions: (a, p) =>
      codeActions(a, this.findingsToFix(a, p), this.state.locale).map((x) => toCodeAction(p.textDocument.uri, a, x, p.context.diagnostics)),
    summary: (a, p) => {
      const document = a.documents[p.document ?? 0];
      return document ? { uri: p.uri, ...summarize(document) } : null;
    },
    simulate: (a, p) => {
      const document = a.documents[p.document ?? 0];
      return document ? simulate(document, subjectCounts(p), this.state.locale) : null;
    },
    newScoresheet: (a, p) => {
      // A scoresheet names its rubric by file name: the client writes it beside the rubric.
      if (a.documents.length === 0 || a.findings.some((f) => f.code === 'yaml-syntax')) return null;
      return { text: newScoresheetText(a, path.posix.basename(uriPath(p.uri))) };
    },
  };

  /**
   * A rename of an indicator's id, or of a measured input's id, also renames it in every open
   * document checked against this rubric: one WorkspaceEdit over several documents, so the
   * scoresheets keep scoring the same leaf and recording the same measurements.
   */
  private withDependents(uri: string, edit: WorkspaceEdit, rename: RubricRename): WorkspaceEdit {
    return { changes: { ...edit.changes, ...this.dependentRenames(uri, rename) } };
  }

  /**
   * The findings a quick fix is asked for: those the editor names in the request (Neovim asks
   * with the cursor's line and that line's diagnostics) and those under the range, except codes
   * the person turned off.
   */
  private findingsToFix(analysis: Analysis, params: CodeActionParams): Finding[] {
    const shown = analysis.findings.filter((f) => this.state.settings.checks[f.code] !== 'off');
    const named = shown.filter((f) => params.context.diagnostics.some((d) => isDiagnosticOf(analysis, d, f)));
    const under = findingsAt(analysis, toSpan(analysis, params.range)).filter((f) => shown.includes(f));
    return [...new Set([...named, ...under])];
  }
}

function location(uri: string, analysis: Analysis, span: Span | undefined): Location | null {
  return span ? Location.create(uri, toRange(analysis, span)) : null;
}

/** The N asked for: whole numbers up to MAX_SUBJECTS, at most MAX_SIMULATED_ROWS of them. */
function subjectCounts(params: SimulateParams): number[] {
  return (Array.isArray(params.subjects) ? params.subjects : []).filter((n) => Number.isInteger(n) && n >= 0 && n <= MAX_SUBJECTS).slice(0, MAX_SIMULATED_ROWS);
}
