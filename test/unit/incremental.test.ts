import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { Analysis, IncrementalSession, documentSymbols, foldingRanges, hover, inlayHints, quotaLenses } from 'rubric-studio-server';
import { createIncrementalSession } from 'rubric-studio-server/out/core/rubric/session/session';
import { findLayout, layoutAfterEdit } from 'rubric-studio-server/out/core/blocks/layout';
import { changedStretch, LineIndex } from 'rubric-studio-server/out/core/text/line-index';
import { createSchemaValidator } from 'rubric-studio-server/out/core/schema/schema-validator';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { generateDeepRubric, generateRubric, random } from '../support/generate-rubric';
import { core } from '../support/rubric-core';

const SAMPLES = path.resolve(__dirname, '../../../samples');

/** Everything an editor shows from an analysis, as plain data to compare. */
function digest(analysis: Analysis, offsets: number[]): unknown {
  const span = (s: { start: number; end: number } | undefined) => (s ? [s.start, s.end] : null);
  const whole = { start: 0, end: analysis.source.text.length };
  return {
    findings: analysis.findings,
    documents: analysis.documents.map(({ model, allocation, parsed }) => ({
      span: span(parsed.span),
      indicatorsField: model.indicators.field && [span(model.indicators.field.keySpan), span(model.indicators.field.span)],
      indicators: model.allIndicators.map((i) => [
        i.path.join('.'),
        i.key,
        span(i.keySpan),
        span(i.span),
        span(i.weight?.span),
        i.weight?.value?.toString(),
        i.effectiveWeight?.toString(),
        i.itemsSum?.toString(),
        span(i.itemsField?.keySpan),
        i.methods.map((m) => [m.value, span(m.span)]),
        i.scoring?.levels.map((l) => [l.points.value?.toString(), span(l.points.span)]),
      ]),
      tiers: model.tiers.items.map((t) => [t.key, span(t.keySpan), span(t.span)]),
      slots: allocation?.tiers.map((t) => [t.min, t.max]),
    })),
    symbols: documentSymbols(analysis),
    folds: foldingRanges(analysis),
    hints: inlayHints(analysis, whole, 'en'),
    lenses: quotaLenses(analysis, 'en'),
    hovers: offsets.map((o) => hover(analysis, o, 'en', core().schemaDocs)?.markdown ?? null),
  };
}

const ALPHABET = ['a', '7', '中', ' ', ' ', ':', '-', '\n', '\n  ', '#', '{', '"', '.', '0', '\n    wei', '\n        na', '[', "'"];

/**
 * One edit a person might make, or a slip: mostly typing inside values (a digit of a weight, a
 * character of a name), sometimes a character anywhere, a deletion, a copied or removed line.
 */
