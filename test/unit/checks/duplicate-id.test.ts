import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('duplicate-id', () => {
  it('underlines the second explicit id and names the line of the first', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {id: greening, name: 国土绿化, weight: 50}
          - {id: «greening», name: 资源管理, weight: 50}
        tiers: [{name: t}]
      `,
      'duplicate-id',
    );
    assert.match(finding.message.en, /"greening".*line 3/);
    assert.match(finding.message['zh-CN'], /greening.*第 3 行/);
  });

  it('gives no finding when every id differs, even with the same name twice', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {id: a, name: 台账资料, weight: 50}
          - {id: b, name: 台账资料, weight: 50}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('treats a name as the id when no id is written: an explicit id equal to an earlier name clashes', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: greening, weight: 50}
          - {id: «greening», name: 国土绿化, weight: 50}
        tiers: [{name: t}]
      `,
      'duplicate-id',
    );
  });

  it('underlines the name when the second one has no id, and suggests adding an id', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {id: greening, name: 国土绿化, weight: 50}
          - {name: «greening», weight: 50}
        tiers: [{name: t}]
      `,
      'duplicate-id',
    );
    assert.match(finding.message.en, /add an id/);
    assert.match(finding.message['zh-CN'], /补充 id/);
  });

  it('finds the same name used twice without ids in different groups (ids are unique across the tree)', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: 党建工作考评表
        indicators:
          - id: organization
            name: 组织建设
            weight: 50
            items:
              - {name: 台账资料, weight: 50}
          - id: members
            name: 党员管理
            weight: 50
            items:
              - {name: «台账资料», weight: 50}
        tiers: [{name: t}]
      `,
      'duplicate-id',
    );
    assert.match(finding.message.en, /line 7/);
  });

  it('finds a child that repeats its parent id', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - id: greening
            name: 国土绿化
            weight: 50
            items:
              - {id: «greening», name: 造林, weight: 50}
          - {name: b, weight: 50}
        tiers: [{name: t}]
      `,
      'duplicate-id',
    );
  });

  it('finds tiers named alike without ids, and methods with the same id', () => {
    const findings = expectFindings(
      yaml`
        rubric: x
        methods:
          - {id: review, name: 综合核查}
          - {id: «review», name: 现地督查}
        indicators:
          - {name: a, weight: 100, methods: [review]}
        tiers:
          - {name: 优秀}
          - {name: «优秀»}
      `,
      'duplicate-id',
    );
    assert.match(findings[0].message.en, /method id "review"/);
    assert.match(findings[1].message.en, /tier .*"优秀"/);
    assert.match(findings[1].message['zh-CN'], /等次“优秀”/);
  });

  it('finds a tier whose name repeats an earlier tier id', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: good, name: 优秀}
          - {id: fair, name: 良好}
          - {name: «good»}
      `,
      'duplicate-id',
    );
  });

  it('checks bonus items, veto items and raters each within their kind', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          cap: 5
          items:
            - {id: p, name: 推广, points: 3}
            - {id: «p», name: 报道, points: 1}
        veto:
          - {name: 火灾, tier: t}
          - {name: «火灾», tier: t}
        raters:
          - {id: self, name: 自评, weight: 50}
          - {id: «self», name: 他评, weight: 50}
        tiers: [{name: t}]
      `,
      'duplicate-id',
    );
  });

  it('lets different kinds share an id', () => {
    expectFindings(
      yaml`
        rubric: x
        methods:
          - {id: review, name: 综合核查}
        indicators:
          - {id: review, name: a, weight: 100, methods: [review]}
        tiers: [{id: review, name: t}]
      `,
      [],
    );
  });
});
