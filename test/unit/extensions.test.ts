import { strict as assert } from 'assert';
import { codeActions, complete, hover, inlayHints, quotaLenses, simulateGroups } from 'rubric-studio-server';
import { clean, expectFindings } from '../support/expect-findings';
import { analyze, core, dataOf } from '../support/rubric-core';
import { yaml } from '../support/yaml-text';

/** The keys real schemes need (the contract's "What real schemes also say"), checked one by one. */
describe('format extensions of real schemes', () => {
  describe('composite sheets (out_of)', () => {
    // 乡村干部绩效考核: 工作实绩 a 100-point sheet counted at 70, 群众评议 30.
    const COMPOSITE = yaml`
      rubric: 村干部绩效考核
      indicators:
        - id: work
          name: 工作实绩
          out_of: 100
          weight: 70
          items:
            - {id: econ, name: 经济发展, weight: 40}
            - {id: people, name: 民生保障, weight: 60}
        - {id: appraisal, name: 群众评议, weight: 30}
    `;

    it('adds the items up to out_of, not to the weight, and the group counts its weight', () => {
      expectFindings(COMPOSITE, []);
    });

    it('says the items miss out_of when they do', () => {
      const [finding] = expectFindings(COMPOSITE.replace('out_of: 100', 'out_of: «90»'), 'children-sum');
      // 40 + 60 = 100 against out_of 90: 10 over.
      assert.match(finding.message.en, /add up to 100, not its out_of 90: 10 over/);
      assert.match(finding.message['zh-CN'], /折算满分 out_of 90：超出 10/);
    });

    it('offers out_of as the fix when a 100-point sheet is written under a smaller weight', () => {
      const text = COMPOSITE.replace('    out_of: 100\n', '');
      const analysis = analyze(text);
      const [finding] = analysis.findings;
      assert.equal(finding.code, 'children-sum');
      const [first] = codeActions(analysis, [finding], 'en');
      assert.equal(first.title, 'Count this 100-point sheet at 70: add out_of: 100');
      assert.ok(first.preferred);
      const fixed = text.slice(0, first.edits[0].span.start) + first.edits[0].newText + text.slice(first.edits[0].span.end);
      assert.deepEqual(analyze(fixed).findings, []);
    });

    it('needs the weight it counts for', () => {
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - «name»: g
              out_of: 100
              items: [{name: a, weight: 100}]
        `,
        'schema',
      );
      assert.match(finding.message.en, /out_of needs weight/);
    });

    it('shows Σ 100 → 70 beside the items and shares of the whole scaled by 70/100', () => {
      const analysis = analyze(COMPOSITE);
      const labels = inlayHints(analysis, { start: 0, end: COMPOSITE.length }, 'en').map((h) => h.label);
      // 40 on the sheet counts 40 × 70/100 = 28 of 100; 60 counts 42.
      assert.deepEqual(labels, ['Σ 100 ✓', '70%', 'Σ 100 → 70', '28%', '42%', '30%']);
      const at = COMPOSITE.indexOf('经济发展');
      assert.match(hover(analysis, at, 'en', core().schemaDocs)!.markdown, /Share of the whole: 28% \(40 × 0\.7 = 28 \/ 100\)/);
      const group = hover(analysis, COMPOSITE.indexOf('工作实绩'), 'zh-CN', core().schemaDocs)!.markdown;
      assert.match(group, /按 100 分计分，折算为 70 分：得分 × 70 \/ 100/);
    });
  });

  describe('deduction rules (每处扣0.5分，最高扣4分; 未建立台账扣2分)', () => {
    const RIVER = yaml`
      rubric: 河长制考核
      indicators:
        - id: river
          name: 河道保洁
          weight: 6
          scoring:
            floor: 0
            deduct:
              - {id: litter, points: 0.5, per: 每发现一处垃圾, max: 4}
              - {id: no-record, points: 2, when: 未建立巡河台账}
        - {name: 其他, weight: 94}
    `;

    it('takes several rules, each capped, and shows the most they can take off', () => {
      expectFindings(RIVER, []);
      const analysis = analyze(RIVER);
      const labels = inlayHints(analysis, { start: 0, end: RIVER.length }, 'en').map((h) => h.label);
      // Caps 4 + 2 = 6, and the item is worth 6 with floor 0: at most 6 off.
      assert.ok(labels.includes('at most −6'), labels.join(' | '));
      const markdown = hover(analysis, RIVER.indexOf('河道保洁'), 'zh-CN', core().schemaDocs)!.markdown;
      assert.match(markdown, /每发现一处垃圾：每次扣 0\.5 分，最高扣 4 分/);
      assert.match(markdown, /未建立巡河台账：一次性扣 2 分/);
      assert.match(markdown, /合计最多扣 6 分；最低得 0 分/);
    });

    it('never shows more off than the item keeps above its floor', () => {
      const text = RIVER.replace('floor: 0', 'floor: 3');
      const labels = inlayHints(analyze(text), { start: 0, end: text.length }, 'en').map((h) => h.label);
      // 6 − 3 = 3 left to lose, less than the caps' 6.
      assert.ok(labels.includes('at most −3'), labels.join(' | '));
    });

    it("reports a rule's cap, a one-off deduction and a floor above the item's weight", () => {
      const findings = expectFindings(
        yaml`
          rubric: x
          indicators:
            - id: river
              name: 河道保洁
              weight: 6
              scoring:
                floor: «7»
                deduct:
                  - {id: litter, points: 0.5, per: 每处, max: «8»}
                  - {id: once, points: «6.5», when: 未建台账}
            - {name: b, weight: 94}
        `,
        'rule-exceeds-weight',
      );
      assert.deepEqual(
        findings.map((f) => f.message.en),
        [
          'A floor of 7 is above what "河道保洁" is worth (6)',
          'At most 8 off is more than "河道保洁" is worth (6)',
          'A one-off deduction of 6.5 is more than "河道保洁" is worth (6)',
        ],
      );
    });

    it('needs each rule to say per case or when, and names both', () => {
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - name: a
              weight: 100
              scoring:
                deduct:
                  - {«id»: litter, points: 0.5}
        `,
        'schema',
      );
      assert.match(finding.message.en, /Needs one of per \(Per case\) or when \(One-off condition\)/);
      assert.match(finding.message['zh-CN'], /须填写 per（扣分情形） 或 when（一次性扣分情形） 之一/);
    });

    it('keeps rule ids unique within their item, not across items', () => {
      expectFindings(
        yaml`
          rubric: x
          indicators:
            - name: a
              weight: 50
              scoring: {deduct: [{id: litter, points: 1, per: 处}, {id: «litter», points: 2, per: 次}]}
            - name: b
              weight: 50
              scoring: {deduct: [{id: litter, points: 1, per: 处}]}
        `,
        'duplicate-id',
      );
    });

    it('suggests the near spelling of a misspelt rule key', () => {
      const [finding] = expectFindings(
        yaml`
          rubric: x
          indicators:
            - name: a
              weight: 100
              scoring: {deduct: [{id: l, points: 1, per: 处, «mxa»: 3}]}
        `,
        'schema',
      );
      assert.equal(dataOf(finding, 'schema')?.suggestion, 'max');
    });
  });

  describe('vetoes that bar a tier or follow from a score', () => {
    const VETO = yaml`
      rubric: x
      indicators:
        - {id: safety, name: 安全生产, weight: 20}
        - {id: work, name: 工作实绩, weight: 80}
      veto:
        - {id: discipline, name: 受到党纪政务处分, bars: [excellent]}
        - {id: safety-floor, name: 安全生产不达标, when: {indicator: safety, below: 60%}, tier: poor}
      tiers:
        - {id: excellent, name: 优秀}
        - {id: good, name: 良好}
        - {id: poor, name: 不合格}
    `;

    it('resolves bars and when.indicator', () => {
      expectFindings(VETO, []);
    });

    it('reports a barred tier or a triggering indicator that names nothing', () => {
      const findings = expectFindings(VETO.replace('bars: [excellent]', 'bars: [«excelent»]').replace('indicator: safety', 'indicator: «safty»'), [
        'unknown-reference',
        'unknown-reference',
      ]);
      assert.match(findings[0].message.en, /No tier has the id "excelent": did you mean "excellent"/);
      assert.match(findings[1].message.en, /No indicator has the id "safty": did you mean "safety"/);
    });

    it('needs a tier to force or tiers to bar', () => {
      const [finding] = expectFindings(
        VETO.replace('- {id: discipline, name: 受到党纪政务处分, bars: [excellent]}', '- {«id»: discipline, name: 处分}'),
        'schema',
      );
      assert.match(finding.message.en, /Needs one of tier \(Resulting tier\) or bars \(Barred tiers\)/);
    });

    it('completes tier ids inside bars and indicator ids in when', () => {
      const inBars = clean(VETO.replace('bars: [excellent]', 'bars: [exc]'));
      const atBars = inBars.indexOf('exc]') + 3;
      assert.deepEqual(
        complete(analyze(inBars), atBars, 'en', core().schemaDocs).map((e) => e.label),
        ['excellent', 'good', 'poor'],
      );
      const inWhen = VETO.replace('indicator: safety', 'indicator: sa');
      const atWhen = inWhen.indexOf('indicator: sa') + 'indicator: sa'.length;
      assert.deepEqual(
        complete(analyze(inWhen), atWhen, 'en', core().schemaDocs).map((e) => e.label),
        ['safety', 'work'],
      );
    });
  });

  describe('subject groups (分序列) and precision', () => {
    it('counts N over the groups and keeps a subject in one group only', () => {
      const text = yaml`
        rubric: x
        precision: 2
        subjects:
          groups:
            - {id: towns, name: 乡镇序列, members: [古绛镇, 横水镇, 卫庄镇]}
            - {id: depts, name: 县直部门序列, count: 23}
        indicators: [{name: a, weight: 100}]
      `;
      const analysis = analyze(text);
      assert.deepEqual(analysis.findings, []);
      // 3 members + 23 counted.
      assert.equal(analysis.documents[0].model.subjects, 26);
      assert.equal(analysis.documents[0].model.precision, 2);
      const [finding] = expectFindings(text.replace('count: 23', 'members: [教育局, «横水镇»]'), 'duplicate-id');
      assert.match(finding.message.en, /"横水镇" is already in the group "乡镇序列" \(line 5\): a subject belongs to one group only/);
    });

    it('needs members or a count in a group, and a precision of 0 to 6 decimals', () => {
      expectFindings(
        yaml`
          rubric: x
          precision: «7»
          subjects:
            groups:
              - {«name»: 乡镇序列}
          indicators: [{name: a, weight: 100}]
        `,
        ['schema', 'schema'],
      );
    });
  });

  describe('quotas per group (分序列)', () => {
    const GROUPS = yaml`
      rubric: x
      subjects:
        groups:
          - {id: towns, name: 乡镇序列, count: 10}
          - {id: depts, name: 县直部门序列, count: 15}
      indicators: [{name: a, weight: 100}]
      tiers:
        - {id: excellent, name: 优秀, quota: {max: «30%»}}
        - {id: good, name: 良好}
        - {id: average, name: 一般, quota: {exactly: 20%}}
    `;

    it('applies every quota to each group and names the group a finding is about', () => {
      // 10 × 30% = 3 keeps the cap; 15 × 30% = 4.5 → 5 (half-up) is 33.3%, above it.
      const [finding] = expectFindings(GROUPS, 'quota-rounding');
      assert.match(finding.message.en, /\(县直部门序列\)$/);
      assert.match(finding.message['zh-CN'], /（县直部门序列）$/);
    });

    it('shows one lens line per group with its own slots', () => {
      const analysis = analyze(clean(GROUPS));
      // 乡镇序列: 一般 10 × 20% = 2; 优秀 at most 3; 良好 the rest, 10 − 3 − 2 = 5 to 10 − 2 = 8.
      // 县直部门序列: 一般 15 × 20% = 3; 优秀 at most 5 (4.5 → 5); 良好 15 − 5 − 3 = 7 to 12.
      assert.deepEqual(
        quotaLenses(analysis, 'zh-CN').map((l) => l.title),
        ['乡镇序列 · 10 个考核对象：优秀 0–3 · 良好 5–8 · 一般 2', '县直部门序列 · 15 个考核对象：优秀 0–5 · 良好 7–12 · 一般 3'],
      );
      assert.deepEqual(
        simulateGroups(analysis.documents[0]).map((row) => [row.group?.id, row.subjects]),
        [
          ['towns', 10],
          ['depts', 15],
        ],
      );
    });
  });

  describe('penalties and per-case bonus', () => {
    it('takes penalties outside the table and a bonus per case; an uncapped per-case bonus has no most', () => {
      expectFindings(
        yaml`
          rubric: x
          indicators: [{name: a, weight: 100}]
          bonus:
            items:
              - {id: early, name: 每提前1天完成, points: 1, per: 天}
          penalties:
            cap: 10
            items:
              - {id: complaint, name: 被群众有效投诉, points: 1, per: 次}
          tiers:
            - {name: 优秀, min_score: 150}
        `,
        [],
      );
    });

    it('keeps penalty ids unique', () => {
      expectFindings(
        yaml`
          rubric: x
          indicators: [{name: a, weight: 100}]
          penalties:
            items:
              - {id: c, name: 投诉, points: 1}
              - {id: «c», name: 通报, points: 2}
        `,
        'duplicate-id',
      );
    });
  });
});
