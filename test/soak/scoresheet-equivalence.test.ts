import { strict as assert } from 'assert';
import { Analysis, ScoresheetAnalysis, scoresheetCompletion } from 'rubric-studio-server';
import { random } from '../support/generate-rubric';
import { generateScoresheet } from '../support/generate-scoresheet';
import { MEASURED_RUBRIC, MEASURED_SHEET } from '../support/measured';
import { analyze, core } from '../support/rubric-core';
import { assertSame, lookupOf, MeasuredSession, sample, session } from '../support/scoresheet-session';
import { scaled, seedFor } from '../support/seeds';

/**
 * A scoresheet's session against a fresh whole analysis over random edits of the samples and of
 * generated sheets, and of a rubric under an open sheet. Each test's edits come from its own seed;
 * RUBRIC_SEED moves them all, RUBRIC_SOAK_SCALE lengthens them.
 */

const ALPHABET = [
  'a',
  '7',
  '中',
  ' ',
  ' ',
  ':',
  '-',
  '\n',
  '\n    ',
  '#',
  '{',
  '}',
  '"',
  '.',
  '0',
  ',',
  '\n    bonus: {innovation: 2}',
  '\n      fire',
  '[',
  "'",
];

/**
 * One edit a person might make, or a slip: mostly a digit of a score or a character of a name,
 * sometimes a character anywhere, a deletion, a line copied or removed, or a stretch of text
 * pasted from elsewhere in the file (an entry copied, half an entry over another's).
 */
