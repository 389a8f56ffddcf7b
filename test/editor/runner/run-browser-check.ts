import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { EditorTools, installExtension, ROOT, startCodeServer } from './code-server';
import { prepareWorkspace } from './workspace';

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

async function variant(tools: EditorTools, vsix: string, v: Variant, log: (line: string) => void): Promise<Check[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `rubric-editor-${v.label}-`));
  const folder = prepareWorkspace(home);
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
      // The lens sits above `tiers:`, below the fold: go to that line first.
      const line =
        fs
          .readFileSync(path.join(folder, 'broken', 'weights-sum.rubric.yaml'), 'utf8')
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
      return path.relative(ROOT, file);
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

/** The installed vsix in code-server, seen through the page: Problems panel, inlay hints, status bar, screenshots. */
export async function runBrowserChecks(tools: EditorTools, vsix: string, log: (line: string) => void): Promise<Check[]> {
  const checks: Check[] = [];
  for (const v of VARIANTS) checks.push(...(await variant(tools, vsix, v, log)));
  return checks;
}
