import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('bonus-exceeds-cap', () => {
  it('underlines the points of a bonus item worth more than the cap: 6 > 5', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          cap: 5
          items:
            - {name: 经验做法被省级推广, points: «6»}
        tiers: [{name: t}]
      `,
      'bonus-exceeds-cap',
    );
    assert.match(finding.message.en, /"经验做法被省级推广" is worth 6 points, more than the bonus cap of 5/);
    assert.match(finding.message['zh-CN'], /加分项“经验做法被省级推广”为 6 分，超过加分上限 5 分/);
  });

  it('accepts an item worth exactly the cap (decimals added exactly: 2.5 is not above 2.5)', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          cap: 2.5
          items:
            - {name: a, points: 2.5}
            - {name: b, points: 1}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('underlines a penalty item taking off more than the penalty cap: 12 > 10', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        penalties:
          cap: 10
          items:
            - {name: 被群众有效投诉, points: 1, per: 次}
            - {name: 发生安全责任事故, points: «12»}
        tiers: [{name: t}]
      `,
      'bonus-exceeds-cap',
    );
    assert.match(finding.message.en, /takes off 12 points, more than the penalty cap of 10/);
    assert.match(finding.message['zh-CN'], /减分项“发生安全责任事故”为 12 分，超过减分上限 10 分/);
  });
});
