import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from './project-root';

/** The shipped sample rubrics' texts (none when they are not there). */
export function readSamples(): string[] {
  const folder = path.join(PROJECT_ROOT, 'samples');
  try {
    return readdirSync(folder)
      .filter((f) => f.endsWith('.rubric.yaml'))
      .map((f) => readFileSync(path.join(folder, f), 'utf8'));
  } catch {
    return [];
  }
}
