import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  Analysis,
  RubricLookup,
  ScoresheetAnalysis,
  ScoresheetSession,
  scoresheetCompletion,
  scoresheetDefinition,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetLenses,
} from 'rubric-studio-server';
import { random } from '../support/generate-rubric';
import { generateScoresheet } from '../support/generate-scoresheet';
import { analyze, core } from '../support/rubric-core';
import { SAMPLES } from '../support/scoresheet';

/** What the session says about itself beyond the core's interface (see scoresheet/session.ts). */
type MeasuredSession = ScoresheetSession & { readonly lastParsed: number; readonly lastEvaluated: number; readonly lastTotalled: number };

const session = (): MeasuredSession => core().createScoresheetSession() as MeasuredSession;

/** Everything the editor, the ranking view and the command line read from an analysis, as plain data to compare. */
function digest(analysis: ScoresheetAnalysis, offsets: number[]): unknown {
  const span = (s: { start: number; end: number } | undefined) => (s ? [s.start, s.end] : null);
  const [document] = analysis.source.documents;
  return {
    findings: analysis.findings,
    document: document && {
      span: span(document.span),
      syntaxErrors: document.syntaxErrors,
      folds: document.tree.folds().sort((x, y) => x.start - y.start || x.end - y.end),
    },
    // The model with every span and figure (decimals as their text).
    model: JSON.parse(JSON.stringify(analysis.model ?? null)) as unknown,
    subjects: analysis.subjects.map((s) => ({
      ...s,
      total: s.total?.toFixed(),
      steps: s.steps.map((step) => ({ ...step, points: step.points.toFixed() })),
      margin: { up: s.margin.up?.toFixed(), down: s.margin.down?.toFixed() },
    })),
    groups: analysis.groups.map((g) => ({ id: g.id, name: g.name, counts: g.counts, order: g.subjects.map((s) => s.index) })),
    hints: scoresheetInlayHints(analysis, 'en'),
    lenses: scoresheetLenses(analysis, 'zh-CN'),
    places: offsets.map((offset) => ({
      offset,
      node: document?.tree.nodeAtOffset(offset).steps.map((s) => s.segment) ?? null,
      hover: scoresheetHover(analysis, offset, 'en')?.markdown ?? null,
      definition: scoresheetDefinition(analysis, offset) ?? null,
    })),
    completion: offsets.map((offset) => scoresheetCompletion(analysis, offset, 'en').map((c) => [c.label, c.insertText, c.replace.start, c.replace.end])),
  };
}

/** Where two digests first differ (a path and both values), so that a failure says what went wrong. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${at || '(top)'}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** The session's analysis equals the whole one, digested at these offsets. */
function assertSame(fromSession: ScoresheetAnalysis, fresh: ScoresheetAnalysis, offsets: number[], context: string): void {
  const [mine, theirs] = [digest(fromSession, offsets), digest(fresh, offsets)];
  const difference = firstDifference(JSON.parse(JSON.stringify(mine)), JSON.parse(JSON.stringify(theirs)));
  if (difference) assert.fail(`${context}: ${difference}`);
  assert.deepEqual(mine, theirs, context);
}

/** The rubric a lookup answers with: one analysis object per rubric text, as the server keeps it. */
function lookupOf(rubric: Analysis | undefined): (written: string) => RubricLookup {
  return (written) => (rubric ? { found: true, analysis: rubric, location: written } : { found: false, reason: { en: 'no such file', 'zh-CN': '文件不存在' } });
}

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

interface Run {
  incremental: number;
}

/** Random edits through one session; after each, the session's analysis equals a fresh whole one. */
function run(original: string, rubric: Analysis | undefined, edits: number, seed: number, sheet: MeasuredSession = session()): Run {
  const next = random(seed);
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
    assertSame(fromSession, fresh, offsets, `edit ${i} (${sheet.lastPath}) of seed ${seed}:\n${text}\n`);
  }
  return { incremental };
}

function sample(name: string): string {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}

describe('scoresheet session equals a fresh whole analysis', function () {
  this.timeout(300000);

  for (const [sheet, rubric, edits, seed] of [
    ['forest-chief-2022.scores.yaml', 'forest-chief-2022.rubric.yaml', 300, 3],
    ['village-graduates-2022.scores.yaml', 'village-graduates-2022.rubric.yaml', 150, 4],
    ['green-development-forestry.scores.yaml', 'green-development-forestry.rubric.yaml', 300, 5],
  ] as const) {
    it(`after ${edits} random edits of ${sheet}`, () => {
      const { incremental } = run(sample(sheet), analyze(sample(rubric)), edits, seed);
      // The edits must exercise the incremental path, not only the fall-back.
      assert.ok(incremental > edits / 4, `only ${incremental} edits took the incremental path`);
    });
  }

  it('after 100 random edits of a generated scoresheet (30 subjects × about 30 leaves, flow and block maps, deductions, bonus, penalties, vetoes)', () => {
    const generated = generateScoresheet({ leaves: 20, subjects: 30, seed: 6 });
    const rubric = analyze(generated.rubric);
    assert.deepEqual(rubric.findings, []);
    assert.deepEqual(core().analyzeScoresheet(generated.sheet, lookupOf(rubric)).findings, []);
    const { incremental } = run(generated.sheet, rubric, 100, 6);
    assert.ok(incremental > 35, `only ${incremental} edits took the incremental path`);
  });

  it('after 150 random edits of a sample with Windows line ends (CRLF)', () => {
    const text = sample('forest-chief-2022.scores.yaml').replace(/\n/g, '\r\n');
    const { incremental } = run(text, analyze(sample('forest-chief-2022.rubric.yaml')), 150, 12);
    assert.ok(incremental > 35, `only ${incremental} edits took the incremental path`);
  });

  it('after 200 random edits of a sheet whose rubric is not found', () => {
    const { incremental } = run(sample('forest-chief-2022.scores.yaml'), undefined, 200, 8);
    assert.ok(incremental > 80, `only ${incremental} edits took the incremental path`);
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

  it('random edits of the rubric and the sheet, interleaved, equal fresh analyses', () => {
    const generated = generateScoresheet({ leaves: 20, subjects: 30, seed: 9 });
    const next = random(90);
    const sheet = session();
    let rubricText = generated.rubric;
    let sheetText = generated.sheet;
    let rubric = analyze(rubricText);
    for (let i = 0; i < 100; i++) {
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
