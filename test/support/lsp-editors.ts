import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from './lsp-client';

/**
 * Installs Neovim and Emacs with eglot for the headless editor tests, once (apt, as root:
 * scripts/setup-lsp-editors.sh); answers what went wrong when they could not be, for the
 * message of a skipped test.
 */
export function installEditors(): string {
  const setup = spawnSync('bash', [path.join(ROOT, 'scripts/setup-lsp-editors.sh')], { encoding: 'utf8', timeout: 900000 });
  if (setup.status === 0) return 'installed';
  return (setup.stderr || String(setup.error ?? `exit ${setup.status}`)).trim();
}
