import * as path from 'path';
import * as vscode from 'vscode';
import { chooseExportFile } from './export-file';
import { chooseLanguage, showStatusMenu, STATUS_MENU } from './language-choice';
import { t } from './localize';
import { LanguageClient } from 'vscode-languageclient/node';
import { toCsv, toMarkdown } from './simulation-export';
import { ServerCrashes } from './language-client';
import { SimulationView } from './simulation-view';
import { COMMANDS } from 'rubric-studio-server/out/protocol';
import { RankingView } from './ranking-view';
import { registerScoresheetCommands } from './scoresheet-commands';

/** Templates for `Rubric: New Rubric`, taken from the shipped samples. */
interface Template {
  id: string;
  /** The sample under samples/ that the new rubric is copied from. */
  file: string;
  label: string;
  detail: string;
}

/**
 * The templates, each a published scheme's shape (the sample's header names its source), in the
 * language the person reads: built when the picker opens, since `rubric.locale` may have changed.
 */
function templates(): Template[] {
  return [
    {
      id: 'forest',
      file: 'forest-chief-2022.rubric.yaml',
      label: t('Forest-chief appraisal (in Chinese)'),
      detail: t('10 townships · excellent 30%, average 20%'),
    },
    {
      id: 'cadre',
      file: 'cadre-annual-appraisal.rubric.yaml',
      label: t('Annual appraisal of civil servants (in Chinese)'),
      detail: t('Five aspects · assessor 60%, self and peers 40% · excellent within 20%, at most 25%'),
    },
    {
      id: 'township',
      file: 'township-comprehensive-groups.rubric.yaml',
      label: t('Township appraisal in groups (in Chinese)'),
      detail: t('66 towns and subdistricts in two groups · ranked per group · advanced at most 30%'),
    },
    {
      id: 'graduates',
      file: 'village-graduates-2022.rubric.yaml',
      label: t("Village graduates' appraisal (in Chinese)"),
      detail: t('Four dimensions · three rater groups · excellent at least 20%'),
    },
    {
      id: 'vendor',
      file: 'vendor-evaluation.rubric.yaml',
      label: t('Vendor evaluation (in English)'),
      detail: t('Public-procurement scorecard · largest-remainder rounding'),
    },
  ];
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  crashes: ServerCrashes,
  view: SimulationView,
  ranking: RankingView,
): void {
  registerScoresheetCommands(context, client, ranking);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      crashes.reset();
      await client.restart();
      void vscode.window.setStatusBarMessage(t('Rubric language server restarted.'), 3000);
    }),
    /** Arguments (from the quota lens): the file's uri and which of its rubrics (0-based). */
    vscode.commands.registerCommand(COMMANDS.showSimulation, (uri?: string | vscode.Uri, documentIndex?: number) =>
      view.show(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, Number.isInteger(documentIndex) ? documentIndex : 0),
    ),
    /** Argument (for scripts and tests): `en`, `zh-CN` or `auto`, instead of the question. */
    vscode.commands.registerCommand(COMMANDS.chooseLanguage, chooseLanguage),
    vscode.commands.registerCommand(STATUS_MENU, showStatusMenu),
    /** Arguments (for scripts and tests): a template id and the file to create. */
    vscode.commands.registerCommand(COMMANDS.newRubric, async (templateId?: string, target?: vscode.Uri) => {
      const choices = templates();
      const template =
        choices.find((template) => template.id === templateId) ??
        (await vscode.window.showQuickPick(
          choices.map((template) => ({ ...template, description: template.file })),
          { placeHolder: t('Choose a template for the new rubric') },
        ));
      if (!template) return undefined;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const file =
        target ??
        (await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, `new-${template.file}`) : undefined,
          filters: { [t('Rubric')]: ['rubric.yaml', 'yaml'] },
        }));
      if (!file) return undefined;
      const content = await vscode.workspace.fs.readFile(vscode.Uri.file(context.asAbsolutePath(path.join('samples', template.file))));
      await vscode.workspace.fs.writeFile(file, content);
      await vscode.window.showTextDocument(file);
      return file;
    }),
    /** Arguments (for scripts and tests): `csv` or `md`, and the file to write. */
    vscode.commands.registerCommand(COMMANDS.exportSimulation, async (format?: 'csv' | 'md', target?: vscode.Uri) => {
      if (!view.isOpen) await view.show(undefined);
      const rows = view.currentRows;
      if (rows.length === 0) {
        void vscode.window.showInformationMessage(t('There is no simulation to export yet.'));
        return undefined;
      }
      const picked = await chooseExportFile(format, target, t('Export the simulation as'));
      if (!picked) return undefined;
      const { format: chosen, file } = picked;
      const text = chosen === 'csv' ? toCsv(rows) : toMarkdown(rows, view.currentTitle);
      await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
      return file;
    }),
  );
}
