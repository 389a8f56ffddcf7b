import { strict as assert } from 'assert';
import { expectSheetFindings } from '../../support/expect-findings';
import { MEASURED_RUBRIC } from '../../support/measured';
import { analyzeSheet, subjectNamed } from '../../support/scoresheet';
import { yaml } from '../../support/yaml-text';

// sections may be 0 here: the rubric warns (formula-range), and a sheet that records 0 cannot be worked out.
const RUBRIC = MEASURED_RUBRIC.replace('{id: sections, name: 断面总个数, min: 1}', '{id: sections, name: 断面总个数, min: 0}');

const SHEET = yaml`
  rubric: r.rubric.yaml
  scores:
    - subject: 古绛镇
      measured: {water: {reached: 8, sections: 10}, satisfaction: {rate: 87.5}, forest: {gain: 1}}
      points: {review: 88}
    - subject: «横水镇»
      measured: {water: {reached: 0, sections: 0}, satisfaction: {rate: 95}, forest: {gain: 2}}
      points: {review: 70}
`;

describe('formula-undefined', () => {
  it("at the subject's name, with the working that cannot be finished and why, in both languages", () => {
    const [finding] = expectSheetFindings(RUBRIC, SHEET, 'formula-undefined');
    assert.equal(
      finding.message.en,
      '横水镇: the formula of 断面水质达标: 0 / 0 × 30 × 80%: cannot be worked out, it divides by zero: sections (断面总个数) is 0',
    );
    assert.equal(finding.message['zh-CN'], '横水镇：“断面水质达标”的计分公式 0 / 0 × 30 × 80%：无法计算，除数“断面总个数”为 0');
  });

  it('the subject has no total; the others are scored', () => {
    const analysis = analyzeSheet(SHEET.replace(/[«»]/g, ''), RUBRIC);
    assert.equal(subjectNamed(analysis, '横水镇').total, undefined);
    // 古绛镇: 19.2 + 17.5 + forest (gains 1, 2: worst 1) 6 + 0 = 6 + 26.4 + safety 10 = 79.1
    assert.equal(subjectNamed(analysis, '古绛镇').total?.toFixed(), '79.1');
  });

  it('not when an if rules the zero out', () => {
    const guarded = RUBRIC.replace('formula: reached / sections × weight × 80%', "formula: 'if(sections = 0, 0, reached / sections × weight × 80%)'");
    expectSheetFindings(guarded, SHEET.replace(/[«»]/g, ''), []);
  });
});