function randomEdit(text: string, next: () => number): string {
  const roll = next();
  const at = Math.floor(next() * (text.length + 1));
  if (roll < 0.35) {
    const digits = [...text.matchAll(/weight: (\d)/g)];
    if (digits.length === 0) return text;
    const hit = digits[Math.floor(next() * digits.length)];
    const index = hit.index! + 'weight: '.length;
    return text.slice(0, index) + String(Math.floor(next() * 10)) + text.slice(index + 1);
  }
  if (roll < 0.6) {
    const values = [...text.matchAll(/(name|criteria|when|per): [^\n{}[\],]*/g)];
    if (values.length === 0) return text;
    const hit = values[Math.floor(next() * values.length)];
    const index = hit.index! + hit[0].length;
    return text.slice(0, index) + ['好', 'x', '9', ' 与'][Math.floor(next() * 4)] + text.slice(index);
  }
  if (roll < 0.75) return text.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + text.slice(at);
  if (roll < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  if (roll < 0.88) return sameIdAgain(text, next);
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  if (roll < 0.9) lines.splice(line, 0, `${/^ */.exec(lines[line])![0]}# rubric-ignore${next() < 0.5 ? ' children-sum' : ''}`);
  else if (roll < 0.95) lines.splice(line, 0, lines[line]);
  else lines.splice(line, 1);
  return lines.join('\n');
}

/**
 * One id written again in place of another (duplicate-id across blocks), or the other way back:
 * the ids a session counts as blocks come and go must say what a walk of the whole tree says.
 */
function sameIdAgain(text: string, next: () => number): string {
  const ids = [...text.matchAll(/id: ([\w-]+)/g)];
  if (ids.length < 2) return text;
  const [target, source] = [0, 1].map(() => ids[Math.floor(next() * ids.length)]);
  const at = target.index! + 'id: '.length;
  return text.slice(0, at) + source[1] + text.slice(at + target[1].length);
}

/**
 * A session that splits blocks of more than `splitAbove` characters into smaller ones, so that
 * rubrics small enough to compare after every edit still go through every level of the split.
 */
function sessionSplittingAbove(splitAbove: number) {
  const validator = createSchemaValidator(loadRubricSchema());
  return createIncrementalSession({ validator, analyzeWhole: (text) => core().analyze(text) }, { splitAbove });
}

interface Run {
  incremental: number;
  /** Incremental edits that parsed again less than a top-level indicator's text: a deeper block. */
  deeper: number;
  /** The indicators the checks of single indicators ran on, over the incremental edits. */
  checked: number;
}

/** A session as the core makes it, or one made here (which says how much it parsed and checked again). */
type Session = IncrementalSession & { readonly lastParsed?: number; readonly lastChecked?: number };

function run(original: string, edits: number, seed: number, session: Session = core().createSession()): Run {
  const next = random(seed);
  let text = original;
  let incremental = 0;
  let deeper = 0;
  let checked = 0;
  for (let i = 0; i < edits; i++) {
    // Back to a clean rubric now and then, so the edits explore valid and broken text alike.
    text = i % 12 === 0 ? original : randomEdit(text, next);
    const offsets = [0, 1, 2].map(() => Math.floor(next() * text.length));
    // And a line's first character: where one node ends and the next begins (a list and the key after it).
    const lineStarts = [...text.matchAll(/\n/g)].map((m) => m.index! + 1);
    offsets.push(lineStarts[Math.floor(next() * lineStarts.length)] ?? 0, text.length);
    const fromSession = session.update(text);
    if (session.lastPath === 'incremental') {
      incremental++;
      checked += session.lastChecked ?? Infinity;
      if ((session.lastParsed ?? Infinity) < smallestTopLevelIndicator(text)) deeper++;
    }
    const fresh = core().analyze(text);
    assert.deepEqual(digest(fromSession, offsets), digest(fresh, offsets), `edit ${i} (${session.lastPath}) of seed ${seed}:\n${text}`);
  }
  return { incremental, deeper, checked };
}

/** `text` with its `nth` (0-based) match of `pattern` replaced. */
function replaceNth(text: string, pattern: RegExp, nth: number, replacement: string): string {
  const match = [...text.matchAll(new RegExp(pattern.source, 'g'))][nth];
  assert.ok(match, `no match ${nth} of ${pattern}`);
  return text.slice(0, match.index) + replacement + text.slice(match.index! + match[0].length);
}

/**
 * A deep generated rubric with a finding of every check of single indicators, in different
 * areas: a leaf weight its group's sum no longer matches (children-sum), a deduction worth more
 * than its leaf (rule-exceeds-weight), a deduction rule id written twice in one leaf
 * (duplicate-id, whose message names the line of the first) and a method that `methods:` does
 * not define (unknown-reference). A session keeps such findings for blocks an edit leaves alone.
 */
function withIndicatorFindings(text: string): string {
  let edited = replaceNth(text, /weight: \d+\.\d\d\n {12}criteria/, 1, 'weight: 9.99\n            criteria');
  edited = replaceNth(edited, /deduct: 0\.01, per/, 1, 'deduct: 50, per');
  edited = replaceNth(edited, /scoring: \{deduct: 0\.01, per: [^}]*\}/, 2, 'scoring: {deduct: [{id: r, points: 0.01}, {id: r, points: 0.01}]}');
  return replaceNth(edited, /methods: \[review, inspection\]/, 3, 'methods: [review, inspektion]');
}

