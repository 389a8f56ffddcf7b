import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Frame, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { contrastReport } from './contrast';
import { EditorTools, installExtension, ROOT, startCodeServer } from './code-server';
import { HOSTILE_NAMES, prepareWorkspace, writeHostileRubric } from './workspace';

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export const SCREENSHOTS = path.join(ROOT, '.test-output', 'editor');

interface Variant {
  theme: string;
  /** rubric.locale: code-server has no Chinese language pack offline, so the setting stands in for the display language. */
  locale: string;
  /** What the Problems panel must show for broken/weights-sum.rubric.yaml in that language. */
  problem: RegExp;
  label: string;
}

const VARIANTS: Variant[] = [
  { label: 'light-en', theme: 'Default Light Modern', locale: 'en', problem: /Top-level weights add up to 95, not 100: 5 missing/ },
  { label: 'dark-zh-cn', theme: 'Default Dark Modern', locale: 'zh-CN', problem: /一级指标分值合计 95，应为 100：还差 5/ },
];

async function openFromExplorer(page: Page, folder: string, file: string): Promise<void> {
  await page.getByRole('treeitem', { name: folder }).first().click();
  await page.getByRole('treeitem', { name: file }).first().click();
}

/** Opens a file's quota lens: the lens sits above `tiers:`, maybe below the fold, so go to that line first. */
async function clickQuotaLens(page: Page, file: string): Promise<void> {
  const line =
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('tiers:')) + 1;
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page
    .locator('.codelens-decoration a', { hasText: /10 (subjects|个考核对象)/ })
    .first()
    .click({ timeout: 30000 });
}

/** Runs a command by its palette title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

/**
 * Opens Rubric Studio's walkthrough (Help → Welcome lists it) through the palette; once more if the
 * list of walkthroughs did not come (the palette may take the keys before it is ready).
 */
export async function openWalkthrough(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, 'Welcome: Open Walkthrough');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Rubric Studio' }).first().click({ timeout: 30000 });
      await page.locator('.gettingStartedContainer button.getting-started-step').first().waitFor({ timeout: 30000 });
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Runs `read` in the simulation page's own frame. VS Code swaps that frame (#active-frame) each
 * time the view's HTML is set, and the view may refresh once more after it first shows: a read that
 * meets a detached frame is tried again on the new one.
 */
