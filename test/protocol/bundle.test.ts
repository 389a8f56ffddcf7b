import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ExportSpreadsheetResult, ImportSpreadsheetResult, NoticeResult } from 'rubric-studio-server/out/protocol';
import { docxText } from '../support/docx';
import { LspClient, ROOT } from '../support/lsp-client';

/**
 * The server VS Code runs is the bundle dist/server.js, whose spreadsheet and Word code is kept
 * in files of its own beside it and loaded on the first such request (scripts/bundle.js). The
 * other protocol tests run the unbundled server; these make the bundle answer every request that
 * loads one of those files.
 */
describe('the bundled server (dist/server.js, as VS Code runs it): spreadsheet and notice requests over stdio', function () {
  this.timeout(60000);
  let client: LspClient;
  let scratch: string;
  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lsp-bundle-'));
    for (const name of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml'])
      fs.copyFileSync(path.join(ROOT, 'samples', name), path.join(scratch, name));
    client = await LspClient.start({
      locale: 'zh-CN',
      workspaceFolders: [pathToFileURL(scratch).href],
      command: [process.execPath, path.join(ROOT, 'dist/server.js'), '--stdio'],
    });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const uriOf = (name: string) => pathToFileURL(path.join(scratch, name)).href;

  it('exports the 考评表 and the scoring template, and reads the 考评表 back into a rubric', async () => {
    const uri = uriOf('forest-chief-2022.rubric.yaml');
    await client.open(uri, fs.readFileSync(path.join(scratch, 'forest-chief-2022.rubric.yaml'), 'utf8'));
    const table = (await client.connection.sendRequest('rubric/exportSpreadsheet', {
      uri,
      kind: 'assessment-table',
      target: uriOf('forest.xlsx'),
      sheetLocale: 'zh-CN',
    })) as ExportSpreadsheetResult;
    assert.deepEqual(table, { ok: true, file: uriOf('forest.xlsx'), indicators: 10, message: '已导出考评表 forest.xlsx（10 个指标）' });

    const template = (await client.connection.sendRequest('rubric/exportSpreadsheet', {
      uri,
      kind: 'template',
      target: uriOf('forest.scoring.xlsx'),
      sheetLocale: 'zh-CN',
    })) as ExportSpreadsheetResult;
    assert.equal(template.ok, true, JSON.stringify(template));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(scratch, 'forest.scoring.xlsx'));
    assert.ok(workbook.getWorksheet('打分表'), 'the template has its scoring sheet');

    const imported = (await client.connection.sendRequest('rubric/importSpreadsheet', {
      file: uriOf('forest.xlsx'),
      kind: 'rubric',
      target: uriOf('forest-again.rubric.yaml'),
    })) as ImportSpreadsheetResult;
    assert.equal(imported.ok, true, JSON.stringify(imported));
    assert.deepEqual(imported.ok && imported.problems, []);
    assert.match(imported.ok ? imported.text : '', /^rubric: 绛县2022年度林长制工作考评表$/m);
  });

  it('writes the results notice as a Word document', async () => {
    const uri = uriOf('forest-chief-2022.scores.yaml');
    await client.open(uri, fs.readFileSync(path.join(scratch, 'forest-chief-2022.scores.yaml'), 'utf8'));
    const notice = (await client.connection.sendRequest('rubric/notice', {
      uri,
      target: uriOf('notice.docx'),
      locale: 'zh-CN',
      date: '2023-01-15',
    })) as NoticeResult;
    assert.equal(notice.ok, true, JSON.stringify(notice));
    assert.equal(notice.ok && notice.subjects, 10);
    const lines = docxText(fs.readFileSync(path.join(scratch, 'notice.docx'))).paragraphs.filter(Boolean);
    assert.ok(lines.includes('优秀等次（3个）：古绛镇、横水镇、卫庄镇。'), lines.join('\n'));
  });
});
