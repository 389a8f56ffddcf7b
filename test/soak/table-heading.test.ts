import { strict as assert } from 'assert';
import fc from 'fast-check';
import { normalizeHeading } from 'rubric-studio-server/out/spreadsheet/table-header';

/** The pattern headings were once compared by: what the one-pass reading must still give. */
const byPattern = (value: string) =>
  value
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[)）]$/, '')
    .replace(/[:：]$/, '')
    .toLowerCase();

describe('table headings: the one-pass reading equals the pattern it replaced (fixed seed)', () => {
  it('on random headings of parentheses, colons, spaces and words', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'()（）:： a分X'.split('')), maxLength: 12 }), (heading) => {
        assert.equal(normalizeHeading(heading), byPattern(heading), JSON.stringify(heading));
      }),
      { seed: 20, numRuns: 5000 },
    );
  });
});
