import { readFileSync } from 'fs';
import * as path from 'path';

/** The one source of the rubric's structure, shipped beside the server at `schemas/`. */
export const RUBRIC_SCHEMA_PATH = path.resolve(__dirname, '../../../schemas/rubric.schema.json');

export function loadRubricSchema(schemaPath: string = RUBRIC_SCHEMA_PATH): object {
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
}
