import { strict as assert } from 'assert';
import { expectSheetFindings } from '../../support/expect-findings';
import { MEASURED_RUBRIC } from '../../support/measured';
import { yaml } from '../../support/yaml-text';

/** A sheet of one subject, with its measured map and deductions written in. */
function one(measured: string, deductions = '{}'): string {
  return yaml`
    rubric: r.rubric.yaml
    scores:
      - subject: 古绛镇
        measured: ${measured}
        points: {review: 88}
        deductions: {safety: ${deductions}}
  `;
}

const CLEAN = '{water: {reached: 8, sections: 10}, satisfaction: {rate: 87.5}, forest: {gain: 1}}';

describe('input-out-of-range', () => {
  it('at a recorded figure above its max, with its unit and range, in both languages', () => {
    const [finding] = expectSheetFindings(MEASURED_RUBRIC, one(CLEAN.replace('rate: 87.5', 'rate: «120»')), 'input-out-of-range');
    assert.equal(finding.message.en, '120% is outside what rate (满意度) may be: from 0 to 100');
    assert.equal(finding.message['zh-CN'], '120% 超出“满意度”的取值范围：应为 0 至 100');
  });

  it('at a figure below a min with no max; the ends themselves are allowed', () => {
    const [finding] = expectSheetFindings(MEASURED_RUBRIC, one(CLEAN.replace('sections: 10', 'sections: «0»')), 'input-out-of-range');
    assert.equal(finding.message.en, '0 is outside what sections (断面总个数) may be: at least 1');
    assert.equal(finding.message['zh-CN'], '0 超出“断面总个数”的取值范围：应不小于 1');
    expectSheetFindings(MEASURED_RUBRIC, one(CLEAN.replace('sections: 10', 'sections: 1').replace('rate: 87.5', 'rate: 100')), []);
    expectSheetFindings(MEASURED_RUBRIC, one(CLEAN.replace('rate: 87.5', 'rate: 0')), []);
  });

  it('at a per-case amount outside its range (5 and 2 are its ends, 5.5 and 1.9 are not)', () => {
    const findings = expectSheetFindings(MEASURED_RUBRIC, one(CLEAN, '{fire: [5, «5.5», 2, «1.9»]}'), 'input-out-of-range');
    assert.equal(findings[0].message.en, "5.5 is outside fire's range of 2–5 per case");
    assert.equal(findings[0].message['zh-CN'], '5.5 超出“fire”每次扣分的范围 2—5');
  });

  it('at a count written where amounts are set case by case, and at amounts where the points are fixed', () => {
    const [count, amounts] = expectSheetFindings(MEASURED_RUBRIC, one(CLEAN, '{fire: «2», drill: «[1]»}'), 'input-out-of-range');
    assert.equal(count.message.en, 'fire takes an amount per case within 2–5: write one per case, as [2]');
    assert.equal(count.message['zh-CN'], '“fire”按次在 2—5 分之间确定扣分：请逐次填写扣分数额，如 [2]');
    assert.equal(amounts.message.en, 'drill takes a fixed 1 per case: write the number of cases');
    assert.equal(amounts.message['zh-CN'], '“drill”每次固定扣 1 分：请填写次数');
  });

  it('more than one amount for a one-off rule', () => {
    const rubric = MEASURED_RUBRIC.replace('{id: drill, points: 1, per: 次}', '{id: leak, points: [1, 3], when: 发生泄漏}');
    const [finding] = expectSheetFindings(rubric, one(CLEAN, '{leak: «[1, 2]»}'), 'input-out-of-range');
    assert.equal(finding.message.en, 'leak is a one-off deduction: one amount at most');
    assert.equal(finding.message['zh-CN'], '“leak”为一次性扣分：最多填写一个扣分数额');
  });

  describe('integer: true (a count, a yes/no)', () => {
    const counted = MEASURED_RUBRIC.replace('{id: reached, name: 达标断面个数, min: 0}', '{id: reached, name: 达标断面个数, unit: 个, min: 0, integer: true}');
    const yesNo = yaml`
      rubric: 舟山治水（节选）
      indicators:
        - id: national
          name: 国控断面水环境质量
          weight: 50
          scoring:
            inputs:
              - {id: ratio, name: 国控断面Ⅲ类以上水质比例, unit: '%', min: 0, max: 100}
              - {id: met, name: 达到年度任务书要求（是 1，否 0）, min: 0, max: 1, integer: true}
            formula: 'if(met = 1, ratio% × weight, ratio% × weight × 0.8)'
        - {id: other, name: 其余条目, weight: 50}
      tiers: [{name: 优秀}]
    `;
    const sheet = (met: string) => yaml`
      rubric: r.rubric.yaml
      scores:
        - subject: 普陀区
          measured: {national: {ratio: 80, met: ${met}}}
          points: {other: 40}
    `;

    it('a count of 7.5 sections, at the figure, in both languages', () => {
      const [finding] = expectSheetFindings(counted, one(CLEAN.replace('reached: 8', 'reached: «7.5»')), 'input-out-of-range');
      assert.equal(finding.message.en, '7.5个 is not a whole number: reached (达标断面个数) must be a whole number');
      assert.equal(finding.message['zh-CN'], '7.5个 不是整数：“达标断面个数”须为整数');
    });

    it('a yes/no of 0.5 is refused; 0, 1 and 1.0 are not', () => {
      const [finding] = expectSheetFindings(yesNo, sheet('«0.5»'), 'input-out-of-range');
      assert.equal(finding.message.en, '0.5 is not a whole number: met (达到年度任务书要求（是 1，否 0）) must be a whole number');
      assert.equal(finding.message['zh-CN'], '0.5 不是整数：“达到年度任务书要求（是 1，否 0）”须为整数');
      for (const met of ['0', '1', '1.0']) expectSheetFindings(yesNo, sheet(met), []);
    });

    it('outside min/max and fractional: the range is said (one finding)', () => {
      const [finding] = expectSheetFindings(yesNo, sheet('«1.5»'), 'input-out-of-range');
      assert.equal(finding.message.en, '1.5 is outside what met (达到年度任务书要求（是 1，否 0）) may be: from 0 to 1');
    });

    it('without integer, 0.5 is a figure like any other', () => {
      expectSheetFindings(yesNo.replace(', integer: true', ''), sheet('0.5'), []);
    });
  });
});
