import { strict as assert } from 'assert';
import { MEASURED_RUBRIC, MEASURED_SHEET } from '../support/measured';
import { analyze, core } from '../support/rubric-core';
import { exact } from '../support/scoresheet';
import { assertSame, lookupOf, session } from '../support/scoresheet-session';

/**
 * The scoresheet session on a measured sheet, edit by edit: a change of one subject's figure that
 * a group figure reads moves the others' totals; a change of the rubric's formula or inputs is
 * seen at once. Each step equals a whole analysis (the random edits are in test/soak).
 */
describe('scoresheet session with measured points', function () {
  this.timeout(60000);

  function step(sheet: ReturnType<typeof session>, text: string, rubric: string) {
    const lookup = lookupOf(analyze(rubric));
    const mine = sheet.update(text, lookup);
    const fresh = core().analyzeScoresheet(text, lookup);
    const offsets = [text.indexOf('gain'), text.indexOf('rate'), text.indexOf('reached'), text.indexOf('fire'), text.length];
    assertSame(mine, fresh, offsets, text);
    return Object.fromEntries(mine.subjects.map((s) => [s.subject, exact(s.total)]));
  }

  it("a gain edited in one entry moves every subject's forest points; a rate, only its own", () => {
    const sheet = session();
    const lookup = lookupOf(analyze(MEASURED_RUBRIC));
    sheet.update(MEASURED_SHEET, lookup);
    // 横水镇's gain 0.4 → −0.4: worst −0.4, spread 2.4. 古绛镇 6 + 1.6 / 2.4 × 4 = 8.67 (74.77);
    // 横水镇 still the worst: 6 (78); 卫庄镇 still the best: 10 (71.43).
    const moved = MEASURED_SHEET.replace('forest: {gain: 0.4}', 'forest: {gain: -0.4}');
    assert.deepEqual(step(sheet, moved, MEASURED_RUBRIC), { 古绛镇: '74.77', 横水镇: '78', 卫庄镇: '71.43' });
    assert.equal(sheet.lastPath, 'incremental');
    // 古绛镇's rate 87.5 → 88.5: 17.5 → 18.5, its total only: 75.77. Nothing the group reads changed.
    const own = moved.replace('rate: 87.5', 'rate: 88.5');
    assert.deepEqual(step(sheet, own, MEASURED_RUBRIC), { 古绛镇: '75.77', 横水镇: '78', 卫庄镇: '71.43' });
    assert.equal(sheet.lastPath, 'incremental');
    assert.equal(sheet.lastEvaluated, 1);
  });

  it('a gain deleted from one entry leaves every forest total unknown, and written back restores them', () => {
    const sheet = session();
    step(sheet, MEASURED_SHEET, MEASURED_RUBRIC);
    const without = MEASURED_SHEET.replace(', forest: {gain: 2.0}', '');
    assert.deepEqual(step(sheet, without, MEASURED_RUBRIC), { 古绛镇: undefined, 横水镇: undefined, 卫庄镇: undefined });
    assert.deepEqual(step(sheet, MEASURED_SHEET, MEASURED_RUBRIC), { 古绛镇: '74.1', 横水镇: '78', 卫庄镇: '71.43' });
  });

  it("the rubric's formula, an input's range and a leaf's out_of edited under the open sheet", () => {
    const sheet = session();
    step(sheet, MEASURED_SHEET, MEASURED_RUBRIC);
    // × 80% → × 90%: 古绛镇 water 8 / 10 × 30 × 0.9 = 21.6 (+2.4: 76.5), 横水镇 27 (+3: 81).
    const ninety = MEASURED_RUBRIC.replace('× weight × 80%', '× weight × 90%');
    assert.deepEqual(step(sheet, MEASURED_SHEET, ninety), { 古绛镇: '76.5', 横水镇: '81', 卫庄镇: '71.43' });
    // rate may now be at most 90: 横水镇's 95 is out of range, its total unknown.
    const capped = ninety.replace("unit: '%', min: 0, max: 100", "unit: '%', min: 0, max: 90");
    const lookup = lookupOf(analyze(capped));
    const analysis = sheet.update(MEASURED_SHEET, lookup);
    assert.deepEqual(
      analysis.findings.map((f) => f.code),
      ['input-out-of-range'],
    );
    assertSame(analysis, core().analyzeScoresheet(MEASURED_SHEET, lookup), [MEASURED_SHEET.indexOf('95')], 'max 90');
    // review out of 200: 古绛镇 88 × 30 / 200 = 13.2 (−13.2: 63.3).
    const outOf = ninety.replace('weight: 30, out_of: 100', 'weight: 30, out_of: 200');
    assert.equal(step(sheet, MEASURED_SHEET, outOf)['古绛镇'], '63.3');
  });
});