async function inSimulationFrame<T>(page: Page, read: (frame: Frame) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const element = await page.frameLocator('iframe.webview').locator('iframe#active-frame').elementHandle({ timeout: 30000 });
      const frame = await element.contentFrame();
      if (!frame) throw new Error('the simulation frame has no document (detached)');
      return await read(frame);
    } catch (error) {
      if (attempt >= 3 || !/detached|destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

/**
 * In every frame, before any of its scripts: alert/confirm/prompt record their calls instead of
 * showing. VS Code's webview frames are sandboxed without `allow-modals`, so a script there that
 * calls alert() raises no dialog at all: page.on('dialog') alone could never see one. The record
 * can (the check proves it is live in the simulation frame by calling alert once itself).
 */
function recordDialogCalls(): void {
  if ('__rubricDialogCalls' in window) return;
  const calls: string[] = [];
  Object.defineProperty(window, '__rubricDialogCalls', { value: calls });
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    Object.defineProperty(window, name, { value: (message?: unknown) => void calls.push(`${name}(${String(message)})`), writable: false });
  }
}

async function variant(tools: EditorTools, vsix: string, v: Variant, log: (line: string) => void): Promise<Check[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `rubric-editor-${v.label}-`));
  const folder = prepareWorkspace(home);
  const hostileFile = writeHostileRubric(folder);
  installExtension(tools, home, vsix);
  const server = await startCodeServer({
    tools,
    home,
    folder,
    settings: {
      'workbench.colorTheme': v.theme,
      'editor.inlayHints.enabled': 'on',
      'window.restoreWindows': 'none',
      'rubric.locale': v.locale,
      // The empty chat side bar would take a quarter of the screen: the editor area is then split in two halves.
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    log: () => undefined,
  });
  const browser = await launchChromium();
  const checks: Check[] = [];
  const check = async (name: string, work: () => Promise<string | undefined>) => {
    try {
      checks.push({ name: `${v.label}: ${name}`, ok: true, detail: await work() });
    } catch (error) {
      checks.push({ name: `${v.label}: ${name}`, ok: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  };
  try {
    // A laptop's screen: the simulation opens beside the editor, so it gets about half the editor area (~470 px).
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Listen before anything opens: a dialog from any frame, a sandbox refusing one, a script the CSP refuses.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/allow-modals|script-src|alert\(/i.test(message.text()) && /webview/.test(message.location().url)) refusals.push(message.text());
    });
    await page.addInitScript(recordDialogCalls);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await openFromExplorer(page, 'broken', 'weights-sum.rubric.yaml');
    await check('the Problems panel lists weights-sum', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: v.problem });
      await row.first().waitFor({ timeout: 60000 });
      return (await row.first().innerText()).replace(/\s+/g, ' ');
    });
    await check('the inlay hint shows the total', async () => {
      // Inlay hints are injected text in the line's DOM (no-break spaces; the padding is CSS).
      const line = await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll('.view-line'))
            .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
            .find((t) => t.startsWith('indicators:') && t.includes('Σ 95 / 100 (−5)')),
        undefined,
        { timeout: 30000 },
      );
      return String(await line.jsonValue());
    });
    await check('the status bar shows the summary', async () => {
      const item = page.locator('.statusbar', { hasText: 'Σ 95 / 100' });
      await item.waitFor({ timeout: 30000 });
      return 'Σ 95 / 100';
    });
    await check('a screenshot is saved', async () => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${v.label}.png`);
      await page.screenshot({ path: file });
      return path.relative(ROOT, file);
    });
    await check('the simulation view opens from the code lens', async () => {
      await clickQuotaLens(page, path.join(folder, 'broken', 'weights-sum.rubric.yaml'));
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await frame.locator('table tr[data-subjects="10"]').waitFor({ timeout: 30000 });
      const file = path.join(SCREENSHOTS, `${v.label}-simulation.png`);
      await page.screenshot({ path: file });
      await page
        .locator('iframe.webview')
        .first()
        .screenshot({ path: path.join(SCREENSHOTS, `${v.label}-simulation-view.png`) });
      return path.relative(ROOT, file);
    });
    await check('the simulation view follows the active rubric and shows its problems', async () => {
      // VS Code swaps the webview's inner frame when the content changes: the one to read is #active-frame.
      // broken/ is expanded already: a click on the file opens it in the editor, and the view follows.
      await page.getByRole('treeitem', { name: 'quota-empty.rubric.yaml' }).first().click();
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await frame.locator('h1', { hasText: '冷口乡' }).waitFor({ timeout: 30000 });
      await frame.locator('tr.broken').first().waitFor({ timeout: 30000 });
      const file = path.join(SCREENSHOTS, `${v.label}-simulation-problems.png`);
      await page.screenshot({ path: file });
      await page
        .locator('iframe.webview')
        .first()
        .screenshot({ path: path.join(SCREENSHOTS, `${v.label}-simulation-problems-view.png`) });
      // At the width the editor gives the view by default, the problems are on the page, not only in a tooltip.
      const seen = await inSimulationFrame(page, (f) =>
        f.evaluate(() => {
          const span = document.querySelector<HTMLElement>('tr.broken td.warn span');
          return {
            width: document.documentElement.clientWidth,
            shown: span ? span.getClientRects().length > 0 && span.offsetWidth > 0 : false,
            clipped: span ? span.scrollWidth > span.clientWidth + 1 : true,
            text: span?.textContent ?? '',
          };
        }),
      );
      const contrast = await inSimulationFrame(page, (f) => f.evaluate(contrastReport));
      const problems: string[] = [];
      if (!seen.shown || seen.clipped || !seen.text) problems.push(`problems not readable at ${seen.width} px: ${JSON.stringify(seen)}`);
      if (contrast.below.length > 0 || contrast.unread.length > 0) problems.push(`contrast below 4.5:1: ${[...contrast.below, ...contrast.unread].join('; ')}`);
      if (problems.length > 0) throw new Error(problems.join('; '));
      return `problems shown at ${seen.width} px (“${seen.text.slice(0, 30)}…”), lowest contrast ${contrast.min}:1 — ${path.relative(ROOT, file)}`;
    });
    await check('the simulation view shows hostile names as text, under a strict CSP, and runs none of them', async () => {
      await openFromExplorer(page, 'hostile', 'names.rubric.yaml');
      await clickQuotaLens(page, hostileFile);
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      // This rubric's page, whether its title shows as text or (when escaping fails) as an element: then the reads below say what went wrong.
      await frame.locator(`h1:has-text(${JSON.stringify(HOSTILE_NAMES.markup)}), h1:has(img)`).waitFor({ timeout: 30000 });
      await frame.locator('table tr[data-subjects="10"]').waitFor({ timeout: 30000 });
      const seen = await inSimulationFrame(page, (f) =>
        f.evaluate(() => {
          const calls = (window as unknown as { __rubricDialogCalls?: string[] }).__rubricDialogCalls;
          const before = calls ? [...calls] : undefined;
          // The probe: the recorder is live in this very frame, so an empty record means something.
          window.alert('probe');
          return {
            heading: document.querySelector('h1')?.textContent,
            headers: Array.from(document.querySelectorAll('thead th'), (th) => th.textContent),
            images: Array.from(document.querySelectorAll('img'), (img) => img.getAttribute('src')),
            // `nonce` is hidden from getAttribute once the CSP applies; the property keeps it.
            scripts: Array.from(document.scripts, (script) => ({
              id: script.id,
              nonce: script.nonce,
              ours: script.text.includes("postMessage({ type: 'range'"),
            })),
            handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
            csp: Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]'), (meta) => meta.getAttribute('content') ?? ''),
            before,
            after: calls ? [...calls] : undefined,
          };
        }),
      );
      const problems: string[] = [];
      if (seen.heading !== HOSTILE_NAMES.markup) problems.push(`heading ${JSON.stringify(seen.heading)}`);
      for (const name of [HOSTILE_NAMES.scriptBreakout, HOSTILE_NAMES.markup]) {
        if (!seen.headers.includes(name)) problems.push(`no header ${JSON.stringify(name)} in ${JSON.stringify(seen.headers)}`);
      }
      if (seen.images.length > 0) problems.push(`${seen.images.length} img elements (src ${JSON.stringify(seen.images[0])})`);
      if (seen.handlers > 0) problems.push(`${seen.handlers} elements with on* attributes`);
      // One policy, nothing by default, scripts only by the nonce.
      const nonce = /script-src 'nonce-([^']+)'/.exec(seen.csp[0] ?? '')?.[1];
      if (seen.csp.length !== 1 || !/^default-src 'none';/.test(seen.csp[0]) || !nonce) problems.push(`CSP ${JSON.stringify(seen.csp)}`);
      // VS Code's own acquireVsCodeApi script (it puts it before the page's policy), and the page's one nonce'd script.
      const ours = seen.scripts.filter((s) => s.nonce === nonce && s.ours);
      const others = seen.scripts.filter((s) => !(s.nonce === nonce && s.ours) && s.id !== '_vscodeApiScript');
      if (ours.length !== 1 || others.length > 0) problems.push(`${ours.length} nonce'd page scripts and ${others.length} others`);
      if (seen.before === undefined || seen.after?.join() !== [...seen.before, 'alert(probe)'].join())
        problems.push(`the dialog recorder is not live in the frame: ${JSON.stringify(seen.after)}`);
      if (seen.before && seen.before.length > 0) problems.push(`dialog calls in the frame: ${seen.before.join(', ')}`);
      if (dialogs.length > 0) problems.push(`dialogs: ${dialogs.join(', ')}`);
      if (refusals.length > 0) problems.push(`${refusals.length} refusals in the console, the first: ${refusals[0].slice(0, 160)}`);
      const file = path.join(SCREENSHOTS, `${v.label}-simulation-hostile.png`);
      await page.screenshot({ path: file });
      if (problems.length > 0) throw new Error(problems.join('; '));
      return `h1 and ${seen.headers.length} headers as text, no img, no on* attribute, scripts ${seen.scripts.map((s) => s.id || 'nonce').join('+')}, ${seen.csp[0]} — ${path.relative(ROOT, file)}`;
    });
    await check("the status item's menu offers the simulation and the languages", async () => {
      await page.locator('.statusbar-item', { hasText: /Σ \d+/ }).first().click();
      const menu = page.locator('.quick-input-widget');
      await menu.getByText('简体中文').waitFor({ timeout: 30000 });
      const entries = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const file = path.join(SCREENSHOTS, `${v.label}-status-menu.png`);
      await page.screenshot({ path: file });
      await page.keyboard.press('Escape');
      if (!entries.some((e) => /quota simulation|名额模拟/.test(e)) || !entries.some((e) => e.includes('English')))
        throw new Error(`menu: ${entries.join(' | ')}`);
      return `${entries.join(' | ')} — ${path.relative(ROOT, file)}`;
    });
    await check('the New Rubric picker lists every template in the view language only', async () => {
      await runCommand(page, 'Rubric: New Rubric');
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await rows.filter({ hasText: 'township-comprehensive-groups.rubric.yaml' }).first().waitFor({ timeout: 30000 });
      // A row is the label, the file name (the same in both languages) and the detail.
      const entries = (await rows.allInnerTexts()).map((t) =>
        t
          .replace(/[\w.-]+\.rubric\.yaml/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      const file = path.join(SCREENSHOTS, `${v.label}-new-rubric.png`);
      await page.screenshot({ path: file });
      await page.keyboard.press('Escape');
      // Chinese: no Latin letter beside the file names; English: no Chinese character.
      const foreign = v.locale === 'zh-CN' ? /[A-Za-z]/ : /[\u3400-\u9fff\uff08\uff09\uff0c]/;
      const mixed = entries.filter((e) => foreign.test(e));
      if (entries.length !== 5 || mixed.length > 0) throw new Error(`${entries.length} templates; in the other language: ${mixed.join(' | ')}`);
      return `${entries.join(' | ')} — ${path.relative(ROOT, file)}`;
    });
    await check('the ranking view opens from the scoresheet lens and shows every subject, marks and bars', async () => {
      await runCommand(page, 'View: Close All Editors');
      // Quick Open rather than the explorer, whose list may have scrolled the file out of its rendered rows.
      await page.keyboard.press('Control+P');
      await page.keyboard.type('forest-chief-2022.scores.yaml');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'forest-chief-2022.scores.yaml' }).first().waitFor({ timeout: 30000 });
      await page.keyboard.press('Enter');
      await page
        .locator('.codelens-decoration a', { hasText: /ranked|已定等次/ })
        .first()
        .click({ timeout: 30000 });
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await frame.locator('tbody tr').nth(9).waitFor({ timeout: 30000 });
      const seen = await inSimulationFrame(page, (f) =>
        f.evaluate(() => ({
          rows: document.querySelectorAll('tbody tr').length,
          bars: document.querySelectorAll('svg.bar rect').length,
          vetoed: Array.from(document.querySelectorAll('tr.vetoed td.subject'), (td) => td.textContent),
          tied: document.querySelectorAll('tr.tied').length,
          scripts: document.scripts.length,
          // VS Code itself puts its theme variables in a style attribute on <html>: the page's own elements are below <body>.
          styled: document.body.querySelectorAll('[style]').length,
          heading: document.querySelector('h1')?.textContent ?? '',
          legend: document.querySelector('p.marks')?.textContent ?? '',
        })),
      );
      const contrast = await inSimulationFrame(page, (f) => f.evaluate(contrastReport));
      const file = path.join(SCREENSHOTS, `${v.label}-ranking.png`);
      await page.screenshot({ path: file });
      await page
        .locator('iframe.webview')
        .first()
        .screenshot({ path: path.join(SCREENSHOTS, `${v.label}-ranking-view.png`) });
      const problems: string[] = [];
      if (seen.rows !== 10 || seen.bars !== 10) problems.push(`${seen.rows} rows, ${seen.bars} bars`);
      if (seen.vetoed.length !== 1 || !seen.vetoed[0]?.includes('么里镇')) problems.push(`vetoed ${JSON.stringify(seen.vetoed)}`);
      if (seen.tied !== 2) problems.push(`${seen.tied} tied rows`);
      if (seen.styled > 0) problems.push(`${seen.styled} inline style attributes`);
      // The rubric's title heads the view; the legend says what ▲ and ▼ are, in the view's language.
      if (seen.heading !== '绛县2022年度林长制工作考评表') problems.push(`heading “${seen.heading}”`);
      if (!/^▲ \S.*▼ \S/.test(seen.legend) || (v.locale === 'zh-CN') !== /分数/.test(seen.legend)) problems.push(`legend “${seen.legend}”`);
      if (contrast.below.length > 0 || contrast.unread.length > 0) problems.push(`contrast below 4.5:1: ${[...contrast.below, ...contrast.unread].join('; ')}`);
      if (problems.length > 0) throw new Error(problems.join('; '));
      return `${seen.rows} rows, ${seen.bars} bars, ${seen.scripts} scripts, lowest contrast ${contrast.min}:1 — ${path.relative(ROOT, file)}`;
    });
    await check("the walkthrough shows each step's picture once the editor is wider than 950 px", async () => {
      // One editor group, no side bar: VS Code hides a step's media (display: none) while the
      // Welcome editor is 950 px wide or less, and at 1280 px with the side bar open it is about 920 px.
      await runCommand(page, 'View: Close All Editor Groups');
      await runCommand(page, 'View: Close Primary Side Bar');
      const file = path.join(SCREENSHOTS, `${v.label}-walkthrough.png`);
      try {
        await openWalkthrough(page);
        const wide = await page
          .waitForFunction(() => {
            const container = document.querySelector('.gettingStartedContainer');
            return container && !container.classList.contains('width-semi-constrained');
          })
          .then(() => true)
          .catch(() => false);
        if (!wide)
          throw new Error(
            `the Welcome editor is ${await page.locator('.gettingStartedContainer').evaluate((e) => e.clientWidth)} px wide: its pictures are hidden`,
          );
        const steps = page.locator('.gettingStartedContainer button.getting-started-step');
        const count = await steps.count();
        const seen: string[] = [];
        for (let i = 0; i < count; i++) {
          await steps.nth(i).click();
          const image = await page.waitForFunction(
            (index) => {
              const step = document.querySelectorAll('.gettingStartedContainer button.getting-started-step')[index];
              const img = document.querySelector<HTMLImageElement>('.gettingStartedContainer .getting-started-media img');
              const name = decodeURIComponent(img?.currentSrc ?? '').match(/images\/[\w.-]+\.png/)?.[0];
              return step?.classList.contains('expanded') && img && img.complete && img.naturalWidth > 0 && img.getClientRects().length > 0
                ? `${name ?? 'image'} ${img.naturalWidth}×${img.naturalHeight}`
                : undefined;
            },
            i,
            { timeout: 30000 },
          );
          seen.push(String(await image.jsonValue()));
        }
        if (count !== 6) throw new Error(`${count} steps`);
        return `${seen.join(', ')} — ${path.relative(ROOT, file)}`;
      } finally {
        // The variant's last check: the page is left as it is, no side bar.
        await page.screenshot({ path: file });
      }
    });
  } catch (error) {
    checks.push({ name: `${v.label}: the workbench loads`, ok: false, detail: String(error) });
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  for (const c of checks) log(`  ${c.ok ? '✔' : '✗'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
  return checks;
}

/**
 * Restricted Mode for real: workspace trust on, the folder not trusted. VS Code then boxes every
 * non-ASCII character (editor.unicodeHighlight.nonBasicASCII: inUntrustedWorkspace); the
 * extension's `[yaml]` defaults turn that off and allow Chinese confusables (全角 punctuation),
 * while invisible characters and confusables from other scripts stay boxed. The rubric holds one of
 * each beside its Chinese text: the page must show exactly those two boxes.
 */
async function restrictedMode(tools: EditorTools, vsix: string, log: (line: string) => void): Promise<Check[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-editor-restricted-'));
  const folder = path.join(home, '考核');
  fs.mkdirSync(folder, { recursive: true });
  // A Cyrillic а (U+0430) in a subject and a zero-width space (U+200B) in a criterion, written as escapes here.
  const rubric = [
    'rubric: 绛县林长制工作考评表（受限模式）',
    'subjects: [古绛镇, 横水镇, 卫庄镇, 陈村镇, "p\u0430ypal"]',
    'indicators:',
    '  - {id: greening, name: 国土绿化, weight: 60, criteria: "苗木质量符合 GB/T\u200b6000"}',
    '  - {id: fire, name: 森林防火, weight: 40, criteria: 未发生森林火灾}',
    'tiers:',
    '  - {id: excellent, name: 优秀, quota: {max: 30%, rounding: floor}}',
    '  - {id: good, name: 合格}',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(folder, '林长制考评表.rubric.yaml'), rubric);
  installExtension(tools, home, vsix);
  const server = await startCodeServer({
    tools,
    home,
    folder,
    workspaceTrust: true,
    settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.inlayHints.enabled': 'on' },
    log: () => undefined,
  });
  const browser = await launchChromium();
  const checks: Check[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30000 });
    await page.getByRole('treeitem', { name: '林长制考评表.rubric.yaml' }).first().click();
    // The extension runs in Restricted Mode: its inlay total shows.
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.view-line')).some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('Σ 100 ✓')),
      undefined,
      { timeout: 60000 },
    );
    // The highlighter sets all its boxes at once: two now, never the Chinese text's dozens.
    const boxes = await page
      .waitForFunction(() => (document.querySelectorAll('.monaco-editor .unicode-highlight').length === 2 ? 2 : undefined), undefined, { timeout: 30000 })
      .then(() => 2)
      .catch(() => page.locator('.monaco-editor .unicode-highlight').count());
    const file = path.join(SCREENSHOTS, 'restricted-mode.png');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: file });
    checks.push({
      name: 'restricted mode: Chinese text is not boxed, an invisible character and a Cyrillic letter are',
      ok: boxes === 2,
      detail: `${boxes} boxes — ${path.relative(ROOT, file)}`,
    });
  } catch (error) {
    checks.push({ name: 'restricted mode: the workbench loads', ok: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  for (const c of checks) log(`  ${c.ok ? '✔' : '✗'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
  return checks;
}

/** The installed vsix in code-server, seen through the page: Problems panel, inlay hints, status bar, screenshots. */
export async function runBrowserChecks(tools: EditorTools, vsix: string, log: (line: string) => void): Promise<Check[]> {
  const checks: Check[] = [];
  for (const v of VARIANTS) checks.push(...(await variant(tools, vsix, v, log)));
  checks.push(...(await restrictedMode(tools, vsix, log)));
  return checks;
}
