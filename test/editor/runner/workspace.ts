import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './code-server';

/** A scratch workspace with the samples (and broken/) as a person would have them, and `*.appraisal.yaml` in `rubric.files`. */
export function prepareWorkspace(home: string): string {
  const folder = path.join(home, 'rubrics');
  fs.mkdirSync(path.join(folder, 'broken'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'out'), { recursive: true });
  for (const dir of ['', 'broken']) {
    for (const file of fs.readdirSync(path.join(ROOT, 'samples', dir))) {
      if (file.endsWith('.rubric.yaml')) fs.copyFileSync(path.join(ROOT, 'samples', dir, file), path.join(folder, dir, file));
    }
  }
  // A file kind served only through the `rubric.files` setting (the suite writes such a file).
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'rubric.files': ['*.appraisal.yaml'] }, null, 2));
  return folder;
}
