import * as vscode from 'vscode';
import { t } from './localize';
import { LanguageClient } from 'vscode-languageclient/node';
import { SimulateRequest, SimulationRow, Summary, SummaryRequest } from 'rubric-studio-server/out/protocol';
import { DocumentView, PageKeys } from './document-view';
import { AnalyzedEvents, isRubricDocument } from './rubric-documents';
import { renderSimulation } from './simulation-html';
import { parseRange, parseRangeMessage, subjectsBetween } from './simulation-range';

interface Simulated {
  summary: Summary | null;
  range: { from: number; to: number };
  rows: SimulationRow[];
}

/**
 * `Rubric: Show Quota Simulation`: a webview beside the editor with slots per tier over a
 * range of N; it follows the active rubric while the person types.
 */
export class SimulationView extends DocumentView<Simulated> {
  static readonly viewType = 'rubric.simulation';
  /** Which rubric of a multi-document file (0-based). */
  private documentIndex = 0;
  /** The range asked for in the view; the setting's (or twice N) without one. */
  private range: { from: number; to: number } | undefined;
  private rows: SimulationRow[] = [];
  private title = '';

  constructor(
    private readonly client: LanguageClient,
    analyzed: AnalyzedEvents,
  ) {
    super({ viewType: SimulationView.viewType, title: () => t('Quota simulation'), scripts: true, follows: isRubricDocument }, analyzed);
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
    if (this.currentTarget?.toString() !== target.toString() || this.documentIndex !== documentIndex) this.range = undefined;
    this.documentIndex = documentIndex;
    await this.open(target, reveal);
  }

  protected follow(uri: vscode.Uri): Promise<void> {
    return this.show(uri, 0, false);
  }

  protected override receive(message: unknown): void {
    const range = parseRangeMessage(message);
    if (range) {
      this.range = range;
      void this.refresh();
    }
  }

  protected async load(target: vscode.Uri): Promise<Simulated> {
    const uri = target.toString();
    const document = this.documentIndex;
    const summary = await this.client.sendRequest(SummaryRequest, { uri, document }).catch(() => null);
    const range = this.range ?? parseRange(vscode.workspace.getConfiguration('rubric').get<string>('simulation.range'), summary?.subjects);
    const rows = (await this.client.sendRequest(SimulateRequest, { uri, document, subjects: subjectsBetween(range.from, range.to) }).catch(() => null)) ?? [];
    return { summary, range, rows };
  }

  protected present({ summary, range, rows }: Simulated, target: vscode.Uri, keys: PageKeys): { title: string; html: string } {
    this.rows = rows;
    this.title = summary?.title ?? vscode.workspace.asRelativePath(target);
    const html = renderSimulation({
      title: this.title,
      rows,
      from: range.from,
      to: range.to,
      subjects: summary?.subjects ?? undefined,
      groups: (summary?.groups ?? []).flatMap((g) => (g.subjects === null ? [] : [{ name: g.name, subjects: g.subjects }])),
      ...keys,
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
        target: t('{0}: target {1}'),
      },
    });
    return { title: t('Quota simulation: {0}', this.title), html };
  }
}
