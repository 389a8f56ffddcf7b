/**
 * Seeds and counts of the random tests (the soak suite, and the server fuzz of the protocol suite).
 *
 * Each random test has its own fixed seed, so every `npm test` tries the same cases and a failure
 * seen once is seen again. RUBRIC_SEED=<n> moves every test to other cases at once; the long soak
 * run (`npm run soak -- --minutes N`) sets a new one each round. RUBRIC_SEED=0, the default,
 * leaves each test on its own seed. RUBRIC_SOAK_SCALE=<k> multiplies the counts (edits, cases,
 * runs) by k. When a test that reads these fails, the hook below prints the one line that replays it.
 */

/** A whole number from the environment, or the fallback when unset; anything else is a mistake said aloud. */
function fromEnvironment(name: string, fallback: number, valid: (n: number) => boolean): number {
  const written = process.env[name]?.trim();
  if (written === undefined || written === '') return fallback;
  const value = Number(written);
  if (!valid(value)) throw new Error(`${name}=${written}: expected ${name === 'RUBRIC_SEED' ? 'a whole number from 0 to 4294967295' : 'a number above 0'}`);
  return value;
}

/** The run's seed: 0 unless RUBRIC_SEED says otherwise. */
export const RUN_SEED = fromEnvironment('RUBRIC_SEED', 0, (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff);

/** How many times the default counts a run makes: 1 unless RUBRIC_SOAK_SCALE says otherwise. */
export const SCALE = fromEnvironment('RUBRIC_SOAK_SCALE', 1, (n) => Number.isFinite(n) && n > 0);

/** The seed a test uses: its own fixed one, moved by the run's seed (its own when the run's is 0). */
export function seedFor(own: number): number {
  return (own + Math.imul(RUN_SEED, 0x9e3779b1)) >>> 0;
}

/** A count of edits, cases or runs, times the run's scale (at least 1). */
export function scaled(count: number): number {
  return Math.max(1, Math.round(count * SCALE));
}

/** `text` quoted for a POSIX shell. */
function quoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that runs one test again with this run's seed and scale (after `npm run build`). */
export function replayCommand(file: string, fullTitle: string): string {
  const relative = file.startsWith(process.cwd()) ? file.slice(process.cwd().length + 1) : file;
  const scale = SCALE === 1 ? '' : ` RUBRIC_SOAK_SCALE=${SCALE}`;
  return `RUBRIC_SEED=${RUN_SEED}${scale} npx mocha --timeout 0 ${relative} --fgrep ${quoted(fullTitle)}`;
}

// A root hook, registered once by the first test file that imports this module: a test that
// fails prints, right under its line, the command that replays it. (Outside mocha, no hook.)
if (typeof afterEach === 'function')
  afterEach(function () {
    const test = this.currentTest;
    if (test?.state !== 'failed' || test.file === undefined) return;
    console.log(`      seed ${RUN_SEED}${RUN_SEED === 0 ? " (each test's own)" : ''}; replay: ${replayCommand(test.file, test.fullTitle())}`);
  });
