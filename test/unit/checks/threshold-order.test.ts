import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('threshold-order', () => {
  it('underlines a min_score above the one of the tier above it', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: excellent, name: 优秀, quota: {exactly: 20%}, min_score: 90}
          - {id: good, name: 良好, min_score: 70}
          - {id: pass, name: 合格, min_score: «75»}
          - {id: fail, name: 不合格}
      `,
      'threshold-order',
    );
    assert.match(finding.message.en, /75 of "合格" is not below 70 of "良好"/);
    assert.match(finding.message['zh-CN'], /最低分 75.*良好.*70/);
  });

  it('gives no finding when scores fall from best to worst', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: 优秀, min_score: 85}
          - {name: 良好, min_score: 70}
          - {name: 一般, min_score: 60}
          - {name: 较差}
      `,
      [],
    );
  });

  it('flags an equal score: it must fall', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, min_score: 85}
          - {name: B, min_score: «85»}
      `,
      'threshold-order',
    );
  });

  it('compares across a tier without min_score', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, min_score: 85}
          - {name: B}
          - {name: C, min_score: 60}
      `,
      [],
    );
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, min_score: 85}
          - {name: B}
          - {name: C, min_score: «90»}
      `,
      'threshold-order',
    );
    assert.match(finding.message.en, /90 of "C" is not below 85 of "A"/);
  });

  it('flags every step up, each against the tier just above', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, min_score: 70}
          - {name: B, min_score: «80»}
          - {name: C, min_score: «90»}
      `,
      'threshold-order',
    );
  });

  it('compares decimals exactly', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, min_score: 85.5}
          - {name: B, min_score: 85.4}
          - {name: C, min_score: «85.5»}
      `,
      'threshold-order',
    );
  });
});
