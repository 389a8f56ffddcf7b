import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, Location } from 'vscode-languageserver-protocol/node';
import { RankingRequest } from 'rubric-studio-server/out/protocol';
import { LspClient } from '../support/lsp-client';

/** A quarter's rubric worth 100, and a year that is its quarters' mean at 95% plus the leaders' 5 points. */
const QUARTER = `rubric: 季度考核
subjects: [甲, 乙]
indicators:
  - {id: work, name: 工作实绩, weight: 100}
`;
const YEAR = `rubric: 年度考核
subjects: [甲, 乙]
indicators:
  - {id: quarters, name: 季度考核, weight: 95, scoring: {rounds: mean}}
  - {id: leaders, name: 领导评价, weight: 5}
tiers:
  - {id: excellent, name: 优秀, quota: {exactly: 1}}
  - {id: competent, name: 称职}
`;
const Q1 = `rubric: quarter.rubric.yaml
scores:
  - {subject: 甲, points: {work: 86}}
  - {subject: 乙, points: {work: 80}}
`;
const Q2 = `rubric: quarter.rubric.yaml
scores:
  - {subject: 甲, points: {work: 94}}
  - {subject: 乙, points: {work: 86}}
`;
const YEAR_SHEET = `rubric: year.rubric.yaml
rounds: {quarters: [q1.scores.yaml, q2.scores.yaml]}
scores:
  - {subject: 甲, points: {leaders: 4}}
  - {subject: 乙, points: {leaders: 5}}
`;

/**
 * A year sheet depends on its rounds as on its rubric: a round typed in the editor (unsaved)
 * re-checks and re-ranks the open year, and so does a round changed on disk.
 */
describe('a year sheet follows its rounds (stdio, real files)', function () {
  this.timeout(60000);
  let client: LspClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;
  const rows = async (name: string) =>
    (await client.connection.sendRequest(RankingRequest, { uri: uri(name) }))?.groups.flatMap((g) =>
      g.rows.map((r) => `${r.subject} ${r.total} ${r.rank} ${r.tier?.id ?? '-'} [${r.roundTotals?.join(' ')}]`),
    );

  before(async () => {
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-rounds-')));
    const files: Record<string, string> = {
      'quarter.rubric.yaml': QUARTER,
      'year.rubric.yaml': YEAR,
      'q1.scores.yaml': Q1,
      'q2.scores.yaml': Q2,
      'year.scores.yaml': YEAR_SHEET,
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(workspace).href] });
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('an edit in a round, unsaved, re-publishes the year’s diagnostics and re-ranks it', async () => {
    assert.deepEqual(await client.open(uri('year.scores.yaml'), YEAR_SHEET), []);
    // 甲: (86 + 94) / 2 = 90 × 0.95 = 85.5 + 4 = 89.5.  乙: (80 + 86) / 2 = 83 × 0.95 = 78.85 + 5 = 83.85.
    assert.deepEqual(await rows('year.scores.yaml'), ['甲 89.5 1 excellent [86 94]', '乙 83.85 2 competent [80 86]']);

    // Opened with the text on disk: the year is checked again, and stays as it was.
    const reopened = client.diagnostics(uri('year.scores.yaml'));
    await client.open(uri('q2.scores.yaml'), Q2);
    assert.deepEqual((await reopened).diagnostics, []);

    // 乙's second quarter typed up to 100, not saved: 乙 (80 + 100) / 2 = 90 × 0.95 = 85.5 + 5 = 90.5 passes 甲's 89.5.
    let rechecked = client.diagnostics(uri('year.scores.yaml'));
    const line = Q2.split('\n').findIndex((l) => l.includes('乙'));
    const at = Q2.split('\n')[line].indexOf('86');
    await client.edit(uri('q2.scores.yaml'), [{ range: { start: { line, character: at }, end: { line, character: at + 2 } }, text: '100' }]);
    assert.deepEqual((await rechecked).diagnostics, []);
    assert.deepEqual(await rows('year.scores.yaml'), ['乙 90.5 1 excellent [80 100]', '甲 89.5 2 competent [86 94]']);

    // 乙's line deleted from the round: the year says so at the round's path, and ranks 乙 nowhere.
    rechecked = client.diagnostics(uri('year.scores.yaml'));
    await client.edit(uri('q2.scores.yaml'), [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    const published = (await rechecked).diagnostics;
    assert.deepEqual(
      published.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['missing-score', 1, YEAR_SHEET.split('\n')[1].indexOf('q2.scores.yaml'), YEAR_SHEET.split('\n')[1].indexOf('q2.scores.yaml') + 14]],
    );
    assert.deepEqual(await rows('year.scores.yaml'), ['甲 89.5 1 excellent [86 94]', '乙 null null - [80 ]']);
    await client.close(uri('q2.scores.yaml'));
  });

  it('go to definition on a round’s path opens that round', async () => {
    const line = YEAR_SHEET.split('\n')[1];
    const found = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri('year.scores.yaml') },
      position: { line: 1, character: line.indexOf('q2.scores.yaml') + 2 },
    })) as Location | null;
    assert.deepEqual(found, { uri: uri('q2.scores.yaml'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  });

  it('a round changed on disk re-ranks the open year', async () => {
    // Closed, the round is read from disk again (still the original Q2).
    assert.deepEqual(await rows('year.scores.yaml'), ['甲 89.5 1 excellent [86 94]', '乙 83.85 2 competent [80 86]']);
    fs.writeFileSync(path.join(workspace, 'q1.scores.yaml'), Q1.replace('work: 86', 'work: 70'));
    const rechecked = client.diagnostics(uri('year.scores.yaml'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri('q1.scores.yaml'), type: FileChangeType.Changed }],
    });
    assert.deepEqual((await rechecked).diagnostics, []);
    // 甲: (70 + 94) / 2 = 82 × 0.95 = 77.9 + 4 = 81.9, now below 乙's 83.85.
    assert.deepEqual(await rows('year.scores.yaml'), ['乙 83.85 1 excellent [80 86]', '甲 81.9 2 competent [70 94]']);
  });
});
