import fc from 'fast-check';
import { anyText, figures, tree } from './arbitraries';
import { anyTextLaw, oracleLaw, rangeLaw } from './laws';

/**
 * The formula language's laws over random formulas and figures, a few hundred cases each (the long
 * runs are test/soak/formula-properties.test.ts). Seeded: RUBRIC_PROPERTY_SEED=<n> replays a run;
 * fast-check prints the seed and the path of a failing case.
 */
const SEED = Number(process.env.RUBRIC_PROPERTY_SEED ?? 20261202);
const RUNS = Number(process.env.RUBRIC_PROPERTY_RUNS ?? 300);
const params = { seed: SEED, numRuns: RUNS };

describe('formula language: properties', () => {
  it('any text gives a formula or problems inside it, and nothing that follows throws', () => {
    fc.assert(
      fc.property(anyText, figures, (text, subject) => anyTextLaw(text, subject)),
      params,
    );
  });

  it('the range holds every value for inputs within min/max; a division by zero happens only where reported', () => {
    fc.assert(
      fc.property(tree, figures, fc.nat(), (t, subject, seed) => rangeLaw(t, subject, seed)),
      params,
    );
  });

  it('the core reads and works out a printed formula as the exact-rational oracle works out its tree', () => {
    fc.assert(
      fc.property(tree, figures, fc.nat(), (t, subject, seed) => oracleLaw(t, subject, seed)),
      params,
    );
  });
});
