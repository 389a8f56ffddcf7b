#!/usr/bin/env node
// The whole test suite: builds, runs each suite in its own process, prints each suite's counts and
// time, and ends with the one line CI reads: "N passed, N failed" summed over every suite.
// `node scripts/test.js unit soak` runs only the named suites (docs/dev/testing.md).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { removeStaleTests } = require('./compiled-tests');

const root = path.resolve(__dirname, '..');
const mocha = require.resolve('mocha/bin/mocha.js');
const reporter = path.join(root, 'test/support/count-reporter.js');

// Each suite runs in its own process and writes its counts to $RUBRIC_TEST_COUNTS.
// A shared 2-core machine: a child process may take seconds to start; no test waits on a timer.
const mochaSuite = (spec) => [mocha, '--timeout', '20000', '--reporter', reporter, spec];
/** What each suite needs installed beyond `npm ci` (idempotent scripts, quick when all is there). */
const SETUP_SCRIPTS = {
  cli: ['scripts/setup-office.sh'],
  protocol: ['scripts/setup-lsp-editors.sh'],
  editor: ['scripts/setup-editor.sh'],
};
const SUITES = [
  // Lint, formatting and the documentation's links: each counts as one test that passes or fails.
  {
    name: 'lint',
    checks: [
      ['eslint', [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.']],
      ['prettier', [path.join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
      ['links', [path.join(root, 'scripts/check-links.js')]],
    ],
  },
  // The core and the hosts in process, every case worked by hand: fast and the same on every run.
  { name: 'unit', args: mochaSuite('test/out/unit/**/*.test.js') },
  { name: 'cli', args: mochaSuite('test/out/cli/**/*.test.js') },
  { name: 'protocol', args: mochaSuite('test/out/protocol/**/*.test.js') },
  // Real VS Code (code-server) in Chromium; installs its tools on first run (scripts/setup-editor.sh).
  { name: 'editor', args: ['test/out/editor/runner/main.js'] },
  // Fuzz, property, random-edit equivalence and resource tests, at fixed seeds and bounded counts
  // (test/support/seeds.ts); `npm run soak -- --minutes N` runs them longer with new seeds.
  // Half the soak counts in `npm test`, so every stop can run the whole suite in minutes; the same
  // fixed seeds at full scale and beyond run with `npm run soak` (or RUBRIC_SOAK_SCALE=1 here).
  { name: 'soak', args: mochaSuite('test/out/soak/**/*.test.js'), env: { RUBRIC_SOAK_SCALE: process.env.RUBRIC_SOAK_SCALE ?? '0.5' } },
];

/**
 * On a fresh machine the suites' tools (LibreOffice, Chromium, code-server) install for minutes,
 * mostly downloading: start that at once, beside the build and the first suites, instead of when
 * the suite that needs them comes. The scripts take one lock, so a suite that runs its script
 * waits for the background run and then finds everything in place (or, if it failed, tries again
 * in the foreground and says why). The background run's output goes to a log file.
 */
function prepareInBackground(suites) {
  const skipped = process.env.RUBRIC_SKIP_OFFICE ? ['scripts/setup-office.sh'] : [];
  const scripts = [...new Set(suites.flatMap((name) => SETUP_SCRIPTS[name] ?? []))].filter((script) => !skipped.includes(script));
  if (scripts.length === 0 || process.env.RUBRIC_NO_BACKGROUND_SETUP) return;
  const log = path.join(os.tmpdir(), `rubric-test-${process.pid}-setup.log`);
  const out = fs.openSync(log, 'w');
  const commands = scripts.map((script) => `bash ${JSON.stringify(path.join(root, script))} >/dev/null`).join('; ');
  console.log(`setting up ${scripts.map((script) => path.basename(script)).join(', ')} in the background (log: ${log})`);
  spawn('bash', ['-c', commands], { cwd: root, stdio: ['ignore', out, out] }).unref();
  fs.closeSync(out);
}

function run(command, args, env = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

const only = process.argv.slice(2);
const unknown = only.filter((name) => !SUITES.some((s) => s.name === name));
if (unknown.length > 0) {
  console.log(`no such suite: ${unknown.join(', ')} (the suites: ${SUITES.map((s) => s.name).join(', ')})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const started = Date.now();
prepareInBackground(only.length === 0 ? SUITES.map((s) => s.name) : only);
const build = run('npm', ['run', '-s', 'build']);
if (build.status !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
for (const file of removeStaleTests(root)) console.log(`removed ${file}: its source is gone`);
const lines = [`build: ${seconds(started)}`];

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const suite of SUITES.filter((s) => only.length === 0 || only.includes(s.name))) {
  const countsFile = path.join(os.tmpdir(), `rubric-test-${process.pid}-${suite.name}.json`);
  fs.rmSync(countsFile, { force: true });
  console.log(`\n=== ${suite.name} ===`);
  const suiteStarted = Date.now();
  let counts = { passed: 0, failed: 1, skipped: 0 };
  if (suite.checks) {
    counts = { passed: 0, failed: 0, skipped: 0 };
    for (const [label, args] of suite.checks) {
      const ok = run(process.execPath, args).status === 0;
      console.log(`${ok ? '  ✔' : '  ✗'} ${label}`);
      counts[ok ? 'passed' : 'failed']++;
    }
  } else {
    const result = run(process.execPath, suite.args, { ...suite.env, RUBRIC_TEST_COUNTS: countsFile });
    if (fs.existsSync(countsFile)) counts = JSON.parse(fs.readFileSync(countsFile, 'utf8'));
    else console.log(`${suite.name}: ended (status ${result.status}) without reporting counts`);
    fs.rmSync(countsFile, { force: true });
  }
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds(suiteStarted)})`);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

console.log('');
for (const line of lines) console.log(line);
console.log(`all: ${seconds(started)}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
