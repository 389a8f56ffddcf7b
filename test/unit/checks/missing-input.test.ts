import { strict as assert } from 'assert';
import { expectSheetFindings } from '../../support/expect-findings';
import { MEASURED_RUBRIC } from '../../support/measured';
import { yaml } from '../../support/yaml-text';

describe('missing-input', () => {
  it("at the subject's name: an input not written, and one written blank, each named with its indicator", () => {
    const [first, second] = expectSheetFindings(
      MEASURED_RUBRIC,
      yaml`
        rubric: r.rubric.yaml
        scores:
          - subject: «古绛镇»
            measured: {water: {reached: 8}, satisfaction: {rate: 87.5}, forest: {gain: 1}}
            points: {review: 88}
          - subject: «横水镇»
            measured: {water: {reached: 10, sections: 10}, satisfaction: {rate: }, forest: {gain: 1}}
            points: {review: 70}
      `,
      'missing-input',
    );
    assert.equal(first.message.en, '古绛镇: not recorded under measured: 断面水质达标: sections (断面总个数); those indicators are not scored yet');
    assert.equal(first.message['zh-CN'], '古绛镇：measured 中未记录 断面水质达标：“断面总个数”，相应指标暂无法计分');
    assert.match(second.message.en, /^横水镇: not recorded under measured: 群众满意度: rate \(满意度\);/);
  });

  it('one finding per subject, listing every gap; the other subjects of the group are not blamed for the group figure', () => {
    // 卫庄镇 lacks gain: best(gain) / worst(gain) are not known for anyone, but only 卫庄镇 is told.
    const [finding] = expectSheetFindings(
      MEASURED_RUBRIC,
      yaml`
        rubric: r.rubric.yaml
        scores:
          - subject: 古绛镇
            measured: {water: {reached: 8, sections: 10}, satisfaction: {rate: 90}, forest: {gain: 1}}
            points: {review: 88}
          - subject: «卫庄镇»
            measured: {water: {}}
            points: {review: 100}
      `,
      'missing-input',
    );
    assert.equal(
      finding.message.en,
      '卫庄镇: not recorded under measured: 断面水质达标: reached (达标断面个数), sections (断面总个数); 群众满意度: rate (满意度); 森林覆盖率提升: gain (提升幅度); those indicators are not scored yet',
    );
    assert.equal(
      finding.message['zh-CN'],
      '卫庄镇：measured 中未记录 断面水质达标：“达标断面个数”、“断面总个数”；群众满意度：“满意度”；森林覆盖率提升：“提升幅度”，相应指标暂无法计分',
    );
  });

  it('not for an item the subject lists as not applicable', () => {
    expectSheetFindings(
      MEASURED_RUBRIC,
      yaml`
        rubric: r.rubric.yaml
        scores:
          - subject: 卫庄镇
            measured: {satisfaction: {rate: 60}, forest: {gain: 2.0}}
            points: {review: 100}
            not_applicable: [water]
      `,
      [],
    );
  });
});
