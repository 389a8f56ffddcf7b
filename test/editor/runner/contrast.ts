/**
 * Runs in a webview's frame (passed to `frame.evaluate`, so self-contained): the contrast of
 * every visible piece of text against what is behind it, from computed styles. Colours are
 * composited as the screen shows them (the editor's background, then each ancestor's background,
 * then the text at its colour's alpha times every ancestor's opacity) by painting them on a
 * one-pixel canvas, which also reads colours in any CSS notation (`color(srgb …)` from
 * `color-mix`). Ratios by WCAG 2: (L1 + 0.05) / (L2 + 0.05).
 */
export function contrastReport(): { min: number; below: string[]; unread: string[] } {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const unread: string[] = [];
  const pageBackground = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim();
  const layer = (color: string, alpha: number, what: string) => {
    ctx.fillStyle = '#010203';
    ctx.fillStyle = color;
    if (ctx.fillStyle === '#010203' && color.replace(/\s/g, '') !== '#010203') unread.push(`${what}: ${color}`);
    ctx.globalAlpha = alpha;
    ctx.fillRect(0, 0, 1, 1);
    ctx.globalAlpha = 1;
  };
  const pixel = () => Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  let min = Infinity;
  const below: string[] = [];
  for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
    if (element instanceof SVGElement || element.getClientRects().length === 0) continue;
    const own = Array.from(element.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!own) continue;
    const chain: Element[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) chain.unshift(e);
    ctx.clearRect(0, 0, 1, 1);
    layer(pageBackground || '#ffffff', 1, 'background');
    let opacity = 1;
    for (const e of chain) {
      const style = getComputedStyle(e);
      opacity *= Number(style.opacity);
      if (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent')
        layer(style.backgroundColor, opacity, `${e.tagName} background`);
    }
    const back = pixel();
    layer(getComputedStyle(element).color, opacity, `${element.tagName} “${own.slice(0, 20)}”`);
    const fore = pixel();
    const [light, dark] = [luminance(back), luminance(fore)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    min = Math.min(min, ratio);
    if (ratio < 4.5)
      below.push(
        `${element.tagName.toLowerCase()}.${element.className} “${own.slice(0, 24)}” ${ratio.toFixed(2)}:1 (rgb ${fore.join(',')} on ${back.join(',')})`,
      );
  }
  return { min: Math.round(min * 100) / 100, below, unread };
}
