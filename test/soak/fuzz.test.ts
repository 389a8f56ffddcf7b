import { strict as assert } from 'assert';
import { IncrementalSession } from 'rubric-studio-server';
import { exerciseCore } from '../fuzz/exercise';
import { caseSeed, mutate, readSamples } from '../fuzz/mutate';
import { random } from '../support/generate-rubric';
import { ROOT } from '../support/lsp-client';
import { core } from '../support/rubric-core';
import { scaled, seedFor } from '../support/seeds';

/**
 * Seeded random mutations of every sample against the core: the whole analysis, an incremental
 * session's update (which must agree with it), and every service at random offsets. A failure
 * names its case, its mutations and its text, ready to become a regression test.
 */
describe('fuzzing the core', function () {
  // A bound on work (CASES cases), not on time: shared machines vary tenfold.
  this.timeout(0);
  const CASES = scaled(1000);

  it(`${CASES} mutations of every sample: no crash, incremental equals whole, every span inside the text`, () => {
    const seed = seedFor(1);
    const samples = readSamples(ROOT);
    assert.ok(samples.length >= 3, 'the samples are found');
    const texts = samples.map((s) => s.text);
    const sessions = new Map<string, IncrementalSession>();
    for (let index = 0; index < CASES; index++) {
      const rand = random(caseSeed(seed, index));
      const sample = samples[index % samples.length];
      const session = sessions.get(sample.name) ?? core().createSession();
      sessions.set(sample.name, session);
      const { text, steps } = mutate(sample.text, texts, rand);
      try {
        exerciseCore(core(), session, text, rand);
      } catch (error) {
        const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
        assert.fail(`case ${index} of ${sample.name} (${steps.join('; ')}):\n${reason}\ntext: ${JSON.stringify(text)}`);
      }
    }
  });
});
