import { strict as assert } from 'assert';
import fc from 'fast-check';
import { parseQ, print, roundQ, Tree, work } from '../oracle/formula-oracle';
import { add, cmpQ, div, mul, q, Q } from '../oracle/rational';
import { analyze } from '../support/rubric-core';
import { scaled, seedFor } from '../support/seeds';
import { analyzeSheet } from '../support/scoresheet';

/**
 * Issue 21: a scoresheet's totals with formulas agree with an independent recomputation in exact
 * rationals. A random rubric of 2 to 4 leaves (formulas over 1 to 3 inputs with min/max, plain
 * points, points out of their own scale), a sheet of 2 to 6 subjects with figures inside min/max;
 * each subject's total worked by the formula oracle (test/oracle/formula-oracle.ts) under the
 * contract's rules alone (../shared/rubric-format.md, "Points from measurements" and
 * "Scoresheets"):
 * - a formula's points are its result kept to 20 places, limited to floor (0) .. weight;
 * - a leaf with `out_of` counts points × weight ÷ out_of (out_of a divisor of 100 here: exact);
 * - the total is the sum, rounded half-up to the rubric's precision (2, the default).
 * Seeded (test/support/seeds.ts).
 */
const SEED = seedFor(20261207);
const RUNS = scaled(200);

interface Input {
  id: string;
  min: number; // whole numbers
  max: number;
}
type Leaf =
  | { kind: 'formula'; id: string; weight: number; inputs: Input[]; tree: Tree; spelling: number }
  | { kind: 'plain'; id: string; weight: number }
  | { kind: 'outOf'; id: string; weight: number; outOf: number };

const num = (text: string): Tree => ({ k: 'num', text });
const LITERALS = ['0', '1', '2', '3', '0.5', '1.25', '10', '80%', '12.5%', '3.75', '100'];

/** A formula over the given inputs, at most `depth` deep; every divisor is above 0 (a constant, or abs(x) + c). */
function formula(ids: readonly string[], depth: number): fc.Arbitrary<Tree> {
  const atom = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids).map((id): Tree => ({ k: 'name', id })) },
    { weight: 2, arbitrary: fc.constantFrom(...LITERALS).map(num) },
    { weight: 1, arbitrary: fc.constant<Tree>({ k: 'weight' }) },
  );
  if (depth === 0) return atom;
  const sub = formula(ids, depth - 1);
  const divisor = fc.oneof(
    fc.constantFrom('2', '3', '4', '7', '0.5', '1.25', '40%').map(num),
    fc
      .record({ id: fc.constantFrom(...ids), c: fc.constantFrom('1', '0.5', '10') })
      .map(({ id, c }): Tree => ({ k: 'bin', op: '+', a: { k: 'fn', fn: 'abs', args: [{ k: 'name', id }] }, b: num(c) })),
  );
  return fc.oneof(
    { weight: 2, arbitrary: atom },
    {
      weight: 4,
      arbitrary: fc
        .record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const), a: sub, b: sub })
        .map(({ op, a, b }): Tree => ({ k: 'bin', op, a, b })),
    },
    { weight: 2, arbitrary: fc.record({ a: sub, b: divisor }).map(({ a, b }): Tree => ({ k: 'bin', op: '/', a, b })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ fn: fc.constantFrom('min' as const, 'max' as const), a: sub, b: sub })
        .map(({ fn, a, b }): Tree => ({ k: 'fn', fn, args: [a, b] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ x: sub, lo: fc.integer({ min: -5, max: 20 }), span: fc.integer({ min: 0, max: 30 }) })
        .map(({ x, lo, span }): Tree => ({ k: 'fn', fn: 'clamp', args: [x, num(String(lo < 0 ? 0 : lo)), num(String((lo < 0 ? 0 : lo) + span))] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ x: sub, places: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) })
        .map(({ x, places }): Tree => ({ k: 'round', x, places })),
    },
    { weight: 1, arbitrary: sub.map((x): Tree => ({ k: 'neg', x })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ op: fc.constantFrom('<' as const, '>=' as const, '=' as const), l: sub, r: sub, a: sub, b: sub })
        .map(({ op, l, r, a, b }): Tree => ({ k: 'if', c: { k: 'cmp', op, a: l, b: r }, a, b })),
    },
  );
}

function leaf(index: number): fc.Arbitrary<Leaf> {
  const weight = fc.integer({ min: 5, max: 40 });
  const inputs = fc
    .array(fc.record({ min: fc.integer({ min: -10, max: 10 }), span: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 3 })
    .map((list) => list.map(({ min, span }, k): Input => ({ id: `v${index}_${k}`, min, max: min + span })));
  const measured = fc.record({ weight, inputs, spelling: fc.nat() }).chain(({ weight, inputs, spelling }) =>
    formula(
      inputs.map((i) => i.id),
      2,
    ).map((tree): Leaf => ({ kind: 'formula', id: `f${index}`, weight, inputs, tree, spelling })),
  );
  return fc.oneof(
    { weight: 3, arbitrary: measured },
    { weight: 1, arbitrary: weight.map((w): Leaf => ({ kind: 'plain', id: `p${index}`, weight: w })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ w: weight, outOf: fc.constantFrom(100, 50, 20, 10) })
        .map(({ w, outOf }): Leaf => ({ kind: 'outOf', id: `o${index}`, weight: w, outOf })),
    },
  );
}

