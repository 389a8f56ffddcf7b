import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { parseAllDocuments } from 'yaml';

/**
 * `node parse-once.js FILE`: prints how long one full `yaml` parse of FILE takes in a process
 * that has never parsed anything, as a language server meets a file it is first asked to open.
 */
const text = fs.readFileSync(process.argv[2], 'utf8');
const start = performance.now();
parseAllDocuments(text);
console.log(performance.now() - start);
