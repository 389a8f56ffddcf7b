import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { RubricStudioApi } from '../../../client/src/extension';

const EXTENSION_ID = 'rubric-studio.rubric-studio';

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder with the samples');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/**
 * Rubric: Write Results Notice in the real editor, given the scoresheet, the target and the date
 * as arguments (the save dialog is the editor's own): the language server writes the file.
 */
describe('Results notice in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<RubricStudioApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes the notice beside the scoresheet: a Word document, and plain text opened in an editor', async () => {
    const sheet = workspaceFile('forest-chief-2022.scores.yaml');
    const docx = workspaceFile('forest-chief-2022.notice.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri>('rubric.writeNotice', sheet, docx, { date: '2023-01-15' });
    assert.equal(written?.toString(), docx.toString());
    assert.equal(
      Buffer.from(await vscode.workspace.fs.readFile(docx))
        .subarray(0, 2)
        .toString(),
      'PK',
    );

    const md = workspaceFile('forest-chief-2022.notice.md');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('rubric.writeNotice', sheet, md, { date: '2023-01-15' });
    assert.equal(opened?.toString(), md.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), md.toString());
    const text = vscode.window.activeTextEditor!.document.getText();
    // The tier's subjects in rank order, and the issuer's signature, in either language.
    assert.match(text, /古绛镇[、,] ?横水镇[、,] ?卫庄镇/);
    assert.match(text, /\n绛县林长制办公室\n/);
  });

  it('writes nothing for a sheet with errors when no draft is asked for', async () => {
    const sheet = workspaceFile('notice-errors.scores.yaml');
    const good = Buffer.from(await vscode.workspace.fs.readFile(workspaceFile('forest-chief-2022.scores.yaml'))).toString('utf8');
    const bad = good.replace('fire: 22, pests: 13, mechanism: 10, rangers: 3.5}', 'fire: 30, pests: 13, mechanism: 10, rangers: 3.5}');
    assert.notEqual(bad, good, 'the sample still has the line the test breaks');
    await vscode.workspace.fs.writeFile(sheet, Buffer.from(bad));
    try {
      const target = workspaceFile('notice-errors.notice.md');
      assert.equal(await vscode.commands.executeCommand('rubric.writeNotice', sheet, target, { date: '2023-01-15' }), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
    } finally {
      // The broken sheet leaves with the test: later suites see the samples as they were.
      await vscode.workspace.fs.delete(sheet);
    }
  });
});
