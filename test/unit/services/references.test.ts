import { strict as assert } from 'assert';
import { definition, references, rename, renameIndicatorInScoresheet, renameTarget, scoresheetDefinition } from 'rubric-studio-server';
import { atCursor, OffsetSpan, slices } from '../../support/cursor';
import { analyze } from '../../support/rubric-core';
import { analyzeSheet } from '../../support/scoresheet';
import { GROUPED_RUBRIC, RIVER_RUBRIC } from '../../support/service-samples';

/**
 * Definition, references and rename, straight from the core (no server): `|` is the cursor, «…»
 * the places the answer must name, in text order. The protocol suite renames a tier over stdio
 * and across open scoresheets; test/unit/services/scoresheet-services.test.ts goes from a sample
 * sheet's indicator, subject and veto to the rubric.
 */

/** `needle`'s `nth` occurrences in `text`, each marked «…», and the cursor after `cursorAt` characters of occurrence `cursorIn`. */
function mark(text: string, needle: RegExp, cursorIn: number, cursorAt = 1): string {
  let index = 0;
  return text.replace(needle, (found) => {
    const marked = index === cursorIn ? `«${found.slice(0, cursorAt)}|${found.slice(cursorAt)}»` : `«${found}»`;
    index++;
    return marked;
  });
}

/** The spans a rename's edits replace, and the text they put there. */
function edited(text: string, edits: readonly { span: OffsetSpan; newText: string }[] | undefined): [string, string][] {
  assert.ok(edits, 'a rename at the cursor');
  return edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]);
}

describe('definition, references and rename: rubric', () => {
  it('the documents of these tests have no findings', () => {
    assert.deepEqual(analyze(RIVER_RUBRIC).findings, []);
    assert.deepEqual(analyze(GROUPED_RUBRIC).findings, []);
  });

  it('a method: defined in methods, referred to by the indicators that name it', () => {
    // review: its id, then 巡河记录 [review] and 问题整改 [review, visit].
    const { text, offset, spans } = atCursor(mark(RIVER_RUBRIC, /\breview\b/g, 2, 3));
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, offset), spans[0]);
    assert.deepEqual(slices(text, references(analysis, offset, true)), ['review', 'review', 'review']);
    assert.deepEqual(references(analysis, offset, true), spans);
    assert.deepEqual(references(analysis, offset, false), spans.slice(1));
    assert.deepEqual(renameTarget(analysis, offset), { span: spans[2], placeholder: 'review', kind: 'method' });
    assert.deepEqual(edited(text, rename(analysis, offset, '台账')), [
      ['review', '台账'],
      ['review', '台账'],
      ['review', '台账'],
    ]);
  });

  it('a new name YAML cannot take bare is written quoted', () => {
    const { text, offset } = atCursor(mark(RIVER_RUBRIC, /\bvisit\b/g, 0));
    const edits = rename(analyze(text), offset, 'site visit: 暗访');
    assert.deepEqual(edited(text, edits), [
      ['visit', '"site visit: 暗访"'],
      ['visit', '"site visit: 暗访"'],
      ['visit', '"site visit: 暗访"'],
    ]);
  });

  it("an indicator named by a veto's when: from the veto to the indicator, and renamed in both", () => {
    const { text, offset, spans } = atCursor(mark(RIVER_RUBRIC, /\bwater\b/g, 1, 2));
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, offset), spans[0]);
    assert.deepEqual(references(analysis, offset, true), spans);
    assert.equal(renameTarget(analysis, offset)?.kind, 'indicator');
    assert.deepEqual(edited(text, rename(analysis, offset, 'quality')), [
      ['water', 'quality'],
      ['water', 'quality'],
    ]);
  });

  it("an indicator without an id is renamed where its name is written, so the veto's reference still holds", () => {
    const nameless = RIVER_RUBRIC.replace('  - id: water\n    name: 水质达标\n', '  - name: 水质达标\n').replace('indicator: water', 'indicator: 水质达标');
    const { text, offset, spans } = atCursor(mark(nameless, /水质达标/g, 0));
    const analysis = analyze(text);
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(references(analysis, offset, true), spans);
    const renamed = edited(text, rename(analysis, offset, '水质'));
    assert.deepEqual(renamed, [
      ['水质达标', '水质'],
      ['水质达标', '水质'],
    ]);
  });

  it("a tier forced by a veto: the veto's tier leads to the tier's id", () => {
    const { text, offset, spans } = atCursor(mark(RIVER_RUBRIC, /\bpoor\b/g, 0));
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, offset), spans[1]);
    assert.deepEqual(references(analysis, offset, false), [spans[0]]);
    assert.deepEqual(renameTarget(analysis, offset), { span: spans[0], placeholder: 'poor', kind: 'tier' });
  });

  it('nothing to go to or rename on a weight, a name that is no id, or a key', () => {
    const analysis = analyze(RIVER_RUBRIC);
    for (const needle of ['60\n', '台账核查', 'weight', '乡镇河长制考核']) {
      const at = RIVER_RUBRIC.indexOf(needle) + 1;
      assert.equal(definition(analysis, at), undefined, needle);
      assert.deepEqual(references(analysis, at, true), [], needle);
      assert.equal(renameTarget(analysis, at), undefined, needle);
      assert.equal(rename(analysis, at, 'x'), undefined, needle);
    }
  });
});

