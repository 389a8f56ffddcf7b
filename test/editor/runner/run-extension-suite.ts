import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import { launchChromium } from './browser';
import { ROOT, setupEditorTools, startCodeServer } from './code-server';
import { prepareWorkspace } from './workspace';

/**
 * Runs the extension-host mocha suite (test/out/editor/suite) inside code-server's real
 * extension host, driven by Chromium: the same suite @vscode/test-electron runs on desktop.
 * Prints the suite's output and returns its counts.
 */
export async function runExtensionSuite(log: (line: string) => void): Promise<{ passed: number; failed: number }> {
  const tools = setupEditorTools();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-editor-suite-'));
  const folder = prepareWorkspace(home);
  const server = await startCodeServer({ tools, home, folder, settings: {}, smokeTestDriver: true, log: () => undefined });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let result: { passed: number; failed: number } | undefined;
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    // The suite's console output arrives here unformatted: mocha's reporter passes printf-style arguments.
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const text = format(...(args ?? []));
      const match = /RUBRIC-EDITOR-RESULT (\{.*\})/.exec(text);
      if (match) result = JSON.parse(match[1]);
      else log(text);
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'test/out/editor/suite/index.js'))],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    const code = await exited;
    return result ?? { passed: 0, failed: code === 0 ? 0 : 1 };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
