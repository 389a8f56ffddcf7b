import { minimatch } from 'minimatch';
import { fileURLToPath } from 'url';
import {
  CancellationToken,
  CodeActionKind,
  CodeActionParams,
  CodeLensRefreshRequest,
  Connection,
  DiagnosticSeverity,
  InitializeParams,
  InitializeResult,
  Location,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis,
  codeActions,
  complete,
  definition,
  documentSymbols,
  Finding,
  findingsAt,
  foldingRanges,
  hover,
  inlayHints,
  Locale,
  LocalizedText,
  quotaLenses,
  references,
  rename,
  renameTarget,
  RubricCore,
  simulate,
  summarize,
  text,
} from '../core';
import {
  AnalyzedNotification,
  ExportSpreadsheetRequest,
  ImportSpreadsheetRequest,
  MAX_SIMULATED_ROWS,
  MAX_SUBJECTS,
  RUBRIC_FILE,
  SimulateParams,
  SimulateRequest,
  Summary,
  SummaryParams,
  SummaryRequest,
} from '../protocol';
import {
  isDiagnosticOf,
  toCodeAction,
  toCodeLens,
  toCompletionItem,
  toDiagnostic,
  toDocumentSymbol,
  toHover,
  toInlayHint,
  toRange,
  toSpan,
  toWorkspaceEdit,
} from './convert';
import { DocumentAnalyses } from './document-analyses';
import { SpreadsheetRequests } from './spreadsheet-requests';
import { runSafe } from './run-safe';
import { DEFAULT_SETTINGS, effectiveLocale, readSettings, RubricSettings, tooLargeText } from './settings';

/**
 * Replacement characters (U+FFFD) an editor shows for bytes that are not UTF-8: a GBK file opened
 * as UTF-8 has one for nearly every Chinese character. A rubric may hold one or two on purpose.
 */
const REPLACEMENT_CHARACTERS_NOT_UTF8 = 3;

/**
 * The language server: thin handlers from a document to its analysis to a core service to an
 * LSP result (convert.ts). All state lives in one instance; nothing is module-level.
 */
