import { strict as assert } from 'assert';
import fc from 'fast-check';
import { allocate, Analysis, codeActions, Finding, TierQuotaInput } from 'rubric-studio-server';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { oracle, OracleFinding, OracleTier, parseDecimal, Rounding } from '../oracle/quota-oracle';
import { analyze } from '../support/rubric-core';
import { scaled, seedFor } from '../support/seeds';

/**
 * The core against the independent oracle (test/oracle/quota-oracle.ts), and the laws of the quota
 * arithmetic, over random tiers. Seeded (test/support/seeds.ts); fast-check prints the
 * shrunk case that fails.
 */
const SEED = seedFor(20261202);
const RUNS = scaled(1000);
const params = (numRuns: number) => ({ seed: SEED, numRuns });

const ROUNDINGS: Rounding[] = ['half-up', 'floor', 'ceil', 'min-one', 'largest-remainder'];
const OWN = ['half-up', 'floor', 'ceil', 'min-one'] as const;

// Percentages with up to one decimal, weighted towards the ones schemes write; counts up to 40.
const percent = fc.oneof(
  fc.constantFrom('5', '10', '15', '20', '25', '30', '33.3', '40', '50', '65', '12.5', '4', '1', '0', '100'),
  fc.integer({ min: 0, max: 1000 }).map((tenths) => (tenths % 10 === 0 ? `${tenths / 10}` : (tenths / 10).toFixed(1))),
);
const amount = fc.oneof(
  { weight: 4, arbitrary: percent.map((p) => ({ percent: p })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((c) => ({ count: c })) },
);
const tier: fc.Arbitrary<OracleTier> = fc
  .record({
    shape: fc.constantFrom('none', 'none', 'exactly', 'exactly', 'min', 'max', 'min-max', 'exactly-min'),
    a: amount,
    b: amount,
    rounding: fc.option(fc.constantFrom(...OWN), { freq: 3 }),
  })
  .map(({ shape, a, b, rounding }) => {
    const t: OracleTier =
      shape === 'none'
        ? {}
        : shape === 'exactly'
          ? { exactly: a }
          : shape === 'min'
            ? { min: a }
            : shape === 'max'
              ? { max: a }
              : shape === 'min-max'
                ? { min: a, max: b }
                : { exactly: a, min: b };
    return shape !== 'none' && rounding ? { ...t, rounding } : t;
  });
const tiers = fc.array(tier, { minLength: 1, maxLength: 5 });
const subjects = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 300 }));
const rounding = fc.constantFrom(...ROUNDINGS);
const scheme = fc.record({ tiers, n: subjects, rounding });
const schemeWithSubjects = fc.record({ tiers, n: subjects.map((n) => Math.max(1, n)), rounding });

// ---------------------------------------------------------------------------------------------
// The same tiers for the core: as allocate's input, and as a rubric file.

function toInput(tiers: readonly OracleTier[]): TierQuotaInput[] {
  const amount = (a: OracleTier['min']) =>
    a === undefined ? undefined : 'count' in a ? { kind: 'count' as const, count: a.count } : { kind: 'percent' as const, percent: decimal(a.percent) };
  return tiers.map((t, i) => ({ id: `t${i}`, name: `T${i}`, exactly: amount(t.exactly), min: amount(t.min), max: amount(t.max), rounding: t.rounding }));
}

const written = (a: NonNullable<OracleTier['min']>) => ('count' in a ? `${a.count}` : `${a.percent}%`);
function toText(tiers: readonly OracleTier[], n: number | undefined, rounding: Rounding): string {
  const lines = tiers.map((t, i) => {
    const parts = (['exactly', 'min', 'max'] as const).flatMap((b) => (t[b] ? [`${b}: ${written(t[b]!)}`] : []));
    if (t.rounding) parts.push(`rounding: ${t.rounding}`);
    return parts.length ? `  - {name: T${i}, quota: {${parts.join(', ')}}}` : `  - {name: T${i}}`;
  });
  return [
    `rubric: p`,
    ...(n === undefined ? [] : [`subjects: ${n}`]),
    `rounding: ${rounding}`,
    `indicators:`,
    `  - {name: a, weight: 100}`,
    `tiers:`,
    ...lines,
    '',
  ].join('\n');
}

