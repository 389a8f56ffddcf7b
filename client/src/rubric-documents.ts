import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { AnalyzedNotification, AnalyzedParams, RUBRIC_GLOB } from 'rubric-studio-server/out/protocol';

/** Documents the server serves: `*.rubric.yaml|yml`, plus the `rubric.files` globs. */
export function documentSelector(): { language: string; pattern: string }[] {
  const globs = vscode.workspace.getConfiguration('rubric').get<string[]>('files', []);
  return [{ language: 'yaml', pattern: RUBRIC_GLOB }, ...globs.map((glob) => ({ language: 'yaml', pattern: glob.includes('/') ? glob : `**/${glob}` }))];
}

/** Whether the server analyses this document: the same selector the client was started with. */
export function isRubricDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && vscode.languages.match(documentSelector(), document) > 0;
}

/**
 * The server's word that it has analysed a new version of a rubric (`rubric/analyzed`): the
 * status item and the views refresh on it, never on the editor's diagnostics events, which a
 * debounce or pull diagnostics would change.
 */
export class AnalyzedEvents implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnalyzedParams>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly registration: vscode.Disposable;

  constructor(client: LanguageClient) {
    this.registration = client.onNotification(AnalyzedNotification, (params) => this.emitter.fire(params));
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}
