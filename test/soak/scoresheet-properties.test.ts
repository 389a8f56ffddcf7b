import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze } from '../support/rubric-core';
import { scaled, seedFor } from '../support/seeds';
import { analyzeSheet } from '../support/scoresheet';

/**
 * Laws of the scoresheet over random rubrics and scores: totals equal a straightforward
 * recomputation in whole hundredths; ranks and tiers do not depend on the order subjects are
 * written in (except where file order is the stated last tie-breaker); more points never lower a
 * tier; a margin is exactly where the tier changes. Seeded (test/support/seeds.ts).
 */
const SEED = seedFor(20261202);
const RUNS = scaled(100);
const params = (numRuns: number) => ({ seed: SEED, numRuns });

interface Row {
  a: number;
  logging: number;
  c: number;
  d: number;
  award: boolean;
  early: number;
  complaint: number;
  veto: readonly string[];
}

const row: fc.Arbitrary<Row> = fc.record({
  a: fc.integer({ min: 0, max: 40 }),
  logging: fc.integer({ min: 0, max: 15 }),
  c: fc.integer({ min: 0, max: 60 }),
  d: fc.integer({ min: 0, max: 40 }),
  award: fc.boolean(),
  early: fc.integer({ min: 0, max: 6 }),
  complaint: fc.integer({ min: 0, max: 4 }),
  veto: fc.oneof(
    { weight: 8, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant(['fire']) },
    { weight: 1, arbitrary: fc.constant(['discipline']) },
  ),
});

/** 2 to 4 tiers, each with a quota or none and perhaps a min_score (falling from the best tier). */
const tiers = fc
  .array(
    fc.record({
      quota: fc.constantFrom('', '{exactly: 30%}', '{exactly: 20%}', '{min: 20%}', '{max: 25%}', '{max: 50%}', '{exactly: 1}'),
      minScore: fc.option(fc.integer({ min: 30, max: 110 }), { freq: 2 }),
    }),
    { minLength: 2, maxLength: 4 },
  )
  .map((list) => {
    const scores = list
      .map((t) => t.minScore)
      .filter((m): m is number => m !== null)
      .sort((x, y) => y - x);
    let next = 0;
    return list.map((t, i) => {
      const minScore = t.minScore !== null && i < list.length - 1 ? scores[next++] : undefined;
      const parts = [`id: t${i}`, `name: 等次${i}`];
      if (t.quota) parts.push(`quota: ${t.quota}`);
      if (minScore !== undefined) parts.push(`min_score: ${minScore}`);
      return `  - {${parts.join(', ')}}`;
    });
  });

function rubricText(tierLines: string[], subjects: number): string {
  return [
    'rubric: 随机考评表',
    `subjects: [${Array.from({ length: subjects }, (_, i) => `S${i}`).join(', ')}]`,
    'indicators:',
    '  - {id: a, name: a, weight: 40}',
    '  - {id: logging, name: 采伐, weight: 30, scoring: {deduct: 2.5, per: 每起}}',
    '  - {id: sheet, name: 百分制, weight: 30, out_of: 100, items: [{id: c, name: c, weight: 60}, {id: d, name: d, weight: 40}]}',
    'bonus: {cap: 5, items: [{id: award, name: 表彰, points: 3}, {id: early, name: 提前, points: 1, per: 天}]}',
    'penalties: {cap: 4, items: [{id: complaint, name: 投诉, points: 1.5, per: 次}]}',
    'veto:',
    `  - {id: fire, name: 重大火灾, tier: t${tierLines.length - 1}}`,
    '  - {id: discipline, name: 处分, bars: [t0]}',
    `  - {id: safety, name: 安全不达标, when: {indicator: a, below: 30%}, tier: t${tierLines.length - 1}}`,
    'tiers:',
    ...tierLines,
  ].join('\n');
}

function sheetText(rows: readonly (Row & { name: string })[], ties: string): string {
  const lines = ['rubric: r.rubric.yaml', `ties: ${ties}`, 'tie-break: [a, c]', 'scores:'];
  for (const r of rows) {
    const bonus = [r.award ? 'award: 3' : '', r.early ? `early: ${r.early}` : ''].filter(Boolean).join(', ');
    lines.push(`  - subject: ${r.name}`, `    points: {a: ${r.a}, c: ${r.c}, d: ${r.d}}`);
    if (r.logging) lines.push(`    deductions: {logging: ${r.logging}}`);
    if (bonus) lines.push(`    bonus: {${bonus}}`);
    if (r.complaint) lines.push(`    penalties: {complaint: ${r.complaint}}`);
    if (r.veto.length) lines.push(`    veto: [${r.veto.join(', ')}]`);
  }
  return lines.join('\n');
}

