import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

/** `min_score: {large: 92, small: 100}` (thresholds by 分序列 group) through the rubric's checks. */
describe('min_score by group', () => {
  const GROUPS = `subjects:
          groups:
            - {id: large, name: 大村, members: [甲村]}
            - {id: small, name: 小村, members: [乙村]}`;

  it('is valid with groups that exist and thresholds that fall within each group', () => {
    expectFindings(
      yaml`
        rubric: x
        ${GROUPS}
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: excellent, name: 优秀, quota: {max: 1}, min_score: {large: 92, small: 100}}
          - {id: good, name: 良好, min_score: {large: 80, small: 90}}
          - {id: pass, name: 合格}
      `,
      [],
    );
  });

  it('threshold-order within a group: the small group’s 良好 100 is not below its 优秀 100', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        ${GROUPS}
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: excellent, name: 优秀, quota: {max: 1}, min_score: {large: 92, small: 100}}
          - {id: good, name: 良好, min_score: {large: 80, small: «100»}}
          - {id: pass, name: 合格}
      `,
      'threshold-order',
    );
    assert.equal(finding.message.en, 'min_score 100 of "良好" in 小村 is not below 100 of "优秀", the tier above');
    assert.equal(finding.message['zh-CN'], '小村中，“良好”的最低分 100 未低于上一等次“优秀”的 100');
  });

  it('unknown-reference at a key that names no group; threshold-unreachable at an entry above the best possible', () => {
    expectFindings(
      yaml`
        rubric: x
        ${GROUPS}
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: excellent, name: 优秀, quota: {max: 1}, min_score: {«larg»: 92, small: «101»}}
          - {id: pass, name: 合格}
      `,
      ['unknown-reference', 'threshold-unreachable'],
    );
  });
});
