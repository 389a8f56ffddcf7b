#!/usr/bin/env node
// The long soak run: `npm run soak -- --minutes N [--scale K] [--fgrep TEXT]` builds once, then runs
// the soak suite (test/soak) round after round for N minutes, each round with a new RUBRIC_SEED,
// printed before the round starts. A failing test prints the command that replays it (with its
// round's seed); the run goes on to the next round and ends with the seeds that failed, exit 1.
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const path = require('path');
const { removeStaleTests } = require('./compiled-tests');

const root = path.resolve(__dirname, '..');
const mocha = require.resolve('mocha/bin/mocha.js');
const USAGE = 'usage: npm run soak -- --minutes N [--scale K] [--fgrep TEXT]   (N, K > 0; K multiplies the counts of each round)';

/** `--name value` or `--name=value`, else the fallback. */
function option(args, name, fallback) {
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  const joined = args.find((a) => a.startsWith(`--${name}=`));
  return joined === undefined ? fallback : joined.slice(name.length + 3);
}

function positive(text) {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(USAGE);
    process.exit(2);
  }
  return value;
}

const args = process.argv.slice(2);
const minutes = positive(option(args, 'minutes', '10'));
const scale = positive(option(args, 'scale', '1'));
const fgrep = option(args, 'fgrep', undefined);

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('soak: the build failed');
  process.exit(1);
}
removeStaleTests(root);

const deadline = Date.now() + minutes * 60_000;
const failedSeeds = [];
let rounds = 0;
console.log(`soak: rounds of test/soak for ${minutes} min, counts × ${scale}${fgrep ? `, tests matching "${fgrep}"` : ''}`);
while (Date.now() < deadline) {
  rounds++;
  // Never 0: RUBRIC_SEED=0 is the fixed seeds `npm test` runs.
  const seed = crypto.randomInt(1, 2 ** 32 - 1);
  console.log(`\n=== soak round ${rounds}: RUBRIC_SEED=${seed} ===`);
  const mochaArgs = [mocha, '--timeout', '0', '--reporter', 'dot', 'test/out/soak/**/*.test.js', ...(fgrep ? ['--fgrep', fgrep] : [])];
  const env = { ...process.env, RUBRIC_SEED: String(seed), RUBRIC_SOAK_SCALE: String(scale) };
  const result = spawnSync(process.execPath, mochaArgs, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    failedSeeds.push(seed);
    console.log(`soak round ${rounds} failed: RUBRIC_SEED=${seed} RUBRIC_SOAK_SCALE=${scale} node scripts/test.js soak   replays the round`);
  }
}

console.log(
  `\nsoak: ${rounds} round${rounds === 1 ? '' : 's'}, ${failedSeeds.length} failed${failedSeeds.length ? ` (RUBRIC_SEED=${failedSeeds.join(', ')})` : ''}`,
);
process.exit(failedSeeds.length > 0 ? 1 : 0);
