import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Ranking, RankingRequest } from 'rubric-studio-server/out/protocol';
import { DocumentView, PageKeys } from './document-view';
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
    previousRank: t('Previous rank'),
    change: t('Change'),
    newMark: t('new'),
    roundTotal: t('{0}: total'),
    roundRank: t('{0}: rank'),
  };
}

/**
 * `Rubric: Show Ranking`: a webview beside the editor with a scoresheet's ranking per group. It
 * follows the active scoresheet, and refreshes when the server says it analysed the scoresheet
 * again, which it does when the scoresheet changes and when its rubric does (saved or not).
 */
export class RankingView extends DocumentView<Ranking | null> {
  static readonly viewType = 'rubric.ranking';
  private ranking: Ranking | null = null;

  constructor(
    private readonly client: LanguageClient,
    analyzed: AnalyzedEvents,
  ) {
    super({ viewType: RankingView.viewType, title: () => t('Ranking'), scripts: false, follows: isScoresheetDocument }, analyzed);
  }

  /** The ranking the view shows now, for export and for tests. */
  get currentRanking(): Ranking | null {
    return this.ranking;
  }

  /** Shows the ranking of a scoresheet: the one given, else the active one, else one open in an editor. */
  async show(uri?: vscode.Uri, reveal = true): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const visible = vscode.window.visibleTextEditors.map((e) => e.document).find((d) => isScoresheetDocument(d));
    const target = uri ?? (isScoresheetDocument(active) ? active.uri : (this.currentTarget ?? visible?.uri));
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a scoresheet (*.scores.yaml) first.'));
      return;
    }
    await this.open(target, reveal);
  }

  protected follow(uri: vscode.Uri): Promise<void> {
    return this.show(uri, false);
  }

  protected load(target: vscode.Uri): Promise<Ranking | null> {
    return this.client.sendRequest(RankingRequest, { uri: target.toString() }).catch(() => null);
  }

  protected present(ranking: Ranking | null, target: vscode.Uri, keys: PageKeys): { title: string; html: string } {
    this.ranking = ranking;
    const file = vscode.workspace.asRelativePath(target);
    const columns = rankingColumnLabels();
    const html = renderRanking({
      file,
      ranking,
      ...keys,
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
        ofFile: t('Ranking: {0}'),
        upLegend: t('points short of the tier above'),
        downLegend: t('points it may lose and keep its tier'),
        change: t('Change'),
        newMark: t('new'),
        roundTitle: t('{0}: total {1}, rank {2}'),
        trend: t('Trend'),
      },
    });
    return { title: t('Ranking: {0}', file.split('/').pop() ?? file), html };
  }
}
