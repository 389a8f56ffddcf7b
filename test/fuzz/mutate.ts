import * as fs from 'fs';
import * as path from 'path';

/** The seed of case `index` of a run of seed `run`. */
export function caseSeed(run: number, index: number): number {
  return (run + Math.imul(index, 0x9e3779b1)) >>> 0;
}

/** Every sample rubric (samples/**\/*.rubric.yaml), by its path under samples/. */
export function readSamples(root: string): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.rubric\.ya?ml$/.test(entry.name)) found.push({ name: path.relative(path.join(root, 'samples'), full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(root, 'samples'));
  return found;
}

/**
 * What a mutation may insert: YAML's own indicators, what a Chinese input method types, numbers
 * that are not what they seem, and characters a broken file carries (NUL, lone surrogates, U+FFFD,
 * a byte-order mark, CR).
 */
const PIECES = [
  ...': - [ ] { } , # & * ! | > \' " % @ ` ? \t \n \r \r\n'.split(' '),
  ' ',
  '\n  ',
  '\n    - ',
  'a',
  'z',
  '7',
  '0',
  '.',
  '%',
  '中',
  '考核',
  '：',
  '，',
  '\u3000',
  '【',
  '😀',
  '\uD800',
  '\uDC00',
  '\u0000',
  '\uFFFD',
  '\uFEFF',
  '1e308',
  '1e-400',
  '.nan',
  '-.inf',
  '-0',
  '0x1F',
  '0o17',
  '9007199254740993',
  '三十',
  '30%',
  '100.5%',
  '&a ',
  '*a',
  '<<: *a',
  '---\n',
  '...\n',
  '? ',
  '|\n',
  '>-\n',
  '!!binary ',
  '!custom ',
  '%YAML 1.1\n',
  '# rubric-ignore weights-sum\n',
  'weight: ',
  'items:\n',
  'quota: {exactly: ',
  'rounding: largest-remainder',
  'subjects: ',
  'min_score: ',
  'scoring: {deduct: ',
];

export interface Mutation {
  text: string;
  /** What was done, for the report of a failing case. */
  steps: string[];
}

/** One to four random mutations of `text`: characters and lines inserted, deleted, duplicated, replaced, swapped, or chunks from another sample. */
export function mutate(text: string, others: readonly string[], rand: () => number): Mutation {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const at = (t: string) => Math.floor(rand() * (t.length + 1));
  const steps: string[] = [];
  let result = text;
  const count = 1 + Math.floor(rand() * 4);
  for (let n = 0; n < count; n++) {
    const lines = result.split('\n');
    const line = Math.floor(rand() * lines.length);
    const kind = Math.floor(rand() * 10);
    const start = at(result);
    const end = Math.min(result.length, start + Math.floor(rand() * 40));
    switch (kind) {
      case 0:
      case 1: {
        const piece = pick(PIECES);
        result = result.slice(0, start) + piece + result.slice(start);
        steps.push(`insert ${JSON.stringify(piece)} at ${start}`);
        break;
      }
      case 2:
        result = result.slice(0, start) + result.slice(end);
        steps.push(`delete ${start}..${end}`);
        break;
      case 3:
        result = result.slice(0, end) + result.slice(start, end) + result.slice(end);
        steps.push(`duplicate ${start}..${end}`);
        break;
      case 4: {
        const piece = pick(PIECES);
        result = result.slice(0, start) + piece + result.slice(Math.min(result.length, start + 1));
        steps.push(`replace ${start} with ${JSON.stringify(piece)}`);
        break;
      }
      case 5:
        lines.splice(line, 1);
        result = lines.join('\n');
        steps.push(`delete line ${line}`);
        break;
      case 6:
        lines.splice(line, 0, lines[line]);
        result = lines.join('\n');
        steps.push(`duplicate line ${line}`);
        break;
      case 7: {
        const other = Math.floor(rand() * lines.length);
        [lines[line], lines[other]] = [lines[other], lines[line]];
        result = lines.join('\n');
        steps.push(`swap lines ${line} and ${other}`);
        break;
      }
      case 8: {
        // An indentation changed by one or two spaces: the commonest way to break YAML.
        const delta = pick([-2, -1, 1, 2]);
        lines[line] = delta > 0 ? ' '.repeat(delta) + lines[line] : lines[line].replace(new RegExp(`^ {1,${-delta}}`), '');
        result = lines.join('\n');
        steps.push(`indent line ${line} by ${delta}`);
        break;
      }
      default: {
        const donor = pick(others);
        const from = Math.floor(rand() * (donor.length + 1));
        const chunk = donor.slice(from, from + Math.floor(rand() * 200));
        result = result.slice(0, start) + chunk + result.slice(end);
        steps.push(`splice ${JSON.stringify(chunk.slice(0, 30))}… from another sample over ${start}..${end}`);
      }
    }
  }
  return { text: result, steps };
}
