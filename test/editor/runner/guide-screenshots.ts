import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { installExtension, ROOT, setupEditorTools, startCodeServer } from './code-server';

/**
 * The screenshots of the Chinese user guide (docs/zh-CN/), taken in a real VS Code (code-server)
 * with the packaged vsix, the way a county officer goes through the guide: a folder of the
 * forest-chief sample, a new rubric from a template, a finding and its quick fixes, the quota
 * simulation, a scoresheet and its ranking. Not a test: run it after a change that alters what
 * the guide shows, then look at every image.
 *
 *   npm run -s build && node test/out/editor/runner/guide-screenshots.js
 *
 * code-server has no Chinese language pack offline: the workbench's menus stay English, and
 * `rubric.locale: zh-CN` makes everything Rubric Studio shows Chinese (the guide says so).
 */
const OUT = path.join(ROOT, 'docs', 'zh-CN', 'images');

function packageVsix(): string {
  const vsix = path.join(ROOT, '.test-output', 'guide', 'rubric-studio.vsix');
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const pack = spawnSync(
    process.execPath,
    [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--readme-path', 'MARKETPLACE.md', '--out', vsix],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (pack.status !== 0) throw new Error(`vsce package failed: ${pack.stdout}${pack.stderr}`);
  return vsix;
}

/** The folder a person would make for one appraisal: the forest-chief rubric and its scores, and a rubric whose sum is off. */
function prepareFolder(home: string): string {
  const folder = path.join(home, '2024林长制考核');
  fs.mkdirSync(folder, { recursive: true });
  for (const file of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml']) {
    fs.copyFileSync(path.join(ROOT, 'samples', file), path.join(folder, file));
  }
  fs.copyFileSync(path.join(ROOT, 'samples', 'broken', 'weights-sum.rubric.yaml'), path.join(folder, '人居环境整治考评表.rubric.yaml'));
  return folder;
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(file);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

/** The 1-based line of the first line of `file` that starts with `prefix`. */
function lineOf(file: string, prefix: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith(prefix)) + 1
  );
}

async function main(): Promise<void> {
  const tools = setupEditorTools();
  const vsix = packageVsix();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-guide-'));
  const folder = prepareFolder(home);
  installExtension(tools, home, vsix);
  const server = await startCodeServer({
    tools,
    home,
    folder,
    settings: {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.inlayHints.enabled': 'on',
      'window.restoreWindows': 'none',
      'rubric.locale': 'zh-CN',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.minimap.enabled': false,
    },
    log: () => undefined,
  });
  const browser = await launchChromium();
  const failures: string[] = [];
  const shot = async (name: string, work: (page: Page) => Promise<void>, page: Page) => {
    try {
      await work(page);
      fs.mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`  ✔ ${name}.png`);
    } catch (error) {
      failures.push(name);
      await page.screenshot({ path: path.join(os.tmpdir(), `rubric-guide-failed-${name}.png`) });
      console.log(`  ✗ ${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      await page.keyboard.press('Escape');
    }
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    const rubric = path.join(folder, 'forest-chief-2022.rubric.yaml');
    // RUBRIC_GUIDE_ONLY=extension-page takes only the extension's page.
    const guide = process.env.RUBRIC_GUIDE_ONLY !== 'extension-page';
    if (guide) {
      await shot(
        'open-folder',
        async (p) => {
          await p.getByRole('treeitem', { name: 'forest-chief-2022.rubric.yaml' }).first().click();
          await p.locator('.statusbar-item', { hasText: /Σ 100/ }).first().waitFor({ timeout: 60000 });
          await p.waitForFunction(
            () => Array.from(document.querySelectorAll('.view-line')).some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('Σ 100 ✓')),
            undefined,
            { timeout: 30000 },
          );
        },
        page,
      );

      await shot(
        'new-rubric-template',
        async (p) => {
          await runCommand(p, 'Rubric: New Rubric');
          await p.locator('.quick-input-widget .monaco-list-row', { hasText: '林长制工作考评表' }).first().waitFor({ timeout: 30000 });
        },
        page,
      );
      await page.keyboard.press('Escape');

      await shot(
        'rubric-inlays',
        async (p) => {
          await goToLine(p, lineOf(rubric, 'indicators:') + 12);
          await p.waitForFunction(
            () => Array.from(document.querySelectorAll('.view-line')).some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('Σ 100 ✓')),
            undefined,
            { timeout: 30000 },
          );
        },
        page,
      );

      const broken = path.join(folder, '人居环境整治考评表.rubric.yaml');
      await shot(
        'diagnostic-hover',
        async (p) => {
          await p.getByRole('treeitem', { name: '人居环境整治考评表.rubric.yaml' }).first().click();
          await p.keyboard.press('Control+Shift+M');
          await p.locator('.markers-panel .monaco-list-row', { hasText: '一级指标分值合计 95' }).first().waitFor({ timeout: 60000 });
          await goToLine(p, lineOf(broken, 'indicators:'));
          await p.keyboard.press('Control+K');
          await p.keyboard.press('Control+I');
          await p.locator('.monaco-hover', { hasText: '一级指标分值合计 95' }).first().waitFor({ timeout: 30000 });
        },
        page,
      );
      await page.keyboard.press('Escape');

      await shot(
        'diagnostic-quick-fix',
        async (p) => {
          // Through the hover's own link, as a person who does not know Ctrl+. finds it.
          await goToLine(p, lineOf(broken, 'indicators:'));
          await p.keyboard.press('Control+K');
          await p.keyboard.press('Control+I');
          await p
            .locator('.monaco-hover a', { hasText: /Quick Fix/ })
            .first()
            .click({ timeout: 30000 });
          await p
            .getByText(/将最后一项/)
            .first()
            .waitFor({ timeout: 30000 });
        },
        page,
      );
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+J');

      await shot(
        'quota-simulation',
        async (p) => {
          await runCommand(p, 'View: Close All Editors');
          await quickOpen(p, 'forest-chief-2022.rubric.yaml');
          await goToLine(p, lineOf(rubric, 'tiers:'));
          await p
            .locator('.codelens-decoration a', { hasText: /10 个考核对象/ })
            .first()
            .click({ timeout: 30000 });
          const frame = p.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
          await frame.locator('table tr[data-subjects="10"]').waitFor({ timeout: 30000 });
        },
        page,
      );

      await shot(
        'scoresheet',
        async (p) => {
          await runCommand(p, 'View: Close All Editors');
          await quickOpen(p, 'forest-chief-2022.scores.yaml');
          await p.waitForFunction(
            () => Array.from(document.querySelectorAll('.view-line')).some((l) => /第\s*1\s*名/.test((l.textContent ?? '').replace(/\u00a0/g, ' '))),
            undefined,
            { timeout: 30000 },
          );
        },
        page,
      );

      await shot(
        'ranking',
        async (p) => {
          await runCommand(p, 'Rubric: Show Ranking');
          const frame = p.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
          await frame.locator('tbody tr').nth(9).waitFor({ timeout: 30000 });
        },
        page,
      );
    }

    // The walkthrough (Help → Welcome), in the workbench's language: English here.
    const walkthrough = path.join(path.dirname(vsix), 'walkthrough.png');
    try {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Rubric Studio' }).first().click({ timeout: 30000 });
      await page.locator('.getting-started-step', { hasText: 'Fix a sum' }).first().waitFor({ timeout: 30000 });
      await page.screenshot({ path: walkthrough });
      console.log(`  ✔ ${path.relative(ROOT, walkthrough)}`);
    } catch (error) {
      failures.push('walkthrough');
      await page.screenshot({ path: walkthrough });
      console.log(`  ✗ walkthrough: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }

    // The extension's own page, as a person who installed the vsix sees it: its text and images.
    // Not a step of the guide: written beside the vsix, for the person who runs this to look at.
    // VS Code's sanitizer keeps README images only from http(s) URLs (a relative path into the vsix
    // and a data: URI both lose their src, seen here in 1.139): until the project has a public host
    // to pass as vsce's --baseImagesUrl, this reports the page's images as not loaded.
    const details = path.join(path.dirname(vsix), 'extension-page.png');
    try {
      await runCommand(page, 'View: Close All Editors');
      // The view lists installed extensions first, without a search.
      await page.keyboard.press('Control+Shift+X');
      await page.locator('.monaco-list-row', { hasText: 'Rubric Studio' }).first().click({ timeout: 30000 });
      const readme = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await readme.locator('img').first().waitFor({ timeout: 30000 });
      const images = await readme
        .locator('img')
        .evaluateAll((all) => all.map((img) => `${img.getAttribute('src')}: ${(img as HTMLImageElement).naturalWidth}px`));
      await page.screenshot({ path: details });
      console.log(`  ✔ ${path.relative(ROOT, details)} (${images.join(', ')})`);
      if (images.some((line) => line.endsWith(': 0px'))) failures.push('extension-page: an image did not load');
    } catch (error) {
      failures.push('extension-page');
      await page.screenshot({ path: details });
      console.log(`  ✗ extension-page: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  console.log(failures.length === 0 ? `screenshots in ${path.relative(ROOT, OUT)}` : `not taken: ${failures.join(', ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

void main();
