import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient, ServerCrashes } from './language-client';
import { loadTranslations } from './localize';
import { AnalyzedEvents } from './rubric-documents';
import { RankingView } from './ranking-view';
import { SimulationView } from './simulation-view';
import { registerSpreadsheetCommands } from './spreadsheet-commands';
import { registerNoticeCommand } from './notice-command';
import { StatusItem } from './status-item';

/** What the extension hands to other extensions and to its own tests. */
export interface RubricStudioApi {
  client: LanguageClient;
  /** When the server is left stopped after crashing too often. */
  crashes: Pick<ServerCrashes, 'onDidGiveUp'>;
  status: StatusItem;
  simulation: SimulationView;
  ranking: RankingView;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<RubricStudioApi> {
  loadTranslations(context);
  const output = vscode.window.createOutputChannel('Rubric Studio', { log: true });
  const crashes = new ServerCrashes();
  client = createLanguageClient(context, output, crashes);
  const analyzed = new AnalyzedEvents(client);
  const simulation = new SimulationView(client, analyzed);
  const ranking = new RankingView(client, analyzed);
  registerCommands(context, client, crashes, simulation, ranking);
  registerSpreadsheetCommands(context, client);
  registerNoticeCommand(context, client);
  await client.start();
  const status = new StatusItem(client, analyzed);
  context.subscriptions.push(output, crashes, analyzed, simulation, ranking, status, client);
  return { client, crashes, status, simulation, ranking };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
