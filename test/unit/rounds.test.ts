import { strict as assert } from 'assert';
import { rankingTable, ScoresheetAnalysis, scoresheetDefinition, scoresheetHover } from 'rubric-studio-server';
import { analyzeInMemory as analyzeIn, exact, Files, subjectNamed, table } from '../support/scoresheet';

/**
 * Rounds (contract: "Points from measurements, rounds, and results over time"): a leaf scored
 * `{rounds: mean|sum}` takes its points from the subject's totals in the round sheets that
 * `rounds:` names — each total as its round reports it (rounded to that round's precision),
 * scaled by weight / that round's rubric total, then their mean (sum), within 0..weight. Every
 * figure below is worked by hand in the comment above it.
 */

/** Where `needle` stands in `text` (the n-th time), as a span. */
function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in the text`);
  return { start, end: start + needle.length };
}

const codesOf = (analysis: ScoresheetAnalysis) => analysis.findings.map((f) => f.code);

/** A quarter's rubric: one indicator worth 100; totals kept to 2 places. */
const QUARTER = `rubric: 季度考核
subjects: [甲, 乙, 丙]
indicators:
  - {id: work, name: 工作实绩, weight: 100}
`;

/** 公务员考核 style: the four quarters at 95%, the leaders' assessment 5 points. */
const YEAR = `rubric: 年度考核
subjects: [甲, 乙, 丙]
indicators:
  - {id: quarters, name: 季度考核, weight: 95, scoring: {rounds: mean}}
  - {id: leaders, name: 领导评价, weight: 5}
tiers:
  - {id: excellent, name: 优秀, quota: {max: 1}}
  - {id: competent, name: 称职}
`;

const quarter = (figures: Record<string, string>) =>
  `rubric: quarter.rubric.yaml\nscores:\n${Object.entries(figures)
    .map(([subject, points]) => `  - {subject: ${subject}, points: {work: ${points}}}`)
    .join('\n')}\n`;

const YEAR_SHEET = `rubric: year.rubric.yaml
rounds: {quarters: [q1.scores.yaml, q2.scores.yaml, q3.scores.yaml, q4.scores.yaml]}
scores:
  - {subject: 甲, points: {leaders: 4.5}}
  - {subject: 乙, points: {leaders: 5}}
  - {subject: 丙, points: {leaders: 3}}
