import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, rubric as rubricIn } from '../support/cli';

/** Hostile files can be large and slow: a bigger buffer and a longer stop than the runner's own. */
const rubric = (args: string[]) => rubricIn(args, ROOT, {}, { timeout: 240000, maxBuffer: 64 * 1024 * 1024 });

interface Report {
  file: string;
  error?: string;
  diagnostics: { code: string; message: string }[];
}

const TIERS = 'tiers:\n  - {id: a, name: A, quota: {exactly: 30%}}\n  - {id: b, name: B}\n';
const VALID = `rubric: T\nsubjects: 10\nindicators:\n  - {name: a, weight: 60}\n  - {name: b, weight: 40}\n${TIERS}`;

describe('hostile files through the command line', function () {
  // Generous: each case is one child process on a shared machine.
  this.timeout(180000);
  let scratch: string;
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, content);
    return file;
  };
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-hostile-'));
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('an alias bomb, deep nesting, a long line, 300 documents and odd numbers: each checked, the findings clear, no hang', () => {
    let laughs = 'rubric: T\nlol:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 9; i++) laughs += `  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
    let deep = 'rubric: T\nindicators:\n';
    for (let i = 0; i < 2000; i++) deep += `${' '.repeat(i + 2)}- \n`;
    const files = [
      write('laughs.rubric.yaml', `${laughs}indicators:\n  - {name: a, weight: 100}\n${TIERS}`),
      write('deep.rubric.yaml', deep),
      write('line.rubric.yaml', `rubric: T\nsubjects: 10\nindicators: [{name: "${'长'.repeat(500_000)}", weight: 100}]\n${TIERS}`),
      write('many.rubric.yaml', Array.from({ length: 300 }, () => VALID).join('---\n')),
      write('numbers.rubric.yaml', `rubric: T\nsubjects: 10\nindicators:\n  - {name: a, weight: 1e308}\n  - {name: b, weight: .nan}\n${TIERS}`),
    ];
    const result = rubric(['check', '--format', 'json', ...files]);
    assert.equal(result.status, 1, result.stderr);
    const reports = JSON.parse(result.stdout) as Report[];
    const byName = Object.fromEntries(reports.map((r) => [path.basename(r.file), r.diagnostics.map((d) => d.code)]));
    assert.deepEqual(byName, {
      'laughs.rubric.yaml': ['yaml-syntax'],
      'deep.rubric.yaml': ['yaml-syntax'],
      'line.rubric.yaml': [],
      'many.rubric.yaml': [],
      // 1e308 is above the 1000000000 points the format accepts, .nan is no number: the sum is unknown, not wrong.
      'numbers.rubric.yaml': ['schema', 'schema'],
    });
    const numbers = reports.find((r) => r.file.endsWith('numbers.rubric.yaml'))!;
    assert.match(numbers.diagnostics[0].message, /at most 1000000000/);
  });

  it('a file larger than --max-file-size is not read: said so, exit 2, the other files checked', () => {
    const small = write('small.rubric.yaml', VALID);
    const large = write('large.rubric.yaml', `${'#'.repeat(5000)}\n${VALID}`);
    const result = rubric(['check', '--max-file-size', '4096', small, large]);
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr.trim(),
      `${large}: cannot read: is larger than 4096 bytes (--max-file-size; rubric.maxFileSize in the editor); it is not checked`,
    );
    assert.match(result.stdout, /1 file checked: 0 errors, 0 warnings/);
    const json = JSON.parse(rubric(['check', '--format', 'json', '--max-file-size', '4096', large]).stdout) as Report[];
    assert.deepEqual(json, [
      { file: large, error: 'is larger than 4096 bytes (--max-file-size; rubric.maxFileSize in the editor); it is not checked', diagnostics: [] },
    ]);
  });

  it('the default limit is 2 MiB (2097152 bytes): one byte more is not checked', () => {
    // A comment line padding the file to exactly 2097153 bytes.
    const padding = 2_097_153 - Buffer.byteLength(`\n${VALID}`) - 1;
    const file = write('default.rubric.yaml', `#${'x'.repeat(padding)}\n${VALID}`);
    assert.equal(fs.statSync(file).size, 2_097_153);
    const result = rubric(['check', file]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is larger than 2097152 bytes/);
  });

  it('--max-file-size must be a whole number of bytes', () => {
    for (const value of ['0', '-5', '1.5', 'big']) {
      const result = rubric(['check', `--max-file-size=${value}`, 'samples']);
      assert.equal(result.status, 2, value);
      assert.match(result.stderr, /--max-file-size needs a whole number of bytes/, value);
    }
  });

  it('a GBK-encoded Chinese rubric and a PNG are "not UTF-8 (perhaps GBK)", never mojibake findings', () => {
    // "rubric: 考评表\nindicators:\n  - {name: 国土绿化, weight: 100}\ntiers: [{name: 优秀}]\n" in GBK.
    const gbk = Buffer.from(
      '7275627269633a20bfbcc6c0b1ed0a696e64696361746f72733a0a20202d207b6e616d653a20b9facdc1c2ccbbaf2c207765696768743a203130307d0a74696572733a205b7b6e616d653a20d3c5d0e37d5d0a',
      'hex',
    );
    assert.equal(new TextDecoder('gbk').decode(gbk), 'rubric: 考评表\nindicators:\n  - {name: 国土绿化, weight: 100}\ntiers: [{name: 优秀}]\n');
    // The eight bytes every PNG starts with, then the start of its header chunk.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
    const files = [write('gbk.rubric.yaml', gbk), write('image.rubric.yaml', png)];
    const result = rubric(['check', '--format', 'json', ...files]);
    assert.equal(result.status, 2);
    const reports = JSON.parse(result.stdout) as Report[];
    assert.deepEqual(
      reports.map((r) => [r.error, r.diagnostics]),
      [
        ['is not UTF-8 text (perhaps GBK); save it as UTF-8', []],
        ['is not UTF-8 text (perhaps GBK); save it as UTF-8', []],
      ],
    );
  });
});
