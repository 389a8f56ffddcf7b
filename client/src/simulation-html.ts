import { MAX_SUBJECTS, SimulationRow, slotsText } from 'rubric-studio-server/out/protocol';
import { escapeHtml, renderPage, tierClass } from './webview-page';

/**
 * Pure: the simulation view's page (a stacked bar chart in SVG, then the table, and the range form
 * with the page's one script) in the shared shell (webview-page.ts: its policy, palette and
 * escaping). Made to be read at half the editor's width: numbers never wrap, the header is short,
 * the chart has its axes and scale.
 */

export interface SimulationPage {
  title: string;
  rows: SimulationRow[];
  from: number;
  to: number;
  /** The rubric's own N, highlighted. */
  subjects: number | undefined;
  /** 分序列: each group's own N, highlighted and named in its row. */
  groups?: { name: string; subjects: number }[];
  nonce: string;
  cspSource: string;
  labels: {
    /** Long name of the N column and the x axis: "Subjects (N)". */
    subjects: string;
    /** The y axis: what a bar's height is. */
    share: string;
    warnings: string;
    from: string;
    to: string;
    apply: string;
    /** What the ! above a bar means. */
    problem: string;
    empty: string;
    chart: string;
    /** A target line's title: "{0}: target {1}" (the tier's name, its target share). */
    target?: string;
  };
}

/** The chart's own units; the SVG scales to the view's width, up to MAX_CHART_WIDTH pixels. */
const PLOT = { left: 46, top: 14, width: 300, height: 110, bottom: 30, right: 8 };
const MAX_CHART_WIDTH = 520;

/** A share as a person reads it: `30%`, `33.3%`. */
export function percent(share: number): string {
  const value = share * 100;
  return `${Number.isInteger(Number(value.toFixed(1))) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** The smallest of 1, 2, 5, 10, 20, 50… that is at least `value`: the step between N labels. */
function niceStep(value: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (step * magnitude >= value) return step * magnitude;
  }
}

/** The problems of a row as sentences when the server sends them, else their codes. */
function problemTexts(row: SimulationRow): string[] {
  return (row as SimulationRow & { problems?: { code: string; message: string }[] }).problems?.map((p) => p.message) ?? row.warnings;
}

function chart(page: SimulationPage): string {
  const { rows, labels } = page;
  if (rows.length === 0) return '';
  const { left, top, width, height, bottom, right } = PLOT;
  const slot = width / rows.length;
  const barWidth = Math.max(slot * 0.8, Math.min(slot, 1));
  const baseline = top + height;
  const y = (share: number) => baseline - share * height;
  // At most about eight N labels, on round numbers.
  const labelEvery = niceStep(Math.ceil(rows.length / 8));
  const parts: string[] = [];
  for (const share of [0, 0.5, 1]) {
    parts.push(
      `<line class="grid" x1="${left}" x2="${left + width}" y1="${y(share)}" y2="${y(share)}"></line>`,
      `<text class="tick" x="${left - 4}" y="${y(share) + 4}" text-anchor="end">${share * 100}%</text>`,
    );
  }
  rows.forEach((row, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    const n = Math.max(row.subjects, 1);
    let stackTop = baseline;
    row.tiers.forEach((tier, t) => {
      // A range of slots is drawn at its lower bound; the table gives the full range.
      const h = (tier.min / n) * height;
      // A quota's target (一般掌握比例): a line across the bar at the share the tier should keep to.
      if (tier.target !== undefined) {
        const at = (stackTop - tier.target * height).toFixed(2);
        const title = (labels.target ?? '{0}: target {1}').replace('{0}', tier.name).replace('{1}', percent(tier.target));
        parts.push(
          `<line class="target" x1="${x.toFixed(2)}" x2="${(x + barWidth).toFixed(2)}" y1="${at}" y2="${at}"><title>${escapeHtml(title)}</title></line>`,
        );
      }
      stackTop -= h;
      parts.push(
        `<rect x="${x.toFixed(2)}" y="${stackTop.toFixed(2)}" width="${barWidth.toFixed(2)}" height="${h.toFixed(2)}" class="${tierClass(t)}">` +
          `<title>N = ${row.subjects} · ${escapeHtml(tier.name)}: ${slotsText(tier)} (${percent(tier.share)})</title></rect>`,
      );
    });
    const centre = (x + barWidth / 2).toFixed(2);
    if (isOwn(page, row.subjects)) {
      parts.push(`<rect class="own" x="${(x - 1).toFixed(2)}" y="${top - 1}" width="${(barWidth + 2).toFixed(2)}" height="${height + 2}"></rect>`);
    }
    if (row.warnings.length > 0) parts.push(`<text class="mark" x="${centre}" y="${(stackTop - 3).toFixed(2)}" text-anchor="middle">!</text>`);
    if (row.subjects % labelEvery === 0 || rows.length === 1) {
      parts.push(
        `<line class="axis" x1="${centre}" x2="${centre}" y1="${baseline}" y2="${baseline + 3}"></line>`,
        `<text class="tick" x="${centre}" y="${baseline + 14}" text-anchor="middle">${row.subjects}</text>`,
      );
    }
  });
  parts.push(
    `<line class="axis" x1="${left}" x2="${left + width}" y1="${baseline}" y2="${baseline}"></line>`,
    `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${baseline}"></line>`,
    `<text class="axis-label" x="${left + width / 2}" y="${baseline + bottom - 4}" text-anchor="middle">${escapeHtml(labels.subjects)}</text>`,
    `<text class="axis-label" transform="rotate(-90)" x="${-(top + height / 2)}" y="10" text-anchor="middle">${escapeHtml(labels.share)}</text>`,
  );
  const viewWidth = left + width + right;
  const viewHeight = top + height + bottom;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(labels.chart)}" viewBox="0 0 ${viewWidth} ${viewHeight}">${parts.join('')}</svg>`;
}

