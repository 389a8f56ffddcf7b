import { strict as assert } from 'assert';
import { IncrementalSession } from 'rubric-studio-server';
import { exerciseCore } from '../fuzz/exercise';
import { caseSeed, mutate, random, readSamples, runSeed } from '../fuzz/mutate';
import { ROOT } from '../support/lsp-client';
import { core } from '../support/rubric-core';

/**
 * Seeded random mutations of every sample against the core: the whole analysis, an incremental
 * session's update (which must agree with it), and every service at random offsets. The seed is
 * printed; RUBRIC_FUZZ_SEED=<seed> replays a run, RUBRIC_FUZZ_CASES=<n> changes its length.
 * `npm run fuzz -- --minutes N` runs the same for longer.
 */
describe('fuzzing the core', function () {
  // A bound on work (CASES cases), not on time: shared machines vary tenfold.
  this.timeout(600000);
  const CASES = Number(process.env.RUBRIC_FUZZ_CASES ?? 2000);

  it(`${CASES} mutations of every sample: no crash, incremental equals whole, every span inside the text`, () => {
    const seed = runSeed();
    console.log(`      fuzz seed ${seed} (RUBRIC_FUZZ_SEED=${seed} replays it)`);
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
        assert.fail(`RUBRIC_FUZZ_SEED=${seed}, case ${index} of ${sample.name} (${steps.join('; ')}):\n${reason}\ntext: ${JSON.stringify(text)}`);
      }
    }
  });
});
