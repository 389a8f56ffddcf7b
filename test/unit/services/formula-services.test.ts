import { strict as assert } from 'assert';
import {
  complete,
  hover,
  inlayHints,
  rename,
  renameInputInScoresheet,
  renameRefusal,
  renameTarget,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetRenameRefusal,
} from 'rubric-studio-server';
import { atCursor, slices } from '../../support/cursor';
import { MEASURED_RUBRIC, MEASURED_SHEET } from '../../support/measured';
import { analyze, core } from '../../support/rubric-core';
import { analyzeSheet } from '../../support/scoresheet';

/**
 * The services of points from measurements, straight from the core: in a rubric's formula (hover
 * on a name, completion of the inputs' ids, the range of points beside it, rename of an input);
 * in a scoresheet (the points beside each measured indicator, the working in the hover, an
 * input's range, a deduction set within a range). `|` is the cursor, «…» the span to cover.
 */

/** MEASURED_RUBRIC with `needle` (its nth occurrence) marked and the cursor after `cursorAt` of its characters. */
function mark(source: string, needle: string, cursorAt = 1, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = source.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return `${source.slice(0, at)}«${needle.slice(0, cursorAt)}|${needle.slice(cursorAt)}»${source.slice(at + needle.length)}`;
}

function rubricHover(marked: string, locale: 'en' | 'zh-CN' = 'en'): string {
  const { text, offset, spans } = atCursor(marked);
  const shown = hover(analyze(text), offset, locale, core().schemaDocs);
  assert.ok(shown, 'a hover at the cursor');
  assert.deepEqual(slices(text, [shown.span]), slices(text, spans));
  return shown.markdown;
}

function sheetHover(marked: string, locale: 'en' | 'zh-CN' = 'en'): string {
  const { text, offset, spans } = atCursor(marked);
  const shown = scoresheetHover(analyzeSheet(text, MEASURED_RUBRIC), offset, locale);
  assert.ok(shown, 'a hover at the cursor');
  assert.deepEqual(slices(text, [shown.span]), slices(text, spans));
  return shown.markdown;
}

