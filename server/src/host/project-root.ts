import { existsSync } from 'fs';
import * as path from 'path';

/**
 * The project (or installed extension) root, where `schemas/` and docs/diagnostics.md live: three levels
 * up from server/out/<folder>, one level up from the bundled dist/server.js.
 */
export const PROJECT_ROOT =
  [path.resolve(__dirname, '../../..'), path.resolve(__dirname, '..')].find((dir) => existsSync(path.join(dir, 'schemas', 'rubric.schema.json'))) ??
  path.resolve(__dirname, '../../..');
