import { strict as assert } from 'assert';
import Big from 'big.js';
import { codeActions, documentSymbols, scaleExactly, summarize } from 'rubric-studio-server';
import { analyze, core } from '../support/rubric-core';
import { expectFindings } from '../support/expect-findings';
import { everything, TIERS, withWeights } from '../support/hostile';

/**
 * Documents built to hurt: each must come back (no hang, no crash, no abort of the process) with
 * at most a few clear findings and never a wrong figure. The hand-worked numbers and characters;
 * the documents of megabytes and deep nesting are in test/soak/hostile-resources.test.ts.
 */

describe('hostile documents', function () {
  // Generous: the machines are shared and noisy; the bound that matters is that each returns.
  this.timeout(120000);

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
});
