import { yaml } from './yaml-text';

/**
 * A rubric with every way of scoring from measurements, for the unit tests and the soak: the
 * 水十条 ratio (达标断面个数 / 断面总个数 × 分值 × 80%), 满意度低于90%每降低1%扣1分, the 功效系数法
 * placing among the group's worst and best, a 述职 scored out of 100 and counted at 30, a 安全生产
 * deduction set case by case within 2—5 (at most 8 for fire, never below 3), and 缺项比率计分法.
 * Weights 30 + 20 + 10 + 30 + 10 = 100.
 */
export const MEASURED_RUBRIC = yaml`
  rubric: 水污染防治与安全生产考核（测试用）
  total: 100
  precision: 2
  not_applicable: rescale
  indicators:
    - id: water
      name: 断面水质达标
      weight: 30
      scoring:
        inputs:
          - {id: reached, name: 达标断面个数, min: 0}
          - {id: sections, name: 断面总个数, min: 1}
        formula: reached / sections × weight × 80%
    - id: satisfaction
      name: 群众满意度
      weight: 20
      scoring:
        inputs: [{id: rate, name: 满意度, unit: '%', min: 0, max: 100}]
        formula: 'weight − max(0, 90 − rate) × 1'
    - id: forest
      name: 森林覆盖率提升
      weight: 10
      scoring:
        inputs: [{id: gain, name: 提升幅度}]
        formula: 'if(best(gain) = worst(gain), weight, 60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight)'
    - {id: review, name: 年度述职, weight: 30, out_of: 100}
    - id: safety
      name: 安全生产
      weight: 10
      scoring:
        floor: 3
        deduct:
          - {id: fire, points: [2, 5], per: 次, max: 8}
          - {id: drill, points: 1, per: 次}
  tiers: [{name: 优秀}]
`;

/** Three towns scored on MEASURED_RUBRIC, worked by hand in test/unit/measured-points.test.ts. */
export const MEASURED_SHEET = yaml`
  rubric: measured.rubric.yaml
  scores:
    - subject: 古绛镇
      measured: {water: {reached: 8, sections: 10}, satisfaction: {rate: 87.5}, forest: {gain: 1.2}}
      points: {review: 88}
      deductions: {safety: {fire: [5, 4]}}
    - subject: 横水镇
      measured:
        water: {reached: 10, sections: 10}
        satisfaction: {rate: 95}
        forest: {gain: 0.4}
      points: {review: 70}
      deductions: {safety: {fire: [2], drill: 1}}
    - subject: 卫庄镇
      measured: {satisfaction: {rate: 60}, forest: {gain: 2.0}}
      points: {review: 100}
      not_applicable: [water]
`;
