import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('quota-conflict', () => {
  it('underlines a bound written beside `exactly`', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: 优秀, quota: {exactly: 30%, «max»: 40%}}
          - {name: 良好}
      `,
      'quota-conflict',
    );
    assert.match(finding.message.en, /"优秀".*exactly/);
    assert.match(finding.message['zh-CN'], /优秀.*exactly/);
  });

  it('underlines both min and max beside `exactly`', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%, «min»: 20%, «max»: 40%}}
          - {name: B}
      `,
      'quota-conflict',
    );
  });

  it('underlines a min percentage above the max, without needing N', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: 优秀, quota: {min: «40%», max: 30%}}
          - {name: 良好}
      `,
      'quota-conflict',
    );
    assert.match(finding.message.en, /min 40% is above max 30%/);
    assert.match(finding.message['zh-CN'], /40%.*30%/);
  });

  it('reports a min above the max once when N is known too', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: «40%», max: 30%}}
          - {name: B}
      `,
      'quota-conflict',
    );
  });

  it('compares a count min with a percentage max by their slots for N', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: «3», max: 20%}}
          - {name: B}
      `,
      'quota-conflict',
    );
    assert.match(finding.message.en, /10 subjects.*3 slots.*2/);
  });

  it('underlines a count min above a count max for N', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: «4», max: 3}}
          - {name: B}
      `,
      'quota-conflict',
    );
  });

  it('underlines a count min above a count max even without N (they contradict for every N)', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: «4», max: 3}}
          - {name: B}
      `,
      'quota-conflict',
    );
  });

  it('accepts min below max', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: 20%, max: 40%}}
          - {name: B}
      `,
      [],
    );
  });
});
