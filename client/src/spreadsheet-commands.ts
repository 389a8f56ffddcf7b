import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  ExportSpreadsheetParams,
  ExportSpreadsheetRequest,
  ImportSpreadsheetRequest,
  ImportSpreadsheetResult,
  RUBRIC_FILE,
  SpreadsheetLocale,
  SpreadsheetProblem,
} from 'rubric-studio-server/out/protocol';
import { localeSetting, t } from './localize';

/**
 * Rubric: Export 考评表 (xlsx), Create Scoring Template, Import Scores from Spreadsheet, Import
 * 考评表 from Spreadsheet. The language server does the work (`rubric/exportSpreadsheet`,
 * `rubric/importSpreadsheet`, the command line's own operations); the client asks where, shows
 * progress, lists the problems by cell, writes the imported YAML and opens it.
 *
 * Arguments (for scripts and tests): the rubric or workbook URI and the target URI, instead of the
 * dialogs; the result is the written file's URI (undefined when nothing was written).
 */
export function registerSpreadsheetCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const problemsChannel = vscode.window.createOutputChannel(t('Rubric Studio: spreadsheet import'));
  context.subscriptions.push(
    problemsChannel,
    vscode.commands.registerCommand(COMMANDS.exportAssessmentTable, (rubric?: vscode.Uri, target?: vscode.Uri) =>
      exportWorkbook(client, 'assessment-table', rubric, target),
    ),
    vscode.commands.registerCommand(COMMANDS.createScoringTemplate, (rubric?: vscode.Uri, target?: vscode.Uri) =>
      exportWorkbook(client, 'template', rubric, target),
    ),
    vscode.commands.registerCommand(COMMANDS.importScores, (workbook?: vscode.Uri, target?: vscode.Uri) =>
      importWorkbook(client, problemsChannel, 'scores', workbook, target),
    ),
    vscode.commands.registerCommand(COMMANDS.importAssessmentTable, (workbook?: vscode.Uri, target?: vscode.Uri) =>
      importWorkbook(client, problemsChannel, 'rubric', workbook, target),
    ),
  );
}

/** A workbook's headings (and a results notice) follow the extension's language: Chinese unless it speaks English. */
export function sheetLocale(): SpreadsheetLocale {
  const setting = localeSetting();
  if (setting !== 'auto') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function activeRubric(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && RUBRIC_FILE.test(document.fileName) ? document.uri : undefined;
}

const sibling = (uri: vscode.Uri, name: string) => vscode.Uri.joinPath(uri, '..', name);
const baseName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? '';

async function exportWorkbook(
  client: LanguageClient,
  kind: ExportSpreadsheetParams['kind'],
  rubric?: vscode.Uri,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const source = rubric ?? activeRubric();
  if (!source) {
    void vscode.window.showInformationMessage(t('Open a rubric file (*.rubric.yaml) first.'));
    return undefined;
  }
  const stem = baseName(source).replace(/\.rubric\.ya?ml$/i, '');
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: sibling(source, kind === 'template' ? `${stem}.scoring.xlsx` : `${stem}.xlsx`),
      filters: { [t('Excel workbook')]: ['xlsx'] },
      title: kind === 'template' ? t('Create Scoring Template') : t('Export 考评表 (xlsx)'),
    }));
  if (!file) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: kind === 'template' ? t('Creating the scoring template…') : t('Exporting the 考评表…') },
    () =>
      client.sendRequest(ExportSpreadsheetRequest, {
        uri: source.toString(),
        kind,
        target: file.toString(),
        sheetLocale: sheetLocale(),
      }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const written = vscode.Uri.parse(result.file);
  // Shown where the person keeps files; an editor without a desktop (a browser) cannot, and says nothing.
  await Promise.resolve(vscode.commands.executeCommand('revealFileInOS', written)).catch(() => undefined);
  void vscode.window.showInformationMessage(result.message);
  return written;
}

function showProblems(channel: vscode.OutputChannel, workbook: vscode.Uri, problems: SpreadsheetProblem[]): void {
  channel.clear();
  channel.appendLine(baseName(workbook));
  for (const p of problems) channel.appendLine(`${p.address}: ${p.severity === 'warning' ? t('warning: ') : ''}${p.message}`);
}

async function importWorkbook(
  client: LanguageClient,
  channel: vscode.OutputChannel,
  kind: 'scores' | 'rubric',
  workbook?: vscode.Uri,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const source =
    workbook ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [t('Excel workbook')]: ['xlsx'] },
        title: kind === 'scores' ? t('Import Scores from Spreadsheet') : t('Import 考评表 from Spreadsheet'),
      })
    )?.[0];
  if (!source) return undefined;
  const stem = baseName(source).replace(/\.xlsx$/i, '');
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: sibling(source, `${stem}.${kind}.yaml`),
      filters: { [kind === 'scores' ? t('Scoresheet') : t('Rubric')]: [`${kind}.yaml`, 'yaml'] },
    }));
  if (!file) return undefined;
  const result: ImportSpreadsheetResult = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Reading {0}…', baseName(source)) },
    () => client.sendRequest(ImportSpreadsheetRequest, { file: source.toString(), kind, target: file.toString() }),
  );
  if (result.problems.length > 0) showProblems(channel, source, result.problems);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    if (result.problems.length > 0) channel.show(true);
    return undefined;
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    channel.show(true);
    const writeAnyway = t('Write Anyway');
    // In a test (a target given) nothing is asked: with errors nothing is written, as on the command line.
    const choice = target
      ? undefined
      : await vscode.window.showWarningMessage(t('{0} errors in {1} (listed in the output): nothing written.', errors, baseName(source)), writeAnyway);
    if (choice !== writeAnyway) return undefined;
  }
  await vscode.workspace.fs.writeFile(file, Buffer.from(result.text, 'utf8'));
  await vscode.window.showTextDocument(file);
  if (result.problems.length > errors) {
    channel.show(true);
    void vscode.window.showInformationMessage(t('{0} imported with {1} warnings (listed in the output).', baseName(file), result.problems.length - errors));
  }
  return file;
}
