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

const readText = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');

/** `subject total rank tier` per row of the ranking the view shows. */
function rows(api: RubricStudioApi): string[] {
  return (api.ranking.currentRanking?.groups ?? []).flatMap((g) => g.rows.map((r) => `${r.subject} ${r.total} ${r.rank} ${r.tier?.name ?? '-'}`));
}

/**
 * The forest sample's scoresheet (samples/forest-chief-2022.scores.yaml, copied into the
 * workspace): ten townships, 优秀 exactly 30% (3) from 85 points, 一般 exactly 20% (2), 么里镇
 * vetoed to 一般, 卫庄镇 and 陈村镇 tied at 88 across the third 优秀 slot.
 */
describe('Scoresheets in VS Code', () => {
  let api: RubricStudioApi;
  const sheet = () => workspaceFile('forest-chief-2022.scores.yaml');
  const rubric = () => workspaceFile('forest-chief-2022.rubric.yaml');

  before(async () => {
    const extension = vscode.extensions.getExtension<RubricStudioApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a scoresheet: its diagnostics, totals beside the subjects, the tier counts in the status bar', async () => {
    const document = await vscode.workspace.openTextDocument(sheet());
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsMatching(sheet(), (d) => d.length > 0);
    // The tie at 88 across the last 优秀 slot, once on each of the two.
    assert.deepEqual(codes(diagnostics), ['tie-at-boundary', 'tie-at-boundary']);
    assert.equal(
      diagnostics[0].range.start.line,
      document
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('subject: 卫庄镇')),
    );
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      sheet(),
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    // 古绛镇: 15 + 8 + 8 + 22 + 13 + 10 + 3.5 = 79.5 scored, plus the untouched deduction leaves
    // 林木采伐 12 and 防火宣传 3, plus 检疫执法 1.5 − 0.5 × 1 = 1: 95.5, first of ten.
    assert.ok(
      labels.some((l) => l.includes('95.5') && l.includes('优秀')),
      labels.join(' | '),
    );
    const status = await until(
      () => api.status.text,
      (t) => t.includes('优秀 3/3'),
      [api.status.onDidUpdate, vscode.window.onDidChangeActiveTextEditor],
    );
    assert.match(status, /优秀 3\/3 · 良好 5 · 一般 2\/2/);
  });

  it('shows the ranking view with the rows from the server, marks included', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sheet()));
    await vscode.commands.executeCommand('rubric.showRanking');
    assert.ok(api.ranking.isOpen);
    assert.equal(api.ranking.currentTarget?.toString(), sheet().toString());
    const ranking = api.ranking.currentRanking!;
    assert.equal(ranking.rubric, rubric().toString());
    assert.equal(ranking.title, '绛县2022年度林长制工作考评表');
    assert.deepEqual(rows(api).slice(0, 5), ['古绛镇 95.5 1 优秀', '横水镇 92 2 优秀', '卫庄镇 88 3 优秀', '陈村镇 88 3 良好', '么里镇 86 5 一般']);
    const all = ranking.groups[0].rows;
    assert.deepEqual(all.find((r) => r.subject === '么里镇')?.vetoes, ['major-fire']);
    assert.deepEqual(
      all.filter((r) => r.tiedAtBoundary).map((r) => r.subject),
      ['卫庄镇', '陈村镇'],
    );
    assert.deepEqual(
      ranking.groups[0].counts.map((c) => `${c.tier.name} ${c.count}`),
      ['优秀 3', '良好 5', '一般 2'],
    );
  });

  it('follows the rubric live: an unsaved edit to min_score changes the ranking view', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sheet()));
    await vscode.commands.executeCommand('rubric.showRanking', sheet());
    const rubricDocument = await vscode.workspace.openTextDocument(rubric());
    await vscode.window.showTextDocument(rubricDocument, vscode.ViewColumn.One);
    // 优秀 from 85 → 93 points: only 古绛镇 (95.5) reaches it; the other two slots pass to 良好,
    // so 横水镇 (92) and 卫庄镇 (88) become 良好. Nothing is saved.
    const refreshed = until(
      () => rows(api),
      (r) => r.includes('横水镇 92 2 良好'),
      [api.ranking.onDidRefresh],
    );
    const offset = rubricDocument.getText().indexOf('min_score: 85');
    const start = rubricDocument.positionAt(offset + 'min_score: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(rubric(), new vscode.Range(start, start.translate(0, 2)), '93');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const live = await refreshed;
    assert.ok(live.includes('古绛镇 95.5 1 优秀'), live.join(' | '));
    assert.ok(live.includes('卫庄镇 88 3 良好'), live.join(' | '));
    assert.ok(rubricDocument.isDirty, 'the rubric is not saved');
    // Set back (and saved, unchanged from the file): the view follows back.
    const back = until(
      () => rows(api),
      (r) => r.includes('横水镇 92 2 优秀'),
      [api.ranking.onDidRefresh],
    );
    const undo = new vscode.WorkspaceEdit();
    undo.replace(rubric(), new vscode.Range(start, start.translate(0, 2)), '85');
    assert.ok(await vscode.workspace.applyEdit(undo));
    assert.ok(await rubricDocument.save());
    await back;
  });

  it('exports the ranking as CSV and Markdown', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sheet()));
    await vscode.commands.executeCommand('rubric.showRanking', sheet());
    const csv = await vscode.commands.executeCommand<vscode.Uri>('rubric.exportRanking', 'csv', workspaceFile('out', 'ranking.csv'));
    const csvText = await readText(csv);
    assert.ok(csvText.startsWith('\uFEFFRank,Subject,Total,Tier,'), csvText.slice(0, 80));
    assert.match(csvText, /\r\n1,古绛镇,95\.5,优秀,,\d+(\.\d+)?,,\r\n/);
    assert.match(csvText, /\r\n5,么里镇,86,一般,,,发生重大森林火灾,\r\n/);
    const md = await vscode.commands.executeCommand<vscode.Uri>('rubric.exportRanking', 'md', workspaceFile('out', 'ranking.md'));
    const mdText = await readText(md);
    assert.match(mdText, /^# 绛县2022年度林长制工作考评表$/m);
    assert.match(mdText, /^\| 3 \| 卫庄镇 \| 88 \| 优秀 \| {2}\| [\d.]+ \| {2}\| ✓ \|$/m);
  });

  it('New Scoresheet writes <name>.scores.yaml beside the rubric, opens it, and never overwrites it', async () => {
    // The vendor sample has no scoresheet yet.
    const source = workspaceFile('vendor-evaluation.rubric.yaml');
    const target = workspaceFile('vendor-evaluation.scores.yaml');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no such file before the command');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    const created = await vscode.commands.executeCommand<vscode.Uri>('rubric.newScoresheet');
    assert.equal(created?.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    const text = await readText(target);
    assert.match(text, /^rubric: vendor-evaluation\.rubric\.yaml$/m);
    // The file is a scoresheet the server reads against its rubric: no schema or path problem.
    const diagnostics = await diagnosticsMatching(target, () => true);
    assert.ok(!codes(diagnostics).some((c) => ['schema', 'yaml-syntax', 'rubric-not-found'].includes(c)), codes(diagnostics).join());
    // Changed by the person, then asked for again: opened as it is, not written over.
    await vscode.workspace.fs.writeFile(target, Buffer.from(`${text}# 已填写\n`, 'utf8'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await vscode.commands.executeCommand<vscode.Uri>('rubric.newScoresheet', source);
    assert.equal(again?.toString(), target.toString());
    assert.equal(await readText(target), `${text}# 已填写\n`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
  });
});