/** The total in whole hundredths, worked out plainly: every figure here is a whole number of hundredths. */
function hundredths(r: Row): number {
  const a = r.a * 100;
  const logging = Math.max(0, 3000 - 250 * r.logging);
  const sheet = (r.c + r.d) * 30; // (c + d) × 30 / 100, in hundredths
  const bonus = Math.min(500, (r.award ? 300 : 0) + 100 * r.early);
  const penalties = Math.min(400, 150 * r.complaint);
  return a + logging + sheet + bonus - penalties;
}

const scenario = fc.record({
  tiers,
  rows: fc.array(row, { minLength: 2, maxLength: 12 }),
  ties: fc.constantFrom('flag', 'share', 'break'),
});

function run(s: { tiers: string[]; rows: Row[]; ties: string }, order?: number[]) {
  const named = s.rows.map((r, i) => ({ ...r, name: `S${i}` }));
  const written = order ? order.map((i) => named[i]) : named;
  const rubric = analyze(rubricText(s.tiers, s.rows.length));
  return analyzeSheet(sheetText(written, s.ties), rubric);
}

describe('scoresheet properties', () => {
  it('totals equal a plain recomputation in whole hundredths', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const analysis = run(s);
        s.rows.forEach((r, i) => {
          const expected = hundredths(r);
          assert.equal(analysis.subjects[i].total?.times(100).toFixed(), String(expected), `S${i}`);
        });
      }),
      params(RUNS),
    );
  });

  it('ranks never depend on the order subjects are written in; tiers neither, unless file order decided a tie', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.rows.keys()], { minLength: s.rows.length }))),
        ([s, order]) => {
          const before = run(s);
          const after = run(s, order);
          const byName = (a: typeof before) => new Map(a.subjects.map((x) => [x.subject, x]));
          const [one, two] = [byName(before), byName(after)];
          const decidedByOrder = s.ties !== 'share' && before.subjects.some((x) => x.tiedAtBoundary);
          for (const [name, subject] of one) {
            const other = two.get(name)!;
            assert.equal(other.rank, subject.rank, `rank of ${name}`);
            if (!decidedByOrder) assert.equal(other.tier, subject.tier, `tier of ${name}`);
          }
        },
      ),
      params(RUNS),
    );
  });

  it('more points for one subject never lower its tier', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.integer({ min: 1, max: 40 }), (s, pick, extra) => {
        const i = pick % s.rows.length;
        const before = run(s).subjects[i].tier;
        const raised = s.rows.map((r, j) => (j === i ? { ...r, a: Math.min(40, r.a + extra) } : r));
        const after = run({ ...s, rows: raised }).subjects[i].tier;
        if (before !== undefined && after !== undefined) assert.ok(after <= before, `tier ${before} → ${after}`);
      }),
      params(RUNS),
    );
  });

  it('a margin is exactly where the tier changes: up lifts it, a step less does not; down keeps it, a step more drops it', () => {
    const viewSheet = (totals: string[], ties: string) =>
      ['rubric: r.rubric.yaml', `ties: ${ties}`, 'scores:', ...totals.map((t, i) => `  - {subject: S${i}, by: {all: ${t}}}`)].join('\n');
    const totals = fc.array(
      fc.integer({ min: 0, max: 10000 }).map((h) => (h / 100).toFixed(2)),
      { minLength: 2, maxLength: 10 },
    );
    fc.assert(
      fc.property(tiers, totals, fc.constantFrom('flag', 'share'), (tierLines, views, ties) => {
        const rubric = analyze(
          ['rubric: x', 'raters: [{id: all, name: 评议, weight: 100}]', 'indicators: [{id: a, name: a, weight: 100}]', 'tiers:', ...tierLines].join('\n'),
        );
        const base = analyzeSheet(viewSheet(views, ties), rubric);
        const tierWith = (i: number, total: number) => {
          if (total < 0 || total > 100) return undefined;
          const changed = views.map((v, j) => (j === i ? total.toFixed(2) : v));
          return analyzeSheet(viewSheet(changed, ties), rubric).subjects[i].tier;
        };
        base.subjects.forEach((subject, i) => {
          const total = Number(views[i]);
          const tier = subject.tier!;
          const { up, down } = subject.margin;
          if (up !== undefined) {
            const reached = tierWith(i, total + up.toNumber());
            if (reached !== undefined) assert.ok(reached < tier, `S${i} at +${up} reaches a better tier`);
            const short = tierWith(i, total + up.toNumber() - 0.01);
            if (short !== undefined) assert.equal(short, tier, `S${i} at +${up} − 0.01 stays`);
          }
          if (down !== undefined) {
            const kept = tierWith(i, total - down.toNumber());
            if (kept !== undefined) assert.equal(kept, tier, `S${i} at −${down} stays`);
            const dropped = tierWith(i, total - down.toNumber() - 0.01);
            if (dropped !== undefined) assert.ok(dropped > tier, `S${i} at −${down} − 0.01 drops`);
          }
        });
      }),
      params(Math.max(10, Math.floor(RUNS / 5))),
    );
  });
});