/** A finding in the oracle's terms: which tier line and which bound its range starts in. */
function located(analysis: Analysis, finding: Finding): OracleFinding {
  const text = analysis.source.text;
  const lines = text.split('\n');
  const tiersLine = lines.findIndex((l) => l.startsWith('tiers:'));
  const at = analysis.source.lines.positionAt(finding.span.start);
  const code = finding.code as OracleFinding['code'];
  if (at.line <= tiersLine) return { code };
  const line = lines[at.line];
  const bound = (['exactly', 'min', 'max'] as const).find((b) => {
    const start = line.indexOf(`${b}: `);
    const end = line.indexOf(',', start) >= 0 ? line.indexOf(',', start) : line.indexOf('}', start);
    return start >= 0 && at.character >= start && at.character < end;
  });
  return bound ? { code, tier: at.line - tiersLine - 1, bound } : { code, tier: at.line - tiersLine - 1 };
}

const QUOTA_CODES = new Set(['quota-overflow', 'quota-shortfall', 'quota-conflict', 'quota-empty', 'quota-rounding', 'quota-range']);
const key = (f: OracleFinding) => `${f.code}@${f.tier ?? '-'}/${f.bound ?? '-'}`;
function coreFindings(text: string): { analysis: Analysis; findings: Finding[]; keys: string[] } {
  const analysis = analyze(text);
  const findings = analysis.findings.filter((f) => QUOTA_CODES.has(f.code));
  return { analysis, findings, keys: findings.map((f) => key(located(analysis, f))).sort() };
}
const oracleKeys = (t: readonly OracleTier[], n: number, r: Rounding) => oracle(t, n, r).findings.map(key).sort();
const describe_ = (t: readonly OracleTier[], n: number, r: Rounding) => `\n${toText(t, n, r)}`;

