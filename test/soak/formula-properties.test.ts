import fc from 'fast-check';
import { anyText, figures, tree } from '../unit/formula/arbitraries';
import { anyTextLaw, oracleLaw, rangeLaw } from '../unit/formula/laws';

/**
 * The formula language's laws (test/unit/formula/laws.ts) over many more random cases than the
 * unit suite runs, and over long text: not part of `npm test`. Run after a build with
 *   npx mocha --timeout 0 test/out/soak/formula-properties.test.js
 * RUBRIC_PROPERTY_SEED=<n> replays a run, RUBRIC_SOAK_RUNS=<n> sets its length.
 */
const SEED = Number(process.env.RUBRIC_PROPERTY_SEED ?? 20261202);
const RUNS = Number(process.env.RUBRIC_SOAK_RUNS ?? 100_000);
const params = (numRuns: number) => ({ seed: SEED, numRuns });

/** Long text: pieces of formulas repeated up to the length limit and past it, nested and flat. */
const longText = fc.oneof(
  fc.string({ unit: fc.constantFrom('(', ')', '（', '1', '+', '-', '×', 'a', ' ', ',', 'max(', 'if(', ' and ', '>'), minLength: 500, maxLength: 5000 }),
  fc
    .record({ piece: fc.constantFrom('(', '-', 'abs(', 'not ', '1+', 'a×', '9*', 'a/', '(a−b)/'), count: fc.integer({ min: 1, max: 3000 }) })
    .map(({ piece, count }) => piece.repeat(count) + '1'),
);

describe('formula language: soak', function () {
  this.timeout(0);

  it('any text gives a formula or problems inside it, and nothing that follows throws', () => {
    fc.assert(
      fc.property(anyText, figures, (text, subject) => anyTextLaw(text, subject)),
      params(RUNS),
    );
  });

  it('long text, deep and flat: the same, within the length and depth limits', () => {
    fc.assert(
      fc.property(longText, figures, (text, subject) => anyTextLaw(text, subject)),
      params(Math.ceil(RUNS / 20)),
    );
  });

  it('the range holds every value for inputs within min/max; a division by zero happens only where reported', () => {
    fc.assert(
      fc.property(tree, figures, fc.nat(), (t, subject, seed) => rangeLaw(t, subject, seed)),
      params(RUNS),
    );
  });

  it('the core reads and works out a printed formula as the exact-rational oracle works out its tree', () => {
    fc.assert(
      fc.property(tree, figures, fc.nat(), (t, subject, seed) => oracleLaw(t, subject, seed)),
      params(RUNS),
    );
  });
});
