import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { RankingRequest } from 'rubric-studio-server/out/protocol';
import { LspClient } from '../support/lsp-client';

/** Two towns, 优秀 exactly 50% of 2 = 1 slot: the better total takes it. */
const RUBRIC = `rubric: 年度考评
subjects: [甲镇, 乙镇]
indicators:
  - {id: work, name: 工作实绩, weight: 100}
tiers:
  - {id: good, name: 优秀, quota: {exactly: 50%}}
  - {id: fair, name: 合格}
`;

/** The same rubric worth 50 points: 60 is then above the weight. */
const SMALLER_RUBRIC = RUBRIC.replace('weight: 100', 'weight: 50');

// By hand: 甲镇 90 ranks 1 (优秀), 乙镇 60 ranks 2 (合格).
const SCORES = `rubric: plan.rubric.yaml
scores:
  - subject: 甲镇
    points: {work: 90}
  - subject: 乙镇
    points: {work: 60}
`;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

/**
 * A scoresheet depends on the file its `rubric:` names, whatever stood at that path when it was
 * last checked: when the editor reports the file changed (a `Changed` event, as a save or a
 * replacement over the old path gives), the scoresheet is checked again without being edited.
 */
describe('a scoresheet follows the file its rubric: names (stdio, real files)', function () {
  this.timeout(60000);
  let client: LspClient;
  let workspace: string;

  before(async () => {
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-deps-')));
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(workspace).href] });
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** In its own folder: the scoresheet and, at `plan.rubric.yaml`, whatever `prepare` puts there. */
  async function replacedByRubric(name: string, prepare: (rubricPath: string) => void, replace: (rubricPath: string) => void, expected: string[]) {
    const folder = path.join(workspace, name);
    fs.mkdirSync(folder);
    const rubricPath = path.join(folder, 'plan.rubric.yaml');
    prepare(rubricPath);
    const sheetUri = pathToFileURL(path.join(folder, '2024.scores.yaml')).href;
    assert.deepEqual(codes(await client.open(sheetUri, SCORES)), expected, name);

    replace(rubricPath);
    const rechecked = client.diagnostics(sheetUri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(rubricPath).href, type: FileChangeType.Changed }],
    });
    // A request after the event sees the new rubric at once (requests are answered in order).
    const ranking = await client.connection.sendRequest(RankingRequest, { uri: sheetUri });
    // Read from disk, the rubric is named by its real path (a link's target).
    assert.equal(ranking?.rubric, pathToFileURL(fs.realpathSync(rubricPath)).href, name);
    assert.deepEqual(
      ranking?.groups.flatMap((g) => g.rows.map((r) => `${r.subject} ${r.total} ${r.rank} ${r.tier?.id}`)),
      ['甲镇 90 1 good', '乙镇 60 2 fair'],
      name,
    );
    // And its diagnostics are published again, now clean.
    assert.deepEqual(codes((await rechecked).diagnostics), [], name);
    await client.close(sheetUri);
  }

  const writeRubric = (rubricPath: string) => fs.writeFileSync(rubricPath, RUBRIC);
  /** A good rubric written beside, then renamed over the path: what an editor's atomic save does. */
  const renameRubricOver = (rubricPath: string) => {
    fs.writeFileSync(`${rubricPath}.new`, RUBRIC);
    fs.renameSync(`${rubricPath}.new`, rubricPath);
  };

  it('a folder at the path, replaced by a rubric file', async () => {
    await replacedByRubric(
      'folder',
      (p) => fs.mkdirSync(p),
      (p) => {
        fs.rmdirSync(p);
        writeRubric(p);
      },
      ['rubric-not-found'],
    );
  });

  it('a FIFO at the path, replaced by a rubric file', async () => {
    await replacedByRubric('fifo', (p) => execFileSync('mkfifo', [p]), renameRubricOver, ['rubric-not-found']);
  });

  it('a symbolic link to a folder, replaced by a rubric file', async () => {
    await replacedByRubric(
      'link',
      (p) => {
        fs.mkdirSync(`${p}.d`);
        fs.symlinkSync(`${p}.d`, p);
      },
      renameRubricOver,
      ['rubric-not-found'],
    );
  });

  it('no file at the path, then a rubric file (reported as changed)', async () => {
    await replacedByRubric('missing', () => undefined, writeRubric, ['rubric-not-found']);
  });

  it('a rubric reached through a symbolic link, the link then pointed at another rubric', async () => {
    await replacedByRubric(
      'retargeted',
      (p) => {
        fs.writeFileSync(path.join(path.dirname(p), 'smaller.rubric.yaml'), SMALLER_RUBRIC);
        fs.symlinkSync('smaller.rubric.yaml', p);
      },
      (p) => {
        fs.writeFileSync(path.join(path.dirname(p), 'full.rubric.yaml'), RUBRIC);
        fs.symlinkSync('full.rubric.yaml', `${p}.new`);
        fs.renameSync(`${p}.new`, p);
      },
      ['score-out-of-range', 'score-out-of-range'],
    );
  });
});
