import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('children-sum', () => {
  it("underlines the group's weight when its items fall short, and says by how much", () => {
    const [finding] = expectFindings(
      yaml`
        rubric: 考评表
        indicators:
          - name: 国土绿化
            weight: «25»
            items:
              - {name: 造林任务完成, weight: 15}
              - {name: 村庄绿化, weight: 9}
          - {name: 资源管理, weight: 75}
        tiers: [{name: 优秀}]
      `,
      'children-sum',
    );
    assert.match(finding.message.en, /24, not its weight 25: 1 missing/);
    assert.match(finding.message['zh-CN'], /合计 24，应为 25：还差 1/);
  });

  it('says by how much the items are over', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: «20»
            items:
              - {name: a1, weight: 15}
              - {name: a2, weight: 10}
          - {name: b, weight: 80}
        tiers: [{name: t}]
      `,
      'children-sum',
    );
    assert.match(finding.message.en, /25, not its weight 20: 5 over/);
    assert.match(finding.message['zh-CN'], /超出 5/);
  });

  it('adds decimals exactly: 33.3 + 26.7 is 60', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: 60
            items:
              - {name: a1, weight: 33.3}
              - {name: a2, weight: 26.7}
          - {name: b, weight: 40}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('checks a group two levels down and only there when the level above adds up', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: 60
            items:
              - name: a1
                weight: «30»
                items:
                  - {name: a11, weight: 10}
                  - {name: a12, weight: 15}
              - {name: a2, weight: 30}
          - {name: b, weight: 40}
        tiers: [{name: t}]
      `,
      'children-sum',
    );
    assert.match(finding.message.en, /"a1".*25, not its weight 30/);
  });

  it('reports each level of a nested group on its own weight', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: «60»
            items:
              - name: a1
                weight: «30»
                items:
                  - {name: a11, weight: 10}
                  - {name: a12, weight: 15}
              - {name: a2, weight: 35}
          - {name: b, weight: 40}
        tiers: [{name: t}]
      `,
      'children-sum',
    );
  });

  it('counts a nested group without a weight as the sum of its items', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: «60»
            items:
              - name: a1
                items:
                  - {name: a11, weight: 10}
                  - {name: a12, weight: 15}
              - {name: a2, weight: 30}
          - {name: b, weight: 40}
        tiers: [{name: t}]
      `,
      'children-sum',
    );
    assert.match(finding.message.en, /55, not its weight 60: 5 missing/);
  });

  it('has nothing to check on a group without a weight', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            items:
              - {name: a1, weight: 30}
              - {name: a2, weight: 30}
          - {name: b, weight: 40}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('does not cascade: a group weight written as text "30分" gives one schema finding, no sums', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: «"30分"»
            items:
              - {name: a1, weight: 10}
          - {name: b, weight: 70}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });

  it('does not cascade from an item weight written as text', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: 30
            items:
              - {name: a1, weight: «"二十"»}
              - {name: a2, weight: 10}
          - {name: b, weight: 70}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });

  it('does not cascade from an empty group weight', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            «weight»:
            items:
              - {name: a1, weight: 20}
              - {name: a2, weight: 10}
          - {name: b, weight: 70}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });
});
