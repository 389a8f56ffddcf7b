import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('quota-empty', () => {
  it('underlines a percentage that gives 0 slots: 10 subjects × 4% = 0.4 → 0', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: [冷口村, 桑池村, 南冷口村, 北冷口村, 冷家庄村, 西峪村, 东峪村, 柳沟村, 老庄村, 新庄村]
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: 较好, quota: {exactly: 30%}}
          - {name: 一般}
          - {name: 较差, quota: {exactly: «4%»}}
      `,
      'quota-empty',
    );
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message.en, /"较差".*10 × 4% = 0\.4 → 0.*min-one/);
    assert.match(finding.message['zh-CN'], /0\.4 → 0.*不足1个按1个/);
  });

  it('underlines a cap that rounds to 0, advising a larger cap rather than min-one (which would break it)', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: «4%»}}
          - {name: B}
      `,
      'quota-empty',
    );
    assert.doesNotMatch(finding.message.en, /min-one/);
  });

  it('gives no finding when half-up reaches one slot: 10 × 5% = 0.5 → 1', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B}
          - {name: C, quota: {exactly: 5%}}
      `,
      [],
    );
  });

  it('gives no finding with `rounding: min-one` on the quota or on the rubric', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B}
          - {name: C, quota: {exactly: 4%, rounding: min-one}}
      `,
      [],
    );
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        rounding: min-one
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B}
          - {name: C, quota: {exactly: 4%}}
      `,
      [],
    );
  });

  it('needs N: without subjects a small percentage is only information, the sizes where it is empty', () => {
    // 4% of N rounded half-up is 0 while 0.04 × N < 0.5, that is N ≤ 12: the sizes 5 to 12 of 5–40.
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: «4%»}}
          - {name: B}
      `,
      'quota-range',
    );
    assert.equal(finding.severity, 'info');
    assert.match(finding.message.en, /8 of the sizes 5–40: 5, 6, 7, 8, 9, 10, 11, 12; "rounding: min-one" keeps it/);
    assert.match(finding.message['zh-CN'], /四舍五入.*8 种人数.*不足1个按1个/);
  });
});
