import { strict as assert } from 'assert';
import Big from 'big.js';
import {
  codeActions,
  complete,
  documentSymbols,
  findingsAt,
  foldingRanges,
  hover,
  inlayHints,
  quotaLenses,
  scaleExactly,
  summarize,
} from 'rubric-studio-server';
import { analyze, core } from '../support/rubric-core';
import { expectFindings } from '../support/expect-findings';

/**
 * Documents built to hurt: each must come back (no hang, no crash, no abort of the process) with
 * at most a few clear findings and never a wrong figure. "Quickly" is a bound on work, not time:
 * every case is one analysis (and one incremental update) of a text at most a few megabytes long.
 */

const TIERS = 'tiers:\n  - {id: a, name: A, quota: {exactly: 30%}}\n  - {id: b, name: B}\n';

function withWeights(...weights: string[]): string {
  return `rubric: T\nsubjects: 10\nindicators:\n${weights.map((w, i) => `  - {name: n${i}, weight: ${w}}\n`).join('')}${TIERS}`;
}

/** The whole analysis, the incremental one (twice: first open, then a keystroke) and the services all answer. */
function everything(text: string) {
  const analysis = analyze(text);
  const session = core().createSession();
  session.update(text);
  const edited = session.update(`${text}\n# edit\n`);
  for (const a of [analysis, edited]) {
    const length = a.source.text.length;
    for (const f of a.findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= length, `${f.code} ${f.span.start}..${f.span.end}`);
    documentSymbols(a);
    foldingRanges(a);
    inlayHints(a, { start: 0, end: length }, 'en');
    quotaLenses(a, 'zh-CN');
    hover(a, Math.floor(length / 2), 'en', core().schemaDocs);
    codeActions(a, a.findings, 'en');
  }
  return analysis;
}

/** The classic "billion laughs": nine levels of ten aliases each, 10^9 strings if expanded. */
function billionLaughs(): string {
  let text = 'rubric: T\nlol:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) text += `  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
  return `${text}indicators:\n  - {name: a, weight: 100}\n${TIERS}`;
}

