import { CodeLensRefreshRequest, Connection, InitializeParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Locale, RubricCore } from '../core';
import { DEFAULT_SETTINGS, effectiveLocale, environmentLocale, readSettings, RubricSettings } from './settings';
import { filePathOf } from './uris';

/** What the client said it can do, from initialize. */
export interface ClientAbilities {
  pullConfiguration: boolean;
  refreshInlayHints: boolean;
  refreshCodeLens: boolean;
  watchFiles: boolean;
  workspaceFolders: boolean;
}

/**
 * What every part of the server reads of the editor: the open documents, the settings and the
 * language, the workspace folders, and the client's abilities. One instance per connection;
 * nothing is module-level.
 */
export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  settings: RubricSettings = DEFAULT_SETTINGS;
  /** Folders (paths) of the workspace: a document reads other files only inside the one that holds it. */
  workspaceRoots: string[] = [];
  abilities: ClientAbilities = { pullConfiguration: false, refreshInlayHints: false, refreshCodeLens: false, watchFiles: false, workspaceFolders: false };
  private clientLocale: string | undefined;

  constructor(
    readonly connection: Connection,
    readonly core: RubricCore,
    /** The server's environment: its language is `auto`'s last resort. */
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  initialize(params: InitializeParams): void {
    const workspace = params.capabilities.workspace;
    this.clientLocale = params.locale;
    this.workspaceRoots = workspaceRootsOf(params);
    this.abilities = {
      pullConfiguration: !!workspace?.configuration,
      refreshInlayHints: !!workspace?.inlayHint?.refreshSupport,
      refreshCodeLens: !!workspace?.codeLens?.refreshSupport,
      watchFiles: !!workspace?.didChangeWatchedFiles?.dynamicRegistration,
      workspaceFolders: !!workspace?.workspaceFolders,
    };
    this.settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  }

  get locale(): Locale {
    return effectiveLocale(this.settings, this.clientLocale, environmentLocale(this.env));
  }

  log(message: string): void {
    this.connection.console.error(message);
  }

  /** Asks the editor for inlay hints and code lenses again: figures shown beside the text changed. */
  refreshViews(): void {
    const log = (error: unknown) => this.log(`Refresh failed: ${String(error)}`);
    if (this.abilities.refreshInlayHints) this.connection.languages.inlayHint.refresh().catch(log);
    if (this.abilities.refreshCodeLens) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(log);
  }
}

/** The workspace folders' paths from initialize (file URIs only; the root URI or path of an older client). */
function workspaceRootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.flatMap((uri) => filePathOf(uri) ?? []);
  if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
  return roots;
}
