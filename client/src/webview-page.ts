/**
 * Pure: the page every view of the extension shows in a webview, around the view's own content.
 * One strict Content-Security-Policy (nothing by default; styles and the one script only by the
 * page's nonce, so no inline style attribute and no handler attribute runs), the theme's colours,
 * the tier palette, and the escaping every text from a file goes through.
 */

export interface PageShell {
  /** The document's <title>, escaped here. */
  title: string;
  /** A fresh random value per page: the only way a style or script block is let in. */
  nonce: string;
  /** The webview's own source (`webview.cspSource`), for its styles. */
  cspSource: string;
  /** The view's own style rules, after the shared ones. */
  style: string;
  /** The body, every text in it escaped by the view. */
  body: string;
  /** The view's one script; without it the policy lets no script run at all. */
  script?: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * Tier colours, best first: Okabe–Ito, told apart with the common colour-vision deficiencies and
 * readable on light and dark themes (blue, orange, bluish green, reddish purple, sky blue, vermillion).
 * A tier past the sixth takes the first colour again.
 */
export const TIER_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

/** The class that colours tier `index` (`t0`, `t1`, …): `rect.tN` for bars, `i.tN` for legend keys. */
export function tierClass(index: number): string {
  return `t${index % TIER_COLOURS.length}`;
}

// Colours come from classes in the nonce'd style block: the policy forbids inline style attributes.
const SHARED_STYLE = [
  'body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 10px; }',
  'table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-bottom: 12px; }',
  'th, td { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding: 2px 6px; }',
  'th { position: sticky; top: 0; background: var(--vscode-editor-background); }',
  '.key { white-space: nowrap; }',
  '.key i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }',
  '.empty { opacity: .8; }',
  ...TIER_COLOURS.map((colour, i) => `rect.t${i} { fill: ${colour}; } i.t${i} { background: ${colour}; }`),
];

export function renderPage(page: PageShell): string {
  const scripts = page.script === undefined ? '' : ` script-src 'nonce-${page.nonce}';`;
  const style = [...SHARED_STYLE, ...page.style.trim().split('\n')].map((rule) => `  ${rule.trim()}`).join('\n');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}';${scripts}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${page.nonce}">
${style}
</style>
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}${page.script === undefined ? '' : `\n<script nonce="${page.nonce}">${page.script}</script>`}
</body>
</html>`;
}
