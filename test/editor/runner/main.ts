import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runBrowserChecks } from './run-browser-check';
import { ROOT, setupEditorTools } from './code-server';
import { runExtensionSuite } from './run-extension-suite';

/**
 * The real-editor suite: the extension-host mocha suite inside code-server, then the packaged
 * vsix checked through the page. Writes its counts where scripts/test.js reads them.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const tools = setupEditorTools();
    console.log('\n-- extension host suite (code-server) --');
    const suite = await runExtensionSuite(log);
    counts.passed += suite.passed;
    counts.failed += suite.failed;

    console.log('\n-- packaged extension through the page (code-server + Chromium) --');
    const vsix = path.join(ROOT, '.test-output', 'rubric-studio.vsix');
    fs.mkdirSync(path.dirname(vsix), { recursive: true });
    const pack = spawnSync(
      process.execPath,
      [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--readme-path', 'MARKETPLACE.md', '--out', vsix],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (pack.status !== 0) throw new Error(`vsce package failed: ${pack.stdout}${pack.stderr}`);
    const checks = await runBrowserChecks(tools, vsix, log);
    counts.passed += checks.filter((c) => c.ok).length;
    counts.failed += checks.filter((c) => !c.ok).length;
  } catch (error) {
    console.log(`editor suite could not run: ${error instanceof Error ? error.stack : String(error)}`);
    counts.failed += 1;
  }
  if (process.env.RUBRIC_TEST_COUNTS) fs.writeFileSync(process.env.RUBRIC_TEST_COUNTS, JSON.stringify(counts));
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

void main();
