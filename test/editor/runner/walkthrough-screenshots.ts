import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchChromium } from './browser';
import { EditorTools, installExtension, ROOT, setupEditorTools, startCodeServer } from './code-server';
import { openWalkthrough } from './run-browser-check';

/**
 * The walkthrough's screenshots for the docs — images/walkthrough.png (English, docs/vscode.md)
 * and docs/zh-CN/images/walkthrough.png (Chinese, the user guide) — taken in code-server with the
 * packaged vsix at 1280 × 800. Not a test: run it after a change to the walkthrough, then look at
 * both images.
 *
 *   npm run -s build && node test/out/editor/runner/walkthrough-screenshots.js
 *
 * The primary side bar is closed first: VS Code hides a step's picture while the Welcome editor is
 * 950 px wide or less, and at 1280 px with the side bar open it is about 920 px.
 *
 * Chinese: code-server keeps its display language English without a Chinese language pack, whatever
 * `--locale` or `argv.json` say (no pack registered: the locale resolves to `en`), and none can be
 * installed offline. A stand-in pack (test/editor/fixtures/stand-in-language-pack-zh-cn) declares
 * zh-cn with no translations of VS Code itself and is registered in the user data's
 * languagepacks.json, as VS Code registers a pack it installs: the walkthrough's own strings
 * (package.nls.zh-cn.json) then show, the workbench around them stays English.
 */
function vsce(args: string[], cwd: string): void {
  const result = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed in ${cwd}: ${result.stdout}${result.stderr}`);
}

const PACK_ID = 'rubric-studio-tests.stand-in-language-pack-zh-cn';

/** Installs the stand-in pack and registers it for zh-cn the way VS Code records an installed pack. */
function installStandInPack(tools: EditorTools, home: string, out: string): void {
  const vsix = path.join(out, 'stand-in-language-pack-zh-cn.vsix');
  vsce(['--allow-missing-repository', '--skip-license', '--out', vsix], path.join(ROOT, 'test', 'editor', 'fixtures', 'stand-in-language-pack-zh-cn'));
  installExtension(tools, home, vsix);
  const folder = fs.readdirSync(path.join(home, 'extensions')).find((name) => name.startsWith(`${PACK_ID}-`));
  if (!folder) throw new Error('the stand-in language pack was not installed');
  const translations = path.join(home, 'extensions', folder, 'translations', 'main.i18n.json');
  const packs = {
    'zh-cn': {
      hash: 'stand-in-0.0.1',
      label: '中文(简体)',
      extensions: [{ extensionIdentifier: { id: PACK_ID }, version: '0.0.1' }],
      translations: { vscode: translations },
    },
  };
  fs.writeFileSync(path.join(home, 'user-data', 'languagepacks.json'), JSON.stringify(packs));
}

async function screenshot(tools: EditorTools, vsix: string, locale: 'en' | 'zh-cn', file: string, out: string): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `rubric-walkthrough-${locale}-`));
  const folder = path.join(home, locale === 'en' ? 'appraisal' : '考核');
  fs.mkdirSync(folder, { recursive: true });
  installExtension(tools, home, vsix);
  if (locale === 'zh-cn') installStandInPack(tools, home, out);
  const server = await startCodeServer({
    tools,
    home,
    folder,
    locale: locale === 'en' ? undefined : locale,
    settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    log: () => undefined,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Close Primary Side Bar');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Close Primary Side Bar' }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    await openWalkthrough(page);
    const title = locale === 'en' ? 'Get started with Rubric Studio' : 'Rubric Studio 入门';
    await page.locator('.gettingStartedContainer').getByText(title).first().waitFor({ timeout: 30000 });
    await page.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('.gettingStartedContainer .getting-started-media img');
        return img && img.complete && img.naturalWidth > 0 && img.getClientRects().length > 0;
      },
      undefined,
      { timeout: 30000 },
    );
    await page.screenshot({ path: file });
    console.log(`${locale}: ${path.relative(ROOT, file)}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const tools = setupEditorTools();
  const out = path.join(ROOT, '.test-output', 'walkthrough');
  fs.mkdirSync(out, { recursive: true });
  const vsix = path.join(out, 'rubric-studio.vsix');
  vsce(['--no-rewrite-relative-links', '--readme-path', 'MARKETPLACE.md', '--out', vsix], ROOT);
  await screenshot(tools, vsix, 'en', path.join(ROOT, 'images', 'walkthrough.png'), out);
  await screenshot(tools, vsix, 'zh-cn', path.join(ROOT, 'docs', 'zh-CN', 'images', 'walkthrough.png'), out);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
