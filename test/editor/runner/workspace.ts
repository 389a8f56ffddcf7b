import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './code-server';

/** A scratch workspace with the samples and their scoresheets (and broken/) as a person would have them, and `*.appraisal.yaml` in `rubric.files`. */
export function prepareWorkspace(home: string): string {
  const folder = path.join(home, 'rubrics');
  fs.mkdirSync(path.join(folder, 'broken'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'out'), { recursive: true });
  for (const dir of ['', 'broken']) {
    for (const file of fs.readdirSync(path.join(ROOT, 'samples', dir))) {
      // The samples' scoresheets too, not broken/'s: the explorer list stays as the page checks expect it.
      if (file.endsWith('.rubric.yaml') || (dir === '' && file.endsWith('.scores.yaml')))
        fs.copyFileSync(path.join(ROOT, 'samples', dir, file), path.join(folder, dir, file));
    }
  }
  // A file kind served only through the `rubric.files` setting (the suite writes such a file).
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'rubric.files': ['*.appraisal.yaml'] }, null, 2));
  return folder;
}

/** Names a rubric from another office could carry: markup, and a way out of an inline script. */
export const HOSTILE_NAMES = {
  markup: '<img src=x onerror=alert(1)>',
  scriptBreakout: '</script><script>alert(2)</script>',
};

/**
 * hostile/names.rubric.yaml: a valid rubric whose title is markup and whose tiers are named with
 * markup and a script break-out, for the simulation view to show as text. Ten subjects: the
 * quota lens then reads "10 subjects: …" like the samples'.
 */
export function writeHostileRubric(folder: string): string {
  const file = path.join(folder, 'hostile', 'names.rubric.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const quoted = (value: string) => JSON.stringify(value);
  fs.writeFileSync(
    file,
    [
      `rubric: ${quoted(HOSTILE_NAMES.markup)}`,
      'issuer: 测试',
      'period: 2023',
      'total: 100',
      'subjects: 10',
      'indicators:',
      '  - id: work',
      '    name: 工作',
      '    weight: 100',
      '    scoring: {deduct: 5, per: 每发现一处}',
      'tiers:',
      `  - {id: best, name: ${quoted(HOSTILE_NAMES.scriptBreakout)}, quota: {exactly: 30%}, min_score: 80}`,
      `  - {id: rest, name: ${quoted(HOSTILE_NAMES.markup)}, min_score: 0}`,
      '',
    ].join('\n'),
  );
  return file;
}