/** The codes of the findings of the checks of single indicators in an analysis, each once. */
function indicatorCodes(analysis: Analysis): string[] {
  const codes = analysis.findings.map((f) => f.code).filter((c) => ['children-sum', 'rule-exceeds-weight', 'duplicate-id', 'unknown-reference'].includes(c));
  return [...new Set(codes)].sort();
}

/** The length of the shortest top-level indicator's text (from its `  - id:` line to the next one's; tiers are `  - {id:`). */
function smallestTopLevelIndicator(text: string): number {
  const starts = [...text.matchAll(/^ {2}- id:/gm)].map((m) => m.index!);
  const lengths = starts.slice(1).map((start, i) => start - starts[i]);
  return Math.min(...lengths);
}

describe('incremental analysis equals a fresh full analysis', function () {
  this.timeout(120000);

  it('after 1,000 random edits of a generated rubric (60 indicators)', () => {
    const { incremental } = run(generateRubric(60, 7).text, 1000, 11);
    // The edits must exercise the incremental path, not only the fallback.
    assert.ok(incremental > 400, `only ${incremental} edits took the incremental path`);
  });

  // Deep rubrics as county schemes are: a few areas, 3 or 4 levels. Blocks of more than 600
  // characters are split, so that every level of the split is taken at a size compared after each edit.
  const deepShapes = [
    { indicators: 60, areas: 3, levels: 3, seed: 21 },
    { indicators: 60, areas: 2, levels: 4, seed: 22 },
  ];
  for (const { seed, ...shape } of deepShapes) {
    it(`after 500 random edits of a deep generated rubric (${shape.areas} areas, ${shape.levels} levels), split deeper`, () => {
      const { text } = generateDeepRubric(shape, seed);
      const { incremental, deeper } = run(text, 500, seed, sessionSplittingAbove(600));
      assert.ok(incremental > 200, `only ${incremental} edits took the incremental path`);
      // The split must go below the top-level indicators, not only fall back to them.
      assert.ok(deeper > 150, `only ${deeper} edits parsed less than a top-level indicator again`);
    });
  }

  it('after 500 random edits of a deep rubric with findings in its blocks, kept for the blocks an edit leaves alone', () => {
    const text = withIndicatorFindings(generateDeepRubric({ indicators: 60, areas: 3, levels: 3 }, 24).text);
    assert.deepEqual(indicatorCodes(core().analyze(text)), ['children-sum', 'duplicate-id', 'rule-exceeds-weight', 'unknown-reference']);
    const indicators = core().analyze(text).documents[0].model.allIndicators.length;
    const { incremental, checked } = run(text, 500, 24, sessionSplittingAbove(600));
    assert.ok(incremental > 200, `only ${incremental} edits took the incremental path`);
    // Each edit checks the indicators of the blocks it changed and the groups above them; every
    // twelfth goes back to the original text, and an edit of `methods:` checks them all again.
    assert.ok(checked < (incremental * indicators) / 4, `${checked} indicators checked over ${incremental} edits of ${indicators} indicators`);
  });

  it('after 150 random edits of a deep generated rubric with the default split', () => {
    const { incremental } = run(generateDeepRubric({ indicators: 150, areas: 5, levels: 3 }, 23).text, 150, 23);
    assert.ok(incremental > 50, `only ${incremental} edits took the incremental path`);
  });

  for (const name of ['forest-chief-2022.rubric.yaml', 'village-graduates-2022.rubric.yaml', 'vendor-evaluation.rubric.yaml']) {
    it(`after 300 random edits of ${name}`, () => {
      const { incremental } = run(fs.readFileSync(path.join(SAMPLES, name), 'utf8'), 300, name.length);
      assert.ok(incremental > 100, `only ${incremental} edits took the incremental path`);
    });
  }

  it('after 400 random edits of a rubric using every key real schemes need (issue 11)', () => {
    const text = [
      'rubric: 村干部绩效考核',
      'precision: 2',
      'subjects:',
      '  groups:',
      '    - {id: towns, name: 乡镇序列, members: [古绛镇, 横水镇, 卫庄镇, 安峪镇, 大交镇, 冷口乡, 南樊镇, 勃村镇, 陈村镇, 郝庄镇]}',
      '    - {id: depts, name: 部门序列, count: 20}',
      'indicators:',
      '  - id: work',
      '    name: 工作实绩',
      '    out_of: 100',
      '    weight: 70',
      '    items:',
      '      - id: river',
      '        name: 河道保洁',
      '        weight: 40',
      '        scoring:',
      '          floor: 0',
      '          deduct:',
      '            - {id: litter, points: 0.5, per: 每发现一处垃圾, max: 4}',
      '            - {id: no-record, points: 2, when: 未建立巡河台账}',
      '      - {id: safety, name: 安全生产, weight: 60, scoring: {deduct: 2, per: 每起事故}}',
      '  - {id: appraisal, name: 群众评议, weight: 30}',
      'bonus:',
      '  cap: 5',
      '  items:',
      '    - {id: early, name: 每提前1天完成, points: 1, per: 天}',
      'penalties:',
      '  cap: 10',
      '  items:',
      '    - {id: complaint, name: 被群众有效投诉, points: 1, per: 次}',
      'veto:',
      '  - {id: discipline, name: 受到党纪政务处分, bars: [excellent]}',
      '  - {id: safety-floor, name: 安全生产不达标, when: {indicator: safety, below: 60%}, tier: poor}',
      'tiers:',
      '  - {id: excellent, name: 优秀, quota: {max: 30%}}',
      '  - {id: good, name: 良好}',
      '  - {id: poor, name: 不合格}',
      '',
    ].join('\n');
    assert.deepEqual(core().analyze(text).findings, []);
    const { incremental } = run(text, 400, 9);
    assert.ok(incremental > 100, `only ${incremental} edits took the incremental path`);
  });

  it('stays incremental while a key is typed into an indicator, colon and all', () => {
    const { text } = generateRubric(200, 5);
    const session = core().createSession();
    session.update(text);
    const middle = text.indexOf('\n', text.indexOf('criteria: ', text.length / 2));
    // The last line of a top-level indicator: a key left open there runs up to the next item.
    const blockEnd = text.indexOf('\n  - id:', text.length / 2);
    // Each indicator already has a weight: typed again, the repeated key is an error too.
    for (const at of [middle, blockEnd]) {
      for (const typed of ['w', 'wei', 'weight', 'weight:', 'weight: 1', 'note', 'note: x']) {
        const edited = `${text.slice(0, at)}\n        ${typed}${text.slice(at)}`;
        const analysis = session.update(edited);
        assert.equal(session.lastPath, 'incremental', `typing ${typed}`);
        const offsets = [at + 2, at + 10, edited.indexOf('\n  - id:', at + 1) + 1, edited.length - 1];
        assert.deepEqual(digest(analysis, offsets), digest(core().analyze(edited), offsets), `typing ${typed}`);
      }
    }
  });

  it('stays incremental while a key is typed after the list, and answers as a whole analysis before it', () => {
    const { text: generated } = generateRubric(200, 5);
    // A tier written as a block mapping, to type a key into.
    const text = generated.replace('tiers:\n', 'tiers:\n  - id: top\n    name: 最佳\n');
    const session = core().createSession();
    session.update(text);
    const inTier = text.indexOf('\n', text.indexOf('name: 最佳'));
    const atEnd = text.length;
    const beforeList = text.indexOf('\n', text.indexOf('rounding: '));
    const cases = [
      { at: inTier, indent: '    ', incremental: true, typing: ['m', 'min', 'min_score', 'min_score: 9', 'name', 'name: x'] },
      { at: atEnd, indent: '', incremental: true, typing: ['b', 'bonus', 'subjects', 'subjects: 9', 'rubric'] },
      // A key without its colon just above `indicators:` runs on into it: only the whole text says so.
      { at: beforeList, indent: '', incremental: false, typing: ['s', 'sub', 'subjects', 'subjects: 9'] },
    ];
    for (const { at, indent, incremental, typing } of cases) {
      for (const typed of typing) {
        const edited = `${text.slice(0, at)}\n${indent}${typed}${text.slice(at)}`;
        const analysis = session.update(edited);
        if (incremental) assert.equal(session.lastPath, 'incremental', `typing ${typed}`);
        const offsets = [at + 1, at + indent.length + 2, edited.length - 1];
        assert.deepEqual(digest(analysis, offsets), digest(core().analyze(edited), offsets), `typing ${typed}`);
      }
    }
  });

  it('stays incremental with a section comment at column 0 inside an indicator', () => {
    const text =
      'rubric: t\nindicators:\n  - id: g1\n    items:\n      - id: a\n        weight: 1\n\n# 第二小节\n      - id: b\n        weight: 2\n  - id: g2\n    weight: 3\n';
    const session = core().createSession();
    session.update(text);
    const edited = text.replace('weight: 2', 'weight: 2\n        wei');
    const offsets = [edited.indexOf('wei\n'), edited.length];
    assert.deepEqual(digest(session.update(edited), offsets), digest(core().analyze(edited), offsets));
    assert.equal(session.lastPath, 'incremental');
  });

  it('takes only the typing errors the parser still names as they were when the rule was written', () => {
    // The rule for errors that stay in a block matches this message; a new wording must fail here, not silently.
    const doc = parseDocument('a: 1\nwei\n', { uniqueKeys: true });
    assert.deepEqual(
      doc.errors.map((e) => [e.code, e.message.split('\n')[0].replace(/ at line.*/, '')]),
      [['MISSING_CHAR', 'Implicit map keys need to be followed by map values']],
    );
  });

  it('checks again only what an edit reaches: its blocks and the groups above, line numbers, paths and methods', () => {
    const text = withIndicatorFindings(generateDeepRubric({ indicators: 60, areas: 3, levels: 3 }, 24).text);
    const session = sessionSplittingAbove(600);
    const indicators = core().analyze(text).documents[0].model.allIndicators.length;
    const same = (edited: string, what: string) => {
      const offsets = [edited.indexOf('inspektion'), edited.indexOf('{id: r,'), edited.length - 1];
      const analysis = session.update(edited);
      assert.equal(session.lastPath, 'incremental', what);
      assert.deepEqual(digest(analysis, offsets), digest(core().analyze(edited), offsets), what);
      assert.deepEqual(indicatorCodes(analysis), ['children-sum', 'duplicate-id', 'rule-exceeds-weight', 'unknown-reference'], what);
      return session.lastChecked!;
    };
    assert.equal(same(text, 'the first version'), indicators);
    // A character in a leaf's criteria: that leaf, and the sub-area and area above it (their
    // blocks are cut again), plus the leaf whose duplicate-id names a line.
    const lastCriteria = text.lastIndexOf('criteria: ') + 'criteria: '.length;
    const typed = text.slice(0, lastCriteria) + '好' + text.slice(lastCriteria);
    assert.ok(same(typed, 'a character typed') <= 4, 'a character typed checks at most 4 indicators');
    // A line above every block: the duplicate-id message names a line one further down.
    const lineAdded = typed.replace('issuer: ', '# 说明\nissuer: ');
    assert.ok(same(lineAdded, 'a line added above') <= 1, 'a line added above checks again only the finding that names a line');
    // A new first area: every block's path changes (children-sum names its group's path).
    const areaAdded = lineAdded.replace('indicators:\n', 'indicators:\n  - id: new\n    name: 新增\n    weight: 1\n');
    assert.equal(same(areaAdded.replace('total: 100', 'total: 101'), 'an area added first'), indicators + 1);
    // `inspektion` defined after all: every indicator is checked against the new methods.
    const methodAdded = areaAdded.replace('total: 100', 'total: 101').replace('methods:\n', 'methods:\n  - {id: inspektion2, name: 抽查}\n');
    assert.equal(same(methodAdded, 'a method added'), indicators + 1);
  });

  it('reuses blocks: a second analysis of a big rubric after one keystroke parses one block', () => {
    const session = core().createSession();
    const { text } = generateRubric(2000, 3);
    session.update(text);
    const at = text.indexOf('criteria: ', text.length / 2) + 'criteria: '.length;
    const edited = text.slice(0, at) + '好' + text.slice(at);
    const analysis = session.update(edited);
    assert.equal(session.lastPath, 'incremental');
    assert.deepEqual(analysis.findings, core().analyze(edited).findings);
  });
});

