import { strict as assert } from 'assert';
import fc from 'fast-check';
import { ScoresheetAnalysis } from 'rubric-studio-server';
import { analyzeInMemory as analyzeIn, Files, table } from '../support/scoresheet';
import { scaled, seedFor } from '../support/seeds';

/**
 * A year combined from its rounds (docs/format/scoresheet.md, "Rounds") does not depend on the
 * order anything is written in: permuting the round paths in `rounds:`, the subjects' entries in
 * the year sheet and in every round sheet leaves each subject's total, rank and tier, and the
 * findings' codes, as they were. Random rounds (2 to 4) of 3 to 6 subjects, now and then a subject
 * missing from a round (`missing-score`: no total), `mean` or `sum`. Seeded (test/support/seeds.ts).
 */
const SEED = seedFor(20261207);
const RUNS = scaled(100);

interface Scenario {
  subjects: number;
  mode: 'mean' | 'sum';
  ties: 'flag' | 'share';
  quota: string;
  /** Each subject's `base` points in the year sheet. */
  base: number[];
  /** Per round, per subject: its total in hundredths, or null when the round has no entry for it. */
  rounds: (number | null)[][];
}

/** A round total in hundredths: often a whole number near 90 (so that years tie), else anything in 0..100. */
const hundredths = fc.oneof(
  fc.integer({ min: 85, max: 95 }).map((n) => n * 100),
  fc.integer({ min: 0, max: 10000 }),
);

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    subjects: fc.integer({ min: 3, max: 6 }),
    rounds: fc.integer({ min: 2, max: 4 }),
    mode: fc.constantFrom<'mean' | 'sum'>('mean', 'sum'),
    ties: fc.constantFrom<'flag' | 'share'>('flag', 'share'),
    quota: fc.constantFrom('{max: 1}', '{exactly: 30%}', '{max: 50%}', '{min: 40%}'),
  })
  .chain((shape) =>
    fc.record({
      subjects: fc.constant(shape.subjects),
      mode: fc.constant(shape.mode),
      ties: fc.constant(shape.ties),
      quota: fc.constant(shape.quota),
      base: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: shape.subjects, maxLength: shape.subjects }),
      rounds: fc.array(
        fc.array(
          // Under sum, each round's share of 100 (so that the sum is seldom kept at the weight), still sometimes over.
          fc.option(shape.mode === 'sum' ? hundredths.map((h) => Math.floor(h / (shape.rounds - 1))) : hundredths, { freq: 20 }),
          { minLength: shape.subjects, maxLength: shape.subjects },
        ),
        { minLength: shape.rounds, maxLength: shape.rounds },
      ),
    }),
  );

/** A permutation of 0..n−1. */
const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

interface Orders {
  rounds: number[];
  year: number[];
  /** Per round, the order its entries are written in. */
  entries: number[][];
}

const withOrders: fc.Arbitrary<[Scenario, Orders]> = scenario.chain((s) =>
  fc.tuple(
    fc.constant(s),
    fc.record({
      rounds: permutation(s.rounds.length),
      year: permutation(s.subjects),
      entries: fc.tuple(...s.rounds.map(() => permutation(s.subjects))),
    }),
  ),
);

const identity = (n: number) => [...Array(n).keys()];

/** The files of a scenario, with the round paths, the year's entries and each round's entries in the orders given. */
function filesOf(s: Scenario, orders?: Orders): Files {
  const names = identity(s.subjects).map((i) => `S${i}`);
  const files: Files = {
    'round.rubric.yaml': ['rubric: 轮次考核', `subjects: [${names.join(', ')}]`, 'indicators:', '  - {id: work, name: 工作实绩, weight: 100}'].join('\n'),
    'year.rubric.yaml': [
      'rubric: 年度考核',
      `subjects: [${names.join(', ')}]`,
      'indicators:',
      `  - {id: rounds, name: 平时考核, weight: 90, scoring: {rounds: ${s.mode}}}`,
      '  - {id: base, name: 领导评价, weight: 10}',
      'tiers:',
      `  - {id: excellent, name: 优秀, quota: ${s.quota}}`,
      '  - {id: competent, name: 称职}',
    ].join('\n'),
  };
  s.rounds.forEach((totals, r) => {
    const order = orders?.entries[r] ?? identity(s.subjects);
    const lines = ['rubric: round.rubric.yaml', 'scores:'];
    for (const i of order) {
      const h = totals[i];
      if (h !== null) lines.push(`  - {subject: S${i}, points: {work: ${(h / 100).toFixed(2)}}}`);
    }
    files[`r${r + 1}.scores.yaml`] = lines.join('\n');
  });
  const roundOrder = orders?.rounds ?? identity(s.rounds.length);
  const yearOrder = orders?.year ?? identity(s.subjects);
  files['year.scores.yaml'] = [
    'rubric: year.rubric.yaml',
    `ties: ${s.ties}`,
    `rounds: {rounds: [${roundOrder.map((r) => `r${r + 1}.scores.yaml`).join(', ')}]}`,
    'scores:',
    ...yearOrder.map((i) => `  - {subject: S${i}, points: {base: ${s.base[i]}}}`),
  ].join('\n');
  return files;
}

const codes = (analysis: ScoresheetAnalysis) => analysis.findings.map((f) => f.code).sort();

describe('rounds properties', () => {
  it('reordering the rounds, the year’s entries or a round’s entries changes no total, rank, tier or finding', () => {
    let missing = 0;
    let tiered = 0;
    fc.assert(
      fc.property(withOrders, ([s, orders]) => {
        const before = analyzeIn(filesOf(s), 'year.scores.yaml');
        const after = analyzeIn(filesOf(s, orders), 'year.scores.yaml');
        const [one, two] = [table(before), table(after)];
        // Under flag, a tie at a tier boundary is decided by file order (the stated last tie-breaker): tiers may move then.
        const decidedByOrder = s.ties === 'flag' && before.subjects.some((x) => x.tiedAtBoundary);
        assert.deepEqual(Object.keys(two).sort(), Object.keys(one).sort());
        for (const [name, [total, rank, tier]] of Object.entries(one)) {
          assert.equal(two[name][0], total, `total of ${name}`);
          assert.equal(two[name][1], rank, `rank of ${name}`);
          if (!decidedByOrder) assert.equal(two[name][2], tier, `tier of ${name}`);
        }
        assert.deepEqual(codes(after), codes(before));
        if (codes(before).includes('missing-score')) missing++;
        if (Object.values(one).some(([, , tier]) => tier !== undefined)) tiered++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The cases reached what the property is about: some with a subject missing from a round, most with tiers.
    assert.ok(missing >= RUNS / 10, `${missing} of ${RUNS} cases had a subject missing from a round`);
    assert.ok(tiered >= RUNS / 2, `${tiered} of ${RUNS} cases had tiers`);
  });
});
