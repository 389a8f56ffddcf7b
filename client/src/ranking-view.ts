import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Ranking, RankingRequest } from 'rubric-studio-server/out/protocol';
import { t } from './localize';
import { RankingExportLabels } from './ranking-export';
import { renderRanking } from './ranking-html';
import { AnalyzedEvents, isScoresheetDocument } from './rubric-documents';

/** The column names of the view and of its exports, in the person's language. */
export function rankingColumnLabels(): RankingExportLabels {
  return {
    group: t('Group'),
    rank: t('Rank'),
    subject: t('Subject'),
    total: t('Total'),
    tier: t('Tier'),
    up: t('Short of the next tier'),
    down: t('Above the tier below'),
    vetoes: t('Vetoes'),
    tied: t('Tied at a tier boundary'),
  };
}

/**
 * `Rubric: Show Ranking`: a webview beside the editor with a scoresheet's ranking per group. It
 * follows the active scoresheet, and refreshes when the server says it analysed the scoresheet
 * again, which it does when the scoresheet changes and when its rubric does (saved or not).
 */
export class RankingView implements vscode.Disposable {
  static readonly viewType = 'rubric.ranking';
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private ranking: Ranking | null = null;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the view has shown a new ranking. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly client: LanguageClient,
    analyzed: AnalyzedEvents,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isScoresheetDocument(editor?.document) && editor.document.uri.toString() !== this.target?.toString()) {
          void this.show(editor.document.uri, false);
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

  /** The ranking the view shows now, for export and for tests. */
  get currentRanking(): Ranking | null {
    return this.ranking;
  }

  get currentTarget(): vscode.Uri | undefined {
    return this.target;
  }

  /** Shows the ranking of a scoresheet: the one given, else the active one, else one open in an editor. */
  async show(uri?: vscode.Uri, reveal = true): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const visible = vscode.window.visibleTextEditors.map((e) => e.document).find((d) => isScoresheetDocument(d));
    const target = uri ?? (isScoresheetDocument(active) ? active.uri : (this.target ?? visible?.uri));
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a scoresheet (*.scores.yaml) first.'));
      return;
    }
    this.target = target;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        RankingView.viewType,
        t('Ranking'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
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
    const ranking = await this.client.sendRequest(RankingRequest, { uri: target.toString() }).catch(() => null);
    // A newer refresh started while this one waited, or the view was closed: that one wins.
    if (generation !== this.generation || this.panel !== panel) return;
    this.ranking = ranking;
    const file = vscode.workspace.asRelativePath(target);
    panel.title = t('Ranking: {0}', file.split('/').pop() ?? file);
    const columns = rankingColumnLabels();
    panel.webview.html = renderRanking({
      file,
      ranking,
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      labels: {
        title: t('Ranking'),
        rank: columns.rank,
        subject: columns.subject,
        total: columns.total,
        tier: columns.tier,
        margin: t('Margin'),
        up: t('{0} points short of {1}'),
        down: t('may lose {0} points before dropping to {1}'),
        vetoed: t('Vetoed'),
        tied: t('Tied with a subject across a tier boundary'),
        vetoMark: t('vetoed'),
        tieMark: t('tied'),
        noRubric: t('The rubric of this scoresheet was not found: see the Problems panel.'),
        empty: t('No subjects scored yet.'),
        problems: t('{0} errors, {1} warnings: see the Problems panel.'),
        slots: t('{0} taken; the quota gives {1}'),
        chart: t('Totals, ranks and tiers'),
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
