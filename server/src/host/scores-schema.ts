import { readFileSync } from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from './project-root';

/** The one source of the scoresheet's structure. */
export const SCORES_SCHEMA_PATH = path.join(PROJECT_ROOT, 'schemas', 'scores.schema.json');

export function loadScoresSchema(schemaPath: string = SCORES_SCHEMA_PATH): object {
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
}
