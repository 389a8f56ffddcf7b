import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './code-server';
import { prepareWorkspace } from './workspace';

/**
 * The standard desktop runner (`npm run test:electron`): downloads VS Code and runs the same
 * extension-host suite. It needs the VS Code download host, which these build machines cannot
 * reach; the code-server runner (main.ts) is the one CI uses.
 */
async function main(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-electron-'));
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'test/out/editor/suite/index.js'),
      launchArgs: [prepareWorkspace(home), '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