`;

const FOUR_QUARTERS: Files = {
  'quarter.rubric.yaml': QUARTER,
  'year.rubric.yaml': YEAR,
  'q1.scores.yaml': quarter({ 甲: '92.5', 乙: '90', 丙: '80' }),
  'q2.scores.yaml': quarter({ 甲: '94', 乙: '91', 丙: '81' }),
  'q3.scores.yaml': quarter({ 甲: '96.25', 乙: '89.5', 丙: '82' }),
  'q4.scores.yaml': quarter({ 甲: '91', 乙: '95', 丙: '83' }),
  'year.scores.yaml': YEAR_SHEET,
};

describe('rounds: a year from its rounds', () => {
  it('mean: the quarters averaged, × 95 / 100, plus the leaders’ points, rounded half-up', () => {
    const year = analyzeIn(FOUR_QUARTERS, 'year.scores.yaml');
    // 甲: (92.5 + 94 + 96.25 + 91) / 4 = 93.4375; × 95 / 100 = 88.765625; + 4.5 = 93.265625 → 93.27
    // 乙: (90 + 91 + 89.5 + 95) / 4 = 91.375; × 0.95 = 86.80625; + 5 = 91.80625 → 91.81
    // 丙: (80 + 81 + 82 + 83) / 4 = 81.5; × 0.95 = 77.425; + 3 = 80.425 → 80.43
    assert.deepEqual(table(year), { 甲: ['93.27', 1, 0], 乙: ['91.81', 2, 1], 丙: ['80.43', 3, 1] });
    assert.deepEqual(codesOf(year), []);
    // The hover's working: each round's total, the mean, the scaling.
    const step = subjectNamed(year, '甲').steps.find((s) => s.label.en === '季度考核');
    assert.equal(step?.working?.en, 'q1 92.5 · q2 94 · q3 96.25 · q4 91; mean 93.4375 × 95 / 100 = 88.765625');
    assert.equal(step?.working?.['zh-CN'], 'q1 92.5 · q2 94 · q3 96.25 · q4 91；平均 93.4375 × 95 / 100 = 88.765625');
  });

  it('the ranking has a column per round: each subject’s total and rank there', () => {
    const ranking = rankingTable(analyzeIn(FOUR_QUARTERS, 'year.scores.yaml'));
    assert.deepEqual(
      ranking.rounds?.map((r) => r.label),
      ['q1', 'q2', 'q3', 'q4'],
    );
    const rows = ranking.groups[0].rows.map((r) => [r.subject, r.roundTotals, r.roundRanks]);
    assert.deepEqual(rows, [
      ['甲', ['92.5', '94', '96.25', '91'], [1, 1, 1, 2]],
      ['乙', ['90', '91', '89.5', '95'], [2, 2, 2, 1]],
      ['丙', ['80', '81', '82', '83'], [3, 3, 3, 3]],
    ]);
  });

  it('reordering the rounds changes no total', () => {
    const reordered = {
      ...FOUR_QUARTERS,
      'year.scores.yaml': YEAR_SHEET.replace(
        '[q1.scores.yaml, q2.scores.yaml, q3.scores.yaml, q4.scores.yaml]',
        '[q3.scores.yaml, q1.scores.yaml, q4.scores.yaml, q2.scores.yaml]',
      ),
    };
    assert.deepEqual(table(analyzeIn(reordered, 'year.scores.yaml')), table(analyzeIn(FOUR_QUARTERS, 'year.scores.yaml')));
  });

  it('mean with a subject missing from a round: its total is not known, missing-score at that round’s path', () => {
    const files = { ...FOUR_QUARTERS, 'q3.scores.yaml': quarter({ 甲: '96.25', 乙: '89.5' }) };
    const year = analyzeIn(files, 'year.scores.yaml');
    // Never a mean of the three rounds it has: 丙 has no total, no rank.
    assert.deepEqual(table(year).丙, [undefined, undefined, undefined]);
    assert.deepEqual(table(year).甲, ['93.27', 1, 0]);
    const missing = year.findings.filter((f) => f.code === 'missing-score');
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0].span, spanOf(YEAR_SHEET, 'q3.scores.yaml'));
    assert.equal(missing[0].message.en, '"q3.scores.yaml" has no total for 丙: its 季度考核 points are not known');
    assert.equal(missing[0].message['zh-CN'], '“q3.scores.yaml”中 丙 没有总分，其“季度考核”得分暂无法确定');
  });

  it('each round’s total as that round reports it: rounded to its own precision first', () => {
    const files: Files = {
      'm.rubric.yaml': `rubric: 月度\nprecision: 1\nsubjects: [甲]\nindicators:\n  - {id: work, name: 工作, weight: 100}\n`,
      'y.rubric.yaml': `rubric: 年度\nsubjects: [甲]\nindicators:\n  - {id: months, name: 月度, weight: 100, scoring: {rounds: mean}}\n`,
      'm1.scores.yaml': `rubric: m.rubric.yaml\nscores:\n  - {subject: 甲, points: {work: 90.25}}\n`,
      'm2.scores.yaml': `rubric: m.rubric.yaml\nscores:\n  - {subject: 甲, points: {work: 80.04}}\n`,
      'y.scores.yaml': `rubric: y.rubric.yaml\nrounds: {months: [m1.scores.yaml, m2.scores.yaml]}\nscores:\n  - {subject: 甲}\n`,
    };
    // The months report 90.25 → 90.3 and 80.04 → 80.0 (one place, half-up); (90.3 + 80) / 2 = 85.15,
    // not (90.25 + 80.04) / 2 = 85.145 → 85.15 by luck: the working shows the rounded figures.
    const year = analyzeIn(files, 'y.scores.yaml');
    assert.equal(exact(year.subjects[0].total), '85.15');
    assert.equal(year.subjects[0].steps[0].working?.en, 'm1 90.3 · m2 80; mean 85.15');
    assert.deepEqual(codesOf(year), []);
  });

  it('sum: the rounds’ scaled totals added, kept within 0..weight', () => {
    const files: Files = {
      'r.rubric.yaml': `rubric: 专项\ntotal: 10\nsubjects: [甲, 乙]\nindicators:\n  - {id: work, name: 专项, weight: 10}\n`,
      'y.rubric.yaml': `rubric: 年度\nsubjects: [甲, 乙]\nindicators:\n  - {id: special, name: 专项工作, weight: 10, scoring: {rounds: sum}}\n  - {id: base, name: 基础, weight: 90}\n`,
      'h1.scores.yaml': `rubric: r.rubric.yaml\nscores:\n  - {subject: 甲, points: {work: 3}}\n  - {subject: 乙, points: {work: 6}}\n`,
      'h2.scores.yaml': `rubric: r.rubric.yaml\nscores:\n  - {subject: 甲, points: {work: 4.5}}\n  - {subject: 乙, points: {work: 7}}\n`,
      'y.scores.yaml': `rubric: y.rubric.yaml\nrounds: {special: [h1.scores.yaml, h2.scores.yaml]}\nscores:\n  - {subject: 甲, points: {base: 80}}\n  - {subject: 乙, points: {base: 80}}\n`,
    };
    const year = analyzeIn(files, 'y.scores.yaml');
    // 甲: 3 + 4.5 = 7.5 (× 10 / 10); + 80 = 87.5.  乙: 6 + 7 = 13, kept at the weight 10; + 80 = 90.
    assert.deepEqual(table(year), { 甲: ['87.5', 2, undefined], 乙: ['90', 1, undefined] });
    assert.equal(subjectNamed(year, '乙').steps[0].working?.en, 'h1 6 · h2 7; sum 13, kept within 0–10');
  });

  it('rounds under rubrics of different totals: each scaled by its own, round-rubric-differs at the path', () => {
    const files: Files = {
      ...FOUR_QUARTERS,
      'other.rubric.yaml': QUARTER.replace('季度考核', '季度考核（新）').replace('weight: 100', 'weight: 50').replace('subjects:', 'total: 50\nsubjects:'),
      'q4.scores.yaml': `rubric: other.rubric.yaml\nscores:\n  - {subject: 甲, points: {work: 45.5}}\n  - {subject: 乙, points: {work: 47.5}}\n  - {subject: 丙, points: {work: 41.5}}\n`,
    };
    const year = analyzeIn(files, 'year.scores.yaml');
    // 甲: 92.5 × 0.95 = 87.875; 94 × 0.95 = 89.3; 96.25 × 0.95 = 91.4375; 45.5 × 95 / 50 = 86.45;
    // (87.875 + 89.3 + 91.4375 + 86.45) / 4 = 355.0625 / 4 = 88.765625 (q4's 45.5 of 50 is 91 of 100); + 4.5 → 93.27
    assert.equal(exact(subjectNamed(year, '甲').total), '93.27');
    const differs = year.findings.filter((f) => f.code === 'round-rubric-differs');
    assert.equal(differs.length, 1);
    assert.deepEqual(differs[0].span, spanOf(YEAR_SHEET, 'q4.scores.yaml'));
    assert.equal(
      differs[0].message.en,
      '"q4.scores.yaml" is scored under another rubric ("季度考核（新）") than "q1.scores.yaml" ("季度考核"): its total is scaled by its own rubric\'s total',
    );
  });

  it('a round that cannot be read, or that leads back to the sheet: at the path, in both languages; no total guessed', () => {
    const sheet = YEAR_SHEET.replace('q3.scores.yaml', 'gone.scores.yaml').replace('q4.scores.yaml', 'year.scores.yaml');
    const year = analyzeIn({ ...FOUR_QUARTERS, 'year.scores.yaml': sheet }, 'year.scores.yaml');
    const [notFound, loop] = ['scoresheet-not-found', 'scoresheet-loop'].map((code) => year.findings.filter((f) => f.code === code));
    assert.deepEqual(
      notFound.map((f) => f.span),
      [spanOf(sheet, 'gone.scores.yaml')],
    );
    assert.equal(notFound[0].message.en, 'The round "gone.scores.yaml" cannot be read: no such file');
    assert.equal(notFound[0].message['zh-CN'], '无法读取轮次评分表“gone.scores.yaml”：文件不存在');
    assert.deepEqual(
      loop.map((f) => f.span),
      [spanOf(sheet, 'year.scores.yaml')],
    );
    assert.equal(loop[0].severity, 'error');
    assert.ok(year.subjects.every((s) => s.total === undefined));
  });

  it('a figure written for a leaf scored from rounds is not read, and said so at its key', () => {
    const sheet = YEAR_SHEET.replace('{leaders: 4.5}', '{quarters: 99, leaders: 4.5}');
    const year = analyzeIn({ ...FOUR_QUARTERS, 'year.scores.yaml': sheet }, 'year.scores.yaml');
    assert.equal(exact(subjectNamed(year, '甲').total), '93.27');
    const said = year.findings.filter((f) => f.code === 'unknown-indicator');
    assert.deepEqual(
      said.map((f) => f.span),
      [spanOf(sheet, 'quarters', 1)],
    );
  });

  it('a leaf scored from rounds that rounds: names nothing for: missing-score at rounds:, no total', () => {
    const sheet = YEAR_SHEET.replace('rounds: {quarters: [q1.scores.yaml, q2.scores.yaml, q3.scores.yaml, q4.scores.yaml]}\n', '');
    const year = analyzeIn({ ...FOUR_QUARTERS, 'year.scores.yaml': sheet }, 'year.scores.yaml');
    assert.deepEqual(codesOf(year), ['missing-score']);
    assert.deepEqual(year.findings[0].span, spanOf(sheet, 'rubric'));
    assert.ok(year.subjects.every((s) => s.total === undefined));
  });
});

describe('go to definition on a named sheet', () => {
  it('a path under rounds: or previous: leads to the start of that sheet, where the host found it', () => {
    const sheet = YEAR_SHEET.replace('rounds:', 'previous: q1.scores.yaml\nrounds:');
    const year = analyzeIn({ ...FOUR_QUARTERS, 'year.scores.yaml': sheet }, 'year.scores.yaml');
    const q3 = spanOf(sheet, 'q3.scores.yaml');
    assert.deepEqual(scoresheetDefinition(year, q3.start + 3), { span: { start: 0, end: 0 }, sheet: 'q3.scores.yaml' });
    assert.deepEqual(scoresheetDefinition(year, spanOf(sheet, 'q1.scores.yaml').start), { span: { start: 0, end: 0 }, sheet: 'q1.scores.yaml' });
    // Between two paths: nothing.
    assert.equal(scoresheetDefinition(year, q3.end + 1), undefined);
  });
});

describe('hover on a named sheet', () => {
  it('a round path: which round of which indicator, its rubric, its highest and lowest total; in both languages', () => {
    const year = analyzeIn(FOUR_QUARTERS, 'year.scores.yaml');
    const q3 = spanOf(YEAR_SHEET, 'q3.scores.yaml');
    const hover = (locale: 'en' | 'zh-CN') => scoresheetHover(year, q3.start + 2, locale);
    assert.deepEqual(hover('en')?.span, q3);
    // q3: 甲 96.25, 乙 89.5, 丙 82 under 季度考核 (out of 100).
    assert.equal(
      hover('en')?.markdown,
      '**q3** — round 3 of 4 of 季度考核\n\nRubric: 季度考核, out of 100\n\n3 subjects with a total: highest 96.25 (甲), lowest 82 (丙)',
    );
    assert.equal(
      hover('zh-CN')?.markdown,
      '**q3** —— 季度考核第 3 轮（共 4 轮）\n\n考核细则：季度考核，满分 100\n\n有总分的考核对象 3 个：最高 96.25（甲），最低 82（丙）',
    );
  });

  it('a round that cannot be read says why; previous: says it is the last result and what it holds', () => {
    const sheet = YEAR_SHEET.replace('q3.scores.yaml', 'gone.scores.yaml').replace('rounds:', 'previous: last.scores.yaml\nrounds:');
    const files = { ...FOUR_QUARTERS, 'year.scores.yaml': sheet, 'last.scores.yaml': quarter({ 乙: '90', 甲: '80', 丙: 'x' }) };
    const year = analyzeIn(files, 'year.scores.yaml');
    assert.match(scoresheetHover(year, spanOf(sheet, 'gone.scores.yaml').start, 'zh-CN')?.markdown ?? '', /\n\n无法读取：文件不存在$/);
    const last = scoresheetHover(year, spanOf(sheet, 'last.scores.yaml').start, 'en');
    assert.deepEqual(last?.span, spanOf(sheet, 'last.scores.yaml'));
    // 丙's points are no number there: two totals of three.
    assert.equal(
      last?.markdown,
      '**last.scores.yaml** — the previous result: rank changes are against it\n\n2 subjects with a total (1 without): highest 90 (乙), lowest 80 (甲)',
    );
  });
});

describe('previous: rank changes against the last result', () => {
  it('each row names its rank there; null for a subject not ranked there', () => {
    const files: Files = {
      ...FOUR_QUARTERS,
      'last.scores.yaml': quarter({ 乙: '90', 甲: '80' }),
      'year.scores.yaml': YEAR_SHEET.replace('rounds:', 'previous: last.scores.yaml\nrounds:'),
    };
    const rows = rankingTable(analyzeIn(files, 'year.scores.yaml')).groups[0].rows;
    // Last time 乙 1, 甲 2, 丙 not ranked; now 甲 1 (↑1), 乙 2 (↓1), 丙 3 (new).
    assert.deepEqual(
      rows.map((r) => [r.subject, r.rank, r.previousRank]),
      [
        ['甲', 1, 2],
        ['乙', 2, 1],
        ['丙', 3, null],
      ],
    );
  });

  it('without previous: rows carry no previousRank', () => {
    const rows = rankingTable(analyzeIn(FOUR_QUARTERS, 'year.scores.yaml')).groups[0].rows;
    assert.ok(rows.every((r) => !('previousRank' in r)));
  });
});

describe('no_tier, min_score by group, quota target', () => {
  it('no_tier: ranked among the others, no tier, and not in the N the quota is taken of', () => {
    const rubric = `rubric: 考核\nsubjects: [甲, 乙, 丙]\nindicators:\n  - {id: w, name: 实绩, weight: 100}\ntiers:\n  - {id: good, name: 优秀, quota: {exactly: 50%}}\n  - {id: ok, name: 合格}\n`;
    const sheet = `rubric: r.rubric.yaml\nscores:\n  - {subject: 甲, points: {w: 99}, no_tier: true}\n  - {subject: 乙, points: {w: 90}}\n  - {subject: 丙, points: {w: 80}}\n`;
    const analysis = analyzeIn({ 'r.rubric.yaml': rubric, 's.scores.yaml': sheet }, 's.scores.yaml');
    // N = 2 (甲 not counted): 50% × 2 = 1 slot, to 乙; with 甲 counted it would be 1.5 → 2.
    assert.deepEqual(table(analysis), { 甲: ['99', 1, undefined], 乙: ['90', 2, 0], 丙: ['80', 3, 1] });
    assert.deepEqual(
      analysis.groups[0].counts.map((c) => c.count),
      [1, 1],
    );
    const row = rankingTable(analysis).groups[0].rows[0];
    assert.deepEqual([row.subject, row.tier, row.noTier], ['甲', null, true]);
  });

  it('min_score by group: each group’s own threshold; a group without one has none', () => {
    const rubric = `rubric: 考核
