import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, NoticeParams, NoticeRequest, NoticeResult, SCORES_FILE } from 'rubric-studio-server/out/protocol';
import { t } from './localize';
import { sheetLocale } from './spreadsheet-commands';

/** Options of `rubric.writeNotice` for scripts and tests. */
export interface WriteNoticeOptions {
  /** Write a draft listing the errors, rather than refuse (the dialog's "Write Draft Anyway"). */
  allowErrors?: boolean;
  /** `YYYY-MM-DD`; today by default. */
  date?: string;
}

/**
 * Rubric: Write Results Notice — the 通报 of the active scoresheet as .docx or .md, written by
 * the language server as `rubric notice` writes it (`rubric/notice`). With errors in the sheet
 * or its rubric, nothing is written unless the person asks for a draft that lists them.
 *
 * Arguments (for scripts and tests): the scoresheet URI, the target URI and options, instead of
 * the dialogs; the result is the written file's URI (undefined when nothing was written).
 */
export function registerNoticeCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  const errorsChannel = vscode.window.createOutputChannel(t('Rubric Studio: results notice'));
  context.subscriptions.push(
    errorsChannel,
    vscode.commands.registerCommand(COMMANDS.writeNotice, (scoresheet?: vscode.Uri, target?: vscode.Uri, options?: WriteNoticeOptions) =>
      writeNotice(client, errorsChannel, scoresheet, target, options ?? {}),
    ),
  );
}

/** Today in the person's own calendar: the notice is dated where it is written. */
function today(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function activeScoresheet(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && SCORES_FILE.test(document.fileName) ? document.uri : undefined;
}

async function writeNotice(
  client: LanguageClient,
  channel: vscode.OutputChannel,
  scoresheet: vscode.Uri | undefined,
  target: vscode.Uri | undefined,
  options: WriteNoticeOptions,
): Promise<vscode.Uri | undefined> {
  const source = scoresheet ?? activeScoresheet();
  if (!source) {
    void vscode.window.showInformationMessage(t('Open a scoresheet (*.scores.yaml) first.'));
    return undefined;
  }
  // The server writes the notice from the analysis of the open document (unsaved edits included).
  await vscode.workspace.openTextDocument(source);
  const stem = (source.path.split('/').pop() ?? '').replace(/\.scores\.ya?ml$/i, '');
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(source, '..', `${stem}.notice.docx`),
      filters: { [t('Word document')]: ['docx'], [t('Plain text (Markdown)')]: ['md'] },
      title: t('Write Results Notice'),
    }));
  if (!file) return undefined;
  const params: NoticeParams = {
    uri: source.toString(),
    target: file.toString(),
    locale: sheetLocale(),
    date: options.date ?? today(),
    allowErrors: options.allowErrors ?? false,
  };
  const send = (p: NoticeParams) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Writing the results notice…') }, () =>
      client.sendRequest(NoticeRequest, p),
    );
  let result: NoticeResult = await send(params);
  if (!result.ok && result.errors.length > 0) {
    showErrors(channel, source, result.errors);
    const draft = t('Write Draft Anyway');
    // In a test (a target given) nothing is asked: with errors nothing is written, as on the command line.
    const choice = target ? undefined : await vscode.window.showWarningMessage(result.message, draft);
    if (choice !== draft) return undefined;
    result = await send({ ...params, allowErrors: true });
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const written = vscode.Uri.parse(result.file);
  if (written.path.toLowerCase().endsWith('.md')) await vscode.window.showTextDocument(written);
  // A Word document is shown where the person keeps files; an editor without a desktop (a browser) cannot, and says nothing.
  else await Promise.resolve(vscode.commands.executeCommand('revealFileInOS', written)).catch(() => undefined);
  void vscode.window.showInformationMessage(result.message);
  return written;
}

function showErrors(channel: vscode.OutputChannel, scoresheet: vscode.Uri, errors: string[]): void {
  channel.clear();
  channel.appendLine(scoresheet.path.split('/').pop() ?? '');
  for (const line of errors) channel.appendLine(line);
  channel.show(true);
}
