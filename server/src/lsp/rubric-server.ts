import { CancellationToken, CodeActionKind, Connection, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RubricCore } from '../core';
import {
  ExportSpreadsheetRequest,
  ImportSpreadsheetRequest,
  NewScoresheetRequest,
  NoticeRequest,
  RankingRequest,
  SimulateRequest,
  SummaryRequest,
} from '../protocol';
import { emptyResult, ParamsOf, Service } from './document-kind';
import { DocumentKinds } from './document-kinds';
import { FileDependencies } from './file-dependencies';
import { writeNotice } from './notice-requests';
import { DiagnosticsPublisher } from './publish-diagnostics';
import { runSafe } from './run-safe';
import { ServerState } from './server-state';
import { readSettings } from './settings';
import { SpreadsheetRequests } from './spreadsheet-requests';
import { WorkspaceEvents } from './workspace-events';

/**
 * The language server: each LSP method registered once, answered by the document's kind
 * (document-kinds.ts) from its analysis through a core service to an LSP result (convert.ts).
 * All state lives in one instance; nothing is module-level.
 */
export class RubricLanguageServer {
  private readonly state: ServerState;
  private readonly dependencies: FileDependencies;
  private readonly kinds: DocumentKinds;
  private readonly publisher: DiagnosticsPublisher;
  private readonly workspace: WorkspaceEvents;
  private readonly spreadsheets: SpreadsheetRequests;

  constructor(
    private readonly connection: Connection,
    private readonly core: RubricCore,
    /** Rubrics to analyse once at start-up (see warmUp). */
    private readonly warmUpTexts: readonly string[] = [],
  ) {
    this.state = new ServerState(connection, core);
    this.dependencies = new FileDependencies({
      invalidate: (uri) => this.kinds.invalidate(uri),
      publish: (uris) => {
        for (const uri of uris) {
          const document = this.state.documents.get(uri);
          if (document) this.publisher.publish(document);
        }
        // Totals and ranks beside the text changed too.
        this.state.refreshViews();
      },
    });
    this.kinds = new DocumentKinds(this.state, this.dependencies);
    this.publisher = new DiagnosticsPublisher(this.state, this.kinds, this.dependencies);
    this.workspace = new WorkspaceEvents(this.state, this.kinds, this.dependencies);
    this.spreadsheets = new SpreadsheetRequests(core, { workspaceRoots: () => this.state.workspaceRoots, maxFileSize: () => this.state.settings.maxFileSize });
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => {
      void this.refreshSettings();
      this.workspace.watchFiles();
      this.workspace.followWorkspaceFolders();
    });
    c.onDidChangeConfiguration((change) => void this.refreshSettings(change.settings?.rubric));
    c.onDidChangeWatchedFiles((params) => this.workspace.filesChanged(params));
    this.state.documents.onDidChangeContent((event) => this.changed(event.document));
    this.state.documents.onDidClose((event) => this.closed(event.document.uri));

    // Each method once; the document's kind answers (document-kinds.ts).
    const byKind =
      <S extends Service>(service: S) =>
      (params: ParamsOf<S> & { textDocument: { uri: string } }, token: CancellationToken) =>
        this.answer(service, params.textDocument.uri, params, token);
    c.onHover(byKind('hover'));
    c.onCompletion(byKind('completion'));
    c.languages.inlayHint.on(byKind('inlayHints'));
    c.onCodeLens(byKind('codeLenses'));
    c.onDocumentSymbol(byKind('documentSymbols'));
    c.onFoldingRanges(byKind('foldingRanges'));
    c.onDefinition(byKind('definition'));
    c.onReferences(byKind('references'));
    c.onPrepareRename(byKind('prepareRename'));
    c.onRenameRequest(byKind('rename'));
    c.onCodeAction(byKind('codeActions'));
    c.onRequest(SummaryRequest, (p, token) => this.answer('summary', p.uri, p, token));
    c.onRequest(SimulateRequest, (p, token) => this.answer('simulate', p.uri, p, token));
    c.onRequest(RankingRequest, (p, token) => this.answer('ranking', p.uri, p, token));
    c.onRequest(NewScoresheetRequest, (p, token) => this.answer('newScoresheet', p.uri, p, token));
    c.onRequest(ExportSpreadsheetRequest, (p) => this.spreadsheets.export(p, this.state.documents.get(p.uri)?.getText(), this.state.locale));
    c.onRequest(ImportSpreadsheetRequest, (p) => this.spreadsheets.import(p, this.state.locale));
    c.onRequest(NoticeRequest, (p) => writeNotice(p, this.kinds.scoresheetAnalysis(p.uri), this.state.locale));

    this.state.documents.listen(c);
    c.listen();
  }

  /** A request on a document: its kind's service, or the empty result. */
  private answer<S extends Service>(service: S, uri: string, params: ParamsOf<S>, token: CancellationToken) {
    return runSafe(
      token,
      (m) => this.state.log(m),
      emptyResult(service),
      () => this.kinds.answer(service, uri, params),
    );
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.state.initialize(params);
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
        this.state.log(`Warm-up failed: ${String(error)}`);
      }
    }
  }

  private async refreshSettings(pushed?: unknown): Promise<void> {
    if (this.state.abilities.pullConfiguration) {
      try {
        this.state.settings = readSettings(await this.connection.workspace.getConfiguration({ section: 'rubric' }));
      } catch (error) {
        this.state.log(`Could not read the rubric settings: ${String(error)}`);
      }
    } else if (pushed !== undefined) {
      this.state.settings = readSettings(pushed);
    }
    for (const document of this.state.documents.all()) this.changed(document);
    // The language may have changed: figures shown in hints and lenses are asked for again.
    this.state.refreshViews();
  }

  /** A new version of a document: its diagnostics, then the documents that depend on it follow, saved or not. */
  private changed(document: TextDocument): void {
    this.publisher.publish(document);
    if (this.kinds.kindOf(document.uri)) this.dependencies.recheck(this.dependencies.affectedBy([this.dependencies.realPathOfDocument(document.uri)]));
  }

  /** Its diagnostics go; the documents that depended on it read its file from disk now, which may differ from what was typed. */
  private closed(uri: string): void {
    const file = this.dependencies.realPathOfDocument(uri);
    this.kinds.forget(uri);
    this.dependencies.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.dependencies.recheck(this.dependencies.affectedBy([file]));
  }
}
