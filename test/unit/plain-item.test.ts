import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateScoresheet } from '../support/generate-scoresheet';
import { entries, readsAsTheParser } from '../support/plain-item';
import { SAMPLES } from '../support/scoresheet';

const SHEETS = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.scores.yaml'))
  .map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'));

describe('the plain reader of list items', () => {
  it('reads every entry of generated scoresheets (flow and block maps, deductions, bonus, vetoes) as the parser does', () => {
    for (const seed of [1, 5, 9]) {
      const { sheet } = generateScoresheet({ leaves: 40, subjects: 24, seed });
      for (const { text, column } of entries(sheet)) assert.ok(readsAsTheParser(text, column), `not read: ${text}`);
    }
  });

  it("reads the samples' entries as the parser does, comments after values among them", () => {
    let read = 0;
    for (const sheet of SHEETS) for (const { text, column } of entries(sheet)) if (readsAsTheParser(text, column)) read++;
    // Every entry of the samples but those with a quoted name or a comment line.
    assert.ok(read >= 25, `${read} entries read`);
  });

  it('reads what it should and leaves the rest to the parser', () => {
    const reads = (text: string) => readsAsTheParser(text, 2);
    for (const text of [
      '  - subject: 古绛镇\n    points: {fire: 22, pests: 13.50}\n  ',
      '  - subject: a\n    points:\n      fire: 22\n      pests: -1.5\n\n    veto: [x, y]   \n  ',
      '  - subject: a b c\n    deductions: {river: {litter: 3, no-record: 1}, q: 1} # 3 × 0.5\n',
      '  - subject: 考核单位001\n    bonus: {}\n    veto: []',
      '  - subject: a, b\n    by: {self: 95, cadres: {a: 1}, villagers: [92, 94]}\n  ',
      '  - subject: x\n    points: {a: 007, b: 1.0, c: 123456789012345}\n',
    ])
      assert.ok(reads(text), `not read: ${text}`);
    for (const text of [
      '  - subject: "quoted"\n',
      '  - subject: x\n    # a comment line\n    points: {a: 1}\n',
      '  - subject: x\n    points:\n',
      '  - subject: x\n    points: {a: 1e3}\n',
      '  - subject: x\n    points: {a: 1234567890123456}\n',
      '  - subject: true\n',
      '  - subject: x\n    points: {a: 1,b: 2}\n',
      '  - subject: x\n    points: { a: 1 }\n',
      '  - subject: x\n    points: {a: 1\n      , b: 2}\n',
      '  - subject: x\n    subject: y\n',
      '  - subject: x\n    points:\n      - 1\n',
      '  - subject: x\n   points: {}\n',
      '  - subject: x\n  - subject: y\n',
      '  - subject: x:y\n',
      '  - subject: x\r\n',
    ])
      assert.equal(reads(text), false, `read: ${text}`);
  });
});
