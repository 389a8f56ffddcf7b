import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('veto-best-tier', () => {
  it('underlines the tier a veto forces when it is the best one', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        veto:
          - {id: fire, name: 发生重大森林火灾, tier: «优秀»}
        tiers:
          - {name: 优秀}
          - {name: 一般}
      `,
      'veto-best-tier',
    );
    assert.match(finding.message.en, /"发生重大森林火灾" forces the best tier "优秀"/);
    assert.match(finding.message['zh-CN'], /一票否决项“发生重大森林火灾”指定的是最高等次“优秀”/);
  });

  it('accepts a veto that forces a lower tier, and a rubric with a single tier', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        veto:
          - {name: v, tier: average}
        tiers:
          - {id: excellent, name: 优秀}
          - {id: average, name: 一般}
      `,
      [],
    );
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        veto:
          - {name: v, tier: pass}
        tiers:
          - {id: pass, name: 合格}
      `,
      [],
    );
  });
});
