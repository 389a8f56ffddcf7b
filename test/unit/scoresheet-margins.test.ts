import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Margin, TiesMode } from 'rubric-studio-server';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { assignTiers, compareContenders, Contender, TierRule } from 'rubric-studio-server/out/core/scoresheet/assign-tiers';
import { groupMargins } from 'rubric-studio-server/out/core/scoresheet/margins';
import { bruteMargins, oracleMargins } from '../oracle/margins-oracle';

/**
 * Margins (O(n log n), core/scoresheet/margins.ts) equal the former n² log n algorithm and the
 * definition searched in full (test/oracle/margins-oracle.ts) on random groups: totals on a small
 * range (so many are equal), tie-break points, vetoes forcing a tier (also one past the last) and
 * barring tiers, every kind of quota with and without min_score (in any order, not only falling),
 * slots passed down, caps, every ties mode, precision 0–2. Seeded: RUBRIC_PROPERTY_SEED=<n>
 * replays a run.
 */
const SEED = Number(process.env.RUBRIC_PROPERTY_SEED ?? 20261202);
const RUNS = Number(process.env.RUBRIC_PROPERTY_RUNS ?? 100);

interface Group {
  ordered: Contender[];
  rules: TierRule[];
  ties: TiesMode;
  precision: number;
}

const rule: fc.Arbitrary<TierRule> = fc
  .record({
    kind: fc.constantFrom('exactly', 'max', 'min', 'open'),
    slots: fc.integer({ min: 0, max: 12 }),
    cap: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }),
    minScore: fc.option(fc.integer({ min: 0, max: 31 }), { nil: undefined, freq: 2 }),
  })
  .map(({ kind, slots, cap, minScore }): TierRule =>
    kind === 'min' ? { kind, slots, cap, minScore } : { kind, slots: kind === 'open' ? 0 : slots, minScore },
  );

function group(maxSubjects: number): fc.Arbitrary<Group> {
  return fc
    .record({
      rules: fc.array(rule, { minLength: 1, maxLength: 5 }),
      ties: fc.constantFrom<TiesMode>('flag', 'share', 'break'),
      precision: fc.integer({ min: 0, max: 2 }),
      // Few totals (many equal) or many.
      spread: fc.integer({ min: 2, max: 30 }),
      subjects: fc.array(
        fc.record({
          score: fc.nat(),
          tieBreak: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { maxLength: 2 }),
          forcedTier: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined, freq: 6 }),
          barred: fc.oneof(
            { weight: 4, arbitrary: fc.constant([]) },
            { weight: 1, arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }) },
          ),
        }),
        // Any length up to the most, not mostly short lists.
        { maxLength: maxSubjects, size: 'max' },
      ),
    })
    .map(({ rules, ties, precision, spread, subjects }) => {
      const contenders = subjects.map((s, index): Contender => ({
        index,
        score: s.score % (spread + 1),
        tieBreak: s.tieBreak.map((p) => (p === undefined ? undefined : decimal(p))),
        forcedTier: s.forcedTier,
        barred: new Set(s.barred),
      }));
      return { ordered: contenders.sort((a, b) => compareContenders(a, b, ties)), rules, ties, precision };
    });
}

type Computed = (ordered: Contender[], rules: TierRule[], ties: TiesMode, precision: number, current: ReadonlyMap<number, number>) => Map<number, Margin>;

/** Each subject's margins as exact strings, in the group's order. */
function marginsBy(compute: Computed, { ordered, rules, ties, precision }: Group): string[] {
  const current = assignTiers(ordered, rules, ties).tier;
  const margins = compute(ordered, rules, ties, precision, current);
  return ordered.map((c) => {
    const m = margins.get(c.index);
    return `#${c.index} tier ${current.get(c.index)}: ↑${m?.up?.toFixed() ?? '—'} ↓${m?.down?.toFixed() ?? '—'}`;
  });
}

describe('margins (O(n log n)) against the former algorithm and the definition', () => {
  it('equal the former algorithm on random groups of up to 40 subjects', () => {
    fc.assert(
      fc.property(group(40), (g) => assert.deepEqual(marginsBy(groupMargins, g), marginsBy(oracleMargins, g))),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('equal the definition searched in full on random groups of up to 12 subjects', () => {
    fc.assert(
      fc.property(group(12), (g) => assert.deepEqual(marginsBy(groupMargins, g), marginsBy(bruteMargins, g))),
      { seed: SEED + 1, numRuns: RUNS * 4 },
    );
  });

  it('are there for a group of 3,000 (above the former limit of 1,500), as the former algorithm gives them', () => {
    // 3,000 subjects on 300 totals: ten to a total; 2% barred from the best tier, 1% forced to the last.
    const ordered = Array.from({ length: 3000 }, (_, index): Contender => ({
      index,
      score: 7000 + ((index * 7919) % 300),
      tieBreak: [],
      forcedTier: index % 100 === 7 ? 2 : undefined,
      barred: new Set(index % 50 === 3 ? [0] : []),
    })).sort((a, b) => compareContenders(a, b, 'flag'));
    const rules: TierRule[] = [
      { kind: 'exactly', slots: 900, minScore: undefined },
      { kind: 'open', slots: 0, minScore: undefined },
      { kind: 'exactly', slots: 600, minScore: undefined },
    ];
    const current = assignTiers(ordered, rules, 'flag').tier;
    const margins = groupMargins(ordered, rules, 'flag', 2, current);
    // Every subject not forced has a margin, and a sample of them (at the tier boundaries too) equal
    // the former algorithm's: all 3,000 would take it minutes.
    const free = ordered.filter((c) => c.forcedTier === undefined);
    assert.equal(free.filter((c) => margins.get(c.index)?.up === undefined && margins.get(c.index)?.down === undefined).length, 0);
    const sample = ordered.filter((_, i) => i % 250 === 0 || i === 899 || i === 900 || i === 2399 || i === 2400);
    const former = oracleMargins(ordered, rules, 'flag', 2, current, sample);
    for (const c of sample) {
      assert.equal(margins.get(c.index)?.up?.toFixed(), former.get(c.index)?.up?.toFixed(), `up of #${c.index}`);
      assert.equal(margins.get(c.index)?.down?.toFixed(), former.get(c.index)?.down?.toFixed(), `down of #${c.index}`);
    }
  });
});
