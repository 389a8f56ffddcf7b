import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('schema', () => {
  it('gives no finding for a valid rubric', () => {
    expectFindings(
      yaml`
        rubric: 2022 年度林长制工作考评表
        issuer: 绛县林长制办公室
        period: 2022
        total: 100
        subjects: 10
        rounding: half-up
        methods:
          - {id: review, name: 综合核查}
        indicators:
          - id: greening
            name: 国土绿化
            methods: [review]
            items:
              - name: 造林任务完成率
                weight: 20
                scoring: {levels: [{points: 20, when: 完成 100%}, {points: 15, when: 完成 90% 以上}]}
              - name: 林木管护
                weight: 80
                scoring: {deduct: 2, per: 每发现一处毁林}
        bonus:
          cap: 5
          items: [{id: innovation, name: 经验做法被省级推广, points: 3}]
        veto:
          - {id: major-fire, name: 发生重大森林火灾, tier: average}
        tiers:
          - {id: excellent, name: 优秀, quota: {exactly: 30%}, min_score: 85}
          - {id: good, name: 良好}
          - {id: average, name: 一般, quota: {exactly: 20%}}
      `,
      [],
    );
  });

  it('underlines a value of the wrong type, once, with no sums built on it', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: 国土绿化, weight: «"30分"»}
          - {name: 资源管理, weight: 65}
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(finding.message.en, /weight.*must be a number.*"30分"/);
    assert.match(finding.message['zh-CN'], /应为数字/);
  });

  it('underlines an unknown key and suggests the near spelling: `wieght` → `weight`', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - id: responsibility
            name: 安全责任落实
            «wieght»: 40
            items:
              - {name: 责任清单, weight: 20}
              - {name: 安全例会, weight: 20}
          - {name: 隐患排查治理, weight: 60}
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(finding.message.en, /"wieght".*did you mean "weight"\?/);
    assert.match(finding.message['zh-CN'], /wieght.*是否应为“weight”/);
  });

  it('reports a misspelt weight on a scored item once, as the unknown key (not also as a missing weight)', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            «wieght»: 30
          - {name: b, weight: 70}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });

  it('lists the allowed keys when nothing is spelt near', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
        «remarks»: 备注
      `,
      'schema',
    );
    assert.match(finding.message.en, /allowed here: .*indicators/);
  });

  it("points a missing `name` in a list item at that item's first key", () => {
    const [block, flow] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - «weight»: 30
            criteria: 完成年度造林任务
          - {«weight»: 70}
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(block.message.en, /Missing required key name/);
    assert.match(flow.message['zh-CN'], /缺少必填项 name/);
  });

  it("points a tier without a name at the tier's first key", () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - «id»: excellent
            quota: {exactly: 30%}
          - {name: 良好}
      `,
      'schema',
    );
  });

  it('points a missing top-level `indicators` at the first key of the document', () => {
    const [finding] = expectFindings(
      yaml`
        # 考评表
        «rubric»: x
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(finding.message.en, /Missing required key indicators/);
    assert.match(finding.message['zh-CN'], /缺少必填项 indicators/);
  });

  it('takes a rubric without tiers: a pure scoring sheet (totals and ranks only)', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
      `,
      [],
    );
  });

  it('underlines the key of an empty value `weight:` (the value has no width)', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            «weight»:
          - {name: b, weight: 70}
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(finding.message.en, /no value/);
    assert.match(finding.message['zh-CN'], /未填写/);
  });

  it('underlines a value outside the allowed ones and suggests the near spelling', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        rounding: «half_up»
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(finding.message.en, /did you mean "half-up"\?/);
  });

  it('underlines a quota that is neither a percentage up to 100% nor a count', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: «130%»}}
          - {name: B, quota: {max: «30 %»}}
          - {name: C, quota: {min: «2.5»}}
      `,
      'schema',
    );
  });

  it('underlines a weight that is not above 0', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: «0»}
          - {name: b, weight: 100}
        tiers: [{name: t}]
      `,
      'schema',
    );
    assert.match(finding.message.en, /greater than 0/);
  });

  it('underlines the dash of an empty list item, not the start of the file', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: t}
          «-»
      `,
      'schema',
    );
  });

  it('gives an empty document after `---` no finding: it is not a rubric yet', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
        ---
      `,
      [],
    );
  });
});
