import { strict as assert } from 'assert';
import { yaml } from '../support/yaml-text';
import { analyzeSheet, exact, subjectNamed, table } from '../support/scoresheet';

/** Total, rank and tier of every subject, hand-computed in the comments. */
describe('scoresheet computation', () => {
  describe('totals', () => {
    it('counts a composite group at its weight: points × weight / out_of (乡村级干部绩效考核)', () => {
      const rubric = yaml`
        rubric: 乡村级干部绩效考核办法
        indicators:
          - id: work
            name: 工作实绩考核
            weight: 70
            out_of: 100
            items:
              - {id: social, name: 社会发展工作, weight: 20}
              - {id: other, name: 其余工作, weight: 80}
          - {id: democratic-appraisal, name: 民主测评情况, weight: 30}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - subject: 东村
            points: {social: 17, other: 68, democratic-appraisal: 27.5}
      `;
      // (17 + 68) × 70 / 100 = 59.5; + 27.5 = 87.
      const analysis = analyzeSheet(sheet, rubric);
      assert.equal(exact(analysis.subjects[0].total), '87');
      assert.deepEqual(
        analysis.subjects[0].steps.map((s) => [exact(s.points), s.working?.en]),
        [
          ['59.5', '(17 + 68) × 70 / 100 = 59.5'],
          ['27.5', undefined],
        ],
      );
      assert.deepEqual(analysis.findings, []);
    });

    it('takes deduction rules off the full weight, each capped by its max, one-off rules all or nothing, never below the floor (咸阳河长制)', () => {
      const rubric = yaml`
        rubric: 咸阳市河长制工作考核评分细则
        total: 16
        indicators:
          - id: one-river-one-policy
            name: 一河一策
            weight: 6
            scoring:
              deduct:
                - {id: no-policy, points: 1, per: 每少1条, max: 4}
                - {id: no-annual-plan, points: 1, per: 每少1条, max: 4}
          - id: works
            name: 河湖库渠治理工程
            weight: 10
            scoring:
              floor: 2
              deduct:
                - {id: behind-schedule, points: 2, when: 工程未达到进度要求}
                - {id: quality-defect, points: 1, per: 质量有缺陷的每处}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - subject: 秦都区
            deductions:
              one-river-one-policy: {no-policy: 5, no-annual-plan: 1}
              works: {behind-schedule: true, quality-defect: 3}
          - subject: 渭城区
            deductions:
              one-river-one-policy: {no-policy: 5, no-annual-plan: 3}
              works: {behind-schedule: 0, quality-defect: 9}
          - subject: 兴平市
      `;
      // 秦都区: 一河一策 6 − (min(1 × 5, 4) + 1 × 1) = 6 − 5 = 1; 工程 10 − (2 + 1 × 3) = 5. Total 6.
      // 渭城区: 一河一策 6 − min(4 + 3, 6 above the floor 0) = 0; 工程 10 − min(0 + 9, 10 − 2) = 2. Total 2.
      // 兴平市: nothing recorded: full weight, 6 + 10 = 16, and no score is missing.
      const analysis = analyzeSheet(sheet, rubric);
      assert.deepEqual(table(analysis), { 秦都区: ['6', 2, undefined], 渭城区: ['2', 3, undefined], 兴平市: ['16', 1, undefined] });
      const qin = subjectNamed(analysis, '秦都区').steps.map((s) => [s.label.en, exact(s.points), s.working?.en]);
      assert.deepEqual(qin, [
        ['一河一策', '6', undefined],
        ['Deductions: 一河一策', '-5', 'no-policy: 1 × 5 = 5, capped at 4; no-annual-plan: 1 × 1 = 1'],
        ['河湖库渠治理工程', '10', undefined],
        ['Deductions: 河湖库渠治理工程', '-5', '工程未达到进度要求: 2 once; quality-defect: 1 × 3 = 3'],
      ]);
      const wei = subjectNamed(analysis, '渭城区').steps.filter((s) => s.label.en.startsWith('Deductions'));
      assert.match(wei[0].working!.en, /never below 0: 6 taken off$/);
      assert.match(wei[1].working!.en, /工程未达到进度要求: did not happen; .*never below 2: 8 taken off$/);
      assert.deepEqual(analysis.findings, []);
    });

    it('caps the bonus and the penalties, per-case items counted in cases', () => {
      const rubric = yaml`
        rubric: x
        indicators:
          - {id: a, name: a, weight: 100}
        bonus:
          cap: 5
          items:
            - {id: award, name: 获市级以上表彰, points: 3}
            - {id: early, name: 每提前1天完成, points: 1, per: 天}
        penalties:
          cap: 10
          items:
            - {id: complaint, name: 被群众有效投诉, points: 1.5, per: 次}
            - {id: late, name: 报送迟缓, points: 2}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - {subject: 甲, points: {a: 90}, bonus: {award: 3, early: 4}, penalties: {complaint: 2}}
          - {subject: 乙, points: {a: 90}, bonus: {award: 2.5}, penalties: {complaint: 6, late: 2}}
      `;
      // 甲: bonus 3 + 1 × 4 = 7, capped at 5; penalty 1.5 × 2 = 3. 90 + 5 − 3 = 92.
      // 乙: bonus 2.5 (a part of the award's 3); penalties 1.5 × 6 + 2 = 11, capped at 10. 90 + 2.5 − 10 = 82.5.
      const analysis = analyzeSheet(sheet, rubric);
      assert.deepEqual(table(analysis), { 甲: ['92', 1, undefined], 乙: ['82.5', 2, undefined] });
      const steps = subjectNamed(analysis, '甲')
        .steps.slice(1)
        .map((s) => [s.label.en, exact(s.points), s.working?.en]);
      assert.deepEqual(steps, [
        ['Bonus', '5', '3 + 4 = 7, capped at 5'],
        ['Penalties', '-3', '3'],
      ]);
      assert.deepEqual(analysis.findings, []);
    });

    it('adds 16.4 + 47.8 + 35.8 exactly: the three rater groups reach a min_score of 100 (a float sum is 99.99999999999999)', () => {
      const rubric = yaml`
        rubric: x
        raters:
          - {id: self, name: 大学生说, weight: 16.4}
          - {id: cadres, name: 干部评, weight: 47.8}
          - {id: villagers, name: 群众议, weight: 35.8}
        indicators:
          - {id: a, name: a, weight: 100}
        tiers:
          - {id: perfect, name: 满分, min_score: 100}
          - {id: other, name: 其他}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - subject: 李明
            by: {self: 100, cadres: {a: 100}, villagers: [100, 100]}
      `;
      // 16.4 × 100 / 100 + 47.8 × 100 / 100 + 35.8 × (100 + 100) / 2 / 100 = 16.4 + 47.8 + 35.8 = 100.
      const analysis = analyzeSheet(sheet, rubric);
      assert.deepEqual(table(analysis), { 李明: ['100', 1, 0] });
    });

    it('leaves the total unknown, never wrong, while a figure is missing, wrong-typed, out of range or keyed to nothing', () => {
      const rubric = yaml`
        rubric: x
        indicators:
          - {id: a, name: a, weight: 60}
          - {id: b, name: b, weight: 40}
        bonus: {items: [{id: award, name: 表彰, points: 3}]}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - {subject: 缺项, points: {a: 50}}
          - {subject: 空值, points: {a: 50, b: }}
          - {subject: 文本, points: {a: 50, b: 三十}}
          - {subject: 超出, points: {a: 50, b: 41}}
          - {subject: 错键, points: {a: 50, b: 30, c: 1}}
          - {subject: 错加分, points: {a: 50, b: 30}, bonus: {awrd: 3}}
          - {subject: 完整, points: {a: 50, b: 30}}
      `;
      const analysis = analyzeSheet(sheet, rubric);
      assert.deepEqual(
        analysis.subjects.map((s) => [s.subject, exact(s.total), s.rank]),
        [
          ['缺项', undefined, undefined],
          ['空值', undefined, undefined],
          ['文本', undefined, undefined],
          ['超出', undefined, undefined],
          ['错键', undefined, undefined],
          ['错加分', undefined, undefined],
          ['完整', '80', 1],
        ],
      );
    });
  });

  describe('tiers', () => {
    const fiveTiers = (tiers: string) => yaml`
      rubric: x
      subjects: [A, B, C, D, E, F, G, H, I, J]
      indicators:
        - {id: a, name: a, weight: 100}
      veto:
        - {id: fire, name: 重大火灾, tier: average}
        - {id: discipline, name: 受到处分, bars: [excellent]}
        - {id: safety, name: 安全生产不达标, when: {indicator: a, below: 60%}, tier: average}
      tiers:
      ${tiers}
    `;
    const sheetOf = (rows: string, head = '') =>
      [
        'rubric: r.rubric.yaml',
        head,
        'scores:',
        ...rows
          .trim()
          .split('\n')
          .map((r) => `  - ${r.trim()}`),
      ]
        .filter(Boolean)
        .join('\n');
    const tiersOf = (tiers: string, rows: string, head = '') => {
      const analysis = analyzeSheet(sheetOf(rows, head), fiveTiers(tiers));
      return Object.fromEntries(analysis.subjects.map((s) => [s.subject, s.tier]));
    };
    const TEN = `
      {subject: A, points: {a: 95}}
      {subject: B, points: {a: 90}}
      {subject: C, points: {a: 88}}
      {subject: D, points: {a: 86}}
      {subject: E, points: {a: 84}}
      {subject: F, points: {a: 80}}
      {subject: G, points: {a: 75}}
      {subject: H, points: {a: 70}}
      {subject: I, points: {a: 65}}
      {subject: J, points: {a: 61}}
    `;

    it('exactly: fixed slots; a slot no one reaching min_score can fill passes to the next tier', () => {
      const tiers = `
        - {id: excellent, name: 优秀, quota: {exactly: 30%}, min_score: 89}
        - {id: good, name: 良好, quota: {exactly: 30%}}
        - {id: average, name: 一般}
      `;
      // 10 × 30% = 3 slots each. Only A (95) and B (90) reach 89: 优秀 takes 2, its third slot passes
      // to 良好, which takes 3 + 1 = 4: C, D, E, F. 一般 takes the rest: G, H, I, J.
      assert.deepEqual(tiersOf(tiers, TEN), { A: 0, B: 0, C: 1, D: 1, E: 1, F: 1, G: 2, H: 2, I: 2, J: 2 });
    });

    it('max: at most its cap, and a no-quota tier leaves the slots the tiers below reserve', () => {
      const tiers = `
        - {id: excellent, name: 优秀, quota: {max: 25%}}
        - {id: good, name: 良好}
        - {id: average, name: 一般, quota: {min: 20%}}
      `;
      // max 25% of 10 = 2.5 → 3 (half-up; quota-rounding is the rubric's warning): A, B, C.
      // 一般 reserves 20% of 10 = 2, so 良好 takes 7 − 2 = 5: D, E, F, G, H; 一般: I, J.
      assert.deepEqual(tiersOf(tiers, TEN), { A: 0, B: 0, C: 0, D: 1, E: 1, F: 1, G: 1, H: 1, I: 2, J: 2 });
    });

    it('min: at least its slots, then everyone else reaching its min_score', () => {
      const tiers = `
        - {id: excellent, name: 优秀, quota: {min: 20%}, min_score: 85}
        - {id: good, name: 良好, min_score: 70}
        - {id: average, name: 一般}
      `;
      // At least 2, and beyond them all ≥ 85: A, B, C, D (86). 良好: ≥ 70: E, F, G, H. 一般: I, J.
      assert.deepEqual(tiersOf(tiers, TEN), { A: 0, B: 0, C: 0, D: 0, E: 1, F: 1, G: 1, H: 1, I: 2, J: 2 });
      // Without a min_score, only its slots: A, B.
      const bare = `
        - {id: excellent, name: 优秀, quota: {min: 20%}}
        - {id: good, name: 良好}
      `;
      assert.deepEqual(tiersOf(bare, TEN), { A: 0, B: 0, C: 1, D: 1, E: 1, F: 1, G: 1, H: 1, I: 1, J: 1 });
    });

    it('vetoes: a forced tier takes one of its slots first; a barred tier is skipped; a when-threshold veto comes from the scores', () => {
      const tiers = `
        - {id: excellent, name: 优秀, quota: {exactly: 30%}}
        - {id: good, name: 良好}
        - {id: average, name: 一般, quota: {exactly: 20%}}
      `;
      const rows = `
        {subject: A, points: {a: 95}, veto: [fire]}
        {subject: B, points: {a: 90}, veto: [discipline]}
        {subject: C, points: {a: 88}}
        {subject: D, points: {a: 86}}
        {subject: E, points: {a: 84}}
        {subject: F, points: {a: 80}}
        {subject: G, points: {a: 75}}
        {subject: H, points: {a: 70}}
        {subject: I, points: {a: 65}}
        {subject: J, points: {a: 59.5}}
      `;
      // A is forced to 一般 (1 of its 2 slots); J's 59.5 is below 60% of a's 100 points: the safety
      // veto forces it to 一般 too (the 2nd slot). B is barred from 优秀: 优秀 takes C, D, E.
      // 良好 takes the rest: B, F, G, H, I (一般's slots are both taken by vetoes).
      const analysis = analyzeSheet(sheetOf(rows), fiveTiers(tiers));
      assert.deepEqual(Object.fromEntries(analysis.subjects.map((s) => [s.subject, s.tier])), { A: 2, B: 1, C: 0, D: 0, E: 0, F: 1, G: 1, H: 1, I: 1, J: 2 });
      assert.deepEqual(subjectNamed(analysis, 'J').vetoes, ['safety']);
      // B is barred from 优秀: no score lifts it there.
      assert.equal(subjectNamed(analysis, 'B').margin.up, undefined);
    });

    describe('ties at a boundary', () => {
      const tiers = `
        - {id: excellent, name: 优秀, quota: {exactly: 30%}}
        - {id: good, name: 良好}
        - {id: average, name: 一般, quota: {exactly: 20%}}
      `;
      const rubric = yaml`
        rubric: x
        subjects: [A, B, C, D, E]
        indicators:
          - {id: fire, name: 火灾防控, weight: 50}
          - {id: green, name: 国土绿化, weight: 50}
        tiers:
        ${tiers}
      `;
      // 5 × 30% = 1.5 → 2 slots of 优秀; 5 × 20% = 1 slot of 一般. B, C and D all total 80.
      const run = (ties: string) =>
        analyzeSheet(
          yaml`
            rubric: r.rubric.yaml
            ties: ${ties}
            tie-break: [fire]
            scores:
              - {subject: A, points: {fire: 45, green: 45}}
              - {subject: B, points: {fire: 38, green: 42}}
              - {subject: C, points: {fire: 42, green: 38}}
              - {subject: D, points: {fire: 40, green: 40}}
              - {subject: E, points: {fire: 30, green: 30}}
          `,
          rubric,
        );

      it('flag: file order decides, the tie is flagged at each tied name, ranks are shared', () => {
        const analysis = run('flag');
        assert.deepEqual(table(analysis), { A: ['90', 1, 0], B: ['80', 2, 0], C: ['80', 2, 1], D: ['80', 2, 1], E: ['60', 5, 2] });
        assert.deepEqual(
          analysis.findings.map((f) => [f.code, analysis.source.text.slice(f.span.start, f.span.end)]),
          [
            ['tie-at-boundary', 'B'],
            ['tie-at-boundary', 'C'],
            ['tie-at-boundary', 'D'],
          ],
        );
      });

      it('share: all tied take the better tier, and the warning says the quota is exceeded', () => {
        const analysis = run('share');
        assert.deepEqual(table(analysis), { A: ['90', 1, 0], B: ['80', 2, 0], C: ['80', 2, 0], D: ['80', 2, 0], E: ['60', 5, 2] });
        assert.match(analysis.findings[0].message.en, /all take 优秀, which then holds 4, beyond its quota \(ties: share\)/);
        assert.match(analysis.findings[0].message['zh-CN'], /均评为优秀，该等次共 4 个，超出名额/);
        assert.deepEqual(
          analysis.groups[0].counts.map((c) => [c.count, c.max]),
          [
            [4, 2],
            [0, 2],
            [1, 1],
          ],
        );
      });

      it('break: the tie-break indicators order the tied and split their ranks, with no warning', () => {
        // fire: C 42, D 40, B 38: C takes the 2nd slot of 优秀; ranks 2, 3, 4.
        const analysis = run('break');
        assert.deepEqual(table(analysis), { A: ['90', 1, 0], B: ['80', 4, 1], C: ['80', 2, 0], D: ['80', 3, 1], E: ['60', 5, 2] });
        assert.deepEqual(analysis.findings, []);
      });

      it('break: a tie surviving every tie-break indicator is flagged', () => {
        const sheet = yaml`
          rubric: r.rubric.yaml
          ties: break
          tie-break: [fire]
          scores:
            - {subject: A, points: {fire: 45, green: 45}}
            - {subject: B, points: {fire: 40, green: 40}}
            - {subject: C, points: {fire: 40, green: 40}}
            - {subject: D, points: {fire: 35, green: 40}}
            - {subject: E, points: {fire: 30, green: 30}}
        `;
        const analysis = analyzeSheet(sheet, rubric);
        assert.deepEqual(table(analysis), { A: ['90', 1, 0], B: ['80', 2, 0], C: ['80', 2, 1], D: ['75', 4, 1], E: ['60', 5, 2] });
        assert.deepEqual(
          analysis.findings.map((f) => f.code),
          ['tie-at-boundary', 'tie-at-boundary'],
        );
        assert.match(analysis.findings[0].message.en, /still tied after every tie-break indicator; file order puts it in 优秀/);
      });
    });

    it('分序列: each group ranked and given its quota on its own N (members listed, or counted with group:)', () => {
      const rubric = yaml`
        rubric: x
        subjects:
          groups:
            - {id: towns, name: 乡镇序列, members: [古绛镇, 横水镇, 卫庄镇, 陈村镇]}
            - {id: depts, name: 县直部门序列, count: 3}
        indicators:
          - {id: a, name: a, weight: 100}
        tiers:
          - {id: excellent, name: 优秀, quota: {exactly: 30%}}
          - {id: good, name: 良好}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - {subject: 古绛镇, points: {a: 91}}
          - {subject: 林业局, group: depts, points: {a: 88}}
          - {subject: 横水镇, points: {a: 95}}
          - {subject: 卫庄镇, points: {a: 70}}
          - {subject: 水利局, group: depts, points: {a: 99}}
          - {subject: 陈村镇, points: {a: 93}}
          - {subject: 财政局, group: depts, points: {a: 60}}
      `;
      // towns: 4 × 30% = 1.2 → 1: 横水镇 (95). depts: 3 × 30% = 0.9 → 1: 水利局 (99).
      const analysis = analyzeSheet(sheet, rubric);
      assert.deepEqual(table(analysis), {
        古绛镇: ['91', 3, 1],
        林业局: ['88', 2, 1],
        横水镇: ['95', 1, 0],
        卫庄镇: ['70', 4, 1],
        水利局: ['99', 1, 0],
        陈村镇: ['93', 2, 1],
        财政局: ['60', 3, 1],
      });
      assert.deepEqual(
        analysis.groups.map((g) => [g.id, g.name, g.subjects.map((s) => s.subject), g.counts.map((c) => c.count)]),
        [
          ['towns', '乡镇序列', ['横水镇', '陈村镇', '古绛镇', '卫庄镇'], [1, 3]],
          ['depts', '县直部门序列', ['水利局', '林业局', '财政局'], [1, 2]],
        ],
      );
      assert.deepEqual(analysis.findings, []);
    });

    it('works the slots out for the subjects actually ranked when fewer are scored than the rubric names', () => {
      const rubric = yaml`
        rubric: x
        subjects: 10
        indicators:
          - {id: a, name: a, weight: 100}
        tiers:
          - {id: excellent, name: 优秀, quota: {exactly: 30%}}
          - {id: good, name: 良好}
      `;
      const sheet = yaml`
        rubric: r.rubric.yaml
        scores:
          - {subject: A, points: {a: 91}}
          - {subject: B, points: {a: 81}}
          - {subject: C, points: {a: 71}}
          - {subject: D, points: {a: 61}}
      `;
      // 4 ranked: 4 × 30% = 1.2 → 1 slot of 优秀 (not the rubric's 10 × 30% = 3).
      const analysis = analyzeSheet(sheet, rubric);
      assert.deepEqual(
        analysis.groups[0].counts.map((c) => [c.count, c.min, c.max]),
        [
          [1, 1, 1],
          [3, 3, 3],
        ],
      );
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['missing-score'],
      );
    });
  });
});
