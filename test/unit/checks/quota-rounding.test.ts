import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('quota-rounding', () => {
  it("warns at the `30%` value for the contract's case: 15 × 30% = 4.5 → 5 (half-up) = 33.3%, and names floor", () => {
    const [finding] = expectFindings(
      yaml`
        rubric: Small Business Grant Review
        subjects: 15
        rounding: half-up
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {id: funded, name: Funded, quota: {max: «30%»}}
          - {name: Reserve list}
          - {name: Declined}
      `,
      'quota-rounding',
    );
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message.en, /4\.5 → 5.*33\.3%.*30% cap.*floor/);
    assert.match(finding.message['zh-CN'], /33\.3%.*floor（向下取整）/);
  });

  it('warns the same when half-up is only the default', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 15
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: «30%»}}
          - {name: B}
      `,
      'quota-rounding',
    );
  });

  it('gives no warning with `rounding: floor` on the rubric or on the quota', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 15
        rounding: floor
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: 30%}}
          - {name: B}
      `,
      [],
    );
    expectFindings(
      yaml`
        rubric: x
        subjects: 15
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: 30%, rounding: floor}}
          - {name: B}
      `,
      [],
    );
  });

  it('gives no warning when half-up rounds a cap down: 37 × 30% = 11.1 → 11', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 37
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: 30%}}
          - {name: B}
      `,
      [],
    );
  });

  it('warns at a min rounded below its floor (15 × 22% = 3.3 → 3) and names ceil', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 15
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: «22%»}}
          - {name: B}
      `,
      'quota-rounding',
    );
    assert.match(finding.message.en, /3\.3 → 3.*20%.*22% floor.*ceil/);
    assert.match(finding.message['zh-CN'], /低于下限 22%.*进一法/);
  });

  it('does not warn about `exactly`: it fixes the slots as rounded', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 15
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B}
      `,
      [],
    );
  });
});
