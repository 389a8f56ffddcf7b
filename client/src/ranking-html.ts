import type { Ranking, RankingGroup, RankingRow, RankingTierCount } from 'rubric-studio-server/out/protocol';
import { escapeHtml, renderPage, tierClass } from './webview-page';

/**
 * Pure: the ranking view's HTML. Per group (分序列) the tier counts against the quota, then one
 * table: rank, subject, total with a bar, tier, margin, and marks for vetoed subjects and ties
 * across a tier boundary. In the shared shell (webview-page.ts), with no script at all: bar
 * lengths are SVG attributes, as the policy lets no inline style attribute through.
 */

export interface RankingPage {
  /** The scoresheet's name as the workspace shows it. */
  file: string;
  ranking: Ranking | null;
  nonce: string;
  cspSource: string;
  labels: {
    title: string;
    rank: string;
    subject: string;
    total: string;
    tier: string;
    margin: string;
    /** Title of a margin's ▲: "{0} points short of {1}". */
    up: string;
    /** Title of a margin's ▼: "may lose {0} points before {1}" (the tier below). */
    down: string;
    vetoed: string;
    tied: string;
    /** The short word on a vetoed subject's badge ("vetoed", "否决"): text, not a pictograph a font may lack. */
    vetoMark: string;
    /** The short word on a tied subject's badge ("tied", "并列"). */
    tieMark: string;
    /** The rubric was not found or the scoresheet names none. */
    noRubric: string;
    empty: string;
    /** "{0} errors, {1} warnings: see the Problems panel". */
    problems: string;
    /** Counts against slots: "{0} of {1} slots". */
    slots: string;
    chart: string;
    /** The view and its file: "Ranking: {0}" ("排名：{0}"). */
    ofFile: string;
    /** The legend of the margins: "▲ points short of the tier above". */
    upLegend: string;
    /** "▼ points it may lose and keep its tier". */
    downLegend: string;
    /** With `previous:`: the column of rank changes ("Change") and the word for a subject not ranked then ("new"). */
    change?: string;
    newMark?: string;
    /** A round cell's title: "{0}: total {1}, rank {2}" (the round's path, its total and rank there). */
    roundTitle?: string;
    /** With rounds: the column drawing each subject's round totals as a line ("Trend"). */
    trend?: string;
  };
}

/** `{0}`, `{1}` in a label filled in, then escaped by the caller. */
function fill(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}

/** The quota's slots for a tier: `3`, `2–4`, `≤ 3`, `≥ 2`; empty when unbounded. */
export function slotBounds(count: Pick<RankingTierCount, 'min' | 'max'>): string {
  const { min, max } = count;
  if (min !== null && max !== null) return min === max ? String(min) : `${min}–${max}`;
  if (max !== null) return `≤ ${max}`;
  if (min !== null && min > 0) return `≥ ${min}`;
  return '';
}

function outsideQuota(count: RankingTierCount): boolean {
  return (count.max !== null && count.count > count.max) || (count.min !== null && count.count < count.min);
}

/** The length a bar is drawn against: the larger of the rubric's total and the best total shown. */
function barScale(ranking: Ranking): number {
  const totals = ranking.groups.flatMap((g) => g.rows.map((r) => (r.total === null ? 0 : Number(r.total))));
  return Math.max(Number(ranking.outOf ?? 100) || 100, ...totals, 1);
}

function tierIndex(ranking: Ranking, row: RankingRow): number {
  return row.tier ? ranking.tiers.findIndex((t) => t.id === row.tier!.id) : -1;
}

