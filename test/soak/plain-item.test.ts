import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { random } from '../support/generate-rubric';
import { generateScoresheet } from '../support/generate-scoresheet';
import { entries, readsAsTheParser } from '../support/plain-item';
import { SAMPLES } from '../support/scoresheet';
import { scaled, seedFor } from '../support/seeds';

/**
 * The plain reader of a scoresheet's entries (the fast path of a first open) against the full
 * parse: on randomly edited entries, and on whole generated sheets of other seeds and shapes,
 * every entry it reads it reads as the parser does (nodes, values, sources, ranges, folds, data),
 * and it leaves the rest to the parser. The session built on it is held to a whole analysis by
 * scoresheet-equivalence.test.ts. RUBRIC_SEED moves the seeds, RUBRIC_SOAK_SCALE lengthens the runs.
 */

const SHEETS = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.scores.yaml'))
  .map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'));

const ALPHABET = [
  ' ',
  '\n',
  '\n    ',
  '\n      ',
  ':',
  ': ',
  ',',
  ', ',
  '{',
  '}',
  '[',
  ']',
  '#',
  ' #',
  '-',
  '.',
  '0',
  '7',
  'a',
  '中',
  'e',
  '~',
  'null',
  '_',
  '-1',
  '1.50',
  '__proto__',
];

/** One to three characters typed or deleted somewhere in the text. */
function mutate(text: string, next: () => number): string {
  let edited = text;
  for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
    const at = Math.floor(next() * (edited.length + 1));
    edited =
      next() < 0.7
        ? edited.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + edited.slice(at)
        : edited.slice(0, at) + edited.slice(at + 1 + Math.floor(next() * 2));
  }
  return edited;
}

describe('the plain reader of list items against the parser', function () {
  this.timeout(10 * 60 * 1000);

  const entryEdits = scaled(6000);
  it(`after ${entryEdits} random edits of entries, reads each text as the parser does or leaves it alone`, () => {
    const next = random(seedFor(25));
    const sources = [...entries(generateScoresheet({ leaves: 12, subjects: 12, seed: 3 }).sheet), ...SHEETS.flatMap(entries)];
    let read = 0;
    for (let i = 0; i < entryEdits; i++) {
      const { text, column } = sources[Math.floor(next() * sources.length)];
      if (readsAsTheParser(mutate(text, next), column)) read++;
    }
    // Many edits of a plain entry leave it plain: the comparison is not vacuous.
    assert.ok(read > entryEdits / 6, `${read} of ${entryEdits} read`);
  });

  const sheets = scaled(12);
  it(`reads every entry of ${sheets} generated sheets of other seeds and sizes as the parser does, and their entries after random edits`, () => {
    const next = random(seedFor(2025));
    for (let i = 0; i < sheets; i++) {
      const { sheet } = generateScoresheet({ leaves: 5 + Math.floor(next() * 60), subjects: 5 + Math.floor(next() * 40), seed: Math.floor(next() * 1e6) });
      for (const { text, column } of entries(sheet)) {
        assert.ok(readsAsTheParser(text, column), `not read: ${text}`);
        readsAsTheParser(mutate(text, next), column);
      }
    }
  });
});