describe('services: points from measurements', () => {
  describe('in a rubric', () => {
    it("hover on an input's id in the formula: its name, unit and range, in both languages", () => {
      assert.equal(rubricHover(mark(MEASURED_RUBRIC, 'sections', 2, 1)), '**断面总个数** · `sections`\n\nRecorded per subject under `measured`: at least 1');
      assert.equal(
        rubricHover(mark(MEASURED_RUBRIC, 'rate', 1, 1), 'zh-CN'),
        '**满意度** · `rate`（单位 %）\n\n在评分表的 `measured` 中为每个考核对象填写：0 至 100',
      );
    });

    it('hover on weight, on a function, and inside a group figure', () => {
      assert.equal(rubricHover(mark(MEASURED_RUBRIC, 'weight', 1, 1)), "**weight**\n\nThis indicator's points: 30");
      assert.match(rubricHover(mark(MEASURED_RUBRIC, 'max', 1, 1)), /^`max\(a, b, …\)`\n\nThe largest of the numbers$/);
      assert.match(
        rubricHover(mark(MEASURED_RUBRIC, 'gain', 1, 1)),
        /^\*\*提升幅度\*\* · `gain`\n\n.*any number\n\n`best\(gain\)`: over the subjects of the same group$/,
      );
    });

    it("hover elsewhere in the formula: the points it can give, over the inputs' ranges", () => {
      // weight − max(0, 90 − rate) × 1 over rate 0..100: 20 − 90 = −70 .. 20 → limited to 0 – 20.
      const { text, offset } = atCursor(MEASURED_RUBRIC.replace('90 − rate', '9|0 − rate'));
      const shown = hover(analyze(text), offset, 'en', core().schemaDocs);
      assert.match(shown!.markdown, /Points it can give: 0 – 20 \(over the inputs' min\/max/);
    });

    it("the indicator's hover shows the formula, its range and its inputs", () => {
      const markdown = rubricHover(mark(MEASURED_RUBRIC, 'water', 1));
      assert.match(
        markdown,
        /\*\*Formula\*\*: `reached \/ sections × weight × 80%`\n\nPoints it can give: 0 – 30\n\n- `reached` 达标断面个数\n- `sections` 断面总个数/,
      );
      assert.match(
        rubricHover(mark(MEASURED_RUBRIC, 'satisfaction', 1), 'zh-CN'),
        /\*\*计分公式\*\*：`weight − max\(0, 90 − rate\) × 1`\n\n可得分数：0 – 20\n\n- `rate` 满意度（%）/,
      );
    });

    it("a range deduction's hover reads 2–5, not ?", () => {
      assert.match(rubricHover(mark(MEASURED_RUBRIC, 'safety', 1)), /- 次: −2–5 each, at most 8/);
    });

    it('inlay beside each formula: the points it can give', () => {
      const analysis = analyze(MEASURED_RUBRIC);
      const hints = inlayHints(analysis, { start: 0, end: MEASURED_RUBRIC.length }, 'en').filter((h) => /–|^\d+$/.test(h.label));
      // At the end of each formula's value (after its closing quote).
      // water: reached has no max, so up to the weight 30; satisfaction 0 – 20; forest: gain unbounded: 0 – 10.
      const formulaEnd = (needle: string) => MEASURED_RUBRIC.indexOf(needle) + needle.length;
      assert.deepEqual(
        hints.map((h) => [h.offset, h.label]),
        [
          [formulaEnd('reached / sections × weight × 80%'), '0 – 30'],
          [formulaEnd("'weight − max(0, 90 − rate) × 1'"), '0 – 20'],
          [formulaEnd("40% × weight)'"), '0 – 10'],
        ],
      );
    });

    it('completion in a formula: the inputs, weight and the functions, replacing the name typed so far', () => {
      const { text, offset } = atCursor(MEASURED_RUBRIC.replace('reached / sections', 'reached / sec|tions'));
      const entries = complete(analyze(text), offset, 'en', core().schemaDocs);
      assert.deepEqual(
        entries.slice(0, 3).map((e) => [e.label, e.detail]),
        [
          ['reached', '达标断面个数'],
          ['sections', '断面总个数'],
          ['weight', "This indicator's points: 30"],
        ],
      );
      assert.ok(entries.some((e) => e.label === 'clamp' && e.insertText === 'clamp('));
      const start = text.indexOf('sections × weight');
      assert.deepEqual(entries[0].replace, { start, end: start + 'sections'.length });
    });

    it("rename of an input: its id and every use in its own formula, not another indicator's input of the same id", () => {
      const text = MEASURED_RUBRIC.replace("'weight − max(0, 90 − rate) × 1'", "'weight − max(0, 90 − rate) × 1 + 0 × rate'");
      const analysis = analyze(text);
      const at = text.indexOf('rate) × 1') + 1;
      assert.deepEqual(renameTarget(analysis, at), { span: { start: at - 1, end: at + 3 }, placeholder: 'rate', kind: 'input', indicator: 'satisfaction' });
      const edits = rename(analysis, at, '满意率')!;
      const renamed = edits.reduceRight((acc, e) => acc.slice(0, e.span.start) + e.newText + acc.slice(e.span.end), text);
      assert.match(renamed, /inputs: \[\{id: 满意率, name: 满意度/);
      assert.match(renamed, /formula: 'weight − max\(0, 90 − 满意率\) × 1 \+ 0 × 满意率'/);
      assert.equal(edits.length, 3);
      assert.deepEqual(analyze(renamed).findings, []);
    });

    it('rename refused in a formula on what is not an input id, saying why in both languages', () => {
      const analysis = analyze(MEASURED_RUBRIC);
      const refusal = (needle: string, delta = 1) => renameRefusal(analysis, MEASURED_RUBRIC.indexOf(needle) + delta);
      assert.deepEqual(refusal('weight × 80%'), {
        en: "`weight` is this indicator's points, not an input. Only an input's id can be renamed in a formula.",
        'zh-CN': '`weight` 是本指标的分值，不是输入项。公式中只能重命名输入项的标识。',
      });
      assert.deepEqual(refusal('max(0, 90'), {
        en: "`max` is a function of the formula language, not an input. Only an input's id can be renamed in a formula.",
        'zh-CN': '`max` 是公式语言的函数，不是输入项。公式中只能重命名输入项的标识。',
      });
      assert.deepEqual(refusal('80%'), { en: "Only an input's id can be renamed in a formula", 'zh-CN': '公式中只能重命名输入项的标识' });
      const unknown = analyze(MEASURED_RUBRIC.replace('reached / sections', 'reachd / sections'));
      assert.equal(
        renameRefusal(unknown, MEASURED_RUBRIC.indexOf('reached / sections') + 2)?.['zh-CN'],
        '`reachd` 不是本指标的输入项（见其 `inputs`）。公式中只能重命名输入项的标识。',
      );
      // An input's id, an indicator's id, and places outside formulas are not refused here.
      assert.equal(refusal('sections × weight'), undefined);
      assert.equal(refusal('id: water', 5), undefined);
      assert.equal(refusal('name: 断面水质达标', 7), undefined);
    });
  });

  describe('in a scoresheet', () => {
    it("follows an input's rename: its figures under that indicator, in flow and block maps, quoted when it must be", () => {
      const analysis = analyzeSheet(MEASURED_SHEET, MEASURED_RUBRIC);
      const edits = renameInputInScoresheet(analysis, 'water', 'reached', 'reached: count');
      const renamed = edits.reduceRight((acc, e) => acc.slice(0, e.span.start) + e.newText + acc.slice(e.span.end), MEASURED_SHEET);
      assert.equal(renamed, MEASURED_SHEET.replace(/\{reached:/g, '{"reached: count":'));
      assert.equal(edits.length, 2);
      assert.deepEqual(renameInputInScoresheet(analysis, 'satisfaction', 'reached', 'x'), []);
      assert.deepEqual(renameInputInScoresheet(analysis, 'water', 'reached', 'reached'), []);
    });

    it('a rename asked in the sheet on an input or an indicator says to rename it in the rubric, in both languages', () => {
      const analysis = analyzeSheet(MEASURED_SHEET, MEASURED_RUBRIC);
      assert.deepEqual(scoresheetRenameRefusal(analysis, MEASURED_SHEET.indexOf('reached: 8') + 2), {
        en: 'Rename the input reached (达标断面个数) in the rubric, where it is defined: its formula and the open scoresheets follow',
        'zh-CN': '请在考核细则中对输入项“达标断面个数”重命名（其定义所在处）：公式和已打开的评分表随之更新',
      });
      assert.deepEqual(scoresheetRenameRefusal(analysis, MEASURED_SHEET.indexOf('review: 88') + 1), {
        en: 'Rename the indicator review (年度述职) in the rubric, where it is defined: the open scoresheets follow',
        'zh-CN': '请在考核细则中对指标“年度述职”重命名（其定义所在处）：已打开的评分表随之更新',
      });
      // A figure, a subject: nothing to rename, nothing said.
      assert.equal(scoresheetRenameRefusal(analysis, MEASURED_SHEET.indexOf('reached: 8') + 'reached: '.length), undefined);
      assert.equal(scoresheetRenameRefusal(analysis, MEASURED_SHEET.indexOf('古绛镇') + 1), undefined);
    });

    it("hover on a measured indicator: the rubric's indicator and this subject's working", () => {
      const markdown = sheetHover(mark(MEASURED_SHEET, 'water', 1));
      assert.match(markdown, /^\*\*断面水质达标\*\*/);
      assert.match(markdown, /\*\*This subject\*\*: 8 \/ 10 × 30 × 80% = 19\.2$/);
      // 卫庄镇's satisfaction: −10 counted as 0.
      assert.match(
        sheetHover(mark(MEASURED_SHEET, 'satisfaction', 1, 2)),
        /\*\*This subject\*\*: 20 − max\(0, 90 − 60\) × 1 = −10, counted as 0 \(never below its floor\)$/,
      );
      assert.match(
        sheetHover(mark(MEASURED_SHEET, 'satisfaction', 1, 2), 'zh-CN'),
        /\*\*本考核对象\*\*：20 − max\(0, 90 − 60\) × 1 = −10，计 0 分（不低于最低得分）$/,
      );
    });

    it("hover on an input's id: what it is and its range", () => {
      assert.equal(sheetHover(mark(MEASURED_SHEET, 'rate', 1)), '**满意度** · `rate` (unit %)\n\nRecorded per subject under `measured`: 0 to 100');
    });

    it('hover on a deduction set within a range', () => {
      assert.equal(sheetHover(mark(MEASURED_SHEET, 'fire', 1)), '**fire**\n\n−2 to 5 per case (次), at most 8: write one amount per case, as [2]');
    });

    it('inlay beside each measured indicator: the points it comes to', () => {
      const hints = scoresheetInlayHints(analyzeSheet(MEASURED_SHEET, MEASURED_RUBRIC), 'en').filter((h) => h.label.startsWith('='));
      const after = (needle: string, nth = 0) => {
        let at = -1;
        for (let i = 0; i <= nth; i++) at = MEASURED_SHEET.indexOf(needle, at + 1);
        return at + needle.length;
      };
      assert.deepEqual(
        hints.map((h) => [h.offset, h.label]),
        [
          [after('{reached: 8, sections: 10}'), '= 19.2'],
          [after('{rate: 87.5}'), '= 17.5'],
          [after('{gain: 1.2}'), '= 8'],
          [after('{reached: 10, sections: 10}'), '= 24'],
          [after('{rate: 95}'), '= 20'],
          [after('{gain: 0.4}'), '= 6'],
          [after('{rate: 60}'), '= 0'],
          [after('{gain: 2.0}'), '= 10'],
        ],
      );
      assert.equal(hints[6].tooltip, '群众满意度: 20 − max(0, 90 − 60) × 1 = −10, counted as 0 (never below its floor)');
      const zh = scoresheetInlayHints(analyzeSheet(MEASURED_SHEET, MEASURED_RUBRIC), 'zh-CN').filter((h) => h.label.startsWith('='));
      assert.equal(zh[6].tooltip, '群众满意度：20 − max(0, 90 − 60) × 1 = −10，计 0 分（不低于最低得分）');
    });
  });
});
