import { strict as assert } from 'assert';
import { complete, CompletionEntry, Locale, scoresheetCompletion } from 'rubric-studio-server';
import { atCursor } from '../../support/cursor';
import { analyze, core } from '../../support/rubric-core';
import { analyzeSheet } from '../../support/scoresheet';
import { GROUPED_RUBRIC, RIVER_RUBRIC } from '../../support/service-samples';

/**
 * Completion, straight from the core (no server): `|` is the cursor, «…» the word an entry
 * replaces. The protocol suite asks for the rounding modes, the indicator snippets, an
 * indicator's keys and a veto's tier over stdio; test/unit/services/scoresheet-services.test.ts
 * completes subjects, leaves, rules, bonus and veto ids in a sample's sheet.
 */

function rubricEntries(marked: string, locale: Locale = 'en'): { entries: CompletionEntry[]; spans: { start: number; end: number }[] } {
  const { text, offset, spans } = atCursor(marked);
  return { entries: complete(analyze(text), offset, locale, core().schemaDocs), spans };
}

function sheetEntries(marked: string, locale: Locale = 'en'): CompletionEntry[] {
  const { text, offset } = atCursor(marked);
  return scoresheetCompletion(analyzeSheet(text, GROUPED_RUBRIC), offset, locale);
}

/** RIVER_RUBRIC with `line` put in place of `replaced` (a line of it). */
function riverWith(replaced: string, line: string): string {
  assert.ok(RIVER_RUBRIC.includes(replaced), replaced);
  return RIVER_RUBRIC.replace(replaced, line);
}

describe('completion: rubric', () => {
  it("an indicator's methods: the method ids, each with its name", () => {
    const { entries } = rubricEntries(riverWith('    methods: [visit]', '    methods: [visit, |]'));
    assert.deepEqual(
      entries.map((e) => [e.label, e.kind, e.detail]),
      [
        ['review', 'reference', '台账核查'],
        ['visit', 'reference', '实地暗访'],
      ],
    );
  });

  it('replaces the whole word around the cursor, the part before it and the part after', () => {
    const { entries, spans } = rubricEntries(riverWith('total: 100', 'total: 100\nrounding: «fl|oo»'));
    assert.deepEqual(
      entries.map((e) => e.label),
      ['half-up', 'floor', 'ceil', 'min-one', 'largest-remainder'],
    );
    for (const entry of entries) assert.deepEqual(entry.replace, spans[0], entry.label);
  });

  it('a new line under tiers: a tier with a quota, as a snippet with its dash', () => {
    const { entries } = rubricEntries(riverWith('tiers:\n', 'tiers:\n  |\n'));
    assert.deepEqual(
      entries.map((e) => [e.label, e.kind, e.snippet]),
      [['tier with a quota', 'snippet', true]],
    );
    assert.match(entries[0].insertText, /^- id: \$\{1:excellent\}\n {2}name: \$\{2:Excellent\}\n {2}quota: \{\$\{3\|exactly,max,min\|\}: \$\{4:30%\}\}$/);
    const [zh] = rubricEntries(riverWith('tiers:\n', 'tiers:\n  |\n'), 'zh-CN').entries;
    assert.equal(zh.label, '带名额的等次');
    assert.match(zh.insertText, /name: \$\{2:优秀\}/);
  });

  it('a new line at the top level: the keys not yet written, each with its title', () => {
    const { entries } = rubricEntries(riverWith('total: 100\n', 'total: 100\n|\n'));
    const labels = entries.map((e) => e.label);
    for (const written of ['rubric', 'subjects', 'total', 'methods', 'indicators', 'veto', 'tiers']) assert.ok(!labels.includes(written), written);
    for (const free of ['issuer', 'period', 'rounding', 'bonus', 'penalties', 'raters']) assert.ok(labels.includes(free), free);
    const rounding = entries.find((e) => e.label === 'rounding')!;
    assert.equal(rounding.insertText, 'rounding: ');
    assert.ok(rounding.detail && rounding.documentation, 'rounding has a title and a description');
  });

  it("a veto's tier and a veto's indicator: the tier ids, the indicator ids of every level", () => {
    const tier = rubricEntries(riverWith('tier: poor}', 'tier: |}')).entries;
    assert.deepEqual(
      tier.map((e) => [e.label, e.detail]),
      [
        ['excellent', '优秀'],
        ['good', '良好'],
        ['poor', '较差'],
      ],
    );
    const indicator = rubricEntries(riverWith('indicator: water,', 'indicator: |,')).entries;
    assert.deepEqual(
      indicator.map((e) => e.label),
      ['patrol', 'log', 'issues', 'water'],
    );
  });

  it('nothing inside a name or a number', () => {
    assert.deepEqual(rubricEntries(riverWith('name: 水质达标', 'name: 水质|达标')).entries, []);
    assert.deepEqual(rubricEntries(riverWith('weight: 60', 'weight: 6|0')).entries, []);
  });
});

describe('completion: scoresheet', () => {
  const sheet = (...lines: string[]) => ['rubric: river.rubric.yaml', 'scores:', ...lines].join('\n');

  it("an entry's group: the group ids with their names", () => {
    const entries = sheetEntries(sheet('  - subject: 环保局', '    group: |'));
    assert.deepEqual(
      entries.map((e) => [e.label, e.detail]),
      [
        ['towns', '乡镇序列'],
        ['depts', '部门序列'],
      ],
    );
  });

  it('under by: the rater groups not yet written, then under a rater the leaves it scores', () => {
    const raters = sheetEntries(sheet('  - subject: 甲镇', '    by:', '      cadres: {water: 50}', '      |'));
    assert.deepEqual(
      raters.map((e) => [e.label, e.insertText]),
      [['public', 'public: ']],
    );
    // river is scored by deductions (扣分制): only water takes points.
    const leaves = sheetEntries(sheet('  - subject: 甲镇', '    by:', '      cadres:', '        |'));
    assert.deepEqual(
      leaves.map((e) => e.label),
      ['water'],
    );
  });

  it('under deductions: the leaves scored by deduction; under penalties: the penalty items', () => {
    assert.deepEqual(
      sheetEntries(sheet('  - subject: 甲镇', '    deductions:', '      |')).map((e) => e.label),
      ['river'],
    );
    assert.deepEqual(
      sheetEntries(sheet('  - subject: 甲镇', '    penalties: {|}')).map((e) => [e.label, e.detail]),
      [['complaint', '被群众有效投诉']],
    );
  });

  it('tie-break: every indicator id; ties: the three modes, described in the language asked', () => {
    assert.deepEqual(
      sheetEntries(['rubric: r', 'ties: break', 'tie-break: [|]', 'scores: []'].join('\n')).map((e) => e.label),
      ['river', 'water'],
    );
    const zh = sheetEntries(['rubric: r', 'ties: |', 'scores: []'].join('\n'), 'zh-CN');
    assert.deepEqual(
      zh.map((e) => [e.label, e.detail]),
      [
        ['flag', '按文件顺序确定并提示'],
        ['share', '均取较高等次，超出名额'],
        ['break', '按 tie-break 指标依次比较'],
      ],
    );
  });

  it('subjects: the members of the named groups not yet scored (a counted group names none)', () => {
    const entries = sheetEntries(sheet('  - subject: 甲镇', '  - subject: |'));
    assert.deepEqual(
      entries.map((e) => e.label),
      ['乙镇'],
    );
  });
});