describe("a layout made from the last version's", () => {
  // Expected: the layout read from the whole text by findLayout, which every test above checks
  // against a whole analysis.
  const texts = [
    ['a wide rubric', generateRubric(60, 7).text],
    ['a deep rubric', generateDeepRubric({ indicators: 60, areas: 3, levels: 3 }, 21).text],
  ];
  for (const [name, original] of texts) {
    it(`equals the layout of the whole text after 1,500 random edits of ${name}`, () => {
      const next = random(31);
      let text = original;
      let lines = new LineIndex(text);
      let layout = findLayout(text, lines, 'indicators');
      let fromLast = 0;
      for (let i = 0; i < 1500; i++) {
        const edited = i % 50 === 0 ? original : randomEdit(text, next);
        const changed = changedStretch(text, edited);
        const editedLines = LineIndex.afterEdit(lines, edited, changed);
        const whole = findLayout(edited, new LineIndex(edited), 'indicators');
        const made = layout && layoutAfterEdit({ lines, layout }, edited, editedLines, changed);
        if (made) {
          fromLast++;
          assert.deepEqual(made, whole, `edit ${i}:\n${edited}`);
        }
        [text, lines, layout] = [edited, editedLines, whole];
      }
      assert.ok(fromLast > 700, `only ${fromLast} layouts were made from the last one`);
    });
  }

  // Lines that end the list or make it unusual are left to findLayout; lines of items are read alone.
  const cases: [string, string, string, 'whole' | 'from the last'][] = [
    // [what, before, after, how the layout is made]
    ['the line break before the key after the list is deleted', 'weight: 100\ntiers:', 'weight: 100tiers:', 'whole'],
    ['a key is typed at column 0 inside the list', '    weight: 50\n  - name: b', '    weight: 50\nx: 1\n  - name: b', 'whole'],
    ['a tab is typed before a key', '    weight: 50\n', '\tweight: 50\n', 'whole'],
    ['an anchor is typed', 'name: b', 'name: &b b', 'whole'],
    ['an item is begun', '    weight: 50\n', '    weight: 50\n  - name: c\n    weight: 0\n', 'from the last'],
    ['a comment is typed at column 0', '    weight: 50\n', '    weight: 50\n# 注\n', 'from the last'],
  ];
  const rubric = 'rubric: t\nindicators:\n  - name: a\n    weight: 50\n  - name: b\n    weight: 100\ntiers:\n  - name: A\n';
  for (const [what, before, after, how] of cases) {
    it(`is made ${how === 'whole' ? 'from the whole text' : 'from the last'} when ${what}`, () => {
      const edited = rubric.replace(before, after);
      assert.notEqual(edited, rubric);
      const lines = new LineIndex(rubric);
      const changed = changedStretch(rubric, edited);
      const made = layoutAfterEdit({ lines, layout: findLayout(rubric, lines, 'indicators')! }, edited, LineIndex.afterEdit(lines, edited, changed), changed);
      if (how === 'whole') assert.equal(made, undefined);
      else assert.deepEqual(made, findLayout(edited, new LineIndex(edited), 'indicators'));
    });
  }
});

