import { minimatch } from 'minimatch';
import { fileURLToPath } from 'url';
import {
  CodeAction,
  CodeActionKind,
  CodeLens,
  CodeLensRefreshRequest,
  CompletionItem,
  CompletionItemKind,
  Connection,
  DocumentSymbol,
  FoldingRange,
  InitializeParams,
  InitializeResult,
  InlayHint,
  InsertTextFormat,
  Location,
  MarkupKind,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis,
  codeActions,
  complete,
  definition,
  documentSymbols,
  foldingRanges,
  hover,
  IncrementalSession,
  inlayHints,
  Locale,
  OutlineSymbol,
  quotaLenses,
  references,
  rename,
  renameTarget,
  RubricCore,
  simulate,
  summarize,
  TextEdit as CoreEdit,
} from '../core';
import { RUBRIC_FILE } from '../host/find-rubric-files';
import { toDiagnostic, toRange, toSpan } from './convert';
import { MAX_SIMULATED_ROWS, SHOW_SIMULATION_COMMAND, SimulateRequest, SummaryRequest } from './protocol';
import { runSafe } from './run-safe';
import { DEFAULT_SETTINGS, effectiveLocale, readSettings, RubricSettings } from './settings';

const SYMBOL_KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  rubric: SymbolKind.File,
  section: SymbolKind.Namespace,
  group: SymbolKind.Module,
  indicator: SymbolKind.Field,
  tier: SymbolKind.EnumMember,
};

/**
 * The language server: thin handlers from a document to its cached analysis to a core
 * service. All state lives in one instance; nothing is module-level.
 */
