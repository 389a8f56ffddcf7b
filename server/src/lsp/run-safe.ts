import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** Lets the connection read what has arrived meanwhile: a `$/cancelRequest` for this very request. */
const yieldToConnection = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every request handler goes through here. The work is synchronous, so the request first yields
 * once: requests queued behind a keystroke's analysis can then be cancelled before they run, as
 * VS Code's own servers do. An exception is logged and answered with the empty result, never
 * thrown to the connection.
 */
export async function runSafe<T>(token: CancellationToken, log: (message: string) => void, empty: T, work: () => T): Promise<T | ResponseError<void>> {
  await yieldToConnection();
  if (token.isCancellationRequested) return cancelled();
  try {
    return work();
  } catch (error) {
    log(`Request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return empty;
  }
}
