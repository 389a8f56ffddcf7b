import { strict as assert } from 'assert';
import fc from 'fast-check';
import { definedNameRanges, rangeBox } from 'rubric-studio-server/out/spreadsheet/excel-ranges';

// exceljs's own decoders, reached inside the pinned package: the guard must read references as they do.
const Range = require('exceljs/lib/doc/range') as new (reference: string) => { top: number; left: number; bottom: number; right: number };
const DefinedNameXform = require('exceljs/lib/xlsx/xform/book/defined-name-xform') as new () => {
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
  model: { ranges: string[] };
};

const params = { seed: 20, numRuns: 3000 };
/** References as a hostile file might spell them: letters of both cases, digits, $, :, !, quotes, commas. */
const reference = fc.string({ unit: fc.constantFrom(..."AXFDZax019$$::!', #".split('')), maxLength: 16 });
const address = fc.tuple(
  fc.constantFrom('', '$'),
  fc.constantFrom('A', 'Z', 'XFD', 'AA', 'xfd', ''),
  fc.constantFrom('', '$'),
  fc.constantFrom('1', '1048576', '', '07'),
);
const range = fc
  .tuple(fc.constantFrom('', 'Sheet1!', "'a b'!", "'it''s'!"), address, fc.constantFrom(':', ''), address)
  .map(([sheet, a, colon, b]) => sheet + a.join('') + colon + b.join(''));

function exceljsBox(text: string) {
  try {
    const r = new Range(text);
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
  } catch {
    return undefined;
  }
}

describe('cell references: the guard’s reading against exceljs’s own decoders (fixed seed)', () => {
  it('gives the box exceljs’s Range gives, for any spelling it accepts', () => {
    fc.assert(
      fc.property(fc.oneof(reference, range), (text) => {
        const expected = exceljsBox(text);
        if (expected) assert.deepEqual(rangeBox(text), expected, text);
      }),
      params,
    );
  });

  it('finds in a defined name at least the ranges exceljs keeps', () => {
    const formula = fc.array(fc.oneof(reference, range), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(','));
    fc.assert(
      fc.property(formula, (text) => {
        const xform = new DefinedNameXform();
        xform.parseOpen({ name: 'definedName', attributes: { name: 'x' } });
        xform.parseText(text);
        xform.parseClose('definedName');
        assert.deepEqual(definedNameRanges(text), xform.model.ranges, text);
      }),
      params,
    );
  });
});
