import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient } from './language-client';
import { loadTranslations } from './localize';
import { AnalyzedEvents } from './rubric-documents';
import { SimulationView } from './simulation-view';
import { StatusItem } from './status-item';

/** What the extension hands to other extensions and to its own tests. */
export interface RubricStudioApi {
  client: LanguageClient;
  status: StatusItem;
  simulation: SimulationView;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<RubricStudioApi> {
  loadTranslations(context);
  const output = vscode.window.createOutputChannel('Rubric Studio', { log: true });
  client = createLanguageClient(context, output);
  const analyzed = new AnalyzedEvents(client);
  const simulation = new SimulationView(client, analyzed);
  registerCommands(context, client, simulation);
  await client.start();
  const status = new StatusItem(client, analyzed);
  context.subscriptions.push(output, analyzed, simulation, status, client);
  return { client, status, simulation };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
