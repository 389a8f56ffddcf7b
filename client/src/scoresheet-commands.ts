import * as vscode from 'vscode';
import { chooseExportFile } from './export-file';
import { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, NewScoresheetRequest, RUBRIC_FILE } from 'rubric-studio-server/out/protocol';
import { t } from './localize';
import { rankingToCsv, rankingToMarkdown } from './ranking-export';
import { rankingColumnLabels, RankingView } from './ranking-view';
import { isRubricDocument } from './rubric-documents';
import { scoresheetNameFor } from './scoresheet-name';

/** The commands of scoresheets: show and export the ranking, start a scoresheet for a rubric. */
export function registerScoresheetCommands(context: vscode.ExtensionContext, client: LanguageClient, view: RankingView): void {
  context.subscriptions.push(
    /** Argument (for scripts and tests): the scoresheet's uri. */
    vscode.commands.registerCommand(COMMANDS.showRanking, (uri?: string | vscode.Uri) => view.show(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)),
    /** Arguments (for scripts and tests): `csv` or `md`, and the file to write. */
    vscode.commands.registerCommand(COMMANDS.exportRanking, async (format?: 'csv' | 'md', target?: vscode.Uri) => {
      if (!view.isOpen) await view.show();
      const ranking = view.currentRanking;
      if (!ranking || ranking.groups.every((g) => g.rows.length === 0)) {
        void vscode.window.showInformationMessage(t('There is no ranking to export yet.'));
        return undefined;
      }
      const picked = await chooseExportFile(format, target, t('Export the ranking as'));
      if (!picked) return undefined;
      const { format: chosen, file } = picked;
      const labels = rankingColumnLabels();
      const title = ranking.title ?? vscode.workspace.asRelativePath(view.currentTarget ?? file);
      // A byte-order mark before CSV: Excel then reads the Chinese names as UTF-8, not as GBK.
      const text = chosen === 'csv' ? `\uFEFF${rankingToCsv(ranking, labels)}` : rankingToMarkdown(ranking, title, labels);
      await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
      return file;
    }),
    /** Argument (for scripts and tests): the rubric's uri; the active rubric without it. */
    vscode.commands.registerCommand(COMMANDS.newScoresheet, async (uri?: string | vscode.Uri) => {
      const active = vscode.window.activeTextEditor?.document;
      const rubric = typeof uri === 'string' ? vscode.Uri.parse(uri) : (uri ?? (isRubricDocument(active) ? active.uri : undefined));
      if (!rubric) {
        void vscode.window.showInformationMessage(t('Open a rubric file (*.rubric.yaml) first.'));
        return undefined;
      }
      // A scoresheet finds its rubric only under a rubric's own name (not through rubric.files).
      if (!RUBRIC_FILE.test(rubric.path)) {
        void vscode.window.showWarningMessage(t('A scoresheet can name only a *.rubric.yaml or *.rubric.yml file: rename the rubric first.'));
        return undefined;
      }
      const answer = await client.sendRequest(NewScoresheetRequest, { uri: rubric.toString() }).catch(() => null);
      if (!answer) {
        void vscode.window.showWarningMessage(t('A scoresheet cannot be made from this rubric yet: fix its syntax errors first.'));
        return undefined;
      }
      const file = vscode.Uri.joinPath(rubric, '..', scoresheetNameFor(rubric.path.split('/').pop() ?? 'rubric.rubric.yaml'));
      const exists = await vscode.workspace.fs.stat(file).then(
        () => true,
        () => false,
      );
      if (exists) {
        void vscode.window.showInformationMessage(t('{0} exists already: it is opened, not overwritten.', vscode.workspace.asRelativePath(file)));
      } else {
        // Created through an edit that never overwrites: a file made meanwhile is kept as it is.
        const edit = new vscode.WorkspaceEdit();
        edit.createFile(file, { overwrite: false, ignoreIfExists: true, contents: Buffer.from(answer.text, 'utf8') });
        await vscode.workspace.applyEdit(edit);
      }
      await vscode.window.showTextDocument(file);
      return file;
    }),
  );
}
