import * as path from 'path';
import Mocha from 'mocha';

/**
 * The suite's entry inside the extension host, the same for both runners (@vscode/test-electron
 * and code-server): runs every *.test.js here and ends with one machine-readable line.
 */
export function run(): Promise<void> {
  // RUBRIC_EDITOR_GREP (inherited through code-server) runs only the tests whose names match.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', grep: process.env.RUBRIC_EDITOR_GREP || undefined });
  const files = require('fs')
    .readdirSync(__dirname)
    .filter((f: string) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`RUBRIC-EDITOR-RESULT ${JSON.stringify({ passed, failed: failures })}`);
      if (failures > 0) reject(new Error(`${failures} editor tests failed`));
      else resolve();
    });
  });
}
