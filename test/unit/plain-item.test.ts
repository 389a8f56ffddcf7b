import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { PARSE_OPTIONS } from 'rubric-studio-server/out/core/blocks/block';
import { findLayout } from 'rubric-studio-server/out/core/blocks/layout';
import { LineIndex } from 'rubric-studio-server/out/core/text/line-index';
import { collectFolds } from 'rubric-studio-server/out/core/yaml/document-tree';
import { readPlainItem } from 'rubric-studio-server/out/core/yaml/plain-item';
import { random } from '../support/generate-rubric';
import { generateScoresheet } from '../support/generate-scoresheet';
import { SAMPLES } from '../support/scoresheet';

/** A node as the readers of a one-item list see it: kinds, values, sources, ranges, flow, in order. */
function shape(node: unknown): unknown {
  if (isPair(node)) return { key: shape(node.key), value: shape(node.value) };
  if (isMap(node) || isSeq(node)) return { kind: isMap(node) ? 'map' : 'seq', flow: node.flow ?? false, range: node.range, items: node.items.map(shape) };
  if (isScalar(node)) return { value: node.value, source: node.source, type: node.type, range: node.range, fraction: node.minFractionDigits };
  return { other: String(node) };
}

/** What the block engine takes from an item's parse: its nodes, the document's range and errors, the folds, the plain data. */
function asParsed(text: string): unknown {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return { errors: doc.errors.length, contents: shape(doc.contents), range: doc.range, folds: collectFolds(doc), data: doc.toJS() as unknown };
}

/** The plain reader's answer in the same terms, or undefined when it leaves the text to the parser. */
function asRead(text: string, column: number): unknown {
  const read = readPlainItem(text, column);
  if (!read) return undefined;
  assert.equal(read.node, (read.doc.contents as { items: unknown[] }).items[0]);
  assert.deepEqual(read.range, read.node.range);
  return { errors: read.doc.errors.length, contents: shape(read.doc.contents), range: read.doc.range, folds: collectFolds(read.doc), data: [read.data] };
}

/** Each entry of a scoresheet's `scores:` as the block engine cuts it: its lines and the next item's indentation. */
function entries(sheet: string): { text: string; column: number }[] {
  const layout = findLayout(sheet, new LineIndex(sheet), 'scores');
  assert.ok(layout, 'a plain scoresheet');
  return layout.blocks.map((block, i) => ({
    text: sheet.slice(block.start, i + 1 < layout.blocks.length ? block.end + layout.indent : block.end),
    column: layout.indent,
  }));
}

/** Whether the reader read the text; when it did, it must have read it as the parser does. */
function readsAsTheParser(text: string, column: number): boolean {
  const read = asRead(text, column);
  if (read === undefined) return false;
  assert.deepEqual(read, asParsed(text), JSON.stringify(text));
  return true;
}

const SHEETS = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.scores.yaml'))
  .map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'));

describe('the plain reader of list items', () => {
  it('reads every entry of generated scoresheets (flow and block maps, deductions, bonus, vetoes) as the parser does', () => {
    for (const seed of [1, 5, 9]) {
      const { sheet } = generateScoresheet({ leaves: 40, subjects: 24, seed });
      for (const { text, column } of entries(sheet)) assert.ok(readsAsTheParser(text, column), `not read: ${text}`);
    }
  });

  it("reads the samples' entries as the parser does, comments after values among them", () => {
    let read = 0;
    for (const sheet of SHEETS) for (const { text, column } of entries(sheet)) if (readsAsTheParser(text, column)) read++;
    // Every entry of the samples but those with a quoted name or a comment line.
    assert.ok(read >= 25, `${read} entries read`);
  });

  it('reads what it should and leaves the rest to the parser', () => {
    const reads = (text: string) => readsAsTheParser(text, 2);
    for (const text of [
      '  - subject: 古绛镇\n    points: {fire: 22, pests: 13.50}\n  ',
      '  - subject: a\n    points:\n      fire: 22\n      pests: -1.5\n\n    veto: [x, y]   \n  ',
      '  - subject: a b c\n    deductions: {river: {litter: 3, no-record: 1}, q: 1} # 3 × 0.5\n',
      '  - subject: 考核单位001\n    bonus: {}\n    veto: []',
      '  - subject: a, b\n    by: {self: 95, cadres: {a: 1}, villagers: [92, 94]}\n  ',
      '  - subject: x\n    points: {a: 007, b: 1.0, c: 123456789012345}\n',
    ])
      assert.ok(reads(text), `not read: ${text}`);
    for (const text of [
      '  - subject: "quoted"\n',
      '  - subject: x\n    # a comment line\n    points: {a: 1}\n',
      '  - subject: x\n    points:\n',
      '  - subject: x\n    points: {a: 1e3}\n',
      '  - subject: x\n    points: {a: 1234567890123456}\n',
      '  - subject: true\n',
      '  - subject: x\n    points: {a: 1,b: 2}\n',
      '  - subject: x\n    points: { a: 1 }\n',
      '  - subject: x\n    points: {a: 1\n      , b: 2}\n',
      '  - subject: x\n    subject: y\n',
      '  - subject: x\n    points:\n      - 1\n',
      '  - subject: x\n   points: {}\n',
      '  - subject: x\n  - subject: y\n',
      '  - subject: x:y\n',
      '  - subject: x\r\n',
    ])
      assert.equal(reads(text), false, `read: ${text}`);
  });

  it('after random edits of entries, reads each text as the parser does or leaves it alone', () => {
    const next = random(25);
    const alphabet = [
      ' ',
      '\n',
      '\n    ',
      '\n      ',
      ':',
      ': ',
      ',',
      ', ',
      '{',
      '}',
      '[',
      ']',
      '#',
      ' #',
      '-',
      '.',
      '0',
      '7',
      'a',
      '中',
      'e',
      '~',
      'null',
      '_',
    ];
    const sources = [...entries(generateScoresheet({ leaves: 12, subjects: 12, seed: 3 }).sheet), ...SHEETS.flatMap(entries)];
    let read = 0;
    for (let i = 0; i < 4000; i++) {
      const { text, column } = sources[Math.floor(next() * sources.length)];
      let edited = text;
      for (let edits = 1 + Math.floor(next() * 2); edits > 0; edits--) {
        const at = Math.floor(next() * (edited.length + 1));
        edited =
          next() < 0.7
            ? edited.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + edited.slice(at)
            : edited.slice(0, at) + edited.slice(at + 1 + Math.floor(next() * 2));
      }
      if (readsAsTheParser(edited, column)) read++;
    }
    // Many edits of a plain entry leave it plain: the comparison is not vacuous.
    assert.ok(read > 1000, `${read} of 4000 read`);
  });
});
