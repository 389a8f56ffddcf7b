import fc from 'fast-check';
import type { Cond, Tree } from '../../oracle/formula-oracle';

/** Random formulas as oracle trees, the figures of one subject, and random text; shared by the unit and soak runs. */

export const INPUT_IDS = ['a', 'b', '达标', 'x_1'] as const;

/** Decimals as schemes write them: whole numbers, one to three places, percentages, an exponent. */
const literal: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '5', '10', '0.5', '2.5', '12.25', '100', '80%', '12.5%', '1e2', '.5', '90', '0.001'),
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000).toString()),
);

const name = fc.constantFrom(...INPUT_IDS);

/**
 * A division under an `if` that compares its divisor's parts, as authors guard one:
 * `if(a = worst(a), y, x / (a − worst(a)))`, with every comparison and either branch, so that
 * the analysis' reading of what a condition settles meets the divisor being 0.
 */
const guard = fc.record({
  left: fc.oneof(
    name.map((id): Tree => ({ k: 'name', id })),
    name.map((id): Tree => ({ k: 'agg', fn: 'best', id })),
  ),
  right: fc.oneof(
    name.map((id): Tree => ({ k: 'agg', fn: 'worst', id })),
    fc.constant<Tree>({ k: 'num', text: '0' }),
  ),
  op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const, '=' as const, '!=' as const),
  inThen: fc.boolean(),
  swapped: fc.boolean(),
});

function guarded(x: Tree, y: Tree, g: { left: Tree; right: Tree; op: Extract<Cond, { k: 'cmp' }>['op']; inThen: boolean; swapped: boolean }): Tree {
  const divisor: Tree = g.right.k === 'num' ? g.left : { k: 'bin', op: '-', a: g.swapped ? g.right : g.left, b: g.swapped ? g.left : g.right };
  const division: Tree = { k: 'bin', op: '/', a: x, b: divisor };
  const c: Cond = { k: 'cmp', op: g.op, a: g.left, b: g.right };
  return { k: 'if', c, a: g.inThen ? division : y, b: g.inThen ? y : division };
}

export const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; cond: Cond }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'formula' },
    { weight: 3, arbitrary: literal.map((text): Tree => ({ k: 'num', text })) },
    { weight: 3, arbitrary: name.map((id): Tree => ({ k: 'name', id })) },
    { weight: 1, arbitrary: fc.constant<Tree>({ k: 'weight' }) },
    {
      weight: 1,
      arbitrary: fc.record({ fn: fc.constantFrom('best' as const, 'worst' as const, 'mean' as const), id: name }).map((r): Tree => ({ k: 'agg', ...r })),
    },
    { weight: 1, arbitrary: tie('tree').map((x): Tree => ({ k: 'neg', x })) },
    { weight: 1, arbitrary: tie('tree').map((x): Tree => ({ k: 'pct', x })) },
    {
      weight: 6,
      arbitrary: fc
        .record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), a: tie('tree'), b: tie('tree') })
        .map((r): Tree => ({ k: 'bin', ...r })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.record({ fn: fc.constantFrom('min' as const, 'max' as const), args: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }) }),
          fc.record({ fn: fc.constantFrom('abs' as const, 'floor' as const, 'ceil' as const), args: tie('tree').map((x) => [x]) }),
          fc.record({ fn: fc.constant('clamp' as const), args: fc.tuple(tie('tree'), tie('tree'), tie('tree')) }),
        )
        .map((r): Tree => ({ k: 'fn', fn: r.fn, args: [...r.args] })),
    },
    {
      weight: 1,
      arbitrary: fc.record({ x: tie('tree'), places: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) }).map((r): Tree => ({ k: 'round', ...r })),
    },
    { weight: 2, arbitrary: fc.record({ c: tie('cond'), a: tie('tree'), b: tie('tree') }).map((r): Tree => ({ k: 'if', ...r })) },
    { weight: 1, arbitrary: fc.record({ x: tie('tree'), y: tie('tree'), guard: guard }).map(({ x, y, guard: g }): Tree => guarded(x, y, g)) },
  ),
  cond: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'formula' },
    {
      weight: 4,
      arbitrary: fc
        .record({ op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const, '=' as const, '!=' as const), a: tie('tree'), b: tie('tree') })
        .map((r): Cond => ({ k: 'cmp', ...r })),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('and' as const, 'or' as const), a: tie('cond'), b: tie('cond') }).map((r): Cond => r) },
    { weight: 1, arbitrary: tie('cond').map((c): Cond => ({ k: 'not', c })) },
  ),
})).tree;

/** A figure in hundredths, as a decimal string: -1234 → "-12.34". */
export function hundredths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(2, '0')}`;
}

/** One input of one subject: its declared bounds, its value inside them, the group's worst ≤ mean ≤ best around it. */
export interface InputFigures {
  min?: string;
  max?: string;
  value: string;
  worst: string;
  best: string;
  mean: string;
}

const input: fc.Arbitrary<InputFigures> = fc
  .record({
    value: fc.oneof(fc.integer({ min: -10_000, max: 20_000 }), fc.constantFrom(0, 100, 500, 1000, 9000)),
    below: fc.option(fc.integer({ min: 0, max: 10_000 }), { freq: 3 }),
    above: fc.option(fc.integer({ min: 0, max: 10_000 }), { freq: 3 }),
    worstShare: fc.integer({ min: 0, max: 4 }),
    bestShare: fc.integer({ min: 0, max: 4 }),
    meanShare: fc.integer({ min: 0, max: 4 }),
    spread: fc.integer({ min: 0, max: 3000 }),
  })
  .map((r) => {
    // Worst and best of the group lie within the bounds too: every subject's value does.
    const worst = r.value - Math.floor(((r.below ?? r.spread) * r.worstShare) / 4);
    const best = r.value + Math.floor(((r.above ?? r.spread) * r.bestShare) / 4);
    const mean = worst + Math.floor(((best - worst) * r.meanShare) / 4);
    return {
      min: r.below === null ? undefined : hundredths(r.value - r.below),
      max: r.above === null ? undefined : hundredths(r.value + r.above),
      value: hundredths(r.value),
      worst: hundredths(worst),
      best: hundredths(best),
      mean: hundredths(mean),
    };
  });

export const figures = fc.record({
  weight: fc.integer({ min: 1, max: 10_000 }).map(hundredths),
  inputs: fc.tuple(input, input, input, input).map((list) => Object.fromEntries(INPUT_IDS.map((id, i) => [id, list[i]])) as Record<string, InputFigures>),
});

/** Text that is mostly a formula's pieces, sometimes broken, sometimes anything at all. */
const PIECES = [
  ...'0123456789',
  '.',
  'e',
  'a',
  'b',
  '达标',
  'x_1',
  ' ',
  '\u3000',
  '+',
  '-',
  '−',
  '×',
  '*',
  '÷',
  '/',
  '%',
  '(',
  ')',
  '（',
  '）',
  ',',
  '，',
  '<',
  '>',
  '=',
  '≠',
  '≤',
  '≥',
  '!',
  '^',
  '"',
  'if(',
  'max(',
  'min(',
  'round(',
  'clamp(',
  'best(',
  'worst(',
  'mean(',
  'abs(',
  ' and ',
  ' or ',
  'not ',
  'weight',
  '1e400',
  '80%',
  '分',
  ';',
  '、',
];
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