/** The rubric's own N, or (分序列) one of its groups'. */
function isOwn(page: SimulationPage, subjects: number): boolean {
  return page.groups && page.groups.length > 0 ? page.groups.some((g) => g.subjects === subjects) : subjects === page.subjects;
}

export function renderSimulation(page: SimulationPage): string {
  const { rows, labels } = page;
  const tiers = rows[0]?.tiers ?? [];
  const legend = tiers.map((t, i) => `<span class="key"><i class="${tierClass(i)}"></i>${escapeHtml(t.name)}</span>`).join('');
  const header = (text: string, title: string) => `<th title="${escapeHtml(title)}">${escapeHtml(text)}</th>`;
  const head = `<tr>${header('N', labels.subjects)}${tiers.map((t) => header(t.name, t.name)).join('')}${header('⚠', labels.warnings)}</tr>`;
  const body = rows
    .map((row) => {
      const cls = [row.warnings.length > 0 ? 'broken' : '', isOwn(page, row.subjects) ? 'own' : ''].filter(Boolean).join(' ');
      const groups = (page.groups ?? []).filter((g) => g.subjects === row.subjects).map((g) => escapeHtml(g.name));
      const cells = row.tiers
        .map((t) => `<td class="num" title="${escapeHtml(t.working.join('; '))}">${slotsText(t)} <small>${percent(t.share)}</small></td>`)
        .join('');
      const problems = escapeHtml(problemTexts(row).join('; '));
      // The text wraps in its own column at any width; the title repeats it for a pointer.
      const warn = problems ? `<td class="warn" title="${problems}">⚠ <span>${problems}</span></td>` : '<td class="warn"></td>';
      return `<tr class="${cls}" data-subjects="${row.subjects}"><td class="num">${row.subjects}${groups.length > 0 ? ` <small>${groups.join(' · ')}</small>` : ''}</td>${cells}${warn}</tr>`;
    })
    .join('');
  const content =
    rows.length === 0
      ? `<p class="empty">${escapeHtml(labels.empty)}</p>`
      : `<div class="legend">${legend}<span class="key"><b>!</b> ${escapeHtml(labels.problem)}</span></div>${chart(page)}<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  return renderPage({
    title: page.title,
    nonce: page.nonce,
    cspSource: page.cspSource,
    style: STYLE,
    body: `<h1>${escapeHtml(page.title)}</h1>
<form class="controls" id="range">
  <label>${escapeHtml(labels.from)} <input id="from" type="number" min="0" max="${MAX_SUBJECTS}" value="${page.from}"></label>
  <label>${escapeHtml(labels.to)} <input id="to" type="number" min="0" max="${MAX_SUBJECTS}" value="${page.to}"></label>
  <button type="submit">${escapeHtml(labels.apply)}</button>
</form>
${content}`,
    script: RANGE_SCRIPT,
  });
}

const STYLE = `
  h1 { font-size: 1.15em; margin: 10px 0 6px; }
  th { white-space: nowrap; max-width: 7em; overflow: hidden; text-overflow: ellipsis; text-align: center; }
  th:last-child { text-align: left; }
  td.num { text-align: right; white-space: nowrap; }
  td.warn { text-align: left; font-size: .9em; min-width: 9em; white-space: normal; overflow-wrap: anywhere; }
  tr.broken td { color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 45%, var(--vscode-foreground)); }
  tr.own td { font-weight: bold; background: var(--vscode-editor-selectionHighlightBackground, transparent); }
  tr.own small { color: inherit; }
  small { display: inline-block; min-width: 3.4em; padding-left: .3em; text-align: left; color: var(--vscode-descriptionForeground); font-size: .8em; }
  .controls { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin: 6px 0; }
  .controls label { white-space: nowrap; }
  input { width: 5em; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 3px 10px; cursor: pointer; }
  .legend { display: flex; flex-wrap: wrap; gap: 2px 12px; margin: 6px 0 2px; font-size: .9em; }
  .key b { color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 45%, var(--vscode-foreground)); }
  svg.chart { display: block; width: 100%; max-width: ${MAX_CHART_WIDTH}px; height: auto; margin-bottom: 8px; }
  .grid { stroke: var(--vscode-foreground); stroke-opacity: .15; }
  .axis { stroke: var(--vscode-foreground); stroke-opacity: .6; }
  .target { stroke: var(--vscode-foreground); stroke-width: 1.5; stroke-dasharray: 3 2; }
  .tick { fill: var(--vscode-foreground); font-size: 10px; opacity: .8; }
  .axis-label { fill: var(--vscode-foreground); font-size: 10px; }
  rect.own { fill: none; stroke: var(--vscode-focusBorder); stroke-width: 1.5; }
  .mark { fill: var(--vscode-editorWarning-foreground); font-size: 12px; font-weight: bold; }
`;

/** The range form: the page's one script, which sends the range asked for to the extension. */
const RANGE_SCRIPT = `
  const vscode = acquireVsCodeApi();
  document.getElementById('range').addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'range', from: Number(document.getElementById('from').value), to: Number(document.getElementById('to').value) });
  });
`;
