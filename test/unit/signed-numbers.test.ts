import { strict as assert } from 'assert';
import { hover, inlayHints, summarize } from 'rubric-studio-server';
import { analyze, core } from '../support/rubric-core';
import { analyzeSheet, exact } from '../support/scoresheet';

/**
 * YAML 1.2 lets a number carry a plus sign (`+100`, `+0`, `+100.0`, `+1e2`). Such a number once
 * ended the command line with "[big.js] Invalid number" and left the file without diagnostics,
 * hovers or summary in the editor: each spelling must read as the number it is.
 */

const rubricWith = (weight: string, points = '20') => `rubric: T
subjects: [甲, 乙]
indicators:
  - {id: a, name: A, weight: ${weight}}
  - {id: b, name: B, weight: 20, scoring: {levels: [{points: ${points}, when: 好}, {points: 10, when: 差}]}}
tiers:
  - {id: top, name: 优秀, quota: {exactly: 50%}}
  - {id: rest, name: 一般}
`;

describe('signed numbers (+100, +1e2)', () => {
  for (const [spelling, value] of [
    ['+80', '80'],
    ['+80.0', '80'],
    ['+8e1', '80'],
    ['+.8e2', '80'],
  ]) {
    it(`reads weight ${spelling} as ${value} in the whole analysis, a session and the services`, () => {
      const text = rubricWith(spelling, '+20');
      const analysis = analyze(text);
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        [],
      );
      assert.equal(exact(analysis.documents[0].model.indicators.items[0].weight?.value), value);
      const session = core().createSession();
      session.update(text);
      const edited = session.update(text.replace('name: A', 'name: AA'));
      assert.deepEqual(
        edited.findings.map((f) => f.code),
        [],
      );
      assert.equal(summarize(analysis.documents[0]).total, 100);
      assert.ok(hover(analysis, text.indexOf(spelling), 'en', core().schemaDocs));
      assert.ok(inlayHints(analysis, { start: 0, end: text.length }, 'zh-CN').length > 0);
    });
  }

  it('reads +0 as zero: a weight of zero is a finding, not a crash', () => {
    const analysis = analyze(rubricWith('+0'));
    assert.deepEqual(
      analysis.findings.map((f) => [f.code, f.message.en]),
      [['schema', 'weight (Points) must be greater than 0']],
    );
  });

  it('totals a scoresheet whose scores and deductions are written with a plus sign', () => {
    const sheet = `rubric: t.rubric.yaml
scores:
  - subject: 甲
    points: {a: +70.5, b: +20}
  - subject: 乙
    points: {a: +6e1, b: 10}
`;
    const analysis = analyzeSheet(sheet, rubricWith('+80'));
    assert.deepEqual(
      analysis.subjects.map((s) => [s.subject, exact(s.total), s.rank]),
      [
        ['甲', '90.5', 1],
        ['乙', '70', 2],
      ],
    );
    assert.deepEqual(
      analysis.findings.map((f) => f.code),
      [],
    );
  });
});
