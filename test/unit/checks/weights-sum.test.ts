import { strict as assert } from 'assert';
import { analyze, expectMarked } from '../../support/rubric-core';
import { yaml } from '../../support/yaml-text';

describe('weights-sum', () => {
  it('underlines `indicators:` when the top-level weights fall short, and says by how much', () => {
    const { actual, expected } = expectMarked(
      yaml`
        rubric: 考评表
        «indicators»:
          - {name: 国土绿化, weight: 30}
          - {name: 资源管理, weight: 65}
        tiers: [{name: 优秀}]
      `,
      'weights-sum',
    );
    assert.deepEqual(actual, expected);
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
});
