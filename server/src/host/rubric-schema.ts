import { readFileSync } from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from './project-root';

/** The one source of the rubric's structure. */
export const RUBRIC_SCHEMA_PATH = path.join(PROJECT_ROOT, 'schemas', 'rubric.schema.json');

export function loadRubricSchema(schemaPath: string = RUBRIC_SCHEMA_PATH): object {
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
}
