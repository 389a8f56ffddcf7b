import { strict as assert } from 'assert';
import { analyze } from '../../support/rubric-core';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('weights-sum', () => {
  it('underlines `indicators:` when the top-level weights fall short, and says by how much', () => {
    expectFindings(
      yaml`
        rubric: 考评表
        «indicators»:
          - {name: 国土绿化, weight: 30}
          - {name: 资源管理, weight: 65}
        tiers: [{name: 优秀}]
      `,
      'weights-sum',
    );
    const finding = analyze('rubric: x\nindicators:\n  - {name: a, weight: 30}\n  - {name: b, weight: 65}\ntiers: [{name: t}]\n').findings[0];
    assert.match(finding.message.en, /95, not 100: 5 missing/);
    assert.match(finding.message['zh-CN'], /合计 95，应为 100：还差 5/);
  });

  it('adds decimals exactly: 16.4 + 47.8 + 35.8 is 100', () => {
    const text = yaml`
      rubric: x
      indicators:
        - {name: a, weight: 16.4}
        - {name: b, weight: 47.8}
        - {name: c, weight: 35.8}
      tiers: [{name: t}]
    `;
    assert.deepEqual(analyze(text).findings, []);
  });
  it('says by how much the weights are over the total', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: 考评表
        «indicators»:
          - {name: 国土绿化, weight: 60}
          - {name: 资源管理, weight: 45}
        tiers: [{name: 优秀}]
      `,
      'weights-sum',
    );
    assert.match(finding.message.en, /105, not 100: 5 over/);
    assert.match(finding.message['zh-CN'], /合计 105，应为 100：超出 5/);
  });

  it('counts a group without a weight as the sum of its items', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: 考评表
        «indicators»:
          - name: 国土绿化
            items:
              - {name: 造林, weight: 20}
              - {name: 绿化, weight: 15}
          - {name: 资源管理, weight: 60}
        tiers: [{name: 优秀}]
      `,
      'weights-sum',
    );
    assert.match(finding.message.en, /95, not 100: 5 missing/);
    assert.match(finding.message['zh-CN'], /还差 5/);
  });

  it('gives no finding when the derived weight of a group makes the total right', () => {
    expectFindings(
      yaml`
        rubric: 考评表
        indicators:
          - name: 国土绿化
            items:
              - {name: 造林, weight: 25}
              - {name: 绿化, weight: 15}
          - {name: 资源管理, weight: 60}
        tiers: [{name: 优秀}]
      `,
      [],
    );
  });

  it('checks against `total` when it is written', () => {
    expectFindings(
      yaml`
        rubric: x
        total: 50
        indicators:
          - {name: a, weight: 20}
          - {name: b, weight: 30}
        tiers: [{name: t}]
      `,
      [],
    );
    const [finding] = expectFindings(
      yaml`
        rubric: x
        total: 50
        «indicators»:
          - {name: a, weight: 20}
          - {name: b, weight: 40}
        tiers: [{name: t}]
      `,
      'weights-sum',
    );
    assert.match(finding.message.en, /60, not 50: 10 over/);
  });

  it('does not cascade: a weight written as text "30分" gives one schema finding and no sum', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: «"30分"»}
          - {name: b, weight: 65}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });

  it('does not cascade from a total written as text', () => {
    expectFindings(
      yaml`
        rubric: x
        total: «"100"»
        indicators:
          - {name: a, weight: 90}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });
});
