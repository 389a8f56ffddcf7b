/** As vscode-languageclient's own default: at most this many restarts within the window, then stop. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Whether to restart a server that just died: up to MAX_RESTARTS times in RESTART_WINDOW_MS. A
 * server that keeps crashing is left stopped (the caller tells the person once). Pure, so the
 * rule is unit-tested without an editor.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  /** Records a crash at `now` (ms); true to restart, false to give up. */
  shouldRestart(now: number): boolean {
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.crashes.length <= MAX_RESTARTS) return true;
    this.crashes = [];
    return false;
  }

  /** Forgets every crash: a restart the person asked for starts a fresh count. */
  reset(): void {
    this.crashes = [];
  }
}
