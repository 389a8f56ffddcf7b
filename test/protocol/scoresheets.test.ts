import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeLens,
  CodeLensRequest,
  DefinitionRequest,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  InlayHint,
  InlayHintRequest,
  Location,
  MarkupContent,
  RenameRequest,
} from 'vscode-languageserver-protocol/node';
import { NewScoresheetRequest, Ranking, RankingRequest } from 'rubric-studio-server/out/protocol';
import { applyEdits, LspClient, positionOf } from '../support/lsp-client';

/**
 * One group of four towns; 优秀 25% of 4 = 1 slot, at least 80 points; a veto forces 不合格.
 * 安全生产 is scored by deduction: 40 − 5 per accident.
 */
const RUBRIC = `rubric: 安全生产考评
subjects: [甲镇, 乙镇, 丙镇, 丁镇]
indicators:
  - {id: work, name: 工作实绩, weight: 60}
  - {id: safety, name: 安全生产, weight: 40, scoring: {deduct: 5, per: 每起事故}}
veto:
  - {id: accident, name: 发生重大事故, tier: poor}
tiers:
  - {id: good, name: 优秀, quota: {exactly: 25%}, min_score: 80}
  - {id: fair, name: 合格}
  - {id: poor, name: 不合格}
`;

// By hand: 甲镇 55 + 40 = 95; 乙镇 50 + (40 − 5 × 2) = 80; 丙镇 58 + 40 = 98, vetoed; 丁镇 30 + 40 = 70.
// Ranks 丙镇 1, 甲镇 2, 乙镇 3, 丁镇 4; 丙镇 forced to 不合格, the 优秀 slot to 甲镇, the rest 合格.
const SCORES = `rubric: safety.rubric.yaml
scores:
  - subject: 甲镇
    points: {work: 55}
  - subject: 乙镇
    points: {work: 50}
    deductions: {safety: 2}
  - subject: 丙镇
    points: {work: 58}
    veto: [accident]
  - subject: 丁镇
    points: {work: 30}
`;

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/**
 * The first diagnostics published for `uri` from now on that `accept` likes. Call it before the
 * action that should cause them: an earlier publication (a re-check from a previous step) is
 * skipped rather than mistaken for the one awaited.
 */
async function publishedMatching(client: LspClient, uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (;;) {
    const { diagnostics } = await client.diagnostics(uri);
    if (accept(diagnostics)) return diagnostics;
  }
}

/** `subject total rank tier` per row, group by group. */
function brief(ranking: Ranking | null): string[] {
  return (ranking?.groups ?? []).flatMap((g) => g.rows.map((r) => `${r.subject} ${r.total} ${r.rank} ${r.tier?.id ?? '-'}`));
}

