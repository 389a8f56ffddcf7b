import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { AnalyzedEvents } from './rubric-documents';

export interface DocumentViewKind {
  viewType: string;
  /** The panel's title until the first page shows (read when the panel opens, in the language of that moment). */
  title(): string;
  /** Whether the page has a script (which talks back through `receive`); without one the policy lets none run. */
  scripts: boolean;
  /** The documents the view shows, and so follows when the person switches to one in an editor. */
  follows(document: vscode.TextDocument | undefined): document is vscode.TextDocument;
}

/** What a page is made with: a fresh nonce and the webview's own source, for the shell's policy (webview-page.ts). */
export interface PageKeys {
  nonce: string;
  cspSource: string;
}

/**
 * A webview beside the editor showing the figures of one document, its target (the simulation of
 * a rubric, the ranking of a scoresheet). It opens once and is revealed after; it follows the
 * active editor among the documents of its kind; it refreshes when the server says it analysed
 * the target again (`rubric/analyzed`), never on the editor's own events; of refreshes that
 * overlap, only the newest shows. The page has no local resources and a new nonce each time.
 *
 * A view adds what is its own: how it picks its target (`show`), what it asks the server
 * (`load`), and its page (`present`).
 */
export abstract class DocumentView<Loaded> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the view has shown a new page. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly kind: DocumentViewKind,
    analyzed: AnalyzedEvents,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const document = editor?.document;
        if (this.panel && kind.follows(document) && document.uri.toString() !== this.target?.toString()) void this.follow(document.uri);
      }),
      analyzed.onDidAnalyze((event) => {
        if (this.panel && event.uri === this.target?.toString()) void this.refresh();
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The document the view shows (or last showed). */
  get currentTarget(): vscode.Uri | undefined {
    return this.target;
  }

  /** Shows `target`: the panel opens beside the editor, or is brought forward when `reveal` (not when following the editor). */
  protected async open(target: vscode.Uri, reveal: boolean): Promise<void> {
    this.target = target;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        this.kind.viewType,
        this.kind.title(),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: this.kind.scripts, localResourceRoots: [] },
      );
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      if (this.kind.scripts) panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
      this.panel = panel;
    } else if (reveal) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const panel = this.panel;
    const target = this.target;
    if (!panel || !target) return;
    const generation = ++this.generation;
    const loaded = await this.load(target);
    // A newer refresh started while this one waited, or the view was closed: that one wins.
    if (generation !== this.generation || this.panel !== panel) return;
    const page = this.present(loaded, target, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
    panel.title = page.title;
    panel.webview.html = page.html;
    this.refreshed.fire();
  }

  /** Asks the server what to show of `target`; a failed request is shown as nothing, never thrown. */
  protected abstract load(target: vscode.Uri): Promise<Loaded>;

  /** Keeps what was loaded as the view's current figures (for export and tests) and makes the page. */
  protected abstract present(loaded: Loaded, target: vscode.Uri, keys: PageKeys): { title: string; html: string };

  /** Switches to another document of its kind, the one now in the active editor, without taking the focus. */
  protected abstract follow(uri: vscode.Uri): Promise<void>;

  /** A message from the page's script (only with `scripts`). */
  protected receive(_message: unknown): void {}

  dispose(): void {
    this.panel?.dispose();
    this.refreshed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
