import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { t } from './localize';
import { LanguageClient } from 'vscode-languageclient/node';
import { SimulateRequest, SimulationRow, SummaryRequest } from 'rubric-studio-server/out/protocol';
import { AnalyzedEvents, isRubricDocument } from './rubric-documents';
import { renderSimulation } from './simulation-html';
import { parseRange, parseRangeMessage, subjectsBetween } from './simulation-range';

/**
 * `Rubric: Show Quota Simulation`: a webview beside the editor with slots per tier over a
 * range of N; it follows the active rubric while the person types.
 */
export class SimulationView implements vscode.Disposable {
  static readonly viewType = 'rubric.simulation';
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  /** Which rubric of a multi-document file (0-based). */
  private documentIndex = 0;
  private range: { from: number; to: number } | undefined;
  private rows: SimulationRow[] = [];
  private title = '';
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the view has shown new rows. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly client: LanguageClient,
    analyzed: AnalyzedEvents,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isRubricDocument(editor?.document) && editor.document.uri.toString() !== this.target?.toString()) {
          void this.show(editor.document.uri, 0, false);
        }
      }),
      analyzed.onDidAnalyze((event) => {
        if (this.panel && event.uri === this.target?.toString()) void this.refresh();
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The rows the view shows now, for export and for tests. */
  get currentRows(): SimulationRow[] {
    return this.rows;
  }

  get currentTitle(): string {
    return this.title;
  }

  /** Shows the simulation of one rubric: the `documentIndex`-th of the file (the quota lens says which). */
  async show(uri: vscode.Uri | undefined, documentIndex = 0, reveal = true): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a rubric file (*.rubric.yaml) first.'));
      return;
    }
    if (this.target?.toString() !== target.toString() || this.documentIndex !== documentIndex) this.range = undefined;
    this.target = target;
    this.documentIndex = documentIndex;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        SimulationView.viewType,
        t('Quota simulation'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        const range = parseRangeMessage(message);
        if (range) {
          this.range = range;
          void this.refresh();
        }
      });
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
    const uri = target.toString();
    const document = this.documentIndex;
    const summary = await this.client.sendRequest(SummaryRequest, { uri, document }).catch(() => null);
    const range = this.range ?? parseRange(vscode.workspace.getConfiguration('rubric').get<string>('simulation.range'), summary?.subjects);
    const rows = (await this.client.sendRequest(SimulateRequest, { uri, document, subjects: subjectsBetween(range.from, range.to) }).catch(() => null)) ?? [];
    if (generation !== this.generation || this.panel !== panel) return;
    this.rows = rows;
    this.title = summary?.title ?? vscode.workspace.asRelativePath(target);
    panel.title = t('Quota simulation: {0}', this.title);
    panel.webview.html = renderSimulation({
      title: this.title,
      rows,
      from: range.from,
      to: range.to,
      subjects: summary?.subjects ?? undefined,
      groups: (summary?.groups ?? []).flatMap((g) => (g.subjects === null ? [] : [{ name: g.name, subjects: g.subjects }])),
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      labels: {
        subjects: t('Subjects (N)'),
        share: t('Slots as a share of N'),
        warnings: t('Warnings'),
        from: t('From'),
        to: t('To'),
        apply: t('Apply'),
        problem: t('a quota problem at this N, see the table'),
        empty: t('No tiers to simulate yet.'),
        chart: t('Slots per tier for each number of subjects'),
      },
    });
    this.refreshed.fire();
  }

  dispose(): void {
    this.panel?.dispose();
    this.refreshed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
