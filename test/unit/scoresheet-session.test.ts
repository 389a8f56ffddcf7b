import { strict as assert } from 'assert';
import { scoresheetHover } from 'rubric-studio-server';
import { generateScoresheet } from '../support/generate-scoresheet';
import { analyze, core } from '../support/rubric-core';
import { assertSame, lookupOf, sample, session } from '../support/scoresheet-session';

/**
 * A scoresheet's session against a whole analysis, on edits worked by hand: what one edit of the
 * sheet parses and totals again, and what each change of its rubric keeps. The random edits are in
 * test/soak/scoresheet-equivalence.test.ts.
 */

describe('scoresheet session equals a fresh whole analysis', function () {
  this.timeout(120000);

  it('refuses a sheet nested past the limit as a whole analysis does, though an entry alone is not (the columns around it count)', () => {
    // 97 brackets in a flow mapping at column 4: 101 levels in the file, 100 in the entry alone.
    const text = `rubric: x.rubric.yaml\nscores:\n  - subject: a\n    points: {x: 1}\n  - subject: b\n    points: {x: ${'['.repeat(97)}${']'.repeat(97)}}\n`;
    const lookup = lookupOf(undefined);
    const sheet = session();
    sheet.update(text.replace('{x: 1}', '{x: 2}'), lookup);
    const analysis = sheet.update(text, lookup);
    assert.deepEqual(
      analysis.findings.map((f) => f.code),
      ['yaml-syntax'],
    );
    assertSame(analysis, core().analyzeScoresheet(text, lookup), [0, text.indexOf('[')], 'nested past the limit');
  });

  it('parses again only the entry an edit touched, and works out only its total', () => {
    const generated = generateScoresheet({ leaves: 20, subjects: 40, seed: 2 });
    const lookup = lookupOf(analyze(generated.rubric));
    const sheet = session();
    sheet.update(generated.sheet, lookup);
    const at = generated.sheet.indexOf(': ', generated.sheet.indexOf('subject: 考核单位021')) + 2;
    const edited = generated.sheet.slice(0, at) + '9' + generated.sheet.slice(at);
    const analysis = sheet.update(edited, lookup);
    assert.equal(sheet.lastPath, 'incremental');
    assert.equal(sheet.lastEvaluated, 1);
    // The entry's own lines (one character longer now) and the next one's indentation (2), nothing else.
    const start = generated.sheet.indexOf('  - subject: 考核单位021');
    assert.equal(sheet.lastParsed, generated.sheet.indexOf('  - subject: 考核单位022') - start + 1 + 2);
    assertSame(analysis, core().analyzeScoresheet(edited, lookup), [at], 'one entry edited');
  });
});

describe('scoresheet session under a changing rubric', function () {
  this.timeout(120000);

  /** The rubric's text edited `how`, analysed: a new analysis object, as the server makes on each keystroke. */
  const forestRubric = sample('forest-chief-2022.rubric.yaml');
  const forestSheet = sample('forest-chief-2022.scores.yaml');

  it('works totals out again from the kept entries when a weight changes, without parsing the sheet', () => {
    const sheet = session();
    sheet.update(forestSheet, lookupOf(analyze(forestRubric)));
    // 林木管护 (rangers) 3.5 → 4.5: its group's sum is off then, and every township's total is as
    // before; what changed is a figure of the rubric, so every entry is worked out again.
    const changed = forestRubric.replace(/weight: 3\.5\b/, 'weight: 4.5');
    assert.notEqual(changed, forestRubric);
    const lookup = lookupOf(analyze(changed));
    const analysis = sheet.update(forestSheet, lookup);
    assert.equal(sheet.lastPath, 'incremental');
    assert.equal(sheet.lastParsed, 0);
    assert.equal(sheet.lastTotalled, 10);
    assertSame(analysis, core().analyzeScoresheet(forestSheet, lookup), [0], 'a weight changed');
  });

  it('keeps every total when only a text the totals do not read changes (a criteria), and still ranks against the new analysis', () => {
    const sheet = session();
    sheet.update(forestSheet, lookupOf(analyze(forestRubric)));
    const changed = forestRubric.replace(/criteria: /, 'criteria: 好');
    assert.notEqual(changed, forestRubric);
    const rubric = analyze(changed);
    const analysis = sheet.update(forestSheet, lookupOf(rubric));
    assert.equal(sheet.lastEvaluated, 0);
    assert.equal(sheet.lastTotalled, 0);
    assert.equal(analysis.rubric?.found && analysis.rubric.analysis, rubric);
    assertSame(analysis, core().analyzeScoresheet(forestSheet, lookupOf(rubric)), [0], 'a criteria changed');
  });

  it('keeps every total when only a name changes, and shows the new name in the findings and the working', () => {
    const sheet = session();
    // 么里镇's 3 points of 林木管护 (rangers) taken out: a missing score that names the leaf.
    const withGap = forestSheet.replace(', rangers: 3.5}\n    veto', '}\n    veto');
    sheet.update(withGap, lookupOf(analyze(forestRubric)));
    const changed = forestRubric.replace('name: 护林员队伍管理', 'name: 护林员管理').replace('name: 国土绿化', 'name: 国土绿化美化');
    assert.notEqual(changed, forestRubric);
    const lookup = lookupOf(analyze(changed));
    const analysis = sheet.update(withGap, lookup);
    assert.equal(sheet.lastTotalled, 0);
    assert.equal(sheet.lastEvaluated, 10);
    assert.ok(analysis.findings.some((f) => f.code === 'missing-score' && f.message['zh-CN'].includes('护林员管理 (rangers)')));
    const hover = scoresheetHover(analysis, withGap.indexOf('subject: 古绛镇') + 10, 'zh-CN')?.markdown ?? '';
    assert.ok(hover.includes('国土绿化美化'), hover);
    assertSame(analysis, core().analyzeScoresheet(withGap, lookup), [withGap.indexOf('subject: 古绛镇') + 10], 'a name changed');
  });

  it('follows a name, an id, a tier quota and a veto changed in the rubric, the rubric lost and found again', () => {
    const sheet = session();
    const versions = [
      forestRubric,
      forestRubric.replace('name: 火灾防控成效', 'name: 火灾防控'),
      forestRubric.replace('id: fire\n', 'id: fires\n'),
      forestRubric.replace('exactly: 30%', 'exactly: 40%'),
      forestRubric.replace('tier: average}', 'bars: [excellent]}'),
      undefined,
      forestRubric,
      forestRubric.replace('weight: 22', 'weight: 2'),
      forestRubric.slice(0, forestRubric.indexOf('tiers:')),
      forestRubric,
    ];
    for (const [i, version] of versions.entries()) {
      if (i > 0 && version !== undefined && i !== 6 && i !== 9) assert.notEqual(version, forestRubric, `version ${i} changes nothing`);
      const lookup = lookupOf(version === undefined ? undefined : analyze(version));
      const analysis = sheet.update(forestSheet, lookup);
      // The sheet is parsed once, at the start; each rubric after that is applied to the entries kept.
      if (i > 0) assert.equal(sheet.lastParsed, 0, `version ${i}`);
      assertSame(analysis, core().analyzeScoresheet(forestSheet, lookup), [forestSheet.indexOf('fire: 22')], `version ${i}`);
    }
  });
});
