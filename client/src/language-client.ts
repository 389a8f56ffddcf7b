import * as path from 'path';
import * as vscode from 'vscode';
import { t } from './localize';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { COMMANDS } from 'rubric-studio-server/out/protocol';
import { documentSelector } from './rubric-documents';
import { MAX_RESTARTS, RestartPolicy, RESTART_WINDOW_MS } from './restart-policy';

/**
 * Starts the bundled language server over IPC. A server that dies is restarted within the
 * restart policy; past it, the person is told once, with a button to start it again.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const restarts = new RestartPolicy();
  const giveUp = () => {
    const restart = t('Restart');
    const minutes = RESTART_WINDOW_MS / 60000;
    void vscode.window
      .showErrorMessage(t('The rubric language server crashed {0} times in {1} minutes and was stopped.', MAX_RESTARTS + 1, minutes), restart)
      .then((choice) => (choice === restart ? vscode.commands.executeCommand(COMMANDS.restartServer) : undefined));
    return CloseAction.DoNotRestart;
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: 'rubric' },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => ({ action: restarts.shouldRestart(Date.now()) ? CloseAction.Restart : giveUp(), handled: true }),
    },
  };
  return new LanguageClient('rubric', t('Rubric Language Server'), serverOptions, clientOptions);
}
