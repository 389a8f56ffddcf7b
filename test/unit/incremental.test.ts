import { strict as assert } from 'assert';
import { parseDocument } from 'yaml';
import { findLayout, layoutAfterEdit } from 'rubric-studio-server/out/core/blocks/layout';
import { changedStretch, LineIndex } from 'rubric-studio-server/out/core/text/line-index';
import { generateDeepRubric, generateRubric } from '../support/generate-rubric';
import { digest, indicatorCodes, sessionSplittingAbove, Session, withIndicatorFindings } from '../support/rubric-session';
import { core } from '../support/rubric-core';

/**
 * A rubric's incremental session against a whole analysis, on edits worked by hand: keys typed a
 * character at a time, what each edit checks again, texts the split could misread. The random
 * edits are in test/soak/incremental-equivalence.test.ts.
 */

describe('incremental analysis equals a fresh full analysis', function () {
  this.timeout(120000);

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
    // Found by the fuzz run (seed 295181819): the data keeps a repeated key's last value, the path was looked up under its first.
    'a repeated key, the schema error under its second value, a syntax error above':
      'rubric: 冷口乡2023年度就业服务工作考评表\nissuer: 冷口乡人民政府\nperiod: 2023\ntotal: 100\nsubject|\ns: [冷口村, 桑池村, 南冷口村, 北冷口村, 冷家庄村, 西峪村, 东峪村, 柳沟村, 老庄村, 新庄村]\nrounding: half-up\nmethods:\n  - {id: review, name: 台账核查}\n  - {id: phone, name: 电话回访}\nindicators:\n  - id: outreach\n    name: 就业政策宣传\n    weight: 30\n    methods: [review]\n    scoring:\n      levels:\n        - {points: 30, when: 宣传资料发放到户}\n        - {points: 15, when: 宣传覆盖不足}\n  - id: placement\n    name: 就业服务\n    weight: 70\n    items:\n      - i服务\n    weight: 70\n    items:\n      - id: registration\n        name: 求职与培训需求登记\n        weight: 30\n        methods: [review, phone]\n        scoring: {deduct: 3, per: 每发现一户返乡人员未登记}\n      - id: job-matching\n        name: 岗位推荐\n        weight: 40\n        methods: [phone]\n        scoring:\n          levels:\n            - {points: 40, when: 有意愿劳动力全部推荐岗位}\n            - {points: 25, whod, name: 较好, quota: {exactly: 30%}, min_score: 80}\n  - {id: fair, name: 一般, min_score: 60}\n  - {id: poor, name: 较差, quota: {exactly: 4%}}\n',
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
