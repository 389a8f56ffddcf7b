/**
 * `npm run fuzz -- --minutes N`: random mutations of every sample against the core (whole and
 * incremental analysis, every service) for N minutes (default 1). Prints the run's seed first;
 * a crash is printed with its case seed, the mutations and the text as a JSON string, ready to
 * become a regression test, and the run ends with status 1. RUBRIC_FUZZ_SEED=S replays a run.
 */
import * as path from 'path';
import { createRubricCore, IncrementalSession } from 'rubric-studio-server';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { exerciseCore } from './exercise';
import { caseSeed, mutate, random, readSamples, runSeed } from './mutate';

const ROOT = path.resolve(__dirname, '../../..');

function minutesFrom(args: string[]): number {
  const index = args.indexOf('--minutes');
  const value = index >= 0 ? args[index + 1] : args.find((a) => a.startsWith('--minutes='))?.slice('--minutes='.length);
  const minutes = value === undefined ? 1 : Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    console.error('usage: npm run fuzz -- --minutes N   (N > 0; RUBRIC_FUZZ_SEED=S replays a run)');
    process.exit(2);
  }
  return minutes;
}

function main(): void {
  const minutes = minutesFrom(process.argv.slice(2));
  const seed = runSeed();
  const core = createRubricCore({ schema: loadRubricSchema() });
  const samples = readSamples(ROOT);
  const texts = samples.map((s) => s.text);
  const sessions = new Map<string, IncrementalSession>();
  const deadline = Date.now() + minutes * 60_000;
  console.log(`fuzz: seed ${seed} (RUBRIC_FUZZ_SEED=${seed} replays this run), ${samples.length} samples, ${minutes} min`);
  let cases = 0;
  let failures = 0;
  for (let index = 0; Date.now() < deadline; index++) {
    const rand = random(caseSeed(seed, index));
    const sample = samples[index % samples.length];
    // Each sample keeps one session, so edits build on the session's caches as keystrokes do.
    const session = sessions.get(sample.name) ?? core.createSession();
    sessions.set(sample.name, session);
    const { text, steps } = mutate(sample.text, texts, rand);
    try {
      exerciseCore(core, session, text, rand);
    } catch (error) {
      failures++;
      sessions.delete(sample.name);
      console.log(`\nFAILED case ${index} (case seed ${caseSeed(seed, index)}) of ${sample.name}: ${steps.join('; ')}`);
      console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      console.log(`text: ${JSON.stringify(text)}`);
      if (failures >= 10) break;
    }
    cases++;
    if (cases % 1000 === 0) process.stdout.write(`  ${cases} cases\n`);
  }
  console.log(`fuzz: ${cases} cases, ${failures} failed (seed ${seed})`);
  process.exit(failures > 0 ? 1 : 0);
}

main();
