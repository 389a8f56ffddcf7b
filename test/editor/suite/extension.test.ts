import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { RubricStudioApi } from '../../../client/src/extension';
import { codes, diagnosticsMatching, until } from './events';

const EXTENSION_ID = 'rubric-studio.rubric-studio';

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder with the samples');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

describe('Rubric Studio in VS Code', () => {
  let api: RubricStudioApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<RubricStudioApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates on a sample and starts the language server', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('forest-chief-2022.rubric.yaml'));
    await vscode.window.showTextDocument(document);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.client.isRunning());
  });

  it('publishes the diagnostics of a broken sample to VS Code', async () => {
    const uri = workspaceFile('broken', 'weights-sum.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsMatching(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['weights-sum']);
    assert.equal(diagnostics[0].range.start.line, 9);
    assert.equal(diagnostics[0].source, 'rubric');
  });

  it('updates diagnostics after an edit made through WorkspaceEdit', async () => {
    const uri = workspaceFile('forest-chief-2022.rubric.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await diagnosticsMatching(uri, (d) => d.length === 0);
    const offset = document.getText().indexOf('weight: 23');
    const start = document.positionAt(offset + 'weight: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(start, start.translate(0, 2)), '24');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // 国土绿化 is a group: its items still add up to 23, so both sums are now off.
    const broken = await diagnosticsMatching(uri, (d) => d.length > 0);
    assert.deepEqual(codes(broken), ['weights-sum', 'children-sum']);
    await vscode.commands.executeCommand('undo');
    await diagnosticsMatching(uri, (d) => d.length === 0);
  });

  it('fixes a sum with the quick fix, applied through the API', async () => {
    const uri = workspaceFile('broken', 'weights-sum.rubric.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsMatching(uri, (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsMatching(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the summary in the status bar', async () => {
    const uri = workspaceFile('forest-chief-2022.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = await until(
      () => api.status.text,
      (t) => t.includes('Σ 100 ✓'),
      [vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor, api.status.onDidUpdate],
    );
    assert.match(text, /Σ 100 ✓ · 优秀 3 · 良好 5 · 一般 2/);
  });

  it('opens the quota simulation panel with rows from the server', async () => {
    const uri = workspaceFile('forest-chief-2022.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('rubric.showSimulation', uri.toString());
    assert.ok(api.simulation.isOpen);
    const rows = api.simulation.currentRows;
    assert.equal(rows[0].subjects, 1);
    assert.equal(rows.length, 30);
    const ten = rows.find((r) => r.subjects === 10)!;
    assert.deepEqual(
      ten.tiers.map((t) => t.max),
      [3, 5, 2],
    );
  });

  it('exports the simulation as CSV and Markdown', async () => {
    const uri = workspaceFile('forest-chief-2022.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('rubric.showSimulation', uri.toString());
    const csv = await vscode.commands.executeCommand<vscode.Uri>('rubric.exportSimulation', 'csv', workspaceFile('out', 'simulation.csv'));
    const csvText = Buffer.from(await vscode.workspace.fs.readFile(csv)).toString('utf8');
    assert.match(csvText, /^subjects,优秀 slots,优秀 share/);
    assert.match(csvText, /\r\n10,3,30\.0%,5,50\.0%,2,20\.0%,\r\n/);
    const md = await vscode.commands.executeCommand<vscode.Uri>('rubric.exportSimulation', 'md', workspaceFile('out', 'simulation.md'));
    assert.match(Buffer.from(await vscode.workspace.fs.readFile(md)).toString('utf8'), /\| 10 \| 3 \(30\.0%\) \| 5 \(50\.0%\) \| 2 \(20\.0%\) \|/);
  });

  it('creates a new rubric from a template, valid at once', async () => {
    const target = workspaceFile('out', 'new-vendor.rubric.yaml');
    await vscode.commands.executeCommand('rubric.newRubric', 'vendor', target);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    const diagnostics = await diagnosticsMatching(target, () => true);
    assert.deepEqual(codes(diagnostics), []);
  });

  it('switches the diagnostics to Chinese with rubric.locale = zh-CN', async () => {
    const uri = workspaceFile('broken', 'children-sum.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsMatching(uri, (d) => d.length > 0);
    const config = vscode.workspace.getConfiguration('rubric');
    await config.update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
    try {
      const [diagnostic] = await diagnosticsMatching(uri, (d) => d.length > 0 && /下级指标分值合计/.test(d[0].message));
      assert.match(diagnostic.message, /应为 25：还差 1/);
    } finally {
      await config.update('locale', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsMatching(uri, (d) => d.length > 0 && /add up to/.test(d[0].message));
  });

  it('restarts the server with Rubric: Restart Server and keeps serving', async () => {
    await vscode.commands.executeCommand('rubric.restartServer');
    assert.ok(api.client.isRunning());
    const uri = workspaceFile('broken', 'raters-sum.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsMatching(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['raters-sum']);
  });

  it('starts the server again when it dies, and keeps serving', async () => {
    const before = api.client.serverProcess;
    assert.ok(before?.pid, 'the server runs as a child process');
    const restarted = until(
      () => api.client.isRunning() && api.client.serverProcess !== undefined && api.client.serverProcess.pid !== before.pid,
      (ok) => ok,
      [api.client.onDidChangeState as vscode.Event<unknown>],
    );
    before.kill('SIGKILL');
    await restarted;
    const uri = workspaceFile('broken', 'threshold-order.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsMatching(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['threshold-order']);
  });
});
