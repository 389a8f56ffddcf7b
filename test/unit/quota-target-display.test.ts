import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { quotaLenses, rankingTable, ScoresheetAnalysis, scoresheetLenses, SheetLookup, summarize } from 'rubric-studio-server';
import { tierCountLine, tierLine } from 'rubric-studio-server/out/protocol';
import { analyze, core } from '../support/rubric-core';
import { analyzeSheet, SAMPLES } from '../support/scoresheet';

/**
 * A quota's `target` (一般掌握比例: informs, binds nothing) shown where a person reads the counts:
 * the rubric's quota lens and summary, the scoresheet's lens and ranking counts (the status item).
 * The figure is N × target, exact; a count (or the most slots) above it is marked ⚠. Figures by hand.
 */

const ROUNDS = path.join(SAMPLES, 'rounds');

/** A sample of samples/rounds with its rubric and its round sheets read from disk, as a host would. */
function analyzeRoundsSample(name: string): ScoresheetAnalysis {
  const read = (file: string) => fs.readFileSync(path.join(ROUNDS, file), 'utf8');
  const sheets = (written: string): SheetLookup => ({ found: true, analysis: analyzeRoundsSample(written), location: written });
  return core().analyzeScoresheet(read(name), (written) => ({ found: true, analysis: analyze(read(written)), location: written }), sheets);
}

describe('quota target in the lenses, the summary and the status item', () => {
  // staff-annual: 10 subjects, 优秀 {target: 20%, max: 25%, rounding: floor}, three tiers without a quota.
  const staffRubric = analyze(fs.readFileSync(path.join(ROUNDS, 'staff-annual.rubric.yaml'), 'utf8'));

  it('staff-annual rubric lens: 10 × 25% = 2.5 ↓ at most 2 slots (the open tiers 0–10 each), target 10 × 20% = 2, not above', () => {
    assert.deepEqual(
      quotaLenses(staffRubric, 'en').map((l) => l.title),
      ['10 subjects: 优秀 0–2 (target 2) · 称职 0–10 · 基本称职 0–10 · 不称职 0–10'],
    );
    assert.deepEqual(
      quotaLenses(staffRubric, 'zh-CN').map((l) => l.title),
      ['10 个考核对象：优秀 0–2（一般掌握 2） · 称职 0–10 · 基本称职 0–10 · 不称职 0–10'],
    );
    const [excellent, competent] = summarize(staffRubric.documents[0]).tiers;
    assert.deepEqual([excellent.target, excellent.aboveTarget, competent.target], ['2', undefined, undefined]);
  });

  it('staff-2023 scoresheet: 9 placed (吴昊 no_tier), 优秀 2 of max 9 × 25% = 2.25 ↓ 2, above target 9 × 20% = 1.8', () => {
    const sheet = analyzeRoundsSample('staff-2023.scores.yaml');
    assert.deepEqual(
      scoresheetLenses(sheet, 'en').map((l) => l.title),
      ['9 ranked: 优秀 2/0–2 (target 1.8) ⚠ · 称职 7 · 基本称职 0 · 不称职 0'],
    );
    assert.deepEqual(
      scoresheetLenses(sheet, 'zh-CN').map((l) => l.title),
      ['已定等次 9 个：优秀 2/0–2（一般掌握 1.8） ⚠ · 称职 7 · 基本称职 0 · 不称职 0'],
    );
    // The status item words the ranking's counts with the same line.
    const [excellent, competent] = rankingTable(sheet).groups[0].counts;
    assert.deepEqual([excellent.count, excellent.target, excellent.aboveTarget], [2, '1.8', true]);
    assert.deepEqual([competent.target, competent.aboveTarget], [undefined, undefined]);
    // The figure is the one the quota-above-target finding states.
    assert.ok(sheet.findings.some((f) => f.code === 'quota-above-target' && f.message.en.includes('(9 × 20% = 1.8)')));
  });

  it('a constructed rubric: 12 subjects, 优秀 target 15% max 30% → 3 slots above 1.8; 良好 target 5 (a count) → 4 slots, not above', () => {
    const rubric = [
      'rubric: 构造',
      'subjects: 12',
      'indicators: [{id: a, name: 实绩, weight: 100}]',
      'tiers:',
      '  - {id: top, name: 优秀, quota: {target: 15%, max: 30%, rounding: floor}}',
      '  - {id: good, name: 良好, quota: {target: 5, exactly: 4}}',
      '  - {id: rest, name: 一般}',
    ].join('\n');
    const analysis = analyze(rubric);
    // 12 × 30% = 3.6 ↓ 3; 12 × 15% = 1.8 < 3 → ⚠. 良好 exactly 4 ≤ 5. 一般 takes 12 − 4 − (0..3) = 5–8.
    assert.deepEqual(
      quotaLenses(analysis, 'en').map((l) => l.title),
      ['12 subjects: 优秀 0–3 (target 1.8) ⚠ · 良好 4 (target 5) · 一般 5–8'],
    );
    assert.deepEqual(
      quotaLenses(analysis, 'zh-CN').map((l) => l.title),
      ['12 个考核对象：优秀 0–3（一般掌握 1.8） ⚠ · 良好 4（一般掌握 5） · 一般 5–8'],
    );
    const tiers = summarize(analysis.documents[0]).tiers;
    assert.deepEqual(
      tiers.map((t) => [t.target, t.aboveTarget]),
      [
        ['1.8', true],
        ['5', undefined],
        [undefined, undefined],
      ],
    );
    // Scored 99 down to 88: the top 3 in 优秀 (3 > 1.8: marked), 4 in 良好 (4 ≤ 5), 5 in 一般.
    const scores = Array.from({ length: 12 }, (_, i) => `  - {subject: S${i + 1}, points: {a: ${99 - i}}}`);
    const sheet = analyzeSheet(['rubric: r', 'scores:', ...scores].join('\n'), analysis);
    assert.deepEqual(
      scoresheetLenses(sheet, 'en').map((l) => l.title),
      ['12 ranked: 优秀 3/0–3 (target 1.8) ⚠ · 良好 4/4 (target 5) · 一般 5'],
    );
  });

  it('the shared line functions: no wording, no target (the wording is the caller’s language)', () => {
    const counts = [{ name: '优秀', count: 3, min: null, max: 3, target: '2', aboveTarget: true }];
    assert.equal(tierCountLine(counts), '优秀 3/≤3');
    assert.equal(
      tierCountLine(counts, (f) => `（一般掌握 ${f}）`),
      '优秀 3/≤3（一般掌握 2） ⚠',
    );
    assert.equal(tierLine([{ name: '优秀', min: 3, max: 3, target: '2', aboveTarget: true }]), '优秀 3');
  });
});