function randomEdit(text: string, next: () => number): string {
  const roll = next();
  const at = Math.floor(next() * (text.length + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  if (roll < 0.35) {
    const figures = [...text.matchAll(/: (\d)/g)];
    if (figures.length === 0) return text;
    const index = pick(figures).index! + 2;
    // Replace a digit, add one, or take one out.
    const how = next();
    const digit = String(Math.floor(next() * 10));
    if (how < 0.5) return text.slice(0, index) + digit + text.slice(index + 1);
    if (how < 0.8) return text.slice(0, index) + digit + text.slice(index);
    return text.slice(0, index) + text.slice(index + 1);
  }
  if (roll < 0.45) {
    const names = [...text.matchAll(/subject: [^\n]*/g)];
    if (names.length === 0) return text;
    const hit = pick(names);
    return text.slice(0, hit.index! + hit[0].length) + pick(['镇', 'x', '2']) + text.slice(hit.index! + hit[0].length);
  }
  if (roll < 0.65) return text.slice(0, at) + pick(ALPHABET) + text.slice(at);
  if (roll < 0.77) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  if (roll < 0.87) {
    // A paste: a stretch of the text (a few lines, or part of one) copied somewhere else.
    const from = Math.floor(next() * text.length);
    const chunk = text.slice(from, from + 1 + Math.floor(next() * 200));
    return text.slice(0, at) + chunk + text.slice(at);
  }
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  if (roll < 0.94) lines.splice(line, 0, lines[line]);
  else lines.splice(line, 1);
  return lines.join('\n');
}

/** Random edits through one session (from the test's own seed, moved by RUBRIC_SEED); after each, it equals a fresh whole analysis. */
function run(original: string, rubric: Analysis | undefined, edits: number, seed: number, sheet: MeasuredSession = session()): void {
  const next = random(seedFor(seed));
  const lookup = lookupOf(rubric);
  let text = original;
  let incremental = 0;
  for (let i = 0; i < edits; i++) {
    // Back to the clean sheet now and then, so the edits explore valid and broken text alike.
    text = i % 15 === 0 ? original : randomEdit(text, next);
    const lineStarts = [...text.matchAll(/\n/g)].map((m) => m.index! + 1);
    const offsets = [Math.floor(next() * text.length), Math.floor(next() * text.length), lineStarts[Math.floor(next() * lineStarts.length)] ?? 0, text.length];
    const fromSession = sheet.update(text, lookup);
    if (sheet.lastPath === 'incremental') incremental++;
    const fresh = core().analyzeScoresheet(text, lookup);
    assertSame(fromSession, fresh, offsets, `edit ${i} (${sheet.lastPath}):\n${text}\n`);
  }
  // The edits must exercise the incremental path, not only the fall-back. How many do depends on
  // the seed (over 30 seeds of 60 edits of each sample: from 7% to over half, a third in the
  // middle), because a paste that breaks the sheet sends the edits after it down the whole path
  // until the next return to the clean sheet: so one in twenty, which any seed reaches.
  assert.ok(incremental >= Math.max(1, edits / 20), `only ${incremental} of ${edits} edits took the incremental path`);
}

describe('scoresheet session equals a fresh whole analysis', function () {
  // A bound on work (the counts of edits), not on time.
  this.timeout(0);

  for (const [sheet, rubric, edits, seed] of [
    ['forest-chief-2022.scores.yaml', 'forest-chief-2022.rubric.yaml', scaled(100), 3],
    ['village-graduates-2022.scores.yaml', 'village-graduates-2022.rubric.yaml', scaled(40), 4],
    ['green-development-forestry.scores.yaml', 'green-development-forestry.rubric.yaml', scaled(100), 5],
    ['zhoushan-water-2021.scores.yaml', 'zhoushan-water-2021.rubric.yaml', scaled(60), 14],
    ['fire-safety-responsibility.scores.yaml', 'fire-safety-responsibility.rubric.yaml', scaled(60), 15],
  ] as const) {
    it(`after ${edits} random edits of ${sheet}`, () => {
      run(sample(sheet), analyze(sample(rubric)), edits, seed);
    });
  }

  const measuredEdits = scaled(100);
  it(`after ${measuredEdits} random edits of a measured sheet (formulas, group figures, per-case amounts, not_applicable)`, () => {
    run(MEASURED_SHEET, analyze(MEASURED_RUBRIC), measuredEdits, 13);
  });

  const generatedEdits = scaled(20);
  it(`after ${generatedEdits} random edits of a generated scoresheet (30 subjects × about 30 leaves, flow and block maps, deductions, bonus, penalties, vetoes)`, () => {
    const generated = generateScoresheet({ leaves: 20, subjects: 30, seed: 6 });
    const rubric = analyze(generated.rubric);
    assert.deepEqual(rubric.findings, []);
    assert.deepEqual(core().analyzeScoresheet(generated.sheet, lookupOf(rubric)).findings, []);
    run(generated.sheet, rubric, generatedEdits, 6);
  });

  const crlfEdits = scaled(40);
  it(`after ${crlfEdits} random edits of a sample with Windows line ends (CRLF)`, () => {
    const text = sample('forest-chief-2022.scores.yaml').replace(/\n/g, '\r\n');
    run(text, analyze(sample('forest-chief-2022.rubric.yaml')), crlfEdits, 12);
  });

  const notFoundEdits = scaled(80);
  it(`after ${notFoundEdits} random edits of a sheet whose rubric is not found`, () => {
    run(sample('forest-chief-2022.scores.yaml'), undefined, notFoundEdits, 8);
  });

  it('completes at every third place of the samples as a whole analysis does (the session parses only the entry around the cursor)', () => {
    for (const [name, rubricName] of [
      ['forest-chief-2022.scores.yaml', 'forest-chief-2022.rubric.yaml'],
      ['village-graduates-2022.scores.yaml', 'village-graduates-2022.rubric.yaml'],
    ]) {
      const text = sample(name);
      const lookup = lookupOf(analyze(sample(rubricName)));
      const fromSession = session().update(text, lookup);
      const fresh = core().analyzeScoresheet(text, lookup);
      const offsets = Array.from({ length: Math.ceil(text.length / 3) }, (_, i) => i * 3);
      const complete = (analysis: ScoresheetAnalysis) => offsets.map((o) => scoresheetCompletion(analysis, o, 'en').map((c) => [o, c.label, c.replace.start]));
      const [mine, theirs] = [complete(fromSession), complete(fresh)];
      assert.deepEqual(mine, theirs, name);
      // Something is offered at most places inside entries (leaf ids, keys, subjects…), not nothing everywhere.
      assert.ok(mine.filter((c) => c.length > 0).length > offsets.length / 4, name);
    }
  });
});

describe('scoresheet session under a changing rubric', function () {
  this.timeout(0);

  const measuredSteps = scaled(40);
  it(`${measuredSteps} random edits of a measured rubric (its formulas, inputs' ranges, weights) and its sheet, interleaved, equal fresh analyses`, () => {
    const next = random(seedFor(91));
    const sheet = session();
    let [rubricText, sheetText] = [MEASURED_RUBRIC, MEASURED_SHEET];
    for (let i = 0; i < measuredSteps; i++) {
      if (i % 20 === 0) [rubricText, sheetText] = [MEASURED_RUBRIC, MEASURED_SHEET];
      if (next() < 0.5) {
        // A digit where the rubric says how points are worked out: a formula, a min / max, a weight, out_of.
        const places = [...rubricText.matchAll(/(formula|min|max|weight|out_of|points): '?/g), ...rubricText.matchAll(/[×−/] /g)];
        const hit = places[Math.floor(next() * places.length)];
        const at = hit.index! + hit[0].length;
        const edit = ['1', '0', '5', '%', ' ', '(', 'x'][Math.floor(next() * 7)];
        rubricText = rubricText.slice(0, at) + edit + rubricText.slice(at);
      } else {
        sheetText = randomEdit(sheetText, next);
      }
      const lookup = lookupOf(analyze(rubricText));
      const offsets = [Math.floor(next() * sheetText.length), sheetText.indexOf('gain')];
      assertSame(sheet.update(sheetText, lookup), core().analyzeScoresheet(sheetText, lookup), offsets, `step ${i}:\n${rubricText}\n---\n${sheetText}\n`);
    }
  });

  const steps = scaled(30);
  it(`${steps} random edits of the rubric and the sheet, interleaved, equal fresh analyses`, () => {
    const generated = generateScoresheet({ leaves: 20, subjects: 30, seed: 9 });
    const next = random(seedFor(90));
    const sheet = session();
    let rubricText = generated.rubric;
    let sheetText = generated.sheet;
    let rubric = analyze(rubricText);
    for (let i = 0; i < steps; i++) {
      if (next() < 0.5) {
        // In the rubric: a digit of a weight, a level or a cap, or a character of a name or criteria.
        const places = [...rubricText.matchAll(/(weight|points|cap|min_score|name|criteria): /g)];
        const hit = places[Math.floor(next() * places.length)];
        const at = hit.index! + hit[0].length;
        rubricText = rubricText.slice(0, at) + String(Math.floor(next() * 10)) + rubricText.slice(at);
        rubric = analyze(rubricText);
      } else {
        sheetText = randomEdit(sheetText, next);
      }
      if (i % 25 === 0) [rubricText, sheetText, rubric] = [generated.rubric, generated.sheet, analyze(generated.rubric)];
      const lookup = lookupOf(rubric);
      const offsets = [Math.floor(next() * sheetText.length)];
      assertSame(sheet.update(sheetText, lookup), core().analyzeScoresheet(sheetText, lookup), offsets, `step ${i}:\n${sheetText}\n`);
    }
  });
});

describe('scoresheet session under weights typed and taken back', function () {
  this.timeout(0);

  // A keystroke in a weight keeps the totals of entries its leaves' points stay within (see
  // weightsLeaveEntry): weights typed longer, cut shorter (below the points written), emptied,
  // of leaves and of areas, under a veto whose threshold is a share of an area's weight or not.
  const steps = scaled(40);
  for (const [label, withShareVeto, seed] of [
    ['generated rubric', false, 92],
    ['generated rubric with a veto at 60 % of an area', true, 93],
  ] as const) {
    it(`${steps} random weight edits (${label}) and sheet edits, interleaved, equal fresh analyses`, () => {
      const generated = generateScoresheet({ leaves: 20, subjects: 30, seed: 11 });
      const original = withShareVeto
        ? generated.rubric.replace(/^veto:$/m, 'veto:\n  - {id: floor, name: 首项不达标, when: {indicator: a1, below: 60%}, tier: average}')
        : generated.rubric;
      const next = random(seedFor(seed));
      const sheet = session();
      let [rubricText, sheetText] = [original, generated.sheet];
      let rubric = analyze(rubricText);
      let kept = 0;
      for (let i = 0; i < steps; i++) {
        if (i % 30 === 0) [rubricText, sheetText, rubric] = [original, generated.sheet, analyze(original)];
        const inRubric = next() < 0.7;
        if (inRubric) {
          const places = [...rubricText.matchAll(/weight: ([\d.]*)/g)];
          const hit = places[Math.floor(next() * places.length)];
          const at = hit.index! + 'weight: '.length;
          const digits = hit[1];
          const choice = next();
          if (choice < 0.35) rubricText = rubricText.slice(0, at) + String(Math.floor(next() * 10)) + rubricText.slice(at);
          else if (choice < 0.7 && digits.length > 0) rubricText = rubricText.slice(0, at) + rubricText.slice(at + 1);
          else if (choice < 0.85) rubricText = rubricText.slice(0, at + digits.length) + String(Math.floor(next() * 10)) + rubricText.slice(at + digits.length);
          else rubricText = rubricText.slice(0, at) + rubricText.slice(at + digits.length);
          rubric = analyze(rubricText);
        } else {
          sheetText = randomEdit(sheetText, next);
        }
        const lookup = lookupOf(rubric);
        const offsets = [Math.floor(next() * sheetText.length)];
        const analysis = sheet.update(sheetText, lookup);
        if (inRubric && sheet.lastEvaluated > sheet.lastTotalled) kept++;
        assertSame(analysis, core().analyzeScoresheet(sheetText, lookup), offsets, `step ${i}:\n${rubricText}\n---\n${sheetText}\n`);
      }
      // The fast path ran: some weight keystroke kept entries' totals.
      assert.ok(kept > 0, 'no weight keystroke kept a total');
    });
  }
});
