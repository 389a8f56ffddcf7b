import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('quota-shortfall', () => {
  it('underlines `tiers:` when every tier is capped and the caps leave subjects without a tier', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        «tiers»:
          - {name: A, quota: {exactly: 30%}}
          - {name: B, quota: {max: 50%}}
      `,
      'quota-shortfall',
    );
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message.en, /at most 8 of the 10 subjects/);
    assert.match(finding.message['zh-CN'], /最多 8 个.*10 个/);
  });

  it('counts count caps too', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        «tiers»:
          - {name: A, quota: {max: 3}}
          - {name: B, quota: {max: 3}}
      `,
      'quota-shortfall',
    );
    assert.match(finding.message.en, /at most 6 of the 10/);
  });

  it('gives no finding when the caps place every subject', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B, quota: {max: 70%}}
      `,
      [],
    );
  });

  it('gives no finding when a tier without a quota takes the rest', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B, quota: {max: 20%}}
          - {name: C}
      `,
      [],
    );
  });

  it('needs N: without subjects there is nothing to place', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B, quota: {max: 50%}}
      `,
      [],
    );
  });
});