describe('hostile documents', function () {
  // Generous: the machines are shared and noisy; the bound that matters is that each returns.
  this.timeout(120000);

  describe('resources', () => {
    it('an alias expansion bomb gets one yaml-syntax finding at its first alias, not a silently unchecked file', () => {
      const text = billionLaughs();
      const analysis = everything(text);
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['yaml-syntax'],
      );
      // The first alias is `*l0` on the l1 line.
      const first = text.indexOf('*l0');
      assert.deepEqual(analysis.findings[0].span, { start: first, end: first + 3 });
      assert.match(analysis.findings[0].message.en, /expand to more than 1000 copies/);
      assert.match(analysis.findings[0].message['zh-CN'], /别名/);
    });

    it('300 levels of nested block lists: one finding where the nesting passes 100, no parse', () => {
      let text = 'rubric: T\nindicators:\n';
      for (let i = 0; i < 300; i++) text += `${' '.repeat(2 * i + 2)}- name: n${i}\n${' '.repeat(2 * i + 4)}items:\n`;
      const analysis = everything(text);
      assert.equal(analysis.documents.length, 0);
      assert.equal(analysis.findings.length, 1);
      assert.equal(analysis.findings[0].code, 'yaml-syntax');
      assert.match(analysis.findings[0].message.en, /nest more than 100 levels/);
      // Item i (line 2 + 2i, column 2i + 2) stands under i + 2 indentation levels (columns 0, 2, …, 2i + 2)
      // and adds its dash: i + 3 levels. 101 > 100 first at i = 98, on line 2 + 2 × 98 = 198.
      assert.equal(analysis.source.lines.positionAt(analysis.findings[0].span.start).line, 198);
    });

    it('500 nested flow brackets: one finding at the 100th bracket', () => {
      const text = `rubric: T\nindicators: ${'['.repeat(500)}${']'.repeat(500)}\n`;
      const analysis = everything(text);
      // Depth 1 for the line's indentation level (column 0), then one per "[": the 100th bracket makes 101.
      const at = text.indexOf('[') + 99;
      assert.deepEqual(
        analysis.findings.map((f) => [f.code, f.span.start]),
        [['yaml-syntax', at]],
      );
    });

    it('2,000 levels of nesting, analysed whole and then incrementally, leave the process alive (V8 aborted it near the stack end)', () => {
      let text = 'rubric: T\nindicators:\n';
      for (let i = 0; i < 2000; i++) text += `${' '.repeat(i + 2)}- \n`;
      analyze(text);
      const session = core().createSession();
      assert.equal(session.update(text).findings[0].code, 'yaml-syntax');
    });

    it('brackets inside quotes and comments do not count as nesting', () => {
      const brackets = '['.repeat(150);
      const text = `rubric: "${brackets}"\nissuer: '${brackets}'\n# ${brackets}\nindicators:\n  - {name: a, weight: 100}\n${TIERS}`;
      assert.deepEqual(everything(text).findings, []);
    });

    it('a single line of two megabytes is analysed and its figures are right', () => {
      const name = '长'.repeat(1_000_000);
      const text = `rubric: T\nsubjects: 10\nindicators: [{name: "${name}", weight: 60}, {name: b, weight: 30}]\n${TIERS}`;
      const analysis = everything(text);
      // 60 + 30 = 90: 10 missing.
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['weights-sum'],
      );
      assert.match(analysis.findings[0].message.en, /add up to 90, not 100: 10 missing/);
    });

    it('300 documents in one file: each analysed, the one wrong sum found in its own document', () => {
      const documents = Array.from({ length: 300 }, (_, i) => withWeights('60', i === 150 ? '39' : '40'));
      const text = documents.join('---\n');
      const analysis = everything(text);
      assert.equal(analysis.documents.length, 300);
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['weights-sum'],
      );
      // 60 + 39 = 99, in the 151st document.
      assert.match(analysis.findings[0].message.en, /99, not 100: 1 missing/);
      assert.ok(analysis.documents[150].findings.length === 1 && analysis.documents[149].findings.length === 0);
    });
  });

  describe('numbers in weights', () => {
    it('1e308 is beyond what the format accepts (at most 1000000000 points): reported, and no total is made from it', () => {
      const text = withWeights('1e308', '1e308');
      const analysis = everything(text);
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['schema', 'schema'],
      );
      assert.match(analysis.findings[0].message.en, /at most 1000000000/);
      assert.match(analysis.findings[0].message['zh-CN'], /不能大于 1000000000/);
      // Unknown, not 2e308 (nor Infinity): the summary says null.
      assert.equal(summarize(analysis.documents[0]).total, null);
    });

    it('1e309 (Infinity) and .nan are named as such, and no sum is made from them', () => {
      const [infinite] = expectFindings('rubric: T\nindicators:\n  - {name: a, weight: «1e309»}\n  - {name: b, weight: 100}\ntiers: [{name: t}]\n', 'schema');
      assert.match(infinite.message.en, /must be a number, not a number too large to hold/);
      const [nan] = expectFindings('rubric: T\nindicators:\n  - {name: a, weight: «.nan»}\n  - {name: b, weight: 100}\ntiers: [{name: t}]\n', 'schema');
      assert.match(nan.message.en, /not NaN \("not a number"\)/);
      assert.match(nan.message['zh-CN'], /非数字/);
    });

    it('NaN written plainly is text, -0 is not above 0', () => {
      expectFindings('rubric: T\nindicators:\n  - {name: a, weight: «NaN»}\n  - {name: b, weight: 100}\ntiers: [{name: t}]\n', 'schema');
      const [zero] = expectFindings('rubric: T\nindicators:\n  - {name: a, weight: «-0»}\n  - {name: b, weight: 100}\ntiers: [{name: t}]\n', 'schema');
      assert.match(zero.message.en, /greater than 0/);
    });

    it('0x1F is the YAML integer 31: 31 + 69 is 100', () => {
      assert.deepEqual(everything(withWeights('0x1F', '69')).findings, []);
    });

    it('Chinese numerals are text, with a hint to write digits', () => {
      const [finding] = expectFindings('rubric: T\nindicators:\n  - {name: a, weight: «三十»}\n  - {name: b, weight: 70}\ntiers: [{name: t}]\n', 'schema');
      assert.match(finding.message.en, /not the text "三十" \(write it in digits\)/);
      assert.match(finding.message['zh-CN'], /请用阿拉伯数字填写/);
    });

    it('1e-400 reads as 0: said so once, and no sum is made from it (was: "add up to 100, not 100: 0 over")', () => {
      const [finding] = expectFindings('rubric: T\nindicators:\n  - {name: a, weight: «1e-400»}\n  - {name: b, weight: 100}\ntiers: [{name: t}]\n', 'schema');
      assert.match(finding.message.en, /1e-400 cannot be held exactly \(it reads as 0\)/);
    });

    it('a sum off by 1e-15 is shown exactly, never rounded to "100, not 100: 0 over"', () => {
      const [finding] = expectFindings(
        'rubric: T\n«indicators»:\n  - {name: a, weight: 0.000000000000001}\n  - {name: b, weight: 100}\ntiers: [{name: t}]\n',
        'weights-sum',
      );
      // 0.000000000000001 + 100 = 100.000000000000001.
      assert.match(finding.message.en, /add up to 100\.000000000000001, not 100: 0\.000000000000001 over/);
    });

    it('scaling weights that need more than 10 decimals offers no fix (was: big.js "Division by zero" at 41 decimals)', () => {
      // 1e-41 + 100: a unit of 10^-42 is 0 at big.js's 40 places.
      assert.equal(scaleExactly([new Big('1e-41'), new Big(100)], new Big(100)), undefined);
      const analysis = analyze(withWeights('1e-41', '100'));
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['weights-sum'],
      );
      assert.deepEqual(codeActions(analysis, analysis.findings, 'en'), []);
    });

    it('"set the last weight" is not offered when the exact value needs more than 10 decimals (it wrote 100 for 99.99999999999)', () => {
      const analysis = analyze(withWeights('0.00000000001', '50'));
      const titles = codeActions(analysis, analysis.findings, 'en').map((a) => a.title);
      // 100 − 0.00000000001 = 99.99999999999: eleven decimals.
      assert.ok(!titles.some((t) => t.startsWith('Set the last weight')), titles.join(' | '));
    });
  });

  describe('numbers in quotas and counts', () => {
    const quota = (value: string) =>
      `rubric: T\nsubjects: 10\nindicators:\n  - {name: a, weight: 100}\ntiers:\n  - {id: a, name: A, quota: {exactly: ${value}}}\n  - {id: b, name: B}\n`;

    it('a count of 1e308 is beyond 100000 subjects: reported, no slots made from it', () => {
      const analysis = everything(quota('1e308'));
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['schema'],
      );
      assert.match(analysis.findings[0].message.en, /at most 100000/);
      // The tier's quota is unknown: both tiers share the 10 subjects.
      assert.deepEqual(
        summarize(analysis.documents[0]).tiers.map((t) => [t.min, t.max]),
        [
          [0, 10],
          [0, 10],
        ],
      );
    });

    it('0x3 is three subjects, -0 is none', () => {
      assert.deepEqual(
        summarize(everything(quota('0x3')).documents[0]).tiers.map((t) => t.max),
        [3, 7],
      );
      const zero = everything(quota('-0'));
      assert.deepEqual(
        summarize(zero.documents[0]).tiers.map((t) => t.max),
        [0, 10],
      );
    });

    it('.nan, 三十% and 1e2% are not quotas', () => {
      for (const value of ['.nan', '三十%', '"1e2%"'])
        assert.deepEqual(
          everything(quota(value)).findings.map((f) => f.code),
          ['schema'],
          value,
        );
    });

    it('subjects: 9007199254740993 reads as …992: said so, and N is unknown (no slots from a count nobody wrote)', () => {
      const text = 'rubric: T\nsubjects: 9007199254740993\nindicators:\n  - {name: a, weight: 100}\n' + TIERS;
      const analysis = everything(text);
      assert.deepEqual(
        analysis.findings.map((f) => f.code),
        ['schema'],
      );
      assert.match(analysis.findings[0].message.en, /cannot be held exactly \(it reads as 9007199254740992\)/);
      assert.equal(summarize(analysis.documents[0]).subjects, null);
    });
  });

  describe('characters', () => {
    it('lone surrogates and NUL in names and values: no crash, the bad value reported, ranges inside the text', () => {
      const text = `rubric: T\u0000\nsubjects: 10\nindicators:\n  - {name: "a\uD800", weight: 40}\n  - {name: \uDC00b, weight: 60\u0000}\n${TIERS}`;
      const analysis = everything(text);
      // "60\0" is text, not a number: one schema finding on it; the sum is then unknown, not 40.
      assert.deepEqual(
        analysis.findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]),
        [['schema', '60\u0000']],
      );
    });

    it('a text of NULs and replacement characters is no rubric, said once', () => {
      const analysis = everything('\u0000'.repeat(1000) + '\uFFFD'.repeat(1000));
      assert.ok(analysis.findings.length >= 1 && analysis.findings.length <= 2, analysis.findings.map((f) => f.message.en).join(' | '));
    });
  });

  describe('found by the hostile files', () => {
    /** 4,000 methods, an indicator naming 1,000 unknown ones, and a stray "x" at the start of the 2,143rd method's line. */
    function strayLineInLongList(): string {
      const methods = Array.from({ length: 4000 }, (_, i) => `  - {id: m${i}, name: M}`);
      methods[2142] = ` x${methods[2142].slice(1)}`;
      const references = Array.from({ length: 1000 }, (_, i) => `x${i}`).join(', ');
      return `rubric: T\nmethods:\n${methods.join('\n')}\nindicators:\n  - {name: a, weight: 100, methods: [${references}]}\n${TIERS}`;
    }

    it('a stray character at the start of a line in a long list: the YAML parser recursed per line and threw; now one finding, and completion answers', () => {
      const text = strayLineInLongList();
      const analysis = everything(text);
      assert.ok(analysis.findings.length >= 1);
      // On this machine's stack the parser runs out: then exactly the one finding that says so.
      if (analysis.documents.length === 0) {
        assert.deepEqual(
          analysis.findings.map((f) => f.code),
          ['yaml-syntax'],
        );
        assert.match(analysis.findings[0].message.en, /ran out of stack/);
      }
      const fine = analyze(strayLineInLongList().replace('\n x - {id: m2142', '\n  - {id: m2142'));
      // Completion at column 1 of that line puts its marker where the "x" was: the same overflow, inside the service.
      const column1 = fine.source.text.indexOf('\n  - {id: m2142') + 2;
      assert.ok(Array.isArray(complete(fine, column1, 'en', core().schemaDocs)));
    });

    it('20,000 unknown keys: one finding each, found in linear work (the key lookups per finding were quadratic)', () => {
      const text = `rubric: T\n${Array.from({ length: 20000 }, (_, i) => `k${i}: ${i}`).join('\n')}\nindicators:\n  - {name: a, weight: 100}\n${TIERS}`;
      const analysis = analyze(text);
      assert.equal(analysis.findings.length, 20000);
      assert.ok(analysis.findings.every((f) => f.code === 'schema'));
    });

    it('thousands of unknown references among thousands of ids: near spellings found, the known ids listed at most 20 at a time', () => {
      const methods = Array.from({ length: 3000 }, (_, i) => `  - {id: method${i}, name: M}`).join('\n');
      const references = Array.from({ length: 500 }, (_, i) => `zz${i}`).join(', ');
      const text = `rubric: T\nmethods:\n${methods}\nindicators:\n  - {name: a, weight: 100, methods: [metod7, ${references}]}\n${TIERS}`;
      const findings = analyze(text).findings.filter((f) => f.code === 'unknown-reference');
      assert.equal(findings.length, 501);
      // "metod7" is one letter from "method7".
      assert.match(findings[0].message.en, /did you mean "method7"/);
      // 3,000 ids: 20 listed, 2,980 more.
      assert.match(findings[1].message.en, /known: method0 \(M\), method1 \(M\), .*, method19 \(M\) and 2980 more$/);
      assert.match(findings[1].message['zh-CN'], /等（另有 2980 个）$/);
    });
  });

  describe('found by the fuzzer', () => {
    it("a key repeated after the indicator list is underlined as the whole analysis does, not from the list's start (incremental misplaced it)", () => {
      const text = 'rubric: T\ntiers: [{name: a}]\nindicators:\n  - {name: a, weight: 100}\ntiers:\n  - {name: b}\n';
      const session = core().createSession();
      const incremental = session.update(text);
      assert.equal(session.lastPath, 'incremental');
      const second = text.lastIndexOf('tiers');
      for (const analysis of [analyze(text), incremental]) {
        assert.deepEqual(
          analysis.findings.map((f) => [f.code, f.span]),
          [['yaml-syntax', { start: second, end: second + 'tiers'.length }]],
        );
      }
    });

    it('an unclosed flow mapping at the end of the text: the document ends at the text, not one past it (a symbol ran past the end)', () => {
      const text = 'rubric: T\ntiers:\n  - {id: good, min_score: 70 - {points: 50}\n';
      for (const analysis of [analyze(text), core().createSession().update(text)]) {
        for (const d of analysis.documents) assert.ok(d.parsed.span.end <= text.length, `document ends at ${d.parsed.span.end} of ${text.length}`);
        for (const s of documentSymbols(analysis)) assert.ok(s.span.end <= text.length, `symbol ends at ${s.span.end}`);
      }
    });
  });

  it('findingsAt and code actions over the whole of every hostile text answer', () => {
    for (const text of [billionLaughs(), withWeights('1e308', '.nan'), `rubric: ${'['.repeat(200)}`]) {
      const analysis = analyze(text);
      codeActions(analysis, findingsAt(analysis, { start: 0, end: text.length }), 'zh-CN');
    }
  });
});
