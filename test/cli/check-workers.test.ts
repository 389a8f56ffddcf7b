import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRubricCore, Locale } from 'rubric-studio-server';
import { runCheck } from 'rubric-studio-server/out/cli/check-command';
import { MIN_FILES_FOR_WORKERS, threadsFor } from 'rubric-studio-server/out/cli/check-workers';
import type { Format } from 'rubric-studio-server/out/cli/options';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { loadScoresSchema } from 'rubric-studio-server/out/host/scores-schema';
import { generateRubric } from '../support/generate-rubric';

const SAMPLES = path.resolve(__dirname, '../../../samples');

/** One run of `rubric check` in this process: what it wrote, line by line, and its exit status. */
async function check(paths: string[], format: Format, locale: Locale, threads: number, maxFileSize?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const core = createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });
  const status = await runCheck(paths, format, locale, core, { out: (l) => out.push(l), err: (l) => err.push(l) }, maxFileSize, threads);
  return { status, out, err };
}

/**
 * `rubric check` over many files in worker threads writes what the serial run writes, line for
 * line, on both streams, with the same exit status: reports in the files' order, the lines a
 * file writes on standard error at its place among the others', whatever thread checked it.
 */
describe('rubric check in worker threads', function () {
  this.timeout(5 * 60 * 1000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-check-workers-'));
    // The samples (scoresheets find their rubrics beside them), broken ones among them.
    fs.cpSync(SAMPLES, path.join(folder, 'samples'), { recursive: true });
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(folder, `generated-${i}.rubric.yaml`), generateRubric(20 + i * 7, i).text);
    // Files that cannot be read or checked: not UTF-8, over the size limit given, a name a terminal would obey.
    fs.writeFileSync(path.join(folder, 'latin1.rubric.yaml'), Buffer.from([0x72, 0x75, 0x62, 0x72, 0x69, 0x63, 0x3a, 0x20, 0xe9, 0x0a]));
    fs.writeFileSync(path.join(folder, 'large.rubric.yaml'), `rubric: t\n# ${'x'.repeat(300_000)}\n`);
    fs.writeFileSync(path.join(folder, 'bell\u0007.rubric.yaml'), 'rubric: [\n');
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('has enough files to share out', async () => {
    const { out } = await check([folder], 'json', 'en', 1);
    const files = (JSON.parse(out.join('\n')) as unknown[]).length;
    assert.ok(files >= MIN_FILES_FOR_WORKERS, `${files} files`);
    assert.ok(threadsFor(files, 3) === 3);
  });

  for (const [format, locale] of [
    ['text', 'en'],
    ['json', 'zh-CN'],
    ['sarif', 'en'],
    ['github', 'zh-CN'],
  ] as const)
    it(`writes what the serial run writes (${format}, ${locale}), a missing path and a size limit among them`, async () => {
      const paths = [folder, path.join(folder, 'no-such.rubric.yaml'), path.join(SAMPLES, 'forest-chief-2022.rubric.yaml')];
      const serial = await check(paths, format, locale, 1, '200000');
      const threaded = await check(paths, format, locale, 3, '200000');
      assert.ok(serial.err.length >= 3, 'files that cannot be read are said so');
      assert.equal(serial.status, 2);
      assert.deepEqual(threaded, serial);
    });
});