describe('incremental analysis on texts that its split could misread', () => {
  // Each was found by reading the splitter: the session must answer as a whole analysis does.
  const cases: Record<string, string> = {
    'a stray key after the list, not at column 0': 'rubric: t\nindicators:\n  - name: a\n    weight: 100\n  oops: 1\ntiers:\n  - name: A\n',
    'a half-typed line after the list': 'rubric: t\nindicators:\n  - name: a\n    weight: 100\n  t\ntiers:\n  - name: A\n',
    'an indented tiers key': 'rubric: t\nindicators:\n  - name: a\n    weight: 100\n tiers:\n  - name: A\n',
    'an item at column 0 after the list': 'rubric: t\nindicators:\n  - name: a\n    weight: 50\n- name: b\n  weight: 50\ntiers:\n  - name: A\n',
    'indicators as the last key, with an ignore comment':
      'rubric: t\ntiers:\n  - name: A\nindicators:\n  - name: a\n    weight: 100\n    # rubric-ignore\n    scoring: {deduct: 200}\n',
    'a block scalar at the root': '|\nrubric: t\nindicators:\n  - name: a\n    weight: 100\ntiers:\n  - name: A\n',
    'a flow item last': 'rubric: t\nindicators:\n  - {name: a, weight: 50}\n  - {name: b, weight: 50}\ntiers:\n  - name: A\n',
    'a comment after the last item': 'rubric: t\nindicators:\n  - name: a\n    weight: 100\n    # c\ntiers:\n  - name: A\n',
    'a scalar item last': 'rubric: t\nindicators:\n  - name: a\n    weight: 100\n  - foo\ntiers:\n  - name: A\n',
    'a key typed after a comment at column 0, running on into the next item':
      'rubric: t\nindicators:\n  - name: a\n    weight: 50\n\n# c\n    x\n  - name: b\n    weight: 50\ntiers:\n  - name: A\n',
    "a key typed after a comment at the items' column":
      'rubric: t\nindicators:\n  - name: a\n    weight: 50\n  #c\n    x\n  - name: b\n    weight: 50\ntiers:\n  - name: A\n',
    'a key typed last in the list, before the key after it': 'rubric: t\nindicators:\n  - name: a\n    weight: 100\n    x\ntiers:\n  - name: A\n',
    'a block scalar at column 0 after the list, a key typed in the tiers':
      'rubric: t\nsubjects: 3\nindicators:\n  - name: a\n    weight: 100\n|\n  - name: b\n    weight: 1\ntiers:\n  - name: A\n    x\n',
    'a block scalar at column 0 after the list, holding a key without its colon':
      'rubric: t\nsubjects: 3\nindicators:\n  - name: a\n    weight: 100\n|\n  x\ntiers:\n  - name: A\n',
    'a value on its own line after a comment that lowers the indentation': 'rubric: t\nindicators:\n  - id: a\n    name:\n#c\n      wei\n  - id: b\n',
    'a value on its own line after a blank line and a comment at column 0': 'rubric: t\nindicators:\n  - id: a\n    name:\n\n# note\n      wei\n  - id: b\n',
    'a key typed last in the file, without a final newline': 'rubric: T\nindicators:\n  - id: a\n    weight',
    'an empty value last in the file': 'rubric: T\nindicators:\n- id: b\n  items:\n',
    'an indicator just begun after a comment, last before the key after the list': 'rubric: T\nindicators:\n  - id: b\n   # c\n  -\nmethods: []\n',
    'an explicit key with an empty block scalar': 'rubric: T\nindicators:\n  -\n    ? |\n\n  - ? k\ntiers:\n  - {key: x, share: 1}',
    'a block scalar holding indicators:':
      'rubric: t\nindicators:\n  - name: a\n    weight: 100\n    criteria: |\n      indicators:\n      - x\ntiers:\n  - name: A\n',
    // 98 brackets at column 4: 101 levels in the file (the root's and the list's columns count), 100 in the block alone.
    'a value nested past the limit only with the columns around its block': `rubric: t\nindicators:\n  - name: a\n    weight: 100\n  - name: b\n    criteria: ${'['.repeat(98)}${']'.repeat(98)}\ntiers:\n  - name: A\n`,
  };
  const sessions: [string, () => Session][] = [
    ['', () => core().createSession()],
    // Every indicator with items split into its items' blocks, at any level.
    [' (split at every level)', () => sessionSplittingAbove(0)],
  ];
  for (const [name, text] of Object.entries(cases))
    for (const [how, createSession] of sessions) {
      it(name + how, () => {
        const session = createSession();
        // Warm the session on a clean variant first, so the case itself takes the incremental path when it can.
        session.update(generateRubric(20, 1).text);
        session.update(text.replace('weight: 100', 'weight: 99'));
        const fromSession = session.update(text);
        // Every offset: the cases are short, and their trouble is at the edges of lines and blocks.
        const offsets = Array.from({ length: text.length + 1 }, (_, offset) => offset);
        assert.deepEqual(digest(fromSession, offsets), digest(core().analyze(text), offsets));
      });
    }
});
