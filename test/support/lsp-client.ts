import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  StreamMessageReader,
  StreamMessageWriter,
  TextEdit,
  ConfigurationRequest,
  ExitNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '../../..');
const SERVER = path.join(ROOT, 'node_modules/.bin/rubric-language-server');

export interface ClientOptions {
  locale?: string;
  /** Answered to workspace/configuration for section `rubric`; without it the client cannot be asked. */
  settings?: Record<string, unknown>;
  /** Another server to talk to (the benchmark's yaml-language-server); the rubric server by default. */
  command?: string[];
  /** Sent as `initializationOptions` (the rubric server reads `{settings: {...}}` there before any document). */
  initializationOptions?: unknown;
  /** Answers for other configuration sections (e.g. `yaml`). */
  sections?: Record<string, unknown>;
  /** Workspace folders (file URIs) sent in initialize; none by default. */
  workspaceFolders?: string[];
  /** The server's environment beside the test's own; its language is English (LANG=C.UTF-8) unless set here. */
  env?: NodeJS.ProcessEnv;
}

/**
 * A real JSON-RPC client talking to the real server process over stdio, as an editor would.
 * Diagnostics are awaited as notifications, never with timers.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  /**
   * Edits sent since a document's text was last worked out, in order: applied when the text is
   * asked for, so that a benchmark's keystroke times the server, not this client applying the
   * edit to a big text before sending it.
   */
  private readonly unapplied = new Map<string, TextEdit[][]>();
  stderr = '';
  exited: number | null | undefined;

  private constructor(private readonly options: ClientOptions) {
    const [command, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
    // Whatever the machine's language, the server's is English unless a test says otherwise.
    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...options.env };
    this.process = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.process.on('exit', (code) => {
      this.exited = code;
      // Nothing more will come: fail whoever waits instead of leaving them hanging.
      for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`server exited (${code}) while awaiting diagnostics: ${this.stderr}`));
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        // A server that does not tag diagnostics with a version (yaml-language-server) is taken at its word.
        if (waiter.uri === params.uri && (waiter.version === undefined || params.version === undefined || params.version === waiter.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'rubric' ? (this.options.settings ?? {}) : (this.options.sections?.[item.section ?? ''] ?? null))),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const client = new LspClient(options);
    // A server that dies at start-up must fail the test at once, not leave it waiting.
    const died = new Promise<never>((_, reject) => client.process.once('exit', (code) => reject(new Error(`server exited (${code}): ${client.stderr}`))));
    const initialize = client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri) => ({ uri, name: path.basename(uri) })) ?? null,
      locale: options.locale,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.settings !== undefined || options.sections !== undefined, inlayHint: { refreshSupport: false } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await Promise.race([initialize, died]);
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the next diagnostics published for `uri` (for `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => this.waiters.push({ uri, version, resolve, reject }));
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.diagnostics(uri, 1);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.unapplied.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await published).diagnostics;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  text(uri: string): string {
    const edits = this.unapplied.get(uri) ?? [];
    this.unapplied.delete(uri);
    for (const batch of edits) this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', batch));
    return this.texts.get(uri) ?? '';
  }

  /** Applies incremental edits, as an editor sends keystrokes, and awaits that version's diagnostics. */
  async edit(uri: string, edits: { range: Range; text: string }[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const unapplied = this.unapplied.get(uri) ?? [];
    unapplied.push(edits.map((e) => ({ range: e.range, newText: e.text })));
    this.unapplied.set(uri, unapplied);
    const published = this.diagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.text })),
    });
    return (await published).diagnostics;
  }

  /** Closes a document; its diagnostics are cleared. */
  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    this.unapplied.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async replaceAll(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    this.unapplied.delete(uri);
    const published = this.diagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  }

  async stop(): Promise<void> {
    if (this.exited === undefined) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      await exited;
    }
    this.connection.dispose();
  }
}

/** Applies LSP edits to a text (all positions refer to the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The 0-based position of the first occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in the text`);
  const before = text.slice(0, index + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
