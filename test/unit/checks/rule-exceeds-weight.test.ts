import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('rule-exceeds-weight', () => {
  it("underlines a level's points above the indicator's weight", () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: 隐患点监测
            weight: 40
            items:
              - name: 雨季巡查
                weight: 10
                scoring:
                  levels:
                    - {points: 10, when: 汛期每日巡查并记录}
                    - {points: «12», when: 巡查记录完整且及时上报}
              - {name: 群测群防员, weight: 30}
          - {name: 应急预案与演练, weight: 60}
        tiers: [{name: 优秀}]
      `,
      'rule-exceeds-weight',
    );
    assert.match(finding.message.en, /12 points.*"雨季巡查".*\(10\)/);
    assert.match(finding.message['zh-CN'], /评分档次 12 分.*雨季巡查.*10/);
  });

  it('underlines a deduction above the weight', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 10}
          - name: 林木采伐监管
            weight: 90
            scoring: {deduct: «95», per: 每发现一起无证采伐}
        tiers: [{name: t}]
      `,
      'rule-exceeds-weight',
    );
    assert.match(finding.message.en, /deduction of 95.*\(90\)/);
    assert.match(finding.message['zh-CN'], /每次扣 95 分.*90/);
  });

  it('allows a level or a deduction worth exactly the weight', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: 10
            scoring: {deduct: 10, per: 每次}
          - name: b
            weight: 90
            scoring:
              levels: [{points: 90, when: 好}, {points: 0, when: 差}]
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('compares decimals exactly: 10.6 is more than 10.5', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: 10.5
            scoring:
              levels:
                - {points: 10.5, when: 好}
                - {points: «10.6», when: 更好}
          - {name: b, weight: 89.5}
        tiers: [{name: t}]
      `,
      'rule-exceeds-weight',
    );
  });

  it('does not cascade from a weight written as text', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: «"10分"»
            scoring:
              levels: [{points: 12, when: 好}]
          - {name: b, weight: 90}
        tiers: [{name: t}]
      `,
      'schema',
    );
  });

  it('underlines a deduction floor above the weight (a floor of 8 on a 6-point item), not one equal to it', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 88}
          - {name: 河道保洁, weight: 6, scoring: {deduct: 0.5, per: 每发现一处垃圾, floor: «8»}}
          - {name: 巡河台账, weight: 6, scoring: {deduct: 2, per: 每缺一次, floor: 6}}
        tiers: [{name: t}]
      `,
      'rule-exceeds-weight',
    );
    assert.match(finding.message.en, /floor of 8.*"河道保洁".*\(6\)/);
    assert.match(finding.message['zh-CN'], /最低得分 8.*河道保洁.*6/);
  });
});
