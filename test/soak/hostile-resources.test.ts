import { strict as assert } from 'assert';
import { codeActions, complete, findingsAt } from 'rubric-studio-server';
import { analyze, core } from '../support/rubric-core';
import { billionLaughs, everything, TIERS, withWeights } from '../support/hostile';

/**
 * Documents built to exhaust: alias bombs, nesting thousands deep, megabyte lines, tens of
 * thousands of keys. Each must come back (no hang, no crash, no abort of the process) with at most
 * a few clear findings and never a wrong figure. "Quickly" is a bound on work, not time: every
 * case is one analysis (and one incremental update) of a text at most a few megabytes long.
 */
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

  it('findingsAt and code actions over the whole of every hostile text answer', () => {
    for (const text of [billionLaughs(), withWeights('1e308', '.nan'), `rubric: ${'['.repeat(200)}`]) {
      const analysis = analyze(text);
      codeActions(analysis, findingsAt(analysis, { start: 0, end: text.length }), 'zh-CN');
    }
  });
});
