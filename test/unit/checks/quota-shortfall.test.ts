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

  it('needs N: without subjects it is information, at which sizes of 5–40 the caps leave subjects out', () => {
    // 30% + 50% place about 80% of N: at 5, 1.5 → 2 and 2.5 → 3 still place all 5; from 6 on never
    // (6: 1.8 → 2, 3 → 3 = 5 of 6), so 35 sizes, 6–40. B's cap 0.5 × N rounded half-up is above 50% at
    // every odd N: 5, 7, …, 39 (18 sizes), which floor keeps.
    const [tiers, cap] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        «tiers»:
          - {name: A, quota: {exactly: 30%}}
          - {name: B, quota: {max: «50%»}}
      `,
      'quota-range',
    );
    assert.match(tiers.message.en, /35 of the sizes 5–40: 6, 7, 8,/);
    assert.doesNotMatch(tiers.message.en, /largest-remainder/);
    assert.match(cap.message.en, /18 of the sizes 5–40: 5, 7, 9,.* 39; "rounding: floor" keeps it/);
  });

  it('names largest-remainder where every share is fixed and they add up to 100%', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        subjects: 10
        rounding: floor
        indicators:
          - {name: a, weight: 100}
        «tiers»:
          - {name: 优秀, quota: {exactly: 25%}}
          - {name: 良好, quota: {exactly: 65%}}
          - {name: 一般, quota: {exactly: 10%}}
      `,
      'quota-shortfall',
    );
    // floor: 2 + 6 + 1 = 9 of 10; largest remainder: floors 2 / 6 / 1, the one left to .5 / .5 → the better tier: 3 / 6 / 1.
    assert.match(finding.message.en, /place 9 of the 10.*rounding.*largest-remainder.*优秀 3 \+ 良好 6 \+ 一般 1/);
    assert.match(finding.message['zh-CN'], /向下取整.*最大余数法/);
  });
});
