import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  newScoresheetText,
  renameIndicatorInScoresheet,
  scoresheetCompletion,
  scoresheetDefinition,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetLenses,
  ScoresheetAnalysis,
} from 'rubric-studio-server';
import { analyze } from '../../support/rubric-core';
import { analyzeSample, analyzeSheet, SAMPLES } from '../../support/scoresheet';

const FOREST_RUBRIC = fs.readFileSync(path.join(SAMPLES, 'forest-chief-2022.rubric.yaml'), 'utf8');

/** The offset of the n-th occurrence of `needle` (plus `within` characters into it). */
function offsetOf(analysis: ScoresheetAnalysis, needle: string, within = 1, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = analysis.source.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in the text`);
  return at + within;
}

/** Completion at the place of `|` in the text. */
function completeAt(textWithCursor: string, locale: 'en' | 'zh-CN' = 'en'): string[] {
  const offset = textWithCursor.indexOf('|');
  const analysis = analyzeSheet(textWithCursor.replace('|', ''), FOREST_RUBRIC);
  return scoresheetCompletion(analysis, offset, locale).map((e) => e.label);
}

describe('scoresheet services', () => {
  const forest = analyzeSample('forest-chief-2022.scores.yaml');

  it('inlay hints: total, rank and tier beside each name, vetoes and ties marked, in both languages', () => {
    const hints = scoresheetInlayHints(forest, 'en');
    const labelAfter = (name: string) => hints.find((h) => forest.source.text.slice(h.offset - name.length, h.offset) === name)?.label;
    assert.equal(labelAfter('古绛镇'), '95.5 · rank 1 · 优秀');
    assert.equal(labelAfter('陈村镇'), '88 · rank 3 · 良好 · tied at the boundary');
    assert.equal(labelAfter('么里镇'), '86 · rank 5 · 一般 · vetoed (major-fire)');
    assert.equal(hints.length, 10);
    assert.equal(scoresheetInlayHints(forest, 'zh-CN')[0].label, '95.5 · 第 1 名 · 优秀');
  });

  it('hover on a subject: the working step by step and its margin', () => {
    const hover = scoresheetHover(forest, offsetOf(forest, 'subject: 陈村镇', 10), 'en')!;
    assert.equal(forest.source.text.slice(hover.span.start, hover.span.end), '陈村镇');
    assert.match(hover.markdown, /^\*\*陈村镇\*\* · 88 · rank 3 · 良好 · tied at the boundary/);
    assert.match(hover.markdown, /\| Deductions: 防火宣传与隐患排查 \| -2 \| 1 × 2 = 2 \|/);
    assert.match(hover.markdown, /\| Bonus \| 4 \| 3 \+ 1 = 4 \|/);
    assert.match(hover.markdown, /\| \*\*Total\*\* \| \*\*88\*\* \| \|/);
    assert.match(hover.markdown, /0\.01 more points would take it to 优秀\./);
    assert.match(hover.markdown, /It can lose 18 points and stay 良好\./);
    const zh = scoresheetHover(forest, offsetOf(forest, 'subject: 陈村镇', 10), 'zh-CN')!.markdown;
    assert.match(zh, /再得 0\.01 分可升至优秀。/);
    const vetoed = scoresheetHover(forest, offsetOf(forest, 'subject: 么里镇', 10), 'en')!.markdown;
    assert.match(vetoed, /The tier is set by a veto \(major-fire\): no score changes it\./);
  });

  it('hover on an indicator, a bonus item and a veto: what the rubric says', () => {
    const fire = scoresheetHover(forest, offsetOf(forest, 'fire: 22'), 'en')!;
    assert.equal(forest.source.text.slice(fire.span.start, fire.span.end), 'fire');
    assert.match(fire.markdown, /\*\*森林草原火灾防控 › 火灾防控成效\*\*/);
    assert.match(fire.markdown, /Weight: 22/);
    assert.match(fire.markdown, /- 15: 发生一般森林火灾 1 起且 24 小时内扑灭/);
    const bonus = scoresheetHover(forest, offsetOf(forest, 'innovation'), 'zh-CN')!;
    assert.match(bonus.markdown, /经验做法被省级推广 \(innovation\)[\s\S]*加分: 3/);
    const veto = scoresheetHover(forest, offsetOf(forest, 'major-fire]'), 'en')!;
    assert.match(veto.markdown, /Forces 一般/);
  });

  it('lenses: above scores:, the tier counts against the quota', () => {
    const lenses = scoresheetLenses(forest, 'en');
    assert.deepEqual(
      lenses.map((l) => [forest.source.text.slice(l.span.start, l.span.end), l.title]),
      [['scores', '10 ranked: 优秀 3/3 · 良好 5/5 · 一般 2/2']],
    );
    const groups = analyzeSheet(
      [
        'rubric: r',
        'scores:',
        '  - {subject: A, points: {a: 90}}',
        '  - {subject: B, group: depts, points: {a: 80}}',
        '  - {subject: C, group: depts, points: {a: 85}}',
      ].join('\n'),
      [
        'rubric: x',
        'subjects: {groups: [{id: towns, name: 乡镇序列, members: [A]}, {id: depts, name: 部门序列, count: 2}]}',
        'indicators: [{id: a, name: a, weight: 100}]',
        'tiers: [{id: top, name: 优秀, quota: {max: 50%}}, {id: rest, name: 其他}]',
      ].join('\n'),
    );
    assert.deepEqual(
      scoresheetLenses(groups, 'zh-CN').map((l) => l.title),
      ['乡镇序列 · 1 个已排名：优秀 1/0–1 · 其他 0/0–1', '部门序列 · 2 个已排名：优秀 1/0–1 · 其他 1/1–2'],
    );
  });

  it('completion: subjects not yet scored, leaves under points, deduction leaves and rules, bonus, veto and ties values', () => {
    assert.deepEqual(completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '  - subject: |'].join('\n')).slice(0, 3), ['横水镇', '卫庄镇', '陈村镇']);
    assert.ok(!completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '  - subject: |'].join('\n')).includes('古绛镇'));
    assert.deepEqual(completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '    points:', '      afforestation: 15', '      |'].join('\n')), [
      'village-greening',
      'land-use',
      'fire',
      'pests',
      'mechanism',
      'rangers',
    ]);
    assert.deepEqual(completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '    deductions:', '      |'].join('\n')), [
      'logging',
      'fire-duty',
      'quarantine',
    ]);
    assert.deepEqual(completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '    bonus: {innovation: 3, |}'].join('\n')), ['city-innovation', 'publicity']);
    assert.deepEqual(completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '    veto: [|]'].join('\n')), ['major-fire', 'major-deforestation']);
    assert.deepEqual(completeAt(['rubric: r', 'ties: |', 'scores: []'].join('\n')), ['flag', 'share', 'break']);
    assert.deepEqual(completeAt(['rubric: r', 'scores:', '  - subject: 古绛镇', '    |'].join('\n')), [
      'group',
      'points',
      'deductions',
      'bonus',
      'penalties',
      'veto',
      'by',
    ]);
    const rules = analyzeSheet(
      ['rubric: r', 'scores:', '  - subject: 甲', '    deductions:', '      river: {litter: 1, }'].join('\n'),
      'rubric: x\nindicators:\n  - {id: river, name: 河道, weight: 6, scoring: {deduct: [{id: litter, points: 0.5, per: 处}, {id: no-record, points: 2, when: 无台账}]}}',
    );
    const at = rules.source.text.indexOf('1, ') + 3;
    assert.deepEqual(
      scoresheetCompletion(rules, at, 'en').map((e) => e.label),
      ['no-record'],
    );
  });

  it('definition: the place in the rubric of an indicator, a subject, a veto', () => {
    const rubricText = forest.rubric?.found ? forest.rubric.analysis.source.text : '';
    const definedAt = (needle: string, within = 1) => {
      const span = scoresheetDefinition(forest, offsetOf(forest, needle, within))?.span;
      return span && rubricText.slice(span.start, span.end);
    };
    assert.equal(definedAt('pests:'), 'pests');
    assert.equal(definedAt('quarantine'), 'quarantine');
    assert.equal(definedAt('subject: 卫庄镇', 10), '卫庄镇');
    assert.equal(definedAt('major-fire]'), 'major-fire');
    assert.equal(definedAt('publicity'), 'publicity');
    const span = scoresheetDefinition(forest, offsetOf(forest, 'pests:'))!.span;
    assert.equal(rubricText.slice(0, span.start).split('\n').length, 96, 'pests is defined on line 96 of the rubric (`- id: pests`)');
  });

  it('rename: every key of the indicator in points and deductions, and in tie-break', () => {
    const analysis = analyzeSheet(
      [
        'rubric: r',
        'tie-break: [logging]',
        'scores:',
        '  - {subject: 古绛镇, points: {fire: 22}, deductions: {logging: 1}}',
        '  - {subject: 横水镇, deductions: {logging: 2}}',
      ].join('\n'),
      FOREST_RUBRIC,
    );
    const edits = renameIndicatorInScoresheet(analysis, 'logging', '采伐 监管');
    assert.deepEqual(
      edits.map((e) => [analysis.source.text.slice(e.span.start, e.span.end), e.newText]),
      [
        ['logging', '"采伐 监管"'],
        ['logging', '"采伐 监管"'],
        ['logging', '"采伐 监管"'],
      ],
    );
    assert.deepEqual(renameIndicatorInScoresheet(analysis, 'nothing', 'x'), []);
  });

  it('a new scoresheet lists every subject and every leaf, values empty: only missing scores to fill in', () => {
    const rubric = analyze(FOREST_RUBRIC);
    const text = newScoresheetText(rubric, 'forest-chief-2022.rubric.yaml');
    assert.match(text, /^rubric: forest-chief-2022\.rubric\.yaml$/m);
    assert.equal((text.match(/^ {2}- subject: /gm) ?? []).length, 10);
    assert.equal((text.match(/^ {6}afforestation: +# 年度营造林任务完成（15 分；档次 15 \/ 12 \/ 8 \/ 0）$/gm) ?? []).length, 10);
    const analysis = analyzeSheet(text, rubric);
    assert.deepEqual([...new Set(analysis.findings.map((f) => f.code))], ['missing-score']);
    assert.equal(analysis.findings.length, 10);
    // Filling in every value (the full weight, a level of every leaf here) leaves nothing missing;
    // all ten then total 100 and tie across the 优秀 boundary, which is the only thing left to say.
    const filled = text.replace(/^( {6}[\w-]+:) +# .*（([\d.]+) 分.*$/gm, (_, key: string, weight: string) => `${key} ${weight}`);
    assert.deepEqual([...new Set(analyzeSheet(filled, rubric).findings.map((f) => f.code))], ['tie-at-boundary']);
    const groups = analyze(fs.readFileSync(path.join(SAMPLES, 'green-development-forestry.rubric.yaml'), 'utf8'));
    const placeholders = newScoresheetText(groups, 'green-development-forestry.rubric.yaml');
    assert.match(placeholders, /- subject: 待填写-streets # 第一序列（街道）：共 4 个 \(placeholder\)\n {4}group: streets/);
    assert.match(placeholders, /- subject: 待填写-towns # 第二序列（乡镇）：共 14 个 \(placeholder\)\n {4}group: towns/);
  });
});
