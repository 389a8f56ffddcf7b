import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('raters-sum', () => {
  it('underlines `raters:` when the weights fall short of 100, and says by how much', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: 到村工作大学生考核
        «raters»:
          - {id: self, name: 大学生说, weight: 20}
          - {id: cadres, name: 干部评, weight: 40}
          - {id: villagers, name: 群众议, weight: 30}
        indicators:
          - {name: 考准, weight: 100}
        tiers: [{name: 优秀}]
      `,
      'raters-sum',
    );
    assert.match(finding.message.en, /90, not 100: 10 missing/);
    assert.match(finding.message['zh-CN'], /合计 90，应为 100：还差 10/);
  });

  it('says by how much the weights are over 100', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        «raters»:
          - {name: 大学生说, weight: 30}
          - {name: 干部评, weight: 40}
          - {name: 群众议, weight: 40}
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      'raters-sum',
    );
    assert.match(finding.message.en, /110, not 100: 10 over/);
    assert.match(finding.message['zh-CN'], /超出 10/);
  });

  it('adds decimals exactly: 33.3 + 33.3 + 33.4 is 100', () => {
    expectFindings(
      yaml`
        rubric: x
        raters:
          - {name: 大学生说, weight: 33.3}
          - {name: 干部评, weight: 33.3}
          - {name: 群众议, weight: 33.4}
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('is not about the total: raters add up to 100 even when `total` is 50', () => {
    expectFindings(
      yaml`
        rubric: x
        total: 50
        raters:
          - {name: 大学生说, weight: 20}
          - {name: 干部评, weight: 80}
        indicators:
          - {name: a, weight: 50}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('does not cascade from a weight written as text "40%"', () => {
    expectFindings(
      yaml`
        rubric: x
        raters:
          - {name: 大学生说, weight: 30}
          - {name: 干部评, weight: «"40%"»}
          - {name: 群众议, weight: 40}
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });

  it('does not cascade from a rater without a weight (the schema says it is missing)', () => {
    expectFindings(
      yaml`
        rubric: x
        raters:
          - {name: 大学生说, weight: 30}
          - {«name»: 干部评}
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });
});
