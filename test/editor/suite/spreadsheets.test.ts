import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { RubricStudioApi } from '../../../client/src/extension';

const EXTENSION_ID = 'rubric-studio.rubric-studio';

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder with the samples');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

const bytesOf = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri));

/**
 * The four spreadsheet commands in the real editor, given their files as arguments (the dialogs
 * are the editor's own): the server writes the workbook, the client writes and opens the YAML.
 */
describe('Spreadsheets in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<RubricStudioApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports the 考评表 of the open rubric and imports it back into a rubric, opened in an editor', async () => {
    const rubric = workspaceFile('forest-chief-2022.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rubric));
    const table = workspaceFile('forest-chief-2022.xlsx');
    const written = await vscode.commands.executeCommand<vscode.Uri>('rubric.exportAssessmentTable', undefined, table);
    assert.equal(written?.toString(), table.toString());
    assert.equal((await bytesOf(table)).subarray(0, 2).toString(), 'PK');

    const back = workspaceFile('imported.rubric.yaml');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('rubric.importAssessmentTable', table, back);
    assert.equal(opened?.toString(), back.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), back.toString());
    assert.match(vscode.window.activeTextEditor!.document.getText(), /^rubric: 绛县2022年度林长制工作考评表$/m);
  });

  it('creates a scoring template and reads it back into a scoresheet naming the rubric', async () => {
    const template = workspaceFile('forest-chief-2022.scoring.xlsx');
    const written = await vscode.commands.executeCommand<vscode.Uri>('rubric.createScoringTemplate', workspaceFile('forest-chief-2022.rubric.yaml'), template);
    assert.equal(written?.toString(), template.toString());
    const scores = workspaceFile('from-template.scores.yaml');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('rubric.importScores', template, scores);
    assert.equal(opened?.toString(), scores.toString());
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^rubric: forest-chief-2022\.rubric\.yaml$/m);
    assert.match(text, /^ {2}- subject: 古绛镇$/m);
  });

  it('writes nothing when the workbook cannot be read', async () => {
    const bad = workspaceFile('not-a-workbook.xlsx');
    await vscode.workspace.fs.writeFile(bad, Buffer.from('not a workbook'));
    const target = workspaceFile('not-a-workbook.scores.yaml');
    assert.equal(await vscode.commands.executeCommand('rubric.importScores', bad, target), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
  });
});