function bar(ranking: Ranking, row: RankingRow, scale: number): string {
  if (row.total === null) return '';
  const length = Math.max(0, Math.min(100, (Number(row.total) / scale) * 100));
  const index = tierIndex(ranking, row);
  const cls = index >= 0 ? tierClass(index) : 'none';
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="${cls}" x="0" y="1" width="${length.toFixed(2)}" height="8"></rect></svg>`;
}

function marginCell(ranking: Ranking, row: RankingRow, labels: RankingPage['labels']): string {
  const index = tierIndex(ranking, row);
  const above = index > 0 ? ranking.tiers[index - 1].name : '';
  const below = index >= 0 && index + 1 < ranking.tiers.length ? ranking.tiers[index + 1].name : '';
  const parts: string[] = [];
  if (row.margin.up !== undefined)
    parts.push(`<span class="up" title="${escapeHtml(fill(labels.up, row.margin.up, above))}">▲ ${escapeHtml(row.margin.up)}</span>`);
  if (row.margin.down !== undefined) {
    parts.push(`<span class="down" title="${escapeHtml(fill(labels.down, row.margin.down, below))}">▼ ${escapeHtml(row.margin.down)}</span>`);
  }
  return parts.join(' ');
}

function marks(ranking: Ranking, row: RankingRow, labels: RankingPage['labels']): string {
  const parts: string[] = [];
  // Vetoes by their names, as the rubric writes them (an older server sends only ids).
  const vetoes = row.vetoes.map((id) => ranking.vetoNames?.[id] ?? id).join(', ');
  if (row.vetoes.length > 0) parts.push(`<span class="badge veto" title="${escapeHtml(`${labels.vetoed}: ${vetoes}`)}">${escapeHtml(labels.vetoMark)}</span>`);
  if (row.tiedAtBoundary) parts.push(`<span class="badge tie" title="${escapeHtml(labels.tied)}">${escapeHtml(labels.tieMark)}</span>`);
  return parts.join('');
}

/** `↑2`, `↓1`, `=`, `new` against the previous result; null without one (or without a rank now). */
export function rankChange(row: RankingRow): { text: string; cls: string } | null {
  if (row.previousRank === undefined || row.rank === null) return null;
  if (row.previousRank === null) return { text: '', cls: 'new' };
  const moved = row.previousRank - row.rank;
  return moved > 0 ? { text: `↑${moved}`, cls: 'rose' } : moved < 0 ? { text: `↓${-moved}`, cls: 'fell' } : { text: '=', cls: 'same' };
}

function changeCell(row: RankingRow, labels: RankingPage['labels']): string {
  const change = rankChange(row);
  if (!change) return '<td class="change"></td>';
  const shown = change.cls === 'new' ? (labels.newMark ?? 'new') : change.text;
  return `<td class="change"><span class="${change.cls}">${escapeHtml(shown)}</span></td>`;
}

/** A round's cell: its total, and its rank there in small type; `—` where it has none. */
function roundCell(ranking: Ranking, row: RankingRow, round: number, labels: RankingPage['labels']): string {
  const total = row.roundTotals?.[round] ?? null;
  const rank = row.roundRanks?.[round] ?? null;
  if (total === null) return '<td class="num round">—</td>';
  const path = ranking.rounds?.[round]?.path ?? '';
  const title = fill(labels.roundTitle ?? '{0}: total {1}, rank {2}', path, total, rank === null ? '—' : String(rank));
  return `<td class="num round" title="${escapeHtml(title)}">${escapeHtml(total)}${rank === null ? '' : `<small> (${rank})</small>`}</td>`;
}

/**
 * The year at a glance: a subject's round totals as a line, every row drawn against the same
 * lowest and highest round total of the table, so lines compare down the column.
 */
export function trendLine(totals: readonly (string | null)[], low: number, high: number): string {
  const points = totals.flatMap((total, i) => {
    if (total === null) return [];
    const x = totals.length === 1 ? 50 : (i / (totals.length - 1)) * 100;
    const y = high === low ? 5 : 9 - ((Number(total) - low) / (high - low)) * 8;
    return [`${x.toFixed(1)},${y.toFixed(2)}`];
  });
  if (points.length === 0) return '';
  return `<svg class="trend" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><polyline points="${points.join(' ')}"></polyline></svg>`;
}

function roundRange(ranking: Ranking): [number, number] {
  const values = ranking.groups.flatMap((g) => g.rows.flatMap((r) => (r.roundTotals ?? []).flatMap((t) => (t === null ? [] : [Number(t)]))));
  return values.length === 0 ? [0, 0] : [Math.min(...values), Math.max(...values)];
}

function countsLine(ranking: Ranking, group: RankingGroup, labels: RankingPage['labels']): string {
  const chips = group.counts.map((count) => {
    const index = ranking.tiers.findIndex((t) => t.id === count.tier.id);
    const bounds = slotBounds(count);
    const title = bounds ? fill(labels.slots, String(count.count), bounds) : String(count.count);
    const cls = outsideQuota(count) ? 'key over' : 'key';
    return `<span class="${cls}" title="${escapeHtml(title)}"><i class="${tierClass(Math.max(index, 0))}"></i>${escapeHtml(count.tier.name)} <b>${count.count}</b>${bounds ? `<small>/${escapeHtml(bounds)}</small>` : ''}</span>`;
  });
  return chips.length > 0 ? `<div class="legend">${chips.join('')}</div>` : '';
}

function groupTable(ranking: Ranking, group: RankingGroup, labels: RankingPage['labels'], scale: number): string {
  const rounds = ranking.rounds ?? [];
  const withChange = group.rows.some((row) => row.previousRank !== undefined);
  const [low, high] = roundRange(ranking);
  const head =
    `<tr><th class="num">${escapeHtml(labels.rank)}</th>${withChange ? `<th class="change">${escapeHtml(labels.change ?? 'Change')}</th>` : ''}<th>${escapeHtml(labels.subject)}</th>` +
    rounds.map((r) => `<th class="num round" title="${escapeHtml(r.path)}">${escapeHtml(r.label)}</th>`).join('') +
    (rounds.length > 0 ? `<th class="trendcol">${escapeHtml(labels.trend ?? 'Trend')}</th>` : '') +
    `<th class="num">${escapeHtml(labels.total)}</th><th class="barcol"></th><th>${escapeHtml(labels.tier)}</th><th>${escapeHtml(labels.margin)}</th></tr>`;
  const body = group.rows
    .map((row) => {
      const cls = [row.vetoes.length > 0 ? 'vetoed' : '', row.tiedAtBoundary ? 'tied' : ''].filter(Boolean).join(' ');
      const index = tierIndex(ranking, row);
      const tier = row.tier ? `<i class="${tierClass(Math.max(index, 0))}"></i>${escapeHtml(row.tier.name)}` : '';
      return (
        `<tr${cls ? ` class="${cls}"` : ''}><td class="num">${row.rank ?? '—'}</td>${withChange ? changeCell(row, labels) : ''}<td class="subject">${escapeHtml(row.subject)}${marks(ranking, row, labels)}</td>` +
        rounds.map((_, i) => roundCell(ranking, row, i, labels)).join('') +
        (rounds.length > 0 ? `<td class="trendcol">${trendLine(row.roundTotals ?? [], low, high)}</td>` : '') +
        `<td class="num">${row.total === null ? '—' : escapeHtml(row.total)}</td><td class="barcol">${bar(ranking, row, scale)}</td>` +
        `<td class="tier">${tier}</td><td class="margin">${marginCell(ranking, row, labels)}</td></tr>`
      );
    })
    .join('');
  const heading = group.name ? `<h2>${escapeHtml(group.name)}</h2>` : '';
  return `<section class="group"${group.id ? ` data-group="${escapeHtml(group.id)}"` : ''}>${heading}${countsLine(ranking, group, labels)}<table aria-label="${escapeHtml(labels.chart)}"><thead>${head}</thead><tbody>${body}</tbody></table></section>`;
}

export function renderRanking(page: RankingPage): string {
  const { ranking, labels } = page;
  let content: string;
  if (!ranking || ranking.rubric === null) content = `<p class="empty">${escapeHtml(labels.noRubric)}</p>`;
  else if (ranking.groups.every((g) => g.rows.length === 0)) content = `<p class="empty">${escapeHtml(labels.empty)}</p>`;
  else {
    const scale = barScale(ranking);
    content = ranking.groups.map((group) => groupTable(ranking, group, labels, scale)).join('');
  }
  const problems =
    ranking && ranking.errors + ranking.warnings > 0
      ? `<p class="problems">${escapeHtml(fill(labels.problems, String(ranking.errors), String(ranking.warnings)))}</p>`
      : '';
  // The rubric's title heads the page, as on the printed table; the view and the file below it.
  const ofFile = fill(labels.ofFile, page.file);
  const heading = ranking?.title ? ranking.title : ofFile;
  const subtitle = ranking?.title ? `<p class="sub">${escapeHtml(ofFile)}</p>` : '';
  const margins = ranking?.groups.some((g) => g.rows.some((r) => r.margin.up !== undefined || r.margin.down !== undefined))
    ? `<p class="marks"><span class="up">▲</span> ${escapeHtml(labels.upLegend)} <span class="down">▼</span> ${escapeHtml(labels.downLegend)}</p>`
    : '';
  return renderPage({
    title: labels.title,
    nonce: page.nonce,
    cspSource: page.cspSource,
    style: STYLE,
    body: `<h1>${escapeHtml(heading)}</h1>\n${subtitle}${problems}${content}${margins}`,
  });
}

/**
 * Text at 4.5:1 or more against the editor's background in the default light and dark themes
 * (checked in the browser test): no opacity on text, and the warning, error and pass colours,
 * drawn for squiggles and icons, mixed with the text colour before they colour words.
 */
const STYLE = `
  h1 { font-size: 1.15em; margin: 10px 0 2px; }
  h2 { font-size: 1em; margin: 14px 0 4px; }
  p.sub { margin: 0 0 6px; color: var(--vscode-descriptionForeground); }
  p.problems { color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 45%, var(--vscode-foreground)); margin: 4px 0; }
  p.marks { margin: 10px 0; font-size: .9em; color: var(--vscode-descriptionForeground); }
  p.marks .down { margin-left: 12px; }
  table { width: 100%; max-width: 960px; }
  th, td { white-space: nowrap; }
  th { text-align: left; }
  th.num, td.num { text-align: right; }
  th.barcol, td.barcol { width: 30%; min-width: 60px; padding: 0 4px; }
  svg.bar { display: block; width: 100%; height: 12px; }
  rect.none { fill: var(--vscode-descriptionForeground, #888); }
  td.tier i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
  td.margin { font-size: .9em; }
  .up { color: color-mix(in srgb, var(--vscode-testing-iconPassed, var(--vscode-foreground)) 35%, var(--vscode-foreground)); }
  .down { color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 45%, var(--vscode-foreground)); }
  .badge { display: inline-block; white-space: nowrap; margin-left: 6px; padding: 0 4px; border-radius: 3px; font-size: .8em; line-height: 1.3; cursor: default; border: 1px solid currentColor; }
  .badge.veto { color: color-mix(in srgb, var(--vscode-errorForeground) 60%, var(--vscode-foreground)); }
  .badge.tie { color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 45%, var(--vscode-foreground)); }
  tr.tied td:first-child { box-shadow: inset 3px 0 var(--vscode-editorWarning-foreground); }
  .legend { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 4px 0; font-size: .9em; }
  .key small { color: var(--vscode-descriptionForeground); }
  .key.over b, .key.over small { color: color-mix(in srgb, var(--vscode-errorForeground) 60%, var(--vscode-foreground)); }
  td.round small { color: var(--vscode-descriptionForeground); }
  th.trendcol, td.trendcol { width: 12%; min-width: 50px; padding: 0 4px; }
  svg.trend { display: block; width: 100%; height: 14px; overflow: visible; }
  svg.trend polyline { fill: none; stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
  td.change .rose { color: color-mix(in srgb, var(--vscode-testing-iconPassed, var(--vscode-foreground)) 60%, var(--vscode-foreground)); }
  td.change .fell { color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 45%, var(--vscode-foreground)); }
  td.change .new { font-size: .85em; color: var(--vscode-descriptionForeground); }
`;
