import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../support/rubric-core';

/** The repository's samples, read from test/out/unit at run time. */
const SAMPLES = path.resolve(__dirname, '../../../samples');
const BROKEN = path.join(SAMPLES, 'broken');
const RUBRIC_FILE = /\.rubric\.ya?ml$/;

function rubricFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => RUBRIC_FILE.test(name) && fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

/** Offsets at which a prefix of the text is cut: every line end (before and after the break) and the first 400 characters. */
function cutPoints(text: string): number[] {
  const cuts = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      cuts.add(i);
      cuts.add(i + 1);
    }
  }
  for (let i = 0; i <= Math.min(400, text.length); i++) cuts.add(i);
  cuts.add(text.length);
  return [...cuts].sort((a, b) => a - b);
}

describe('half-typed text', () => {
  const valid = rubricFiles(SAMPLES);

  it('finds the valid samples', () => {
    assert.ok(valid.length >= 2, `samples in ${SAMPLES}: ${valid.join(', ')}`);
  });

  for (const name of valid) {
    describe(name, () => {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');

      it('gives no finding at all when complete', () => {
        const findings = analyze(text).findings.map((f) => `${f.code} at ${f.span.start}: ${f.message.en}`);
        assert.deepEqual(findings, []);
      });

      it('never throws and keeps every span inside the text, for every prefix cut at a line end or in the first 400 characters', function () {
        this.timeout(120_000);
        for (const cut of cutPoints(text)) {
          const prefix = text.slice(0, cut);
          let findings;
          try {
            findings = analyze(prefix).findings;
          } catch (error) {
            assert.fail(`analyze threw on the first ${cut} characters of ${name}: ${(error as Error).stack}`);
          }
          for (const f of findings) {
            assert.ok(
              f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= prefix.length,
              `${f.code} span ${f.span.start}..${f.span.end} outside the ${prefix.length} characters of the prefix ending at ${cut} of ${name}`,
            );
          }
        }
      });
    });
  }

  describe('broken samples', () => {
    const broken = rubricFiles(BROKEN);

    it('finds the broken samples', () => {
      assert.ok(broken.length > 0, `samples in ${BROKEN}`);
    });

    for (const name of broken) {
      const code = name.replace(RUBRIC_FILE, '');
      it(`${name} gives ${code} and nothing else`, () => {
        const findings = analyze(fs.readFileSync(path.join(BROKEN, name), 'utf8')).findings;
        assert.ok(
          findings.some((f) => f.code === code),
          `no ${code} finding; got: ${findings.map((f) => f.code).join(', ') || 'none'}`,
        );
        const others = findings.filter((f) => f.code !== code).map((f) => `${f.code}: ${f.message.en}`);
        assert.deepEqual(others, []);
      });
    }
  });
});