describe('scoresheets in the language server (stdio, real files)', function () {
  this.timeout(60000);
  let client: LspClient;
  let workspace: string;
  let rubricFile: string;
  let rubricUri: string;
  const fileUri = (name: string) => pathToFileURL(path.join(workspace, name)).href;
  const ranking = (uri: string) => client.connection.sendRequest(RankingRequest, { uri });

  before(async () => {
    const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-sheets-')));
    workspace = path.join(top, 'ws');
    fs.mkdirSync(workspace);
    // A rubric beside the workspace, for the confinement test.
    fs.writeFileSync(path.join(top, 'outside.rubric.yaml'), RUBRIC);
    rubricFile = path.join(workspace, 'safety.rubric.yaml');
    fs.writeFileSync(rubricFile, RUBRIC);
    rubricUri = pathToFileURL(rubricFile).href;
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(workspace).href] });
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it('checks a scoresheet against its rubric read from disk: a score above the weight, at its value', async () => {
    const uri = fileUri('over.scores.yaml');
    const text = SCORES.replace('work: 55', 'work: 65');
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(codes(diagnostics), ['score-out-of-range']);
    assert.deepEqual(diagnostics[0].range.start, positionOf(text, '65'));
    assert.equal(diagnostics[0].severity, 1);
    await client.close(uri);
  });

  it('answers rubric/ranking with exact totals, ranks, tiers, vetoes and the rubric file', async () => {
    const uri = fileUri('2023.scores.yaml');
    assert.deepEqual(await client.open(uri, SCORES), []);
    const result = await ranking(uri);
    assert.equal(result?.rubric, rubricUri);
    assert.equal(result?.title, '安全生产考评');
    assert.deepEqual(
      result?.tiers.map((t) => t.name),
      ['优秀', '合格', '不合格'],
    );
    assert.deepEqual(brief(result), ['丙镇 98 1 poor', '甲镇 95 2 good', '乙镇 80 3 fair', '丁镇 70 4 fair']);
    const [group] = result!.groups;
    assert.deepEqual(group.rows[0].vetoes, ['accident']);
    assert.equal(typeof group.rows[0].total, 'string');
    // 优秀 has a quota of its own (exactly 1 of 4); 合格 and 不合格 take the rest.
    assert.deepEqual(
      group.counts.map((c) => [c.tier.id, c.count, c.min, c.max]),
      [
        ['good', 1, 1, 1],
        ['fair', 2, null, null],
        ['poor', 1, null, null],
      ],
    );
    // A rubric is not a scoresheet.
    await client.open(rubricUri, RUBRIC);
    assert.equal(await ranking(rubricUri), null);
    await client.close(rubricUri);
  });

  it('follows the rubric as it is typed, unsaved: diagnostics and ranking change, and return when it is closed', async () => {
    const uri = fileUri('2023.scores.yaml');
    await client.open(rubricUri, RUBRIC);
    // Weights 60/40 → 50/50 in the editor only: 55 and 58 points on 工作实绩 are now more than it is worth.
    const sheetAfterEdit = publishedMatching(client, uri, (d) => d.length > 0);
    const edited = RUBRIC.replace('weight: 60', 'weight: 50').replace('weight: 40', 'weight: 50');
    assert.deepEqual(await client.replaceAll(rubricUri, edited), []);
    const broken = await sheetAfterEdit;
    assert.deepEqual(codes(broken), ['score-out-of-range', 'score-out-of-range']);
    assert.deepEqual(
      broken.map((d) => d.range.start),
      [positionOf(SCORES, '55'), positionOf(SCORES, '58')],
    );
    // 乙镇 50 + (50 − 10) = 90, 丁镇 30 + 50 = 80; 甲镇's and 丙镇's totals cannot be made (points above the weight).
    const live = brief(await ranking(uri));
    assert.ok(live.includes('乙镇 90 1 good'), live.join(' | '));
    assert.ok(live.includes('丁镇 80 2 fair'), live.join(' | '));
    // Closed without saving: the file on disk counts again.
    const sheetAfterClose = publishedMatching(client, uri, (d) => d.length === 0);
    await client.close(rubricUri);
    await sheetAfterClose;
    assert.deepEqual(brief(await ranking(uri)), ['丙镇 98 1 poor', '甲镇 95 2 good', '乙镇 80 3 fair', '丁镇 70 4 fair']);
  });

  it('follows a rubric changed on disk when the editor says so (workspace/didChangeWatchedFiles)', async () => {
    const uri = fileUri('2023.scores.yaml');
    // min_score 80 → 96: no one but the vetoed 丙镇 reaches 优秀; its slot falls through to 合格.
    fs.writeFileSync(rubricFile, RUBRIC.replace('min_score: 80', 'min_score: 96'));
    const republished = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rubricUri, type: FileChangeType.Changed }] });
    await republished;
    assert.deepEqual(brief(await ranking(uri)), ['丙镇 98 1 poor', '甲镇 95 2 fair', '乙镇 80 3 fair', '丁镇 70 4 fair']);
    fs.writeFileSync(rubricFile, RUBRIC);
    const restored = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rubricUri, type: FileChangeType.Changed }] });
    await restored;
    assert.ok(brief(await ranking(uri)).includes('甲镇 95 2 good'));
  });

  it('refuses a rubric outside the workspace folder: ../../etc/passwd and a real rubric beside it are rubric-not-found', async () => {
    for (const [name, written] of [
      ['passwd.scores.yaml', '../../etc/passwd'],
      ['beside.scores.yaml', '../outside.rubric.yaml'],
      ['absolute.scores.yaml', '/etc/passwd'],
    ]) {
      const diagnostics = await client.open(fileUri(name), SCORES.replace('safety.rubric.yaml', written));
      assert.deepEqual(codes(diagnostics), ['rubric-not-found'], name);
      assert.match(diagnostics[0].message as string, /outside the workspace folder/, name);
      const result = await ranking(fileUri(name));
      assert.equal(result?.rubric, null);
      await client.close(fileUri(name));
    }
  });

  it('goes from a scored indicator to its definition in the rubric file', async () => {
    const uri = fileUri('2023.scores.yaml');
    const location = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: positionOf(SCORES, 'safety: 2', 1),
    })) as Location | null;
    assert.ok(location, 'a location');
    assert.equal(location.uri, rubricUri);
    // `safety` is spelled on line 5 (0-based 4) of the rubric: `  - {id: safety, …`.
    assert.deepEqual(location.range.start, positionOf(RUBRIC, 'id: safety', 4));
  });

  it('shows totals beside the subjects (inlay hints), how a total was reached (hover) and the tier counts (code lens)', async () => {
    const uri = fileUri('2023.scores.yaml');
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    })) as InlayHint[];
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(
      labels.some((l) => l.includes('95 · rank 2 · 优秀')),
      labels.join(' | '),
    );
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(SCORES, '乙镇', 1) });
    assert.ok(hover, 'a hover on a subject');
    assert.match((hover.contents as MarkupContent).value, /80/);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.ok(lenses.length > 0);
    assert.equal(lenses[0].command?.command, 'rubric.showRanking');
    assert.deepEqual(lenses[0].command?.arguments, [uri]);
  });

  it('renames an indicator in the rubric and in every open scoresheet that scores it, in one edit', async () => {
    const uri = fileUri('2023.scores.yaml');
    await client.open(rubricUri, RUBRIC);
    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: rubricUri },
      position: positionOf(RUBRIC, 'id: work', 5),
      newName: 'performance',
    });
    assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [uri, rubricUri].sort());
    const rubricAfter = applyEdits(RUBRIC, edit!.changes![rubricUri]);
    const sheetAfter = applyEdits(SCORES, edit!.changes![uri]);
    assert.equal(rubricAfter, RUBRIC.replace('id: work', 'id: performance'));
    assert.equal(sheetAfter, SCORES.replace(/work:/g, 'performance:'));
    // Applied, both stay clean: the sheet scores the same leaf under its new id (in between, it
    // scores an id the rubric no longer has).
    const sheetStale = publishedMatching(client, uri, (d) => codes(d).includes('unknown-indicator'));
    assert.deepEqual(await client.replaceAll(rubricUri, rubricAfter), []);
    await sheetStale;
    assert.deepEqual(await client.replaceAll(uri, sheetAfter), []);
    assert.ok(brief(await ranking(uri)).includes('甲镇 95 2 good'));
    await client.replaceAll(uri, SCORES);
    await client.close(rubricUri);
  });

  it('makes the text of a new scoresheet for a rubric that names it and every subject', async () => {
    await client.open(rubricUri, RUBRIC);
    const answer = await client.connection.sendRequest(NewScoresheetRequest, { uri: rubricUri });
    assert.ok(answer);
    assert.match(answer.text, /^rubric: safety\.rubric\.yaml$/m);
    for (const subject of ['甲镇', '乙镇', '丙镇', '丁镇']) assert.ok(answer.text.includes(subject), subject);
    // Written beside the rubric, it is a scoresheet the server reads without a schema error.
    const uri = fileUri('new.scores.yaml');
    const diagnostics = await client.open(uri, answer.text);
    assert.ok(!codes(diagnostics).some((c) => c === 'schema' || c === 'yaml-syntax' || c === 'rubric-not-found'), codes(diagnostics).join());
    await client.close(uri);
    await client.close(rubricUri);
  });
});
