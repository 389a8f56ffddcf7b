import { MAX_SUBJECTS, SimulationRow, slotsText } from 'rubric-studio-server/out/protocol';

/** Pure: the simulation view's HTML (table + stacked bar chart in SVG), strict CSP, every text escaped. */

export interface SimulationPage {
  title: string;
  rows: SimulationRow[];
  from: number;
  to: number;
  /** The rubric's own N, highlighted. */
  subjects: number | undefined;
  nonce: string;
  cspSource: string;
  labels: {
    subjects: string;
    warnings: string;
    from: string;
    to: string;
    apply: string;
    broken: string;
    empty: string;
    chart: string;
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Theme colours for tiers, best first: they follow light, dark and high-contrast themes. */
const TIER_COLOURS = [
  '--vscode-charts-green',
  '--vscode-charts-blue',
  '--vscode-charts-yellow',
  '--vscode-charts-orange',
  '--vscode-charts-red',
  '--vscode-charts-purple',
];

function chart(rows: SimulationRow[], label: string): string {
  if (rows.length === 0) return '';
  const barWidth = Math.max(4, Math.min(24, Math.floor(720 / rows.length) - 2));
  const height = 160;
  const width = rows.length * (barWidth + 2);
  const bars = rows
    .map((row, i) => {
      const x = i * (barWidth + 2);
      let y = height;
      const n = Math.max(row.subjects, 1);
      const parts = row.tiers.map((tier, t) => {
        // A range of slots is drawn at its lower bound; the table gives the full range.
        const h = (tier.min / n) * height;
        y -= h;
        return `<rect x="${x}" y="${y.toFixed(2)}" width="${barWidth}" height="${h.toFixed(2)}" class="t${t % TIER_COLOURS.length}"><title>N=${row.subjects} ${escapeHtml(tier.name)}: ${slotsText(tier)}</title></rect>`;
      });
      const mark = row.warnings.length > 0 ? `<text x="${x + barWidth / 2}" y="${height + 12}" class="mark" text-anchor="middle">!</text>` : '';
      return parts.join('') + mark;
    })
    .join('');
  return `<svg role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height + 16}" width="100%" height="${height + 16}" preserveAspectRatio="none">${bars}</svg>`;
}

export function renderSimulation(page: SimulationPage): string {
  const { rows, labels } = page;
  const tiers = rows[0]?.tiers ?? [];
  const legend = tiers.map((t, i) => `<span class="key"><i class="t${i % TIER_COLOURS.length}"></i>${escapeHtml(t.name)}</span>`).join('');
  // Colours come from classes in the nonce'd style block: the CSP forbids inline style attributes.
  const palette = TIER_COLOURS.map((colour, i) => `rect.t${i} { fill: var(${colour}); } i.t${i} { background: var(${colour}); }`).join('\n  ');
  const head = `<tr><th>${escapeHtml(labels.subjects)}</th>${tiers.map((t) => `<th>${escapeHtml(t.name)}</th>`).join('')}<th>${escapeHtml(labels.warnings)}</th></tr>`;
  const body = rows
    .map((row) => {
      const cls = [row.warnings.length > 0 ? 'broken' : '', row.subjects === page.subjects ? 'own' : ''].filter(Boolean).join(' ');
      const cells = row.tiers
        .map((t) => `<td title="${escapeHtml(t.working.join('; '))}">${slotsText(t)} <small>(${(t.share * 100).toFixed(1)}%)</small></td>`)
        .join('');
      const warn = row.warnings.length > 0 ? `⚠ ${escapeHtml((row.problems?.map((p) => p.message) ?? row.warnings).join('; '))}` : '';
      return `<tr class="${cls}" data-subjects="${row.subjects}"><td>${row.subjects}</td>${cells}<td>${warn}</td></tr>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${page.nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px; }
  h1 { font-size: 1.2em; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding: 2px 8px; text-align: right; }
  th { position: sticky; top: 0; background: var(--vscode-editor-background); }
  tr.broken td { color: var(--vscode-editorWarning-foreground); }
  tr.own td { font-weight: bold; outline: 1px solid var(--vscode-focusBorder); }
  small { opacity: .75; }
  .controls { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
  input { width: 5em; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 3px 10px; cursor: pointer; }
  .legend { margin: 6px 0; }
  .key { margin-right: 12px; white-space: nowrap; }
  .key i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
  .mark { fill: var(--vscode-editorWarning-foreground); font-size: 10px; }
  .empty { opacity: .8; }
  ${palette}
</style>
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<form class="controls" id="range">
  <label>${escapeHtml(labels.from)} <input id="from" type="number" min="0" max="${MAX_SUBJECTS}" value="${page.from}"></label>
  <label>${escapeHtml(labels.to)} <input id="to" type="number" min="0" max="${MAX_SUBJECTS}" value="${page.to}"></label>
  <button type="submit">${escapeHtml(labels.apply)}</button>
</form>
${rows.length === 0 ? `<p class="empty">${escapeHtml(labels.empty)}</p>` : `<div class="legend">${legend}<span class="key">! ${escapeHtml(labels.broken)}</span></div>${chart(rows, labels.chart)}<table><thead>${head}</thead><tbody>${body}</tbody></table>`}
<script nonce="${page.nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('range').addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'range', from: Number(document.getElementById('from').value), to: Number(document.getElementById('to').value) });
  });
</script>
</body>
</html>`;
}
