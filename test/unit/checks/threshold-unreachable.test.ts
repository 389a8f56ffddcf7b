import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('threshold-unreachable', () => {
  it('underlines a min_score above the total when there is no bonus', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: 优秀, min_score: «101»}
          - {name: 良好, min_score: 60}
      `,
      'threshold-unreachable',
    );
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message.en, /"优秀".*101.*best possible 100/);
    assert.match(finding.message['zh-CN'], /最低分 101.*最高可能得分 100/);
  });

  it('allows a min_score equal to the total', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, min_score: 100}
          - {name: B}
      `,
      [],
    );
  });

  it('adds the bonus cap: 105 is reachable with cap 5, 106 is not', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          cap: 5
          items: [{name: 经验做法被省级推广, points: 3}, {name: 媒体报道, points: 4}]
        tiers:
          - {name: A, min_score: 105}
          - {name: B}
      `,
      [],
    );
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          cap: 5
          items: [{name: 经验做法被省级推广, points: 3}, {name: 媒体报道, points: 4}]
        tiers:
          - {name: A, min_score: «106»}
          - {name: B}
      `,
      'threshold-unreachable',
    );
    assert.match(finding.message.en, /best possible 105 \(total 100 \+ bonus 5\)/);
    assert.match(finding.message['zh-CN'], /105（总分 100 \+ 加分 5）/);
  });

  it('without a cap, counts the bonus items added up: 3 + 4 makes 107 reachable and 107.5 not', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          items: [{name: 推广, points: 3}, {name: 报道, points: 4}]
        tiers:
          - {name: A, min_score: 107}
          - {name: B}
      `,
      [],
    );
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          items: [{name: 推广, points: 3}, {name: 报道, points: 4}]
        tiers:
          - {name: A, min_score: «107.5»}
          - {name: B}
      `,
      'threshold-unreachable',
    );
    assert.match(finding.message.en, /107\.5.*best possible 107/);
  });

  it('uses the written total', () => {
    expectFindings(
      yaml`
        rubric: x
        total: 50
        indicators:
          - {name: a, weight: 50}
        tiers:
          - {name: A, min_score: «60»}
          - {name: B}
      `,
      'threshold-unreachable',
    );
  });

  it('does not cascade from a bonus cap written as text', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        bonus:
          cap: «"五分"»
          items: [{name: 推广, points: 3}]
        tiers:
          - {name: A, min_score: 104}
          - {name: B}
      `,
      'schema',
    );
  });
});
