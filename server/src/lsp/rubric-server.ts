import { minimatch } from 'minimatch';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  CancellationToken,
  CodeActionKind,
  CodeActionParams,
  CodeLensRefreshRequest,
  Connection,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  FileChangeType,
  DiagnosticSeverity,
  InitializeParams,
  InitializeResult,
  Location,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceEdit,
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
  renameIndicatorInScoresheet,
  newScoresheetText,
  RubricCore,
  scoresheetCompletion,
  scoresheetDefinition,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetLenses,
  simulate,
  summarize,
  text,
} from '../core';
import {
  AnalyzedNotification,
  COMMANDS,
  ExportSpreadsheetRequest,
  ImportSpreadsheetRequest,
  MAX_SIMULATED_ROWS,
  MAX_SUBJECTS,
  NewScoresheetRequest,
  Ranking,
  RankingRequest,
  RUBRIC_FILE,
  RUBRIC_GLOB,
  SCORES_FILE,
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
import { filePathOf, realPathOf, ScoresheetAnalyses } from './scoresheet-analyses';
import { RubricFiles } from '../host/rubric-files';
import { rankingTable } from '../core';
import type { ScoresheetAnalysis } from '../core/scoresheet/types';
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
  private canWatchFiles = false;
  private hasWorkspaceFolders = false;
  /** Folders (paths) of the workspace: a scoresheet reads rubrics only inside the one that holds it. */
  private workspaceRoots: string[] = [];
  private readonly sheets: ScoresheetAnalyses;
  /** The real path of each open rubric's file, for scoresheets that name it by another spelling. */
  private readonly realPaths = new Map<string, string | undefined>();
  /** Scoresheets to publish again once the messages at hand are handled (see recheckScoresheets). */
  private readonly sheetsToPublish = new Set<string>();
  private publishScheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly core: RubricCore,
    /** Rubrics to analyse once at start-up (see warmUp). */
    private readonly warmUpTexts: readonly string[] = [],
  ) {
    this.analyses = new DocumentAnalyses(core);
    this.sheets = new ScoresheetAnalyses(
      core,
      new RubricFiles(core, () => this.settings.maxFileSize),
      (realPath) => this.openRubricAt(realPath),
      () => this.workspaceRoots,
    );
    this.spreadsheets = new SpreadsheetRequests(core);
  }

  private readonly spreadsheets: SpreadsheetRequests;

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => {
      void this.refreshSettings();
      this.watchRubricFiles();
      this.followWorkspaceFolders();
    });
    c.onDidChangeConfiguration((change) => void this.refreshSettings(change.settings?.rubric));
    c.onDidChangeWatchedFiles((params) => this.rubricFilesChanged(params));
    this.documents.onDidChangeContent((event) => this.publishDiagnostics(event.document));
    this.documents.onDidClose((event) => {
      const uri = event.document.uri;
      const rubricPath = this.realPaths.get(uri);
      this.analyses.forget(uri);
      this.sheets.forget(uri);
      this.realPaths.delete(uri);
      void c.sendDiagnostics({ uri, diagnostics: [] });
      // Its scoresheets now read the rubric from disk, which may differ from what was typed.
      if (rubricPath !== undefined) this.recheckScoresheets(this.sheets.dependentsOf(rubricPath));
    });

    const uriOf = (p: { textDocument: { uri: string } }) => p.textDocument.uri;
    // A scoresheet's requests go to the scoresheet services; a rubric's to the rubric's.
    c.onHover((p, token) =>
      this.isScoresheet(uriOf(p))
        ? this.answerSheet(uriOf(p), token, null, (a, at) => toHover(a, scoresheetHover(a, at(p.position), this.locale)))
        : this.answer(uriOf(p), token, null, (a, at) => toHover(a, hover(a, at(p.position), this.locale, this.core.schemaDocs))),
    );
    c.onCompletion((p, token) =>
      this.isScoresheet(uriOf(p))
        ? this.answerSheet(uriOf(p), token, [], (a, at) => scoresheetCompletion(a, at(p.position), this.locale).map((e, i) => toCompletionItem(a, e, i)))
        : this.answer(uriOf(p), token, [], (a, at) => complete(a, at(p.position), this.locale, this.core.schemaDocs).map((e, i) => toCompletionItem(a, e, i))),
    );
    c.languages.inlayHint.on((p, token) =>
      this.isScoresheet(uriOf(p))
        ? this.answerSheet(uriOf(p), token, [], (a) => {
            const range = toSpan(a, p.range);
            return scoresheetInlayHints(a, this.locale)
              .filter((h) => h.offset >= range.start && h.offset <= range.end)
              .map((h) => toInlayHint(a, h));
          })
        : this.answer(uriOf(p), token, [], (a) => inlayHints(a, toSpan(a, p.range), this.locale).map((h) => toInlayHint(a, h))),
    );
    c.onCodeLens((p, token) =>
      this.isScoresheet(uriOf(p))
        ? this.answerSheet(uriOf(p), token, [], (a) =>
            scoresheetLenses(a, this.locale).map((lens) => ({
              range: toRange(a, lens.span),
              command: { title: lens.title, command: COMMANDS.showRanking, arguments: [uriOf(p)] },
            })),
          )
        : this.answer(uriOf(p), token, [], (a) => quotaLenses(a, this.locale).map((lens) => toCodeLens(uriOf(p), a, lens))),
    );
    c.onDocumentSymbol((p, token) => this.answer(uriOf(p), token, [], (a) => documentSymbols(a).map((s) => toDocumentSymbol(a, s))));
    c.onFoldingRanges((p, token) => this.answer(uriOf(p), token, [], (a) => foldingRanges(a)));
    c.onDefinition((p, token) =>
      this.isScoresheet(uriOf(p))
        ? this.answerSheet(uriOf(p), token, null, (a, at) => this.rubricLocation(uriOf(p), a, scoresheetDefinition(a, at(p.position))))
        : this.answer(uriOf(p), token, null, (a, at) => this.location(uriOf(p), a, definition(a, at(p.position)))),
    );
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
        if (!edits) return null;
        const edit = toWorkspaceEdit(uriOf(p), a, edits);
        const target = renameTarget(a, at(p.position));
        return target?.kind === 'indicator' ? this.withScoresheetRenames(uriOf(p), edit, target.placeholder, p.newName) : edit;
      }),
    );
    c.onCodeAction((p, token) =>
      this.answer(uriOf(p), token, [], (a) =>
        codeActions(a, this.findingsToFix(a, p), this.locale).map((x) => toCodeAction(uriOf(p), a, x, p.context.diagnostics)),
      ),
    );
    c.onRequest(SummaryRequest, (p, token) => this.answer(p.uri, token, null, (a) => this.summary(a, p)));
    c.onRequest(SimulateRequest, (p, token) => this.answer(p.uri, token, null, (a) => this.simulate(a, p)));
    c.onRequest(RankingRequest, (p, token) => this.answerSheet(p.uri, token, null, (a): Ranking => this.ranking(p.uri, a)));
    c.onRequest(NewScoresheetRequest, (p, token) => this.answer(p.uri, token, null, (a) => this.newScoresheet(p.uri, a)));
    c.onRequest(ExportSpreadsheetRequest, (p) => this.spreadsheets.export(p, this.documents.get(p.uri)?.getText(), this.locale));
    c.onRequest(ImportSpreadsheetRequest, (p) => this.spreadsheets.import(p, this.locale));

    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.clientLocale = params.locale;
    this.workspaceRoots = workspaceRootsOf(params);
    this.canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.hasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
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
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
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

  /** `*.scores.yaml|yml`: a scoresheet (never a rubric, whatever `rubric.files` says). */
  private isScoresheet(uri: string): boolean {
    return SCORES_FILE.test(uriPath(uri));
  }

  /** `*.rubric.yaml|yml` always; more through the `rubric.files` globs. Other YAML is left alone. */
  private isRubric(uri: string): boolean {
    if (this.isScoresheet(uri)) return false;
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

  /** The current analysis of the rubric open in the editor at this real path (unsaved edits included). */
  private openRubricAt(realPath: string): { uri: string; analysis: Analysis } | undefined {
    for (const document of this.documents.all()) {
      if (!this.isRubric(document.uri) || this.realPathOfDocument(document.uri) !== realPath) continue;
      const analysis = this.analysisOf(document.uri);
      if (analysis) return { uri: document.uri, analysis };
    }
    return undefined;
  }

  private realPathOfDocument(uri: string): string | undefined {
    if (!this.realPaths.has(uri)) {
      const file = filePathOf(uri);
      this.realPaths.set(uri, file === undefined ? undefined : realPathOf(file));
    }
    return this.realPaths.get(uri);
  }

  private sheetAnalysisOf(uri: string): ScoresheetAnalysis | undefined {
    const document = this.documents.get(uri);
    return document && this.isScoresheet(uri) && !this.refusal(document) ? this.sheets.of(document) : undefined;
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

  /** A request on a scoresheet: its analysis (against its rubric's current state) and an offset converter in. */
  private answerSheet<T>(
    uri: string,
    token: CancellationToken,
    empty: T,
    work: (analysis: ScoresheetAnalysis, offsetAt: (p: { line: number; character: number }) => number) => T,
  ) {
    return runSafe(
      token,
      (m) => this.connection.console.error(m),
      empty,
      () => {
        const analysis = this.sheetAnalysisOf(uri);
        return analysis ? work(analysis, (position) => analysis.source.lines.offsetAt(position)) : empty;
      },
    );
  }

  /** A place in the scoresheet's rubric: the rubric's URI and the span in its text. */
  private rubricLocation(uri: string, analysis: ScoresheetAnalysis, target: { span: { start: number; end: number } } | undefined): Location | null {
    const rubricUri = this.sheets.rubricUriOf(uri);
    if (!target || !rubricUri || !analysis.rubric?.found) return null;
    return Location.create(rubricUri, analysis.rubric.analysis.source.lines.rangeOf(target.span));
  }

  private ranking(uri: string, analysis: ScoresheetAnalysis): Ranking {
    return { uri, rubric: this.sheets.rubricUriOf(uri) ?? null, ...rankingTable(analysis) };
  }

  /** A scoresheet for the rubric, naming it by its file name: the client writes it beside the rubric. */
  private newScoresheet(uri: string, analysis: Analysis): { text: string } | null {
    if (analysis.documents.length === 0 || analysis.findings.some((f) => f.code === 'yaml-syntax')) return null;
    return { text: newScoresheetText(analysis, path.posix.basename(uriPath(uri))) };
  }

  /**
   * A rename of an indicator id also renames it in every open scoresheet checked against this
   * rubric: one WorkspaceEdit over several documents, so the sheets keep scoring the same leaf.
   */
  private withScoresheetRenames(rubricUri: string, edit: WorkspaceEdit, oldKey: string, newName: string): WorkspaceEdit {
    const rubricPath = this.realPathOfDocument(rubricUri);
    if (rubricPath === undefined) return edit;
    const changes = { ...edit.changes };
    for (const sheetUri of this.sheets.dependentsOf(rubricPath)) {
      const sheet = this.sheetAnalysisOf(sheetUri);
      if (!sheet) continue;
      const edits = renameIndicatorInScoresheet(sheet, oldKey, newName);
      if (edits.length > 0) changes[sheetUri] = toWorkspaceEdit(sheetUri, sheet, edits).changes![sheetUri];
    }
    return { changes };
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

  /** Asks the server's own rubric-file watcher of the editor (VS Code registers it; others may send the events anyway). */
  private watchRubricFiles(): void {
    if (!this.canWatchFiles) return;
    this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: RUBRIC_GLOB }] })
      .catch((error: unknown) => this.connection.console.error(`Could not watch rubric files: ${String(error)}`));
  }

  /** Folders added to or removed from the workspace change where scoresheets may read rubrics: all are checked again. */
  private followWorkspaceFolders(): void {
    // The library throws on the event when the client never said it sends it.
    if (!this.hasWorkspaceFolders) return;
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.flatMap((f) => filePathOf(f.uri) ?? []));
      const added = event.added.flatMap((f) => filePathOf(f.uri) ?? []);
      this.workspaceRoots = [...this.workspaceRoots.filter((root) => !removed.has(root)), ...added];
      this.recheckScoresheets(this.documents.all().flatMap((d) => (this.isScoresheet(d.uri) ? [d.uri] : [])));
    });
  }

  /**
   * A rubric changed on disk (saved elsewhere, created, deleted): scoresheets that read it from disk
   * and those whose rubric was not found are checked again. An open rubric's unsaved text still wins.
   */
  private rubricFilesChanged(params: DidChangeWatchedFilesParams): void {
    const touched = new Set<string>();
    let createdOrDeleted = false;
    for (const change of params.changes) {
      const file = filePathOf(change.uri);
      if (file === undefined) continue;
      this.sheets.forgetRubricFile(file);
      touched.add(file);
      touched.add(realPathOf(file));
      if (change.type !== FileChangeType.Changed) createdOrDeleted = true;
    }
    const uris = new Set([...touched].flatMap((file) => this.sheets.dependentsOf(file)));
    if (createdOrDeleted) for (const uri of this.sheets.withoutRubric()) uris.add(uri);
    this.recheckScoresheets([...uris]);
  }

  /**
   * Scoresheets whose rubric changed: their analyses are dropped at once (a request that follows
   * sees the new rubric), and they are published again once the messages that have arrived are
   * handled, so a burst of keystrokes in the rubric re-checks each scoresheet once, after the
   * rubric's own diagnostics.
   */
  private recheckScoresheets(uris: string[]): void {
    if (uris.length === 0) return;
    for (const uri of uris) {
      this.sheets.invalidate(uri);
      this.sheetsToPublish.add(uri);
    }
    if (this.publishScheduled) return;
    this.publishScheduled = true;
    setImmediate(() => {
      this.publishScheduled = false;
      const pending = [...this.sheetsToPublish];
      this.sheetsToPublish.clear();
      for (const uri of pending) {
        const document = this.documents.get(uri);
        if (document) this.publishDiagnostics(document);
      }
      // Totals and ranks beside the scores changed too.
      const log = (error: unknown) => this.connection.console.error(`Refresh failed: ${String(error)}`);
      if (this.canRefreshInlayHints) this.connection.languages.inlayHint.refresh().catch(log);
      if (this.canRefreshCodeLens) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(log);
    });
  }

  /** Findings go out as soon as they are computed, tagged with the version they describe; then the views are told. */
  private publishDiagnostics(document: TextDocument): void {
    if (this.isScoresheet(document.uri)) return this.publishScoresheet(document);
    this.publishRubric(document);
    // Scoresheets checked against this rubric follow what is typed in it, saved or not.
    const rubricPath = this.isRubric(document.uri) ? this.realPathOfDocument(document.uri) : undefined;
    if (rubricPath !== undefined) this.recheckScoresheets(this.sheets.dependentsOf(rubricPath));
  }

  private publishScoresheet(document: TextDocument): void {
    try {
      const refused = this.refusal(document);
      if (refused) {
        this.sheets.forget(document.uri);
        this.sendRefusal(document, refused);
        return;
      }
      const analysis = this.sheets.of(document);
      const diagnostics = analysis.findings.flatMap((f) => toDiagnostic(analysis, f, this.locale, this.settings.checks[f.code]) ?? []);
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      void this.connection.sendNotification(AnalyzedNotification, { uri: document.uri, version: document.version });
    } catch (error) {
      this.connection.console.error(`Validation failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private sendRefusal(document: TextDocument, refused: { message: LocalizedText; severity: DiagnosticSeverity }): void {
    const diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: refused.severity,
      source: 'rubric',
      message: refused.message[this.locale],
    };
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [diagnostic] });
    void this.connection.sendNotification(AnalyzedNotification, { uri: document.uri, version: document.version });
  }

  private publishRubric(document: TextDocument): void {
    try {
      const refused = this.isRubric(document.uri) ? this.refusal(document) : undefined;
      if (refused) {
        this.analyses.forget(document.uri);
        this.sendRefusal(document, refused);
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

/** A URI's path, decoded (`file:///a/b%20c.scores.yaml` → `/a/b c.scores.yaml`); the URI itself when it has none. */
function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The workspace folders' paths from initialize (file URIs only; the root URI or path of an older client). */
function workspaceRootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.flatMap((uri) => filePathOf(uri) ?? []);
  if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
  return roots;
}
