import * as vscode from 'vscode';

/**
 * Resolves when `predicate` holds for the diagnostics of `uri`: checked now, then on every
 * onDidChangeDiagnostics event. No timers: mocha's timeout bounds the wait.
 */
export function diagnosticsMatching(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (predicate(now)) return resolve(now);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const current = vscode.languages.getDiagnostics(uri);
      if (predicate(current)) {
        subscription.dispose();
        resolve(current);
      }
    });
  });
}

/** Resolves when `read()` returns something `accept` likes, re-checking on each event of `event`. */
export function until<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, events: vscode.Event<unknown>[]): Promise<T> {
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    const check = async () => {
      const value = await read();
      if (!done && accept(value)) {
        done = true;
        subscriptions.forEach((s) => s.dispose());
        resolve(value);
      }
    };
    for (const event of events) subscriptions.push(event(() => void check()));
    void check();
  });
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}