/** 2 to 4 leaves, at least one of them a formula. */
const leaves = fc
  .integer({ min: 2, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => leaf(i))))
  .filter((list) => list.some((l) => l.kind === 'formula'));

/** A decimal with at most two places from a whole number of hundredths: 1234 → "12.34", -5 → "-0.05". */
function decimal(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const h = Math.abs(hundredths);
  const fraction = String(h % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(h / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** One subject's figures: per formula leaf a value per input inside min..max, per other leaf its points within 0..weight (or out_of). */
function figuresFor(list: readonly Leaf[]): fc.Arbitrary<string[][]> {
  return fc.tuple(
    ...list.map((l) => {
      if (l.kind === 'formula') return fc.tuple(...l.inputs.map((i) => fc.integer({ min: i.min * 100, max: i.max * 100 }).map(decimal)));
      const top = l.kind === 'plain' ? l.weight : l.outOf;
      return fc.tuple(fc.integer({ min: 0, max: top * 100 }).map(decimal));
    }),
  );
}

const scenario = leaves.chain((list) => fc.record({ leaves: fc.constant(list), subjects: fc.array(figuresFor(list), { minLength: 2, maxLength: 6 }) }));

function rubricText(list: readonly Leaf[]): string {
  const lines = ['rubric: 随机实绩考核', `total: ${list.reduce((sum, l) => sum + l.weight, 0)}`, 'indicators:'];
  for (const l of list) {
    if (l.kind === 'plain') lines.push(`  - {id: ${l.id}, name: 指标${l.id}, weight: ${l.weight}}`);
    else if (l.kind === 'outOf') lines.push(`  - {id: ${l.id}, name: 指标${l.id}, weight: ${l.weight}, out_of: ${l.outOf}}`);
    else {
      lines.push(`  - id: ${l.id}`, `    name: 指标${l.id}`, `    weight: ${l.weight}`, '    scoring:', '      inputs:');
      for (const i of l.inputs) lines.push(`        - {id: ${i.id}, name: 输入${i.id}, min: ${i.min}, max: ${i.max}}`);
      lines.push(`      formula: ${JSON.stringify(print(l.tree, l.spelling))}`);
    }
  }
  return lines.join('\n');
}

function sheetText(list: readonly Leaf[], subjects: readonly string[][][]): string {
  const lines = ['rubric: r.rubric.yaml', 'scores:'];
  subjects.forEach((figures, s) => {
    const measured: string[] = [];
    const points: string[] = [];
    list.forEach((l, k) => {
      if (l.kind === 'formula') measured.push(`${l.id}: {${l.inputs.map((i, j) => `${i.id}: ${figures[k][j]}`).join(', ')}}`);
      else points.push(`${l.id}: ${figures[k][0]}`);
    });
    lines.push(`  - subject: 单位${s}`);
    if (measured.length) lines.push(`    measured: {${measured.join(', ')}}`);
    if (points.length) lines.push(`    points: {${points.join(', ')}}`);
  });
  return lines.join('\n');
}

/** A leaf's points by the contract, in exact rationals. */
function oraclePoints(l: Leaf, figures: readonly string[]): Q {
  if (l.kind === 'plain') return parseQ(figures[0]);
  if (l.kind === 'outOf') return div(mul(parseQ(figures[0]), q(l.weight)), q(l.outOf));
  const values = new Map(l.inputs.map((i, j) => [i.id, parseQ(figures[j])]));
  const result = work(l.tree, { weight: q(l.weight), values, aggregates: new Map() });
  assert.ok(result, 'the generator keeps every divisor above 0');
  const weight = q(l.weight);
  return cmpQ(result, q(0)) < 0 ? q(0) : cmpQ(result, weight) > 0 ? weight : result;
}

const show = (a: Q) => (a.d === 1n ? String(a.n) : `${a.n}/${a.d}`);

describe('measured totals against the exact-rational oracle (issue 21)', () => {
  it(`every subject's total with formulas equals the oracle's: points limited to 0..weight, summed, rounded half-up to 2 places (${RUNS} rubrics)`, () => {
    fc.assert(
      fc.property(scenario, ({ leaves: list, subjects }) => {
        const rubric = rubricText(list);
        const analysis = analyzeSheet(sheetText(list, subjects), analyze(rubric));
        const errors = analysis.findings.filter((f) => f.severity === 'error');
        assert.deepEqual(errors, [], rubric);
        assert.equal(analysis.subjects.length, subjects.length);
        subjects.forEach((figures, s) => {
          const sum = list.reduce((acc, l, k) => add(acc, oraclePoints(l, figures[k])), q(0));
          const expected = roundQ(sum, 2);
          const subject = analysis.subjects.find((x) => x.subject === `单位${s}`);
          assert.ok(subject?.total, `单位${s} has a total`);
          const got = parseQ(subject.total.toFixed());
          assert.equal(show(got), show(expected), `单位${s}: core ${subject.total.toFixed()}, oracle Σ ${show(sum)} → ${show(expected)}\n${rubric}`);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
