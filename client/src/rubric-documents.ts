import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { AnalyzedNotification, AnalyzedParams, RUBRIC_GLOB, SCORES_GLOB } from 'rubric-studio-server/out/protocol';

/** Rubrics: `*.rubric.yaml|yml`, plus the `rubric.files` globs. */
function rubricSelector(): { language: string; pattern: string }[] {
  const globs = vscode.workspace.getConfiguration('rubric').get<string[]>('files', []);
  return [{ language: 'yaml', pattern: RUBRIC_GLOB }, ...globs.map((glob) => ({ language: 'yaml', pattern: glob.includes('/') ? glob : `**/${glob}` }))];
}

const SCORESHEET_SELECTOR = [{ language: 'yaml', pattern: SCORES_GLOB }];

/** Documents the server serves: rubrics and scoresheets (`*.scores.yaml|yml`). */
export function documentSelector(): { language: string; pattern: string }[] {
  return [...rubricSelector(), ...SCORESHEET_SELECTOR];
}

/** Whether the server analyses this document as a rubric: the same selector the client was started with. */
export function isRubricDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && !isScoresheetDocument(document) && vscode.languages.match(rubricSelector(), document) > 0;
}

/** Whether the document is a scoresheet (`*.scores.yaml|yml`). */
export function isScoresheetDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && vscode.languages.match(SCORESHEET_SELECTOR, document) > 0;
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
