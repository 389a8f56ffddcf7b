import { strict as assert } from 'assert';
import { allocate, codeActions, simulate, TierQuotaInput } from 'rubric-studio-server';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { QuotaAmount } from 'rubric-studio-server/out/core/quota/allocate';
import { expectFindings } from '../support/expect-findings';
import { analyze } from '../support/rubric-core';
import { yaml } from '../support/yaml-text';

/** The seven defects of issue 9 ("Quota arithmetic proven"), each pinned by hand-worked figures. */

const pct = (value: string): QuotaAmount => ({ kind: 'percent', percent: decimal(value) });
const slots = (tiers: TierQuotaInput[], n: number, rounding: Parameters<typeof allocate>[2]) =>
  allocate(tiers, n, rounding).tiers.map((t) => (t.min === t.max ? t.min : `${t.min}-${t.max}`));

/** Applies a code action's edits (offsets into the old text), last first. */
const applied = (text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]) =>
  [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);

describe('issue 9: the quota defects real schemes exposed', () => {
  it('1. largest-remainder with a min-one tier counts that tier once: 25% / 65% / 10% min-one → 1 / 3 / 1 of 5', () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', exactly: pct('25') },
      { id: 'b', name: 'B', exactly: pct('65') },
      { id: 'c', name: 'C', exactly: pct('10'), rounding: 'min-one' },
    ];
    // C takes its own min-one slots first, the other M subjects go by largest remainder, shares N × p:
    // N=1: C 0.1 → 1; M = 0: 0.25 / 0.65 → 0 / 0.
    // N=2: C 0.2 → 1; M = 1: 0.5 / 1.3 → floors 0 / 1, none left.
    // N=3: C 0.3 → 1; M = 2: 0.75 / 1.95 → floors 0 / 1, one left → .95 → 0 / 2.
    // N=4: C 0.4 → 1; M = 3: 1 / 2.6 → floors 1 / 2, none left.
    // N=5: C 0.5 → 1; M = 4: 1.25 / 3.25 → floors 1 / 3, none left: 1 + 3 + 1 = 5.
    const expected = [
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 1],
      [1, 2, 1],
      [1, 3, 1],
    ];
    expected.forEach((row, i) => {
      assert.deepEqual(slots(tiers, i + 1, 'largest-remainder'), row, `N=${i + 1}`);
      // A tier given 0 is quota-empty, and true (both at N=1, the 25% one at 2 and 3); the overflow must go.
      const codes = allocate(tiers, i + 1, 'largest-remainder').problems.map((p) => p.code);
      assert.deepEqual(codes, [['quota-empty', 'quota-empty'], ['quota-empty'], ['quota-empty'], [], []][i], `N=${i + 1}`);
    });
    expectFindings(
      yaml`
        rubric: x
        subjects: 5
        rounding: largest-remainder
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: 优秀, quota: {exactly: 25%}}
          - {name: 良好, quota: {exactly: 65%}}
          - {name: 较差, quota: {exactly: 10%, rounding: min-one}}
      `,
      [],
    );
  });

  it('2. under largest-remainder a max is a cap: max 30% of 9 = 2.7 → 2, never 3 (33.3%)', () => {
    const tiers: TierQuotaInput[] = [
      { id: 'a', name: 'A', max: pct('30') },
      { id: 'b', name: 'B' },
    ];
    // A at most ⌊2.7⌋ = 2; B takes the rest: at least 9 − 2 = 7, at most 9.
    assert.deepEqual(slots(tiers, 9, 'largest-remainder'), ['0-2', '7-9']);
    expectFindings(
      yaml`
        rubric: x
        subjects: 9
        rounding: largest-remainder
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: 30%}}
          - {name: B}
      `,
      [],
    );
  });

  it('3. percentages shown are rounded half-up: 1 of 6 is 16.7%, 2 of 7 is 28.6%; JSON share 1/6 = 0.166667', () => {
    // min 20% of 6 = 1.2 → 1 (half-up): 1/6 = 16.666…% → 16.7%.
    const [below] = expectFindings(
      yaml`
        rubric: x
        subjects: 6
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: «20%»}}
          - {name: B}
      `,
      'quota-rounding',
    );
    assert.match(below.message.en, /16\.7%/);
    assert.match(below.message['zh-CN'], /16\.7%/);
    // max 25% of 7 = 1.75 → 2 (half-up): 2/7 = 28.571…% → 28.6%.
    const [above] = expectFindings(
      yaml`
        rubric: x
        subjects: 7
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: «25%»}}
          - {name: B}
      `,
      'quota-rounding',
    );
    assert.match(above.message.en, /28\.6%/);
    // A exactly 1 of 6: share 0.1666… → 0.166667 (six places, half-up).
    const analysis = analyze('rubric: x\nsubjects: 6\nindicators: [{name: a, weight: 100}]\ntiers: [{name: A, quota: {exactly: 1}}, {name: B}]\n');
    const [row] = simulate(analysis.documents[0], [6]);
    assert.equal(row.tiers[0].share, 0.166667);
  });

  describe('4. fixed shares adding up to 100% that overflow only by rounding name largest-remainder', () => {
    const scheme = (rounding: string) => yaml`
      rubric: x
      subjects: 10
      rounding: ${rounding}
      indicators:
        - {name: a, weight: 100}
      «tiers»:
        - {name: 优秀, quota: {exactly: 25%}}
        - {name: 良好, quota: {exactly: 65%}}
        - {name: 一般, quota: {exactly: 10%}}
    `;

    it('overflow: 2.5 → 3, 6.5 → 7, 1 → 1 = 11 of 10 (half-up); largest-remainder gives 3 + 6 + 1', () => {
      const [finding] = expectFindings(scheme('half-up'), 'quota-overflow');
      assert.match(finding.message.en, /round/);
      assert.match(finding.message.en, /largest-remainder/);
      assert.match(finding.message['zh-CN'], /最大余数法/);
      const text = scheme('half-up').replace(/[«»]/g, '');
      const analysis = analyze(text);
      const [fix] = codeActions(analysis, analysis.findings, 'en');
      assert.ok(fix, 'a quick fix');
      assert.match(fix.title, /largest-remainder/);
      // Largest remainder: floors 2 / 6 / 1, one left, remainders .5 / .5 / 0 → the better tier: 3 / 6 / 1.
      const fixed = applied(text, fix.edits);
      assert.match(fixed, /^rounding: largest-remainder$/m);
      expectFindings(fixed, []);
    });

    it('shortfall: 2.5 → 2, 6.5 → 6, 1 → 1 = 9 of 10 (floor); the advice is largest-remainder, not a tier without a quota', () => {
      const [finding] = expectFindings(scheme('floor'), 'quota-shortfall');
      assert.match(finding.message.en, /largest-remainder/);
      assert.doesNotMatch(finding.message.en, /without a quota/);
      const text = scheme('floor').replace(/[«»]/g, '');
      const analysis = analyze(text);
      const [fix] = codeActions(analysis, analysis.findings, 'en');
      assert.ok(fix, 'a quick fix');
      expectFindings(applied(text, fix.edits), []);
    });
  });

  it('5. several tiers without a quota share one range: they never read 100% each', () => {
    const analysis = analyze(
      yaml`
        rubric: x
        subjects: 5
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: a, name: A, quota: {exactly: 20%}}
          - {id: b, name: B}
          - {id: c, name: C}
          - {id: d, name: D}
      `,
    );
    const [row] = simulate(analysis.documents[0], [5]);
    // A: 5 × 20% = 1; B, C and D share the other 4: each 0–4, together exactly 4 (80%).
    assert.deepEqual(
      row.tiers.map((t) => [t.min, t.max]),
      [
        [1, 1],
        [0, 4],
        [0, 4],
        [0, 4],
      ],
    );
    assert.deepEqual(row.shared, { tiers: ['b', 'c', 'd'], min: 4, max: 4, share: 0.8 });
  });

  describe('6. a person reads the rounding and the problems in their language', () => {
    it('names the rounding in Chinese in Chinese messages: 10 × 4% = 0.4 → 0（四舍五入）', () => {
      const [finding] = expectFindings(
        yaml`
          rubric: x
          subjects: 10
          indicators:
            - {name: a, weight: 100}
          tiers:
            - {name: A}
            - {name: B, quota: {exactly: «4%»}}
        `,
        'quota-empty',
      );
      assert.match(finding.message['zh-CN'], /0\.4 → 0（四舍五入）/);
      assert.doesNotMatch(finding.message['zh-CN'], /（half-up）/);
      const [rounding] = expectFindings(
        yaml`
          rubric: x
          subjects: 15
          indicators:
            - {name: a, weight: 100}
          tiers:
            - {name: A, quota: {max: «30%»}}
            - {name: B}
        `,
        'quota-rounding',
      );
      assert.match(rounding.message['zh-CN'], /4\.5 → 5（四舍五入）/);
    });

    it("simulate rows carry a short sentence per problem in the person's language", () => {
      const analysis = analyze('rubric: x\nsubjects: 10\nindicators: [{name: a, weight: 100}]\ntiers: [{name: A}, {name: B, quota: {exactly: 4%}}]\n');
      const [en] = simulate(analysis.documents[0], [10], 'en');
      const [zh] = simulate(analysis.documents[0], [10], 'zh-CN');
      assert.deepEqual(en.warnings, ['quota-empty'], 'JSON keeps the codes');
      assert.equal(en.problems![0].code, 'quota-empty');
      assert.match(en.problems![0].message, /^"B" gets no slot/);
      assert.match(zh.problems![0].message, /“B”.*0 个|名额为 0/);
      assert.doesNotMatch(zh.problems![0].message, /quota-empty/);
    });
  });

  describe('7. silent no more', () => {
    it('without subjects, tells at which sizes 5–40 a rule breaks: min 20% rounded half-up at 14 of them', () => {
      // 20% of N rounded half-up falls below 20% when 0.2N has a remainder of .2 or .4: N ≡ 1 or 2 (mod 5):
      // 6, 7, 11, 12, 16, 17, 21, 22, 26, 27, 31, 32, 36, 37 — 14 sizes.
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - {name: a, weight: 100}
          tiers:
            - {name: A, quota: {min: «20%»}}
            - {name: B}
        `,
        'quota-range',
      );
      assert.equal(finding.severity, 'info');
      assert.match(finding.message.en, /14 of the sizes 5–40/);
      assert.match(finding.message.en, /6, 7, 11, 12, 16, 17, 21, 22, 26, 27, 31, 32, 36, 37/);
      assert.match(finding.message['zh-CN'], /5–40.*14/);
    });

    it('25% / 65% / 10% rounded half-up breaks at 12 of the sizes 5–40, and says largest-remainder', () => {
      // Σ ⌊N × p + ½⌋ ≠ N at 6 (7), 7 (8), 10 (11), 13 (12), 15 (16), 18 (19), 26 (27), 27 (28), 30 (31),
      // 33 (32), 35 (36), 38 (39): 12 sizes.
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - {name: a, weight: 100}
          «tiers»:
            - {name: A, quota: {exactly: 25%}}
            - {name: B, quota: {exactly: 65%}}
            - {name: C, quota: {exactly: 10%}}
        `,
        'quota-range',
      );
      assert.match(finding.message.en, /12 of the sizes 5–40: 6, 7, 10, 13, 15, 18, 26, 27, 30, 33, 35, 38/);
      assert.match(finding.message.en, /largest-remainder/);
    });

    it('rule-exceeds-weight: a deduct floor of 8 above the weight 6', () => {
      expectFindings(
        yaml`
          rubric: x
          indicators:
            - {name: a, weight: 94}
            - name: 河道保洁
              weight: 6
              scoring: {deduct: 1, per: 每发现一处垃圾, floor: «8»}
          tiers: [{name: t}]
        `,
        'rule-exceeds-weight',
      );
    });

    it('bonus-exceeds-cap: a bonus item of 8 points under a cap of 5', () => {
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - {name: a, weight: 100}
          bonus:
            cap: 5
            items:
              - {name: 获省级表彰, points: «8»}
              - {name: 获市级表彰, points: 5}
          tiers: [{name: t}]
        `,
        'bonus-exceeds-cap',
      );
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message.en, /8.*cap of 5/);
      assert.match(finding.message['zh-CN'], /8.*5/);
    });

    it('veto-best-tier: a veto that forces the best tier', () => {
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - {name: a, weight: 100}
          veto:
            - {name: 发生重大火灾, tier: «excellent»}
            - {name: 发生重大毁林, tier: average}
          tiers:
            - {id: excellent, name: 优秀}
            - {id: average, name: 一般}
        `,
        'veto-best-tier',
      );
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message.en, /"优秀"/);
    });
  });
});
