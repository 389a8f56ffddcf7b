import * as vscode from 'vscode';
import { STATUS_MENU } from './language-choice';
import { t } from './localize';
import { LanguageClient } from 'vscode-languageclient/node';
import { outsideBounds, Ranking, RankingRequest, Summary, SummaryRequest, tierCountLine, tierLine } from 'rubric-studio-server/out/protocol';
import { AnalyzedEvents, isRubricDocument, isScoresheetDocument } from './rubric-documents';

/** The status bar summary of the active rubric: `Σ 100 ✓ · 优秀 3 · 良好 5 · 一般 2`, red when a sum is off. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rubric.status', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly updated = new vscode.EventEmitter<void>();
  private generation = 0;

  /** Fires after each update of the item, whatever its outcome. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly client: LanguageClient,
    analyzed: AnalyzedEvents,
  ) {
    this.item.name = t('Rubric summary');
    this.item.command = STATUS_MENU;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      analyzed.onDidAnalyze((event) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === event.uri) void this.update();
      }),
    );
    void this.update();
  }

  get text(): string {
    return this.item.text;
  }

  /** A tier's target after its figure, as the lenses word it: `优秀 3 (target 2)` / `优秀 3（一般掌握 2）`. */
  static targetNote(figure: string): string {
    return t(' (target {0})', figure);
  }

  static format(summary: Summary): string {
    const sum = summary.total === null ? 'Σ ?' : summary.total === summary.expected ? `Σ ${summary.total} ✓` : `Σ ${summary.total} / ${summary.expected}`;
    // 分序列: each group's slots, `乡镇序列: 优秀 3 · 良好 5 | 部门序列: …`.
    const groups = (summary.groups ?? []).filter((g) => g.tiers.length > 0).map((g) => t('{0}: {1}', g.name, tierLine(g.tiers, StatusItem.targetNote)));
    const slots = summary.tiers.length > 0 ? tierLine(summary.tiers, StatusItem.targetNote) : groups.join(' | ');
    return [sum, ...(slots ? [slots] : [])].join(' · ');
  }

  /**
   * A scoresheet's tier counts against the quota, per group, worded as the lens above `scores:`
   * words them: `优秀 3/3 · 良好 5 · 一般 2/2` (`第一序列: 优秀 1/1 … | 第二序列: …`), a tier's
   * target after its count (`优秀 3/3 (target 2.4) ⚠`), or its subjects' count without tiers.
   */
  static formatRanking(ranking: Ranking): string {
    const line = (counts: Ranking['groups'][number]['counts']) =>
      tierCountLine(
        counts.map((c) => ({ ...c, name: c.tier.name })),
        StatusItem.targetNote,
      );
    const groups = ranking.groups.map((g) => (ranking.groups.length > 1 && g.name ? t('{0}: {1}', g.name, line(g.counts)) : line(g.counts)));
    const counts = groups.filter(Boolean).join(' | ');
    const subjects = ranking.groups.reduce((n, g) => n + g.rows.length, 0);
    return counts || t('{0} subjects', subjects);
  }

  private async updateScoresheet(document: vscode.TextDocument, generation: number): Promise<void> {
    const ranking = await this.client.sendRequest(RankingRequest, { uri: document.uri.toString() }).catch(() => null);
    if (generation !== this.generation) return;
    if (!ranking) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const off = ranking.rubric === null || ranking.errors > 0;
    const overQuota = ranking.groups.some((g) => g.counts.some((c) => outsideBounds({ ...c, name: c.tier.name })));
    this.item.text = `$(list-ordered) ${ranking.rubric === null ? t('rubric not found') : StatusItem.formatRanking(ranking)}`;
    this.item.backgroundColor = off
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : overQuota
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.item.tooltip =
      ranking.rubric === null
        ? t('The rubric of this scoresheet was not found: see the Problems panel.')
        : t('Subjects per tier against the quota. Click for the ranking or the language.');
    this.item.show();
    this.updated.fire();
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const active = vscode.window.activeTextEditor?.document;
    if (isScoresheetDocument(active)) return this.updateScoresheet(active, generation);
    const document = vscode.window.activeTextEditor?.document;
    if (!isRubricDocument(document)) {
      this.item.hide();
      return;
    }
    const summary = await this.client.sendRequest(SummaryRequest, { uri: document.uri.toString() }).catch(() => null);
    // A newer update started while this one waited: it wins.
    if (generation !== this.generation) return;
    if (!summary) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const off = summary.total === null || summary.total !== summary.expected;
    this.item.text = `$(checklist) ${StatusItem.format(summary)}`;
    this.item.backgroundColor = off ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.tooltip = off
      ? t(
          'Top-level weights add up to {0}, not {1}. Click for the quota simulation or the language.',
          String(summary.total ?? '?'),
          String(summary.expected ?? '?'),
        )
      : t('Weights add up. Click for the quota simulation or the language.');
    this.item.show();
    this.updated.fire();
  }

  dispose(): void {
    this.item.dispose();
    this.updated.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
