import { promises as fs } from 'fs';
import * as path from 'path';
import { RUBRIC_FILE, SCORES_FILE } from '../core';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Rubric files and scoresheets under a folder, depth first, in a stable (sorted) order. */
export async function findRubricFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await findRubricFiles(full)));
    else if (entry.isFile() && (RUBRIC_FILE.test(entry.name) || SCORES_FILE.test(entry.name))) found.push(full);
  }
  return found;
}
