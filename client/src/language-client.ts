import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

/** Documents the server serves: `*.rubric.yaml|yml`, plus the `rubric.files` globs. */
export function documentSelector(): LanguageClientOptions['documentSelector'] {
  const globs = vscode.workspace.getConfiguration('rubric').get<string[]>('files', []);
  return [
    { language: 'yaml', pattern: '**/*.rubric.{yaml,yml}' },
    ...globs.map((glob) => ({ language: 'yaml', pattern: glob.includes('/') ? glob : `**/${glob}` })),
  ];
}

/**
 * Starts the bundled language server over IPC. When it dies it is restarted, and the person is
 * told once per session rather than at every crash.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  let told = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: 'rubric' },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (!told) {
          told = true;
          void vscode.window.showWarningMessage(vscode.l10n.t('The rubric language server stopped and was restarted.'));
        }
        return { action: CloseAction.Restart };
      },
    },
  };
  return new LanguageClient('rubric', vscode.l10n.t('Rubric Language Server'), serverOptions, clientOptions);
}

export function isRunning(client: LanguageClient): boolean {
  return client.state === State.Running;
}