export class RubricLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly analyses: DocumentAnalyses;
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
  ) {
    this.analyses = new DocumentAnalyses(core);
    this.spreadsheets = new SpreadsheetRequests(core);
  }

  private readonly spreadsheets: SpreadsheetRequests;

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.refreshSettings());
    c.onDidChangeConfiguration((change) => void this.refreshSettings(change.settings?.rubric));
    this.documents.onDidChangeContent((event) => this.publishDiagnostics(event.document));
    this.documents.onDidClose((event) => {
      this.analyses.forget(event.document.uri);
      void c.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    });

    const uriOf = (p: { textDocument: { uri: string } }) => p.textDocument.uri;
    c.onHover((p, token) => this.answer(uriOf(p), token, null, (a, at) => toHover(a, hover(a, at(p.position), this.locale, this.core.schemaDocs))));
    c.onCompletion((p, token) =>
      this.answer(uriOf(p), token, [], (a, at) => complete(a, at(p.position), this.locale, this.core.schemaDocs).map((e, i) => toCompletionItem(a, e, i))),
    );
    c.languages.inlayHint.on((p, token) =>
      this.answer(uriOf(p), token, [], (a) => inlayHints(a, toSpan(a, p.range), this.locale).map((h) => toInlayHint(a, h))),
    );
    c.onCodeLens((p, token) => this.answer(uriOf(p), token, [], (a) => quotaLenses(a, this.locale).map((lens) => toCodeLens(uriOf(p), a, lens))));
    c.onDocumentSymbol((p, token) => this.answer(uriOf(p), token, [], (a) => documentSymbols(a).map((s) => toDocumentSymbol(a, s))));
    c.onFoldingRanges((p, token) => this.answer(uriOf(p), token, [], (a) => foldingRanges(a)));
    c.onDefinition((p, token) => this.answer(uriOf(p), token, null, (a, at) => this.location(uriOf(p), a, definition(a, at(p.position)))));
    c.onReferences((p, token) =>
      this.answer(uriOf(p), token, [], (a, at) => references(a, at(p.position), p.context.includeDeclaration).map((s) => this.location(uriOf(p), a, s)!)),
    );
    c.onPrepareRename((p, token) =>
      this.answer(uriOf(p), token, null, (a, at) => {
        const target = renameTarget(a, at(p.position));
        return target ? { range: toRange(a, target.span), placeholder: target.placeholder } : null;
      }),
    );
    c.onRenameRequest((p, token) =>
      this.answer(uriOf(p), token, null, (a, at) => {
        const edits = rename(a, at(p.position), p.newName);
        return edits ? toWorkspaceEdit(uriOf(p), a, edits) : null;
      }),
    );
    c.onCodeAction((p, token) =>
      this.answer(uriOf(p), token, [], (a) =>
        codeActions(a, this.findingsToFix(a, p), this.locale).map((x) => toCodeAction(uriOf(p), a, x, p.context.diagnostics)),
      ),
    );
    c.onRequest(SummaryRequest, (p, token) => this.answer(p.uri, token, null, (a) => this.summary(a, p)));
    c.onRequest(SimulateRequest, (p, token) => this.answer(p.uri, token, null, (a) => this.simulate(a, p)));
    c.onRequest(ExportSpreadsheetRequest, (p) => this.spreadsheets.export(p, this.documents.get(p.uri)?.getText(), this.locale));
    c.onRequest(ImportSpreadsheetRequest, (p) => this.spreadsheets.import(p, this.locale));

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
        session.update(text);
        session.update(text.replace('weight:', 'weight: 1'));
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
    return document && this.isRubric(uri) && !this.refusal(document) ? this.analyses.of(document) : undefined;
  }

  /**
   * Why a rubric is not analysed at all, said once at its start instead of findings: larger than
   * rubric.maxFileSize (no freeze on a huge file), or bytes that were not UTF-8 (a cascade of
   * schema errors about mojibake helps nobody).
   */
  private refusal(document: TextDocument): { message: LocalizedText; severity: DiagnosticSeverity } | undefined {
    const content = document.getText();
    // A UTF-16 unit is at most 3 bytes of UTF-8: most files need no count.
    if (content.length * 3 > this.settings.maxFileSize && Buffer.byteLength(content, 'utf8') > this.settings.maxFileSize) {
      return { message: tooLargeText(this.settings.maxFileSize), severity: DiagnosticSeverity.Warning };
    }
    let replaced = 0;
    for (let at = content.indexOf('\uFFFD'); at >= 0 && replaced < REPLACEMENT_CHARACTERS_NOT_UTF8; at = content.indexOf('\uFFFD', at + 1)) replaced++;
    if (replaced < REPLACEMENT_CHARACTERS_NOT_UTF8) return undefined;
    return {
      severity: DiagnosticSeverity.Error,
      message: text(
        'This file seems not to be UTF-8 (perhaps GBK): it shows replacement characters (\uFFFD). Reopen it with its encoding (such as GB 18030) and save it as UTF-8; it is not analysed until then',
        '此文件似乎不是 UTF-8 编码（可能是 GBK）：其中出现了替换字符（\uFFFD）。请按原编码（如 GB 18030）重新打开，另存为 UTF-8 编码；在此之前不作分析',
      ),
    };
  }

  /** A request on a document: its analysis and an offset converter in, the result (or `empty`) out. */
  private answer<T>(
    uri: string,
    token: CancellationToken,
    empty: T,
    work: (analysis: Analysis, offsetAt: (p: { line: number; character: number }) => number) => T,
  ) {
    return runSafe(
      token,
      (m) => this.connection.console.error(m),
      empty,
      () => {
        const analysis = this.analysisOf(uri);
        return analysis ? work(analysis, (position) => analysis.source.lines.offsetAt(position)) : empty;
      },
    );
  }

  private location(uri: string, analysis: Analysis, span: { start: number; end: number } | undefined): Location | null {
    return span ? Location.create(uri, toRange(analysis, span)) : null;
  }

  /**
   * The findings a quick fix is asked for: those the editor names in the request (Neovim asks
   * with the cursor's line and that line's diagnostics) and those under the range, except codes
   * the person turned off.
   */
  private findingsToFix(analysis: Analysis, params: CodeActionParams): Finding[] {
    const shown = analysis.findings.filter((f) => this.settings.checks[f.code] !== 'off');
    const named = shown.filter((f) => params.context.diagnostics.some((d) => isDiagnosticOf(analysis, d, f)));
    const under = findingsAt(analysis, toSpan(analysis, params.range)).filter((f) => shown.includes(f));
    return [...new Set([...named, ...under])];
  }

  private summary(analysis: Analysis, params: SummaryParams): Summary | null {
    const document = analysis.documents[params.document ?? 0];
    return document ? { uri: params.uri, ...summarize(document) } : null;
  }

  private simulate(analysis: Analysis, params: SimulateParams) {
    const document = analysis.documents[params.document ?? 0];
    const subjects = (Array.isArray(params.subjects) ? params.subjects : [])
      .filter((n) => Number.isInteger(n) && n >= 0 && n <= MAX_SUBJECTS)
      .slice(0, MAX_SIMULATED_ROWS);
    return document ? simulate(document, subjects, this.locale) : null;
  }

  /** Findings go out as soon as they are computed, tagged with the version they describe; then the views are told. */
  private publishDiagnostics(document: TextDocument): void {
    try {
      const refused = this.isRubric(document.uri) ? this.refusal(document) : undefined;
      if (refused) {
        this.analyses.forget(document.uri);
        const diagnostic = {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: refused.severity,
          source: 'rubric',
          message: refused.message[this.locale],
        };
        void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [diagnostic] });
        void this.connection.sendNotification(AnalyzedNotification, { uri: document.uri, version: document.version });
        return;
      }
      const analysis = this.analysisOf(document.uri);
      if (!analysis) {
        // Not (or no longer, after a settings change) a rubric: nothing of ours stays on it.
        void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
        return;
      }
      const diagnostics = analysis.findings.flatMap((f) => toDiagnostic(analysis, f, this.locale, this.settings.checks[f.code]) ?? []);
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      void this.connection.sendNotification(AnalyzedNotification, { uri: document.uri, version: document.version });
    } catch (error) {
      this.connection.console.error(`Validation failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}
