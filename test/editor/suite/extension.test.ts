import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { RubricStudioApi } from '../../../client/src/extension';
import { codes, diagnosticsMatching, until } from './events';

const EXTENSION_ID = 'rubric-studio.rubric-studio';

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder with the samples');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Writes a file into the workspace from the text of samples there. */
async function writeWorkspaceFile(target: vscode.Uri, ...sources: string[]): Promise<void> {
  const texts = await Promise.all(sources.map(async (source) => Buffer.from(await vscode.workspace.fs.readFile(workspaceFile(source))).toString('utf8')));
  await vscode.workspace.fs.writeFile(target, Buffer.from(texts.join('\n---\n'), 'utf8'));
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

  // Each template's status line, worked by hand from its sample: forest 10 × 30% = 3 and 10 × 20% = 2;
  // cadre 30 × 25% = 7.5 → 7 (floor), target 30 × 20% = 6; township per group 21 × 30% = 6.3 → 6 and
  // 45 × 30% = 13.5 → 13 (floor); graduates at least 45 × 20% = 9; vendor 7 × 30% = 2.1 → 2, 7 × 20% = 1.4 → 1.
  const TEMPLATE_STATUS: Record<string, RegExp> = {
    forest: /Σ 100 ✓ · 优秀 3 · 良好 5 · 一般 2$/,
    cadre: /Σ 100 ✓ · 优秀 0–7 \(target 6\)/,
    township: /Σ 100 ✓ · 现代服务业主导型镇街: 先进 0–6 · 达标 15–21 \| 其他类型镇街: 先进 0–13 · 达标 32–45$/,
    graduates: /Σ 100 ✓ · 优秀 9–45 /,
    vendor: /Σ 100 ✓ · Recommended 0–2 · Acceptable 4–7 · Rejected 0–1$/,
  };
  for (const [template, status] of Object.entries(TEMPLATE_STATUS)) {
    it(`creates a new rubric from the ${template} template, valid at once`, async () => {
      const target = workspaceFile('out', `new-${template}.rubric.yaml`);
      await vscode.commands.executeCommand('rubric.newRubric', template, target);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
      // The status item shows this file's figures once the server has analysed it (after its diagnostics).
      await until(
        () => api.status.text,
        (t) => status.test(t),
        [api.status.onDidUpdate],
      );
      assert.deepEqual(codes(vscode.languages.getDiagnostics(target)), []);
    });
  }

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
  it('opens the simulation of the second rubric from the code lens over it', async () => {
    // forest-chief (10 townships, 优秀/良好/一般), then vendor-evaluation (7 bidders, Recommended/Acceptable/Rejected).
    const uri = workspaceFile('out', 'two-rubrics.rubric.yaml');
    await writeWorkspaceFile(uri, 'forest-chief-2022.rubric.yaml', 'vendor-evaluation.rubric.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const secondStart = document.getText().indexOf('\n---\n');
    const second = lenses.find((lens) => document.offsetAt(lens.range.start) > secondStart);
    assert.ok(second?.command, `a lens over the second rubric among ${lenses.map((l) => l.command?.title).join(' | ')}`);
    assert.equal(second.command.command, 'rubric.showSimulation');
    assert.deepEqual(second.command.arguments?.slice(1), [1], 'the lens names the second rubric (index 1)');
    await vscode.commands.executeCommand(second.command.command, ...(second.command.arguments ?? []));
    assert.equal(api.simulation.currentTitle, 'IT Services Vendor Evaluation 2025');
    const seven = api.simulation.currentRows.find((r) => r.subjects === 7);
    assert.deepEqual(
      seven?.tiers.map((t) => t.name),
      ['Recommended', 'Acceptable', 'Rejected'],
    );
  });

  it('serves a file matched only through rubric.files: status item and simulation', async () => {
    // The runner's workspace settings have rubric.files = ['*.appraisal.yaml'].
    const uri = workspaceFile('out', 'forest.appraisal.yaml');
    await writeWorkspaceFile(uri, 'forest-chief-2022.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = await until(
      () => api.status.text,
      (t) => t.includes('Σ 100 ✓'),
      [api.status.onDidUpdate],
    );
    assert.match(text, /Σ 100 ✓ · 优秀 3 · 良好 5 · 一般 2/);
    await vscode.commands.executeCommand('rubric.showSimulation');
    assert.equal(api.simulation.currentTitle, '绛县2022年度林长制工作考评表');
    // 10 townships: 优秀 exactly 30% = 3, 一般 exactly 20% = 2, 良好 the other 5.
    assert.deepEqual(
      api.simulation.currentRows.find((r) => r.subjects === 10)?.tiers.map((t) => t.max),
      [3, 5, 2],
    );
  });

  it("refreshes the status item and the view on the server's word after an edit, without diagnostics events", async () => {
    const uri = workspaceFile('out', 'forest-edited.rubric.yaml');
    await writeWorkspaceFile(uri, 'forest-chief-2022.rubric.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await until(
      () => api.status.text,
      (t) => t.includes('优秀 3'),
      [api.status.onDidUpdate],
    );
    await vscode.commands.executeCommand('rubric.showSimulation', uri.toString());
    // 优秀 exactly 30% → 40%: at N = 10, 40% × 10 = 4 优秀, 一般 still 2, 良好 10 − 4 − 2 = 4. No finding changes.
    const statusUpdated = until(
      () => api.status.text,
      (t) => t.includes('优秀 4'),
      [api.status.onDidUpdate],
    );
    const viewUpdated = until(
      () => api.simulation.currentRows.find((r) => r.subjects === 10)?.tiers.map((t) => t.max),
      (maxima) => maxima?.[0] === 4,
      [api.simulation.onDidRefresh],
    );
    // The client holds back the diagnostics, as a debounce or pull diagnostics would: no
    // diagnostics event comes, and the views must not wait for one.
    const middleware = api.client.clientOptions.middleware!;
    middleware.handleDiagnostics = () => undefined;
    const diagnosticsEvents: string[] = [];
    const watch = vscode.languages.onDidChangeDiagnostics((event) => diagnosticsEvents.push(...event.uris.map(String)));
    try {
      const offset = document.getText().indexOf('exactly: 30%');
      const start = document.positionAt(offset + 'exactly: '.length);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(start, start.translate(0, 2)), '40');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.match(await statusUpdated, /Σ 100 ✓ · 优秀 4 · 良好 4 · 一般 2/);
      assert.deepEqual(await viewUpdated, [4, 4, 2]);
      assert.ok(!diagnosticsEvents.includes(uri.toString()), 'no diagnostics event for the edited file');
    } finally {
      watch.dispose();
      delete middleware.handleDiagnostics;
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('switches the language with Rubric: Choose Language (user setting), and back', async () => {
    const forest = workspaceFile('forest-chief-2022.rubric.yaml');
    const broken = workspaceFile('broken', 'children-sum.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(broken));
    await diagnosticsMatching(broken, (d) => d.length > 0 && /add up to/.test(d[0].message));
    try {
      await vscode.commands.executeCommand('rubric.chooseLanguage', 'zh-CN');
      assert.equal(vscode.workspace.getConfiguration('rubric').inspect('locale')?.globalValue, 'zh-CN');
      await diagnosticsMatching(broken, (d) => d.length > 0 && /下级指标分值合计/.test(d[0].message));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(forest));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', forest);
      assert.match(lenses.map((l) => l.command?.title).join(' | '), /10 个考核对象/);
    } finally {
      await vscode.commands.executeCommand('rubric.chooseLanguage', 'auto');
    }
    assert.equal(vscode.workspace.getConfiguration('rubric').inspect('locale')?.globalValue, undefined, '"auto" removes the user setting');
    await diagnosticsMatching(broken, (d) => d.length > 0 && /add up to/.test(d[0].message));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', forest);
    assert.match(lenses.map((l) => l.command?.title).join(' | '), /10 subjects/);
  });

  it('stops restarting a server that keeps crashing, says so once, and Restart brings it back', async function () {
    // Seven server starts on a shared machine: under load each can take half a minute.
    this.timeout(360000);
    const started = Date.now();
    const step = (what: string) => console.log(`      ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // A restart by hand starts a fresh count: five crashes are restarted, the sixth is not.
    await vscode.commands.executeCommand('rubric.restartServer');
    const messages: string[] = [];
    const subscription = api.crashes.onDidGiveUp((message) => messages.push(message));
    try {
      for (let crash = 1; crash <= 5; crash++) {
        await killServer(api, 'restarted');
        step(`crash ${crash}: restarted`);
      }
      await killServer(api, 'stopped');
      step('crash 6: stopped');
      assert.deepEqual(messages, ['The rubric language server crashed 6 times in 3 minutes and was stopped.']);
      assert.notEqual(api.client.state, State.Running);
    } finally {
      subscription.dispose();
    }
    await vscode.commands.executeCommand('rubric.restartServer');
    step('restarted by hand');
    assert.ok(api.client.isRunning());
    assert.equal(messages.length, 1, 'said once');
    const uri = workspaceFile('broken', 'weights-sum.rubric.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.deepEqual(codes(await diagnosticsMatching(uri, (d) => d.length > 0)), ['weights-sum']);
  });
});

/** Kills the server process and resolves once the client has restarted it (a new process) or given up on it. */
async function killServer(api: RubricStudioApi, expect: 'restarted' | 'stopped'): Promise<void> {
  const before = api.client.serverProcess;
  assert.ok(before?.pid, 'the server runs as a child process');
  let gaveUp = false;
  const giveUp = api.crashes.onDidGiveUp(() => (gaveUp = true));
  // A restart passes through a public `Stopped` state: only a new process, or the client's word that it gave up, settles it.
  const settled = until(
    () =>
      expect === 'stopped'
        ? gaveUp && !api.client.isRunning() && api.client.state !== State.Starting
        : api.client.isRunning() && api.client.serverProcess !== undefined && api.client.serverProcess.pid !== before.pid,
    (ok) => ok,
    [api.client.onDidChangeState as vscode.Event<unknown>, api.crashes.onDidGiveUp],
  );
  const log = api.client.onDidChangeState((change) => console.log(`      state ${State[change.oldState]} → ${State[change.newState]}`));
  before.kill('SIGKILL');
  try {
    await settled;
  } finally {
    giveUp.dispose();
    log.dispose();
  }
}
