import { strict as assert } from 'assert';
import { allocate, describeWorking, TierQuotaInput } from 'rubric-studio-server';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { apportionLargestRemainder, QuotaAmount } from 'rubric-studio-server/out/core/quota/allocate';
import { roundSlots } from 'rubric-studio-server/out/core/quota/rounding';

const pct = (value: string): QuotaAmount => ({ kind: 'percent', percent: decimal(value) });
const count = (value: number): QuotaAmount => ({ kind: 'count', count: value });

const FOREST: TierQuotaInput[] = [
  { id: 'excellent', name: '优秀', exactly: pct('30') },
  { id: 'good', name: '良好' },
  { id: 'average', name: '一般', exactly: pct('20') },
];

function slots(tiers: TierQuotaInput[], n: number, rounding: Parameters<typeof allocate>[2] = 'half-up') {
  return allocate(tiers, n, rounding).tiers.map((t) => (t.min === t.max ? t.min : `${t.min}-${t.max}`));
}

describe('quota arithmetic', () => {
  describe('rounding modes', () => {
    const table: [string, Record<string, number>][] = [
      ['0', { 'half-up': 0, floor: 0, ceil: 0, 'min-one': 0 }],
      ['0.4', { 'half-up': 0, floor: 0, ceil: 1, 'min-one': 1 }],
      ['0.5', { 'half-up': 1, floor: 0, ceil: 1, 'min-one': 1 }],
      ['4.5', { 'half-up': 5, floor: 4, ceil: 5, 'min-one': 5 }],
      ['11.1', { 'half-up': 11, floor: 11, ceil: 12, 'min-one': 11 }],
      ['2.9999999999', { 'half-up': 3, floor: 2, ceil: 3, 'min-one': 3 }],
      ['7', { 'half-up': 7, floor: 7, ceil: 7, 'min-one': 7 }],
    ];
    for (const [raw, expected] of table) {
      it(`rounds ${raw}: ${JSON.stringify(expected)}`, () => {
        for (const [mode, value] of Object.entries(expected)) assert.equal(roundSlots(decimal(raw), mode as never), value, mode);
      });
    }
  });

  it('the seed case: 10 townships, 优秀 exactly 30%, 一般 exactly 20% → 3 / 5 / 2', () => {
    assert.deepEqual(slots(FOREST, 10), [3, 5, 2]);
    assert.deepEqual(allocate(FOREST, 10, 'half-up').problems, []);
  });

  it('15 subjects with max 30% rounded half-up gives 5 (33.3%) and a quota-rounding problem that floor keeps', () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', max: pct('30') },
      { id: 'b', name: 'B' },
    ];
    const allocation = allocate(tiers, 15, 'half-up');
    assert.equal(allocation.tiers[0].max, 5);
    assert.equal(allocation.tiers[0].share.toFixed(4), '0.3333');
    const problem = allocation.problems.find((p) => p.code === 'quota-rounding');
    assert.ok(problem && problem.code === 'quota-rounding');
    assert.equal(problem.keeps, 'floor');
    assert.equal(allocate(tiers, 15, 'floor').tiers[0].max, 4);
    assert.equal(allocate(tiers, 15, 'floor').problems.length, 0);
  });

  it('a min rounded below its floor is a quota-rounding problem that ceil keeps', () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', min: pct('20') },
      { id: 'b', name: 'B' },
    ];
    const problem = allocate(tiers, 46, 'half-up').problems[0];
    assert.equal(problem.code, 'quota-rounding');
    assert.equal(problem.code === 'quota-rounding' && problem.keeps, 'ceil');
    assert.equal(allocate(tiers, 46, 'ceil').tiers[0].min, 10);
  });

  it('shows the working: 37 × 30% = 11.1 → 11', () => {
    const allocation = allocate(
      [
        { id: 'a', name: 'A', exactly: pct('30') },
        { id: 'b', name: 'B' },
      ],
      37,
      'half-up',
    );
    const working = allocation.tiers[0].workings[0];
    assert.equal(describeWorking(working), '37 × 30% = 11.1 → 11');
    assert.equal(working.raw.toString(), '11.1');
    assert.deepEqual(working.alternatives, [
      { rounding: 'half-up', slots: 11 },
      { rounding: 'floor', slots: 11 },
      { rounding: 'ceil', slots: 12 },
      { rounding: 'min-one', slots: 11 },
    ]);
  });

  it('a count quota is that many subjects, and more than N overflows', () => {
    assert.deepEqual(
      slots(
        [
          { id: 'a', name: 'A', exactly: count(3) },
          { id: 'b', name: 'B' },
        ],
        10,
      ),
      [3, 7],
    );
    const over = allocate(
      [
        { id: 'a', name: 'A', exactly: count(30) },
        { id: 'b', name: 'B' },
      ],
      10,
      'half-up',
    );
    assert.equal(over.problems[0].code, 'quota-overflow');
  });

  it('min-one never leaves a tier with a positive share empty', () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', exactly: pct('4') },
      { id: 'b', name: 'B' },
    ];
    assert.deepEqual(slots(tiers, 10, 'half-up'), [0, 10]);
    assert.equal(allocate(tiers, 10, 'half-up').problems[0].code, 'quota-empty');
    assert.deepEqual(slots(tiers, 10, 'min-one'), [1, 9]);
  });

  it("a quota's own rounding wins over the rubric's", () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', max: pct('30'), rounding: 'floor' },
      { id: 'b', name: 'B' },
    ];
    assert.equal(allocate(tiers, 15, 'half-up').tiers[0].max, 4);
  });

  it("tiers without a quota share what is left, within the others' bounds", () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', min: pct('20') },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C', max: pct('10') },
    ];
    // 23 × 20% = 4.6 → 5 at least for A; C at most 2; B takes the rest.
    assert.deepEqual(slots(tiers, 23), ['5-23', '0-18', '0-2']);
  });

  it('every tier capped below N is a shortfall', () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', exactly: pct('30') },
      { id: 'b', name: 'B', max: pct('20') },
    ];
    assert.equal(allocate(tiers, 10, 'half-up').problems[0].code, 'quota-shortfall');
  });

  describe('largest-remainder', () => {
    const layouts: Record<string, TierQuotaInput[]> = {
      'exactly 30% / rest / exactly 20%': FOREST,
      'three exact thirds': [
        { id: 'a', name: 'A', exactly: pct('33.3') },
        { id: 'b', name: 'B', exactly: pct('33.3') },
        { id: 'c', name: 'C', exactly: pct('33.4') },
      ],
      '12.5% / 37.5% / rest / 15%': [
        { id: 'a', name: 'A', exactly: pct('12.5') },
        { id: 'b', name: 'B', exactly: pct('37.5') },
        { id: 'c', name: 'C' },
        { id: 'd', name: 'D', exactly: pct('15') },
      ],
      'count 2 / 45% / rest': [
        { id: 'a', name: 'A', exactly: count(2) },
        { id: 'b', name: 'B', exactly: pct('45') },
        { id: 'c', name: 'C' },
      ],
    };
    for (const [name, tiers] of Object.entries(layouts)) {
      it(`always adds up to N for N = 1..200: ${name}`, () => {
        for (let n = 1; n <= 200; n++) {
          const allocation = allocate(tiers, n, 'largest-remainder');
          const fixed = allocation.tiers.every((t) => t.min === t.max);
          assert.ok(fixed, `N=${n}: every tier fixed`);
          const total = allocation.tiers.reduce((acc, t) => acc + t.max, 0);
          if (n >= 2 || !tiers.some((t) => t.exactly?.kind === 'count'))
            assert.equal(total, n, `N=${n}: ${JSON.stringify(allocation.tiers.map((t) => t.max))}`);
        }
      });
    }

    it('apportions what a tier with its own rounding leaves', () => {
      const tiers: TierQuotaInput[] = [
        { id: 'a', name: 'A', exactly: pct('45'), rounding: 'ceil' },
        { id: 'b', name: 'B', exactly: pct('45') },
        { id: 'c', name: 'C' },
      ];
      // A takes ⌈4.5⌉ = 5; of the 5 left, B's 4.5 and C's 0.5 floor to 4 and 0, and the one
      // subject left goes to the tie of remainders .5 / .5, to the better tier B: 5 / 5 / 0.
      assert.deepEqual(slots(tiers, 10, 'largest-remainder'), [5, 5, 0]);
    });

    it('gives the leftover subject to the largest remainder, never to a capped tier', () => {
      // 7 vendors: 2.1 / 3.5 / 1.4 → floors 2 / 3 / 1, the one left goes to 3.5's .5.
      const vendors: TierQuotaInput[] = [
        { id: 'r', name: 'R', max: pct('30') },
        { id: 'a', name: 'A' },
        { id: 'x', name: 'X', max: pct('20') },
      ];
      assert.deepEqual(apportionLargestRemainder(vendors, 7).slots, [2, 4, 1]);
      // 5: 1.5 / 2.5 / 1 → floors 1 / 2 / 1; R's .5 would break its cap (max 30% of 5 = 1.5), so the
      // one left goes to A's .5: 1 / 3 / 1.
      assert.deepEqual(apportionLargestRemainder(vendors, 5).slots, [1, 3, 1]);
    });
  });
});
