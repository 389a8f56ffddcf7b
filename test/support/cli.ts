import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
/** The command as npm installs it (node_modules/.bin), run as a child process. */
export const RUBRIC = path.join(ROOT, 'node_modules/.bin/rubric');

/**
 * `rubric ARGS` in `cwd`, in English unless `env` says otherwise: status, both streams, and the
 * spawn error (a run that hangs is stopped after 30 s, or `limits.timeout`, and fails its test
 * instead of holding the suite; LibreOffice conversions and hostile files need longer).
 */
export function rubric(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}, limits: { timeout?: number; maxBuffer?: number } = {}) {
  return run(RUBRIC, args, cwd, env, limits);
}

/** The bundled command line (dist/rubric.js, the root package's `bin` that pre-commit installs). */
export const BUNDLED_RUBRIC = path.join(ROOT, 'dist/rubric.js');

/** `rubric ARGS` as the bundle runs it: as {@link rubric} does, with dist/rubric.js. */
export function bundledRubric(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}, limits: { timeout?: number; maxBuffer?: number } = {}) {
  return run(BUNDLED_RUBRIC, args, cwd, env, limits);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, limits: { timeout?: number; maxBuffer?: number }) {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: limits.timeout ?? 30000,
    ...(limits.maxBuffer ? { maxBuffer: limits.maxBuffer } : {}),
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}
