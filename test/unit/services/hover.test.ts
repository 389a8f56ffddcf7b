import { strict as assert } from 'assert';
import { hover, HoverResult, Locale, scoresheetHover } from 'rubric-studio-server';
import { atCursor, slices } from '../../support/cursor';
import { analyze, core } from '../../support/rubric-core';
import { analyzeSheet } from '../../support/scoresheet';
import { GROUPED_RUBRIC, RIVER_RUBRIC } from '../../support/service-samples';

/**
 * Hover, straight from the core (no server): `|` is the cursor, «…» the span the hover must
 * cover. The figures are worked by hand in the comments. The protocol suite asks the same over
 * stdio; test/unit/services/scoresheet-services.test.ts hovers a subject's working and the samples.
 */

/** The rubric hover at the cursor of a marked document, its span checked against the one «…». */
function rubricHover(marked: string, locale: Locale = 'en'): string {
  const { text, offset, spans } = atCursor(marked);
  return spanned(text, hover(analyze(text), offset, locale, core().schemaDocs), spans);
}

/** The scoresheet hover at the cursor of a marked sheet under GROUPED_RUBRIC. */
function sheetHover(marked: string, locale: Locale = 'en'): string {
  const { text, offset, spans } = atCursor(marked);
  return spanned(text, scoresheetHover(analyzeSheet(text, GROUPED_RUBRIC), offset, locale), spans);
}

function spanned(text: string, shown: HoverResult | undefined, spans: { start: number; end: number }[]): string {
  assert.ok(shown, 'a hover at the cursor');
  assert.deepEqual(slices(text, [shown.span]), slices(text, spans));
  assert.deepEqual(shown.span, spans[0]);
  return shown.markdown;
}

/** RIVER_RUBRIC with `needle` marked: `«` before it, `|` after `cursorAt` of its characters, `»` after it. */
function river(needle: string, cursorAt = 1, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = RIVER_RUBRIC.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const end = at + needle.length;
  return `${RIVER_RUBRIC.slice(0, at)}«${needle.slice(0, cursorAt)}|${needle.slice(cursorAt)}»${RIVER_RUBRIC.slice(end)}`;
}

describe('hover: rubric', () => {
  it('a tier without a quota: the slots left to it and their share, in both languages', () => {
    // 12 subjects: 优秀 3 (25%), 良好 4 (30% of 12 = 3.6, half-up), so 较差 has 12 − 3 − 4 = 5: 5 / 12 = 41.67%.
    const en = rubricHover(river('较差'));
    assert.match(en, /^\*\*较差\*\*\n\n12 subjects: 5 \(41\.67%\)$/);
    assert.equal(rubricHover(river('较差'), 'zh-CN'), '**较差**\n\n12 个考核对象：5 (41.67%)');
  });

  it('a quota bound: its working under the rubric’s rounding, and what every other rounding gives', () => {
    // 12 × 30% = 3.6: half-up 4, floor 3, ceil 4, min-one 4.
    const en = rubricHover(river('30%'));
    assert.match(en, /^\*\*良好\*\*\n\n12 subjects: 4 \(33\.33%\)/);
    assert.match(en, /\*\*exactly\*\*: `12 × 30% = 3\.6 → 4` \(half-up\)/);
    assert.match(en, /Other roundings: half-up 4 · floor 3 · ceil 4 · min-one 4$/);
    assert.match(rubricHover(river('30%'), 'zh-CN'), /`12 × 30% = 3\.6 → 4` \(half-up（四舍五入）\)/);
  });

  it('a group without a weight: the weight its items add up to, its share, and its id', () => {
    // 巡河记录 25 + 问题整改 15 = 40 of a total of 100.
    const en = rubricHover(river('巡河履职'));
    assert.equal(
      en,
      [
        '**巡河履职**',
        '',
        'Weight: 40 (derived from its items)',
        '',
        'Share of the whole: 40% (40 / 100)',
        '',
        'Items add up to: Σ 40 ✓',
        '',
        'id: `patrol`',
      ].join('\n'),
    );
    assert.match(rubricHover(river('巡河履职'), 'zh-CN'), /^分值: 40（由下级指标合计得出）$/m);
  });

  it("a leaf's weight: the leaf under its group's name, its weight and share", () => {
    const en = rubricHover(river('15'));
    assert.match(en, /^\*\*巡河履职 › 问题整改\*\*\n\nWeight: 15\n\nShare of the whole: 15% \(15 \/ 100\)\n\nid: `issues`$/);
  });

  it('a tier of a rubric that does not say how many it assesses: no slots, and why', () => {
    const without = RIVER_RUBRIC.replace('subjects: 12\n', '');
    const at = without.indexOf('优秀');
    const marked = `${without.slice(0, at)}«优|秀»${without.slice(at + 2)}`;
    assert.equal(rubricHover(marked), '**优秀**\n\nThe rubric does not state its subjects, so no slots can be worked out.');
    assert.equal(rubricHover(marked, 'zh-CN'), '**优秀**\n\n未填写考核对象数量（subjects），无法计算名额。');
  });

  it('nothing over a method name, a veto name or a comment', () => {
    for (const needle of ['台账核查', '重大水污染事件']) {
      const at = RIVER_RUBRIC.indexOf(needle) + 1;
      assert.equal(hover(analyze(RIVER_RUBRIC), at, 'en', core().schemaDocs), undefined, needle);
    }
    const commented = `# 说明\n${RIVER_RUBRIC}`;
    assert.equal(hover(analyze(commented), 3, 'en', core().schemaDocs), undefined);
  });
});

