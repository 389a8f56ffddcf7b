import { strict as assert } from 'assert';
import { LineIndex } from 'rubric-studio-server';
import { analyze, located, Located } from '../support/rubric-core';

/** Every finding of the text as code + [line, character, line, character] (UTF-16, as in LSP). */
function findingsOf(text: string): Located[] {
  return located(analyze(text));
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('ranges', () => {
  describe('characters are UTF-16 code units', () => {
    it('counts each CJK character as one unit before a children-sum on a flow-style line', () => {
      const text = lines(
        'rubric: 考评表',
        'indicators:',
        '  - {name: 国土绿化, weight: 25, items: [{name: 造林, weight: 15}, {name: 绿化, weight: 9}]}',
        '  - {name: 资源管理, weight: 75}',
        'tiers: [{name: 优秀}]',
      );
      // "  - {name: " is 11 units, 国土绿化 4 more, ", weight: " 10 more: the weight starts at 25.
      assert.deepEqual(findingsOf(text), [{ code: 'children-sum', range: [2, 25, 2, 27] }]);
    });

    it('counts an emoji (a surrogate pair) as two units', () => {
      const text = lines(
        'rubric: 考评表',
        'indicators:',
        '  - {name: 🌲国土绿化, weight: 25, items: [{name: 造林, weight: 15}, {name: 绿化, weight: 9}]}',
        '  - {name: 资源管理, weight: 75}',
        'tiers: [{name: 优秀}]',
      );
      assert.deepEqual(findingsOf(text), [{ code: 'children-sum', range: [2, 27, 2, 29] }]);
    });

    it('counts a tab inside a quoted value as one unit', () => {
      const text = lines(
        'rubric: x',
        'indicators:',
        '  - {name: "a\tb", weight: 30, items: [{name: a1, weight: 20}]}',
        '  - {name: b, weight: 70}',
        'tiers: [{name: t}]',
      );
      assert.deepEqual(findingsOf(text), [{ code: 'children-sum', range: [2, 26, 2, 28] }]);
    });

    it('keeps a tab before a trailing comment out of the range', () => {
      const text = lines(
        'rubric: x',
        'indicators:',
        '  - name: 国土绿化',
        '    criteria: 完成\t造林任务',
        '    weight: 30\t# 分值',
        '    items: [{name: a1, weight: 20}]',
        '  - {name: b, weight: 70}',
        'tiers: [{name: t}]',
      );
      assert.deepEqual(findingsOf(text), [{ code: 'children-sum', range: [4, 12, 4, 14] }]);
    });
  });

  describe('line breaks', () => {
    it('counts lines right in a CRLF file', () => {
      const text = 'rubric: 考评表\r\nindicators:\r\n  - {name: a, weight: 30}\r\n  - {name: b, weight: 65}\r\ntiers: [{name: t}]\r\n';
      assert.deepEqual(findingsOf(text), [{ code: 'weights-sum', range: [1, 0, 1, 10] }]);
    });

    it('never takes the \\r into a range that ends at the end of a CRLF line', () => {
      const text =
        'rubric: x\r\nindicators:\r\n  - name: a\r\n    weight: 30\r\n    items:\r\n      - {name: a1, weight: 20}\r\n  - {name: b, weight: 70}\r\ntiers: [{name: t}]\r\n';
      assert.deepEqual(findingsOf(text), [{ code: 'children-sum', range: [3, 12, 3, 14] }]);
      const analysis = analyze(text);
      const finding = analysis.findings[0];
      assert.equal(text.slice(finding.span.start, finding.span.end), '30');
    });

    it('underlines the key of an empty value at the end of a CRLF line without the \\r', () => {
      const text = 'rubric: x\r\nindicators:\r\n  - name: a\r\n    weight:\r\n  - {name: b, weight: 70}\r\ntiers: [{name: t}]\r\n';
      assert.deepEqual(findingsOf(text), [{ code: 'schema', range: [3, 4, 3, 10] }]);
    });
  });

  describe('byte-order mark', () => {
    it('counts a BOM kept in the analysed text as one unit on line 0 (the command line strips it; tested elsewhere)', () => {
      const text = '\uFEFFindicators:\n  - {name: a, weight: 30}\n  - {name: b, weight: 65}\nrubric: x\ntiers: [{name: t}]\n';
      assert.deepEqual(findingsOf(text), [{ code: 'weights-sum', range: [0, 1, 0, 11] }]);
    });

    it('leaves the lines after line 0 untouched by a kept BOM', () => {
      const text = '\uFEFFrubric: x\nindicators:\n  - {name: a, weight: 30, items: [{name: a1, weight: 20}]}\n  - {name: b, weight: 70}\ntiers: [{name: t}]\n';
      assert.deepEqual(findingsOf(text), [{ code: 'children-sum', range: [2, 22, 2, 24] }]);
    });
  });

  describe('several documents', () => {
    it('counts lines of the second document from the top of the file', () => {
      const text = lines(
        'rubric: 第一份',
        'indicators:',
        '  - {name: a, weight: 100}',
        'tiers: [{name: t}]',
        '---',
        'rubric: 第二份',
        'indicators:',
        '  - {name: a, weight: 30}',
        '  - {name: b, weight: 65}',
        'tiers: [{name: t}]',
      );
      assert.deepEqual(findingsOf(text), [{ code: 'weights-sum', range: [6, 0, 6, 10] }]);
    });

    it('reports each document at its own place', () => {
      const text = lines(
        'rubric: 第一份',
        'indicators:',
        '  - {name: a, weight: 90}',
        'tiers: [{name: t}]',
        '---',
        'rubric: 第二份',
        'indicators:',
        '  - name: 国土绿化',
        '    weight: 30',
        '    items: [{name: a1, weight: 20}]',
        '  - {name: b, weight: 70}',
        'tiers: [{name: t}]',
      );
      assert.deepEqual(findingsOf(text), [
        { code: 'weights-sum', range: [1, 0, 1, 10] },
        { code: 'children-sum', range: [8, 12, 8, 14] },
      ]);
    });

    it('counts a directive and `---` before the first document', () => {
      const text = lines('%YAML 1.2', '---', 'rubric: x', 'indicators:', '  - {name: a, weight: 90}', 'tiers: [{name: t}]');
      assert.deepEqual(findingsOf(text), [{ code: 'weights-sum', range: [3, 0, 3, 10] }]);
    });
  });

  describe('LineIndex', () => {
    const cases: { name: string; text: string; positions: [number, number, number][] }[] = [
      // [offset, line, character]
      {
        name: '\\n',
        text: 'ab\ncd\n',
        positions: [
          [0, 0, 0],
          [2, 0, 2],
          [3, 1, 0],
          [5, 1, 2],
          [6, 2, 0],
        ],
      },
      {
        name: '\\r\\n',
        text: 'ab\r\ncd\r\n',
        positions: [
          [0, 0, 0],
          [2, 0, 2],
          [4, 1, 0],
          [6, 1, 2],
          [8, 2, 0],
        ],
      },
      {
        name: 'a lone \\r',
        text: 'ab\rcd\r',
        positions: [
          [0, 0, 0],
          [2, 0, 2],
          [3, 1, 0],
          [5, 1, 2],
          [6, 2, 0],
        ],
      },
      {
        name: 'mixed breaks and an empty line',
        text: 'a\r\n\nb\rc',
        positions: [
          [0, 0, 0],
          [1, 0, 1],
          [3, 1, 0],
          [4, 2, 0],
          [5, 2, 1],
          [6, 3, 0],
          [7, 3, 1],
        ],
      },
    ];

    for (const c of cases) {
      it(`maps offsets to positions and back for ${c.name}`, () => {
        const index = new LineIndex(c.text);
        for (const [offset, line, character] of c.positions) {
          assert.deepEqual(index.positionAt(offset), { line, character }, `positionAt(${offset})`);
          assert.equal(index.offsetAt({ line, character }), offset, `offsetAt(${line}, ${character})`);
        }
      });
    }

    it('counts lines for each kind of break', () => {
      assert.equal(new LineIndex('').lineCount, 1);
      assert.equal(new LineIndex('a\nb').lineCount, 2);
      assert.equal(new LineIndex('a\r\nb\r\n').lineCount, 3);
      assert.equal(new LineIndex('a\rb\rc').lineCount, 3);
      assert.equal(new LineIndex('a\r\n\nb').lineCount, 3);
    });

    it('ends a line before its break, never on the \\r of a CRLF', () => {
      const index = new LineIndex('ab\r\ncd\r\n\r\nx');
      assert.deepEqual(
        [0, 1, 2, 3].map((l) => [index.lineStart(l), index.lineEnd(l)]),
        [
          [0, 2],
          [4, 6],
          [8, 8],
          [10, 11],
        ],
      );
      const lone = new LineIndex('ab\rcd');
      assert.deepEqual(
        [0, 1].map((l) => [lone.lineStart(l), lone.lineEnd(l)]),
        [
          [0, 2],
          [3, 5],
        ],
      );
    });

    it('clamps a character past the end of a line to the end of that line, before the break', () => {
      const index = new LineIndex('ab\r\ncd\n');
      assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
      assert.equal(index.offsetAt({ line: 1, character: 99 }), 6);
      assert.equal(index.offsetAt({ line: 9, character: 0 }), 7);
      assert.equal(index.offsetAt({ line: -1, character: 5 }), 0);
    });

    it('clamps offsets outside the text', () => {
      const index = new LineIndex('ab\ncd');
      assert.deepEqual(index.positionAt(-3), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    });

    it('counts a surrogate pair as two characters', () => {
      const index = new LineIndex('🌲a\nb');
      assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
      assert.deepEqual(index.rangeOf({ start: 0, end: 3 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    });

    /** Where each line starts. */
    const starts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));

    it('is made after an edit from the index before it, breaks at the edges of the edit included', () => {
      const cases: [string, string, number[]][] = [
        // [before, after, where each line of `after` starts]
        ['ab\ncd', 'ab\ncXd', [0, 3]],
        ['ab\ncd', 'aX\nb\ncd', [0, 3, 5]],
        // A \r typed before a \n makes a CRLF: still one break, the next line starts after the \n.
        ['ab\ncd', 'ab\r\ncd', [0, 4]],
        // Text typed inside a CRLF splits it into a lone \r and a \n: two breaks.
        ['a\r\nb', 'a\rX\nb', [0, 2, 4]],
        // The \n of a CRLF deleted leaves a lone \r, still a break.
        ['a\r\nb', 'a\rb', [0, 2]],
        ['a\nb\nc', 'c', [0]],
        ['', '\n\n', [0, 1, 2]],
        ['x\ny', '\nx\ny', [0, 1, 3]],
        ['x\ny', 'x\ny\r', [0, 2, 4]],
        ['x\ny\r', 'x\ny\r\n', [0, 2, 5]],
      ];
      for (const [before, after, expected] of cases) {
        assert.deepEqual(starts(LineIndex.afterEdit(new LineIndex(before), after)), expected, JSON.stringify([before, after]));
      }
    });

    it('is made after random edits, over texts longer than the stretches it compares at once, as a new index of the text', () => {
      // Expected: the index made from scratch, whose line starts the cases above check by hand.
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const pieces = ['a', '中', '\n', '\r', '\r\n', 'abc\n'];
      const piece = () => pieces[Math.floor(next() * pieces.length)];
      let text = Array.from({ length: 6000 }, piece).join('');
      let index = new LineIndex(text);
      for (let i = 0; i < 2000; i++) {
        const at = Math.floor(next() * (text.length + 1));
        const removed = next() < 0.5 ? Math.floor(next() * 4) : 0;
        const inserted = next() < 0.7 ? Array.from({ length: 1 + Math.floor(next() * 3) }, piece).join('') : '';
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        index = LineIndex.afterEdit(index, text);
        assert.deepEqual(starts(index), starts(new LineIndex(text)), `edit ${i} at ${at}`);
      }
    });
  });
});