subjects:
  groups:
    - {id: large, name: 大镇, members: [甲, 乙]}
    - {id: small, name: 小镇, members: [丙, 丁]}
indicators:
  - {id: w, name: 实绩, weight: 100}
tiers:
  - {id: good, name: 优秀, quota: {max: 1}, min_score: {large: 92}}
  - {id: ok, name: 合格}
`;
    const sheet = `rubric: r.rubric.yaml\nscores:\n  - {subject: 甲, points: {w: 91}}\n  - {subject: 乙, points: {w: 80}}\n  - {subject: 丙, points: {w: 85}}\n  - {subject: 丁, points: {w: 70}}\n`;
    const analysis = analyzeIn({ 'r.rubric.yaml': rubric, 's.scores.yaml': sheet }, 's.scores.yaml');
    // 大镇: 甲 91 is below 92, no 优秀. 小镇 has no threshold: 丙 85 takes its one slot.
    assert.deepEqual(table(analysis), { 甲: ['91', 1, 1], 乙: ['80', 2, 1], 丙: ['85', 1, 0], 丁: ['70', 2, 1] });
  });

  it('quota-above-target: informs at scores: when a tier takes more than N × target, max binds', () => {
    const rubric = `rubric: 考核\nsubjects: [甲, 乙, 丙, 丁]\nindicators:\n  - {id: w, name: 实绩, weight: 100}\ntiers:\n  - {id: good, name: 优秀, quota: {target: 15%, max: 50%}}\n  - {id: ok, name: 合格}\n`;
    const sheet = `rubric: r.rubric.yaml\nscores:\n  - {subject: 甲, points: {w: 95}}\n  - {subject: 乙, points: {w: 90}}\n  - {subject: 丙, points: {w: 85}}\n  - {subject: 丁, points: {w: 80}}\n`;
    const analysis = analyzeIn({ 'r.rubric.yaml': rubric, 's.scores.yaml': sheet }, 's.scores.yaml');
    // max 50% of 4 = 2 slots, both taken; target 4 × 15% = 0.6 < 2.
    assert.deepEqual(
      analysis.groups[0].counts.map((c) => c.count),
      [2, 2],
    );
    const [finding] = analysis.findings;
    assert.deepEqual([finding.code, finding.severity, finding.span], ['quota-above-target', 'info', spanOf(sheet, 'scores')]);
    assert.equal(finding.message.en, '"优秀": 2 of 4 (50%) is above its target 15% (4 × 15% = 0.6)');
    assert.equal(finding.message['zh-CN'], '“优秀”：4 个中 2 个（50%），超过一般掌握比例 15%（4 × 15% = 0.6）');
  });
});