export class RubricLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  /** One analysis per document version: every feature of a keystroke reads the same one. */
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  /** Per open document, the incremental analysis that re-parses only what an edit touched. */
  private readonly sessions = new Map<string, IncrementalSession>();
  private settings: RubricSettings = DEFAULT_SETTINGS;
  private clientLocale: string | undefined;
  private canPullConfiguration = false;
  private canRefreshInlayHints = false;
  private canRefreshCodeLens = false;

  constructor(
    private readonly connection: Connection,
    private readonly core: RubricCore,
    /** Rubrics to analyse once at start-up (see warmUp). */
    private readonly warmUpTexts: readonly string[] = [],
  ) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.refreshSettings());
    c.onDidChangeConfiguration((change) => void this.refreshSettings(change.settings?.rubric));

    this.documents.onDidChangeContent((event) => this.publishDiagnostics(event.document));
    this.documents.onDidClose((event) => {
      this.cache.delete(event.document.uri);
      this.sessions.delete(event.document.uri);
      void c.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    });

    c.onHover((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, null, (analysis) => {
        const result = hover(analysis, analysis.parsed.lines.offsetAt(p.position), this.locale, this.core.schemaDocs);
        return result ? { range: toRange(analysis, result.span), contents: { kind: MarkupKind.Markdown, value: result.markdown } } : null;
      }),
    );
    c.onCompletion((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, [] as CompletionItem[], (analysis) =>
        complete(analysis, analysis.parsed.lines.offsetAt(p.position), this.locale, this.core.schemaDocs).map((entry, index) => ({
          label: entry.label,
          kind:
            entry.kind === 'key'
              ? CompletionItemKind.Property
              : entry.kind === 'snippet'
                ? CompletionItemKind.Snippet
                : entry.kind === 'reference'
                  ? CompletionItemKind.Reference
                  : CompletionItemKind.EnumMember,
          detail: entry.detail,
          documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
          insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: TextEdit.replace(toRange(analysis, entry.replace), entry.insertText),
          sortText: String(index).padStart(4, '0'),
        })),
      ),
    );
    c.languages.inlayHint.on((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, [] as InlayHint[], (analysis) =>
        inlayHints(analysis, toSpan(analysis, p.range), this.locale).map((hint) => ({
          position: analysis.parsed.lines.positionAt(hint.offset),
          label: hint.label,
          tooltip: hint.tooltip,
          paddingLeft: true,
        })),
      ),
    );
    c.onCodeLens((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, [] as CodeLens[], (analysis) =>
        quotaLenses(analysis, this.locale).map((lens) => ({
          range: toRange(analysis, lens.span),
          command: { title: lens.title, command: SHOW_SIMULATION_COMMAND, arguments: [p.textDocument.uri, lens.documentIndex] },
        })),
      ),
    );
    c.onDocumentSymbol((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, [] as DocumentSymbol[], (analysis) => documentSymbols(analysis).map((s) => this.toSymbol(analysis, s))),
    );
    c.onFoldingRanges((p, token) => this.withAnalysis(p.textDocument.uri, token, [] as FoldingRange[], (analysis) => foldingRanges(analysis)));
    c.onDefinition((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, null, (analysis) => {
        const span = definition(analysis, analysis.parsed.lines.offsetAt(p.position));
        return span ? Location.create(p.textDocument.uri, toRange(analysis, span)) : null;
      }),
    );
    c.onReferences((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, [] as Location[], (analysis) =>
        references(analysis, analysis.parsed.lines.offsetAt(p.position), p.context.includeDeclaration).map((span) =>
          Location.create(p.textDocument.uri, toRange(analysis, span)),
        ),
      ),
    );
    c.onPrepareRename((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, null, (analysis) => {
        const target = renameTarget(analysis, analysis.parsed.lines.offsetAt(p.position));
        return target ? { range: toRange(analysis, target.span), placeholder: target.placeholder } : null;
      }),
    );
    c.onRenameRequest((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, null, (analysis) => {
        const edits = rename(analysis, analysis.parsed.lines.offsetAt(p.position), p.newName);
        return edits ? this.workspaceEdit(p.textDocument.uri, analysis, edits) : null;
      }),
    );
    c.onCodeAction((p, token) =>
      this.withAnalysis(p.textDocument.uri, token, [] as CodeAction[], (analysis) =>
        codeActions(analysis, toSpan(analysis, p.range), this.locale).map((action) => ({
          title: action.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: action.preferred,
          diagnostics: p.context.diagnostics.filter((d) => d.code === action.finding.code),
          edit: this.workspaceEdit(p.textDocument.uri, analysis, action.edits),
        })),
      ),
    );
    c.onRequest(SummaryRequest, (p, token) =>
      this.withAnalysis(p.uri, token, null, (analysis) => (analysis.documents[0] ? { uri: p.uri, ...summarize(analysis.documents[0]) } : null)),
    );
    c.onRequest(SimulateRequest, (p, token) =>
      this.withAnalysis(p.uri, token, null, (analysis) => {
        const document = analysis.documents[p.document ?? 0];
        const subjects = (Array.isArray(p.subjects) ? p.subjects : []).filter((n) => Number.isInteger(n) && n >= 0 && n <= 100000).slice(0, MAX_SIMULATED_ROWS);
        return document ? simulate(document, subjects) : null;
      }),
    );

    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.clientLocale = params.locale;
    this.canPullConfiguration = !!params.capabilities.workspace?.configuration;
    this.canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    this.canRefreshCodeLens = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    this.settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    // Before answering: the editor sends no document until initialize is answered.
    this.warmUp();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '[', ','] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'rubric-language-server', version: require('../../package.json').version as string },
    };
  }

  /**
   * Runs the analysis on the shipped samples once, during initialize, so the JIT has compiled
   * the parser and the checks before the person's first (possibly huge) file arrives. The
   * results are thrown away; a file's own analysis is always complete.
   */
  private warmUp(): void {
    for (const text of this.warmUpTexts) {
      try {
        const session = this.core.createSession();
        session.analyze(text);
        session.analyze(text.replace('weight:', 'weight: 1'));
        this.core.analyze(text);
      } catch (error) {
        this.connection.console.error(`Warm-up failed: ${String(error)}`);
      }
    }
  }

  private get locale(): Locale {
    return effectiveLocale(this.settings, this.clientLocale);
  }

  private async refreshSettings(pushed?: unknown): Promise<void> {
    if (this.canPullConfiguration) {
      try {
        this.settings = readSettings(await this.connection.workspace.getConfiguration({ section: 'rubric' }));
      } catch (error) {
        this.connection.console.error(`Could not read the rubric settings: ${String(error)}`);
      }
    } else if (pushed !== undefined) {
      this.settings = readSettings(pushed);
    }
    for (const document of this.documents.all()) this.publishDiagnostics(document);
    // The language may have changed: figures shown in hints and lenses are asked for again.
    const log = (error: unknown) => this.connection.console.error(`Refresh failed: ${String(error)}`);
    if (this.canRefreshInlayHints) this.connection.languages.inlayHint.refresh().catch(log);
    if (this.canRefreshCodeLens) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(log);
  }

  /** `*.rubric.yaml|yml` always; more through the `rubric.files` globs. Other YAML is left alone. */
  private isRubric(uri: string): boolean {
    if (RUBRIC_FILE.test(uri)) return true;
    if (this.settings.files.length === 0) return false;
    let file = uri;
    try {
      file = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
    } catch {
      return false;
    }
    return this.settings.files.some((glob) => minimatch(file, glob, { matchBase: !glob.includes('/'), dot: true }));
  }

  private analysisOf(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document || !this.isRubric(uri)) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached.analysis;
    let session = this.sessions.get(uri);
    if (!session) {
      session = this.core.createSession();
      this.sessions.set(uri, session);
    }
    const analysis = session.analyze(document.getText());
    this.cache.set(uri, { version: document.version, analysis });
    return analysis;
  }

  private withAnalysis<T>(uri: string, token: Parameters<typeof runSafe>[0], empty: T, work: (analysis: Analysis) => T) {
    return runSafe(
      token,
      (m) => this.connection.console.error(m),
      empty,
      () => {
        const analysis = this.analysisOf(uri);
        return analysis ? work(analysis) : empty;
      },
    );
  }

  /** Findings go out as soon as they are computed, tagged with the version they describe. */
  private publishDiagnostics(document: TextDocument): void {
    try {
      const analysis = this.analysisOf(document.uri);
      const locale = this.locale;
      const diagnostics = analysis
        ? analysis.findings.flatMap((f) => {
            const d = toDiagnostic(analysis, f, locale, this.settings.checks[f.code]);
            return d ? [d] : [];
          })
        : [];
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    } catch (error) {
      this.connection.console.error(`Validation failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private workspaceEdit(uri: string, analysis: Analysis, edits: CoreEdit[]): WorkspaceEdit {
    return { changes: { [uri]: edits.map((e) => TextEdit.replace(toRange(analysis, e.span), e.newText)) } };
  }

  private toSymbol(analysis: Analysis, symbol: OutlineSymbol): DocumentSymbol {
    return {
      name: symbol.name,
      detail: symbol.detail,
      kind: SYMBOL_KINDS[symbol.kind],
      range: toRange(analysis, symbol.span),
      selectionRange: toRange(analysis, symbol.selectionSpan),
      children: symbol.children.map((child) => this.toSymbol(analysis, child)),
    };
  }
}
