import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ExportSpreadsheetResult, ImportSpreadsheetResult } from 'rubric-studio-server/out/protocol';
import { LspClient, ROOT } from '../support/lsp-client';

/** The editor's spreadsheet commands as requests to the real server over stdio. */
describe('rubric/exportSpreadsheet and rubric/importSpreadsheet (server over stdio)', function () {
  this.timeout(60000);
  let client: LspClient;
  let scratch: string;
  before(async () => {
    client = await LspClient.start({ locale: 'zh-CN' });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lsp-sheets-'));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('exports the open rubric as it is in the editor, then reads the 考评表 back into a rubric', async () => {
    const rubric = path.join(scratch, 'forest.rubric.yaml');
    const text = fs.readFileSync(path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml'), 'utf8');
    fs.writeFileSync(rubric, text);
    const uri = pathToFileURL(rubric).href;
    // The editor's text differs from the file on disk: the export follows the editor.
    await client.open(uri, text.replace('绛县2022年度林长制工作考评表', '绛县2023年度林长制工作考评表'));
    const target = pathToFileURL(path.join(scratch, 'forest.xlsx')).href;
    const exported = (await client.connection.sendRequest('rubric/exportSpreadsheet', {
      uri,
      kind: 'assessment-table',
      target,
      sheetLocale: 'zh-CN',
    })) as ExportSpreadsheetResult;
    assert.deepEqual(exported, { ok: true, file: target, indicators: 10, message: '已导出考评表 forest.xlsx（10 个指标）' });

    const back = pathToFileURL(path.join(scratch, 'forest-again.rubric.yaml')).href;
    const imported = (await client.connection.sendRequest('rubric/importSpreadsheet', {
      file: target,
      kind: 'rubric',
      target: back,
    })) as ImportSpreadsheetResult;
    assert.equal(imported.ok, true);
    assert.deepEqual(imported.ok && imported.problems, []);
    assert.match(imported.ok ? imported.text : '', /^rubric: 绛县2023年度林长制工作考评表$/m);
    assert.ok(!fs.existsSync(path.join(scratch, 'forest-again.rubric.yaml')), 'the client writes the YAML, not the server');
  });

  it('answers a bad workbook with its reason, in the server’s language', async () => {
    const bad = path.join(scratch, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const answer = (await client.connection.sendRequest('rubric/importSpreadsheet', {
      file: pathToFileURL(bad).href,
      kind: 'scores',
      target: pathToFileURL(path.join(scratch, 'bad.scores.yaml')).href,
    })) as ImportSpreadsheetResult;
    assert.deepEqual(answer, { ok: false, message: 'bad.xlsx 不是 .xlsx 工作簿：不是 zip 压缩包，或文件不完整（下载未完成？）', problems: [] });
  });
});