describe('definition and rename: scoresheet', () => {
  const SHEET = [
    'rubric: river.rubric.yaml',
    'ties: break',
    'tie-break: [water, river]',
    'scores:',
    '  - subject: 甲镇',
    '    deductions: {river: {litter: 3, no-record: 1}}',
    '    penalties: {complaint: 2}',
    '    by:',
    '      cadres: {water: 50}',
    '      public: {water: 55}',
    '  - subject: 环保局',
    '    group: depts',
    '    points: {water: 58}',
    '',
  ].join('\n');
  const analysis = analyzeSheet(SHEET, GROUPED_RUBRIC);

  /** Where in GROUPED_RUBRIC the thing at `needle` (+ `within`) of the sheet is defined. */
  const definedAt = (needle: string, within = 1) => {
    const at = SHEET.indexOf(needle);
    assert.ok(at >= 0, needle);
    const span = scoresheetDefinition(analysis, at + within)?.span;
    return span && [GROUPED_RUBRIC.slice(span.start, span.end), GROUPED_RUBRIC.slice(0, span.start).split('\n').length];
  };

  it('from the rubric path to the rubric’s own first key', () => {
    assert.deepEqual(definedAt('river.rubric.yaml'), ['rubric', 1]);
  });

  it('from a group, a deduction rule, a penalty, a rater and a tie-break indicator to its id in the rubric (text and line)', () => {
    assert.deepEqual(definedAt('depts'), ['depts', 5]);
    assert.deepEqual(definedAt('no-record'), ['no-record', 16]);
    assert.deepEqual(definedAt('complaint'), ['complaint', 21]);
    assert.deepEqual(definedAt('public'), ['public', 8]);
    assert.deepEqual(definedAt('river]'), ['river', 10]);
    assert.deepEqual(definedAt('water: 55'), ['water', 17]);
  });

  it('nothing from a score or a subject the rubric counts but does not name', () => {
    assert.equal(definedAt('58'), undefined);
    assert.equal(definedAt('环保局'), undefined);
  });

  it("an indicator renamed in the rubric: the sheet's points, every rater's points and tie-break follow", () => {
    const edits = renameIndicatorInScoresheet(analysis, 'water', '水质');
    assert.deepEqual(
      edits.map((e) => [SHEET.slice(e.span.start, e.span.end), SHEET.slice(0, e.span.start).split('\n').length, e.newText]),
      [
        ['water', 3, '水质'],
        ['water', 9, '水质'],
        ['water', 10, '水质'],
        ['water', 13, '水质'],
      ],
    );
  });
});
