import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('quota-overflow', () => {
  it('underlines a count above N: `exactly: 30` means thirty subjects, not 30%', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: «30»}}
          - {name: B}
          - {name: C}
      `,
      'quota-overflow',
    );
    assert.match(finding.message.en, /30 is more than the 10 subjects.*30%/);
    assert.match(finding.message['zh-CN'], /名额 30 超过考核对象总数 10.*30%/);
  });

  it('takes N from the length of the subjects list, and checks every bound', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: [横水镇, 卫庄镇, 安峪镇]
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: «4»}}
          - {name: B}
      `,
      'quota-overflow',
    );
  });

  it('accepts a count equal to N', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 10}}
          - {name: B}
      `,
      [],
    );
  });

  it('underlines the percentage that takes exactly and min quotas above 100%, even without N', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 60%}}
          - {name: B, quota: {min: «50%»}}
          - {name: C}
      `,
      'quota-overflow',
    );
    assert.match(finding.message.en, /110%/);
    assert.match(finding.message['zh-CN'], /110%/);
  });

  it('reports percentages above 100% once when N is known too', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 60%}}
          - {name: B, quota: {min: «50%»}}
          - {name: C}
      `,
      'quota-overflow',
    );
  });

  it('accepts exactly and min quotas that add up to 100%', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 60%}}
          - {name: B, quota: {min: 40%}}
          - {name: C}
      `,
      [],
    );
  });

  it('does not count max quotas as reserved', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: 70%}}
          - {name: B, quota: {max: 70%}}
          - {name: C}
      `,
      [],
    );
  });

  it('underlines `tiers:` when rounded slots need more than N: 10 × 55% → 6 and 10 × 45% → 5', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        «tiers»:
          - {name: A, quota: {exactly: 55%}}
          - {name: B, quota: {min: 45%}}
          - {name: C}
      `,
      'quota-overflow',
    );
    assert.match(finding.message.en, /need 11 of the 10 subjects/);
    assert.match(finding.message['zh-CN'], /共需 11 个.*只有 10 个/);
  });

  it('underlines `tiers:` when counts that each fit need more than N together', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        «tiers»:
          - {name: A, quota: {exactly: 6}}
          - {name: B, quota: {min: 5}}
          - {name: C}
      `,
      'quota-overflow',
    );
  });
});