describe('hover: scoresheet', () => {
  const entry = (lines: string[]) => ['rubric: river.rubric.yaml', 'scores:', '  - subject: 甲镇', ...lines].join('\n');

  // A rule has an id and no name: the hover is headed by the id.
  it('a deduction rule counted per case: its points, what a case is, its cap, and what to write', () => {
    const en = sheetHover(entry(['    deductions: {river: {«li|tter»: 3}}']));
    assert.equal(en, '**litter**\n\n−0.5 per case (每发现一处垃圾), at most 4: write the cases');
    const zh = sheetHover(entry(['    deductions: {river: {«li|tter»: 3}}']), 'zh-CN');
    assert.equal(zh, '**litter**\n\n每次扣 0.5 分（每发现一处垃圾），最多扣 4 分：填写次数');
  });

  it('a deduction rule taken once: its points, when it applies, and to write 1', () => {
    const en = sheetHover(entry(['    deductions: {river: {«no-|record»: 1}}']));
    assert.equal(en, '**no-record**\n\n−2 once if it happened (未建立巡河台账): write 1');
  });

  it('a penalty item: its points per case', () => {
    assert.equal(sheetHover(entry(['    penalties: {«comp|laint»: 2}'])), '**被群众有效投诉 (complaint)**\n\nPenalty: 1 per case (次): write the cases');
    assert.equal(sheetHover(entry(['    penalties: {«comp|laint»: 2}']), 'zh-CN'), '**被群众有效投诉 (complaint)**\n\n减分: 1，按次（次）：填写次数');
  });

  it('a rater group under by: its name and weight', () => {
    const marked = entry(['    by:', '      «cad|res»: {river: 30, water: 50}', '      public: {river: 35, water: 55}']);
    assert.equal(sheetHover(marked), '**干部评议 (cadres)**\n\nWeight 60%');
  });

  it('a veto that bars a tier: which tier it bars', () => {
    assert.equal(sheetHover(entry(['    veto: [«disc|ipline»]'])), '**受到党纪政务处分 (discipline)**\n\nBars 优秀');
    assert.equal(sheetHover(entry(['    veto: [«disc|ipline»]']), 'zh-CN'), '**受到党纪政务处分 (discipline)**\n\n不得评为优秀');
  });

  it('an indicator in tie-break: what the rubric says of it', () => {
    const marked = ['rubric: river.rubric.yaml', 'ties: break', 'tie-break: [«wa|ter»]', 'scores: []'].join('\n');
    assert.equal(sheetHover(marked), '**水质达标**\n\nWeight: 60\n\nShare of the whole: 60% (60 / 100)\n\nid: `water`');
  });

  it('nothing over a score or the rubric path', () => {
    const sheet = entry(['    points: {water: 58}']);
    const analysis = analyzeSheet(sheet, GROUPED_RUBRIC);
    for (const needle of ['58', 'river.rubric']) assert.equal(scoresheetHover(analysis, sheet.indexOf(needle) + 1, 'en'), undefined, needle);
  });
});
