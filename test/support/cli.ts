import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
/** The command as npm installs it (node_modules/.bin), run as a child process. */
export const RUBRIC = path.join(ROOT, 'node_modules/.bin/rubric');

/** `rubric ARGS` in `cwd`, in English whatever the machine's locale: status and both streams. */
export function rubric(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [RUBRIC, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
