import { strict as assert } from 'assert';
import { MEASURED_RUBRIC, MEASURED_SHEET } from '../support/measured';
import { analyze } from '../support/rubric-core';
import { analyzeSheet, exact, subjectNamed, table } from '../support/scoresheet';

/**
 * Points from measurements in a scoresheet, worked by hand: a formula over the inputs, a group
 * figure (功效系数法), a leaf scored out of 100, per-case amounts within a range with a cap and a
 * floor, and a subject's inapplicable item rescaled away (缺项比率计分法).
 */
describe('measured points in a scoresheet', () => {
  const analysis = analyzeSheet(MEASURED_SHEET, MEASURED_RUBRIC);

  it('the rubric and the sheet check clean', () => {
    assert.deepEqual(analyze(MEASURED_RUBRIC).findings, []);
    assert.deepEqual(analysis.findings, []);
  });

  it('totals, ranks and tiers', () => {
    // forest (功效系数法): gains 1.2, 0.4, 2.0 → worst 0.4, best 2.0, best − worst = 1.6.
    // 古绛镇 water 8 / 10 × 30 × 80% = 19.2; satisfaction 20 − max(0, 90 − 87.5) × 1 = 17.5;
    //   forest 60% × 10 + (1.2 − 0.4) / 1.6 × 40% × 10 = 6 + 2 = 8; review 88 × 30 / 100 = 26.4;
    //   safety fire 5 + 4 = 9, capped at 8, never below 3 → 7 off: 10 − 7 = 3.
    //   19.2 + 17.5 + 8 + 26.4 + 3 = 74.1
    // 横水镇 water 10 / 10 × 30 × 80% = 24; satisfaction 20 − max(0, −5) = 20; forest 6 + 0 = 6;
    //   review 70 × 30 / 100 = 21; safety fire 2 + drill 1 × 1 = 3 off → 7.  24 + 20 + 6 + 21 + 7 = 78
    // 卫庄镇 water does not apply; satisfaction 20 − 30 = −10, counted as 0; forest 6 + 4 = 10;
    //   review 30; safety 10. 0 + 10 + 30 + 10 = 50 over 100 − 30 = 70 applicable points:
    //   50 ÷ 70 × 100 = 71.428571… → 71.43.
    assert.deepEqual(table(analysis), {
      古绛镇: ['74.1', 2, 0],
      横水镇: ['78', 1, 0],
      卫庄镇: ['71.43', 3, 0],
    });
  });

  it('the steps show each measured working, the limit, the cap and floor, and the rescaling', () => {
    const steps = (name: string) => subjectNamed(analysis, name).steps.map((s) => [s.label.en, exact(s.points), s.working?.en]);
    assert.deepEqual(steps('古绛镇'), [
      ['断面水质达标', '19.2', '8 / 10 × 30 × 80% = 19.2'],
      ['群众满意度', '17.5', '20 − max(0, 90 − 87.5) × 1 = 17.5'],
      ['森林覆盖率提升', '8', 'if(2 = 0.4, 10, 60% × 10 + (1.2 − 0.4) / (2 − 0.4) × 40% × 10) = 8'],
      ['年度述职', '26.4', '88 × 30 / 100 = 26.4'],
      ['安全生产', '10', undefined],
      ['Deductions: 安全生产', '-7', 'fire: 5 + 4 = 9, capped at 8; never below 3: 7 taken off'],
    ]);
    const wei = steps('卫庄镇');
    assert.deepEqual(wei[0], ['断面水质达标', '0', 'does not apply']);
    assert.deepEqual(wei[1], ['群众满意度', '0', '20 − max(0, 90 − 60) × 1 = −10, counted as 0 (never below its floor)']);
    // 71.428571… − 50: the rescaling's step, then the rounding's.
    assert.equal(wei[5][0], 'Items that do not apply (rescaled)');
    assert.equal(wei[5][2], '50 ÷ 70 × 100 ≈ 71.4286 (the items that apply are worth 70)');
    const zh = subjectNamed(analysis, '卫庄镇').steps[1].working?.['zh-CN'];
    assert.equal(zh, '20 − max(0, 90 − 60) × 1 = −10，计 0 分（不低于最低得分）');
  });

  it('a result above the weight is counted at the weight', () => {
    // reached 15 of 10 sections is no error of the sheet (reached has no max): 15 / 10 × 30 × 80% = 36 → 30.
    const sheet = MEASURED_SHEET.replace('{reached: 8, sections: 10}', '{reached: 15, sections: 10}');
    const over = analyzeSheet(sheet, MEASURED_RUBRIC);
    const step = subjectNamed(over, '古绛镇').steps[0];
    assert.equal(exact(step.points), '30');
    assert.equal(step.working?.en, '15 / 10 × 30 × 80% = 36, counted as 30 (at most its points)');
    // 74.1 − 19.2 + 30 = 84.9
    assert.equal(exact(subjectNamed(over, '古绛镇').total), '84.9');
  });

  it('the group figures move with any subject of the group: 横水镇 recording a lower gain changes 古绛镇', () => {
    // gains 1.2, −0.4, 2.0 → worst −0.4, best 2.0, spread 2.4: 古绛镇 6 + 1.6 / 2.4 × 4 = 8.666…67 (20 places);
    // 74.1 − 8 + 8.66666666666666666667 = 74.76666…67 → 74.77.
    const sheet = MEASURED_SHEET.replace('forest: {gain: 0.4}', 'forest: {gain: -0.4}');
    assert.equal(exact(subjectNamed(analyzeSheet(sheet, MEASURED_RUBRIC), '古绛镇').total), '74.77');
  });

  it('every subject with the same gain: the if gives the full weight (no division by best − worst = 0)', () => {
    const sheet = MEASURED_SHEET.replace('gain: 1.2', 'gain: 2').replace('gain: 0.4', 'gain: 2').replace('gain: 2.0', 'gain: 2');
    const same = analyzeSheet(sheet, MEASURED_RUBRIC);
    assert.deepEqual(same.findings, []);
    // 古绛镇 74.1 − 8 + 10 = 76.1
    assert.equal(exact(subjectNamed(same, '古绛镇').total), '76.1');
  });

  it('points written for a measured leaf make the total unknown (the sheet says why), not a second figure', () => {
    const sheet = MEASURED_SHEET.replace('points: {review: 88}', 'points: {review: 88, water: 20}');
    const wrote = analyzeSheet(sheet, MEASURED_RUBRIC);
    assert.equal(subjectNamed(wrote, '古绛镇').total, undefined);
    assert.ok(wrote.findings.length > 0);
  });

  it('an item listed as not applicable without not_applicable: rescale leaves the total unknown', () => {
    const unsettled = analyzeSheet(MEASURED_SHEET, MEASURED_RUBRIC.replace('not_applicable: rescale\n', ''));
    assert.equal(subjectNamed(unsettled, '卫庄镇').total, undefined);
    assert.equal(exact(subjectNamed(unsettled, '古绛镇').total), '74.1');
  });
});
