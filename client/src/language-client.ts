import * as path from 'path';
import * as vscode from 'vscode';
import { t } from './localize';
import { CloseAction, CloseHandlerResult, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { COMMANDS } from 'rubric-studio-server/out/protocol';
import { documentSelector } from './rubric-documents';
import { MAX_RESTARTS, RestartPolicy, RESTART_WINDOW_MS } from './restart-policy';

/**
 * What happens when the server dies: restarted within the restart policy; past it, left stopped
 * and the person told once, with a button to start it again.
 */
export class ServerCrashes implements vscode.Disposable {
  private readonly policy = new RestartPolicy();
  private readonly gaveUp = new vscode.EventEmitter<string>();
  /** Fires with the message shown when the server is left stopped (for tests). */
  readonly onDidGiveUp = this.gaveUp.event;

  closed(): CloseHandlerResult {
    if (this.policy.shouldRestart(Date.now())) return { action: CloseAction.Restart, handled: true };
    const restart = t('Restart');
    const message = t('The rubric language server crashed {0} times in {1} minutes and was stopped.', MAX_RESTARTS + 1, RESTART_WINDOW_MS / 60000);
    void vscode.window
      .showErrorMessage(message, restart)
      .then((choice) => (choice === restart ? vscode.commands.executeCommand(COMMANDS.restartServer) : undefined));
    this.gaveUp.fire(message);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** A restart the person asked for starts a fresh count. */
  reset(): void {
    this.policy.reset();
  }

  dispose(): void {
    this.gaveUp.dispose();
  }
}

/** Starts the bundled language server over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, crashes: ServerCrashes): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: 'rubric' },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => crashes.closed(),
    },
  };
  return new LanguageClient('rubric', t('Rubric Language Server'), serverOptions, clientOptions);
}