/** Applies LSP-style edits (offsets into the old text) from the last to the first. */
function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('quota properties (core against the oracle, seeded)', function () {
  this.timeout(60_000);

  it('agrees with the oracle slot for slot, N from 0 to 300, every rounding', () => {
    fc.assert(
      fc.property(scheme, ({ tiers, n, rounding }) => {
        const core = allocate(toInput(tiers), n, rounding).tiers.map((t) => [t.min, t.max]);
        const expected = oracle(tiers, n, rounding).slots.map((s) => [s.min, s.max]);
        assert.deepEqual(core, expected, describe_(tiers, n, rounding));
      }),
      params(RUNS * 2),
    );
  });

  it('agrees with the oracle finding for finding (code, tier, bound)', () => {
    fc.assert(
      fc.property(schemeWithSubjects, ({ tiers, n, rounding }) => {
        assert.deepEqual(coreFindings(toText(tiers, n, rounding)).keys, oracleKeys(tiers, n, rounding), describe_(tiers, n, rounding));
      }),
      params(RUNS),
    );
  });

  it('largest-remainder: slots add up to N when one tier has no quota or every tier is exact', () => {
    const layout = fc.array(
      tier.filter((t) => !t.min && !t.max),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(layout, subjects, (tiers, n) => {
        const withoutQuota = tiers.filter((t) => !t.exactly).length;
        fc.pre(withoutQuota <= 1);
        const result = allocate(toInput(tiers), n, 'largest-remainder');
        const problems = result.problems.map((p) => p.code);
        fc.pre(!problems.includes('quota-overflow') && !problems.includes('quota-shortfall'));
        assert.ok(
          result.tiers.every((t) => t.min === t.max),
          describe_(tiers, n, 'largest-remainder'),
        );
        assert.equal(
          result.tiers.reduce((s, t) => s + t.max, 0),
          n,
          describe_(tiers, n, 'largest-remainder'),
        );
      }),
      params(RUNS),
    );
  });

  it('no percentage cap is exceeded unless a finding says so', () => {
    fc.assert(
      fc.property(schemeWithSubjects, ({ tiers, n, rounding }) => {
        const text = toText(tiers, n, rounding);
        const slots = allocate(toInput(tiers), n, rounding).tiers;
        const { keys } = coreFindings(text);
        tiers.forEach((t, i) => {
          if (!t.max || 'count' in t.max || t.exactly) return;
          const cap = parseDecimal(t.max.percent);
          // slots / N ≤ p / 100  ⇔  100 × slots ≤ p × N, in integers.
          const within = 100n * BigInt(slots[i].max) * cap.d <= cap.n * BigInt(n);
          const reported = keys.some((k) => k === `quota-rounding@${i}/max` || k.startsWith('quota-overflow') || k.startsWith('quota-conflict'));
          assert.ok(within || reported, `tier ${i}: ${slots[i].max} of ${n} above ${t.max.percent}%${text}`);
        });
      }),
      params(RUNS),
    );
  });

  it('floor ≤ half-up ≤ ceil, and min-one is never 0 for a positive share', () => {
    fc.assert(
      fc.property(tiers, subjects, (tiers, n) => {
        const plain = tiers.map((t) => ({ ...t, rounding: undefined }));
        const slotsOf = (r: Rounding) => allocate(toInput(plain), n, r).tiers.map((t) => t.workings.map((w) => w.slots));
        const [floor, halfUp, ceil, minOne] = (['floor', 'half-up', 'ceil', 'min-one'] as const).map(slotsOf);
        floor.forEach((bounds, i) =>
          bounds.forEach((f, j) => {
            assert.ok(f <= halfUp[i][j] && halfUp[i][j] <= ceil[i][j], `tier ${i}: ${f} / ${halfUp[i][j]} / ${ceil[i][j]}${describe_(plain, n, 'half-up')}`);
          }),
        );
        allocate(toInput(plain), n, 'min-one').tiers.forEach((t, i) =>
          t.workings.forEach((w, j) => {
            if (w.raw.gt(0)) assert.ok(minOne[i][j] >= 1, `tier ${i} ${w.bound}: min-one gave 0${describe_(plain, n, 'min-one')}`);
          }),
        );
      }),
      params(RUNS),
    );
  });

  it('every quick fix, applied, removes the finding it was offered for', () => {
    let applied = 0;
    fc.assert(
      fc.property(schemeWithSubjects, ({ tiers, n, rounding }) => {
        const text = toText(tiers, n, rounding);
        const { analysis, findings } = coreFindings(text);
        for (const finding of findings) {
          const offered = codeActions(analysis, [finding], 'en');
          for (const action of offered) {
            const fixed = applyEdits(text, action.edits);
            const before = key(located(analysis, finding));
            const after = coreFindings(fixed).keys;
            applied++;
            assert.ok(!after.includes(before), `"${action.title}" left ${before}\n--- before${describe_(tiers, n, rounding)}--- after\n${fixed}`);
          }
        }
      }),
      params(RUNS),
    );
    assert.ok(applied > RUNS / 20, `only ${applied} quick fixes were tried: the generator no longer reaches them`);
  });

  it('without subjects, every quota-range quick fix, applied, removes the finding it was offered for', () => {
    let applied = 0;
    fc.assert(
      fc.property(tiers, rounding, (tiers, rounding) => {
        const text = toText(tiers, undefined, rounding);
        const { analysis, findings } = coreFindings(text);
        for (const finding of findings.filter((f) => f.code === 'quota-range')) {
          for (const action of codeActions(analysis, [finding], 'en')) {
            const fixed = applyEdits(text, action.edits);
            const before = key(located(analysis, finding));
            applied++;
            assert.ok(!coreFindings(fixed).keys.includes(before), `"${action.title}" left ${before}\n--- before\n${text}--- after\n${fixed}`);
          }
        }
      }),
      params(Math.ceil(RUNS / 5)),
    );
    assert.ok(applied > RUNS / 50, `only ${applied} quick fixes were tried: the generator no longer reaches them`);
  });
});
