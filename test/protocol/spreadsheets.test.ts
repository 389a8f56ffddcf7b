import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createRubricCore } from 'rubric-studio-server';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { ExportSpreadsheetResult, ImportSpreadsheetResult } from 'rubric-studio-server/out/protocol';
import { scoringTemplateBytes } from 'rubric-studio-server/out/spreadsheet/operations';
import { minimalXlsx } from '../support/crafted-files';
import { craftedWorkbooks } from '../support/crafted-workbooks';
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

  it('makes the template of a measured rubric, then reads the inputs typed in back into measured: (issue 21)', async () => {
    const rubric = path.join(scratch, 'water.rubric.yaml');
    const text = fs.readFileSync(path.join(ROOT, 'samples/zhoushan-water-2021.rubric.yaml'), 'utf8');
    fs.writeFileSync(rubric, text);
    const uri = pathToFileURL(rubric).href;
    await client.open(uri, text);
    const file = path.join(scratch, 'water.scoring.xlsx');
    const made = (await client.connection.sendRequest('rubric/exportSpreadsheet', {
      uri,
      kind: 'template',
      target: pathToFileURL(file).href,
      sheetLocale: 'zh-CN',
    })) as ExportSpreadsheetResult;
    assert.equal(made.ok, true, JSON.stringify(made));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('打分表')!;
    // 定海区 (row 9): 国控 ratio met bad_months missed (B–E), 省控 ratio met (G, H); 省控 ratio 120 is above its 100.
    ['B', 'C', 'D', 'E', 'G', 'H'].forEach((column, i) => (sheet.getCell(`${column}9`).value = [100, 1, 0, 0, 120, 1][i]));
    await workbook.xlsx.writeFile(file);
    const imported = (await client.connection.sendRequest('rubric/importSpreadsheet', {
      file: pathToFileURL(file).href,
      kind: 'scores',
      target: pathToFileURL(path.join(scratch, 'water.scores.yaml')).href,
    })) as ImportSpreadsheetResult;
    assert.equal(imported.ok, true, JSON.stringify(imported));
    if (!imported.ok) return;
    assert.deepEqual(
      imported.problems.filter((p) => p.severity === 'error'),
      [{ severity: 'error', address: '打分表!G9', message: '120 超出“省控断面Ⅲ类以上水质比例”的范围 0—100' }],
    );
    assert.match(imported.text, /^ {6}national: \{ratio: 100, met: 1, bad_months: 0, missed: 0\}$/m);
    assert.match(imported.text, /^ {6}provincial: \{met: 1\}$/m);
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

describe('rubric/importSpreadsheet with hostile workbooks: refused with the reason, the server lives on (issue 20)', function () {
  this.timeout(120000);
  let client: LspClient;
  let scratch: string;
  let outside: string;
  const request = (file: string, kind: 'scores' | 'rubric') =>
    client.connection.sendRequest('rubric/importSpreadsheet', {
      file: pathToFileURL(file).href,
      kind,
      target: pathToFileURL(path.join(scratch, `out.${kind}.yaml`)).href,
    }) as Promise<ImportSpreadsheetResult>;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lsp-crafted-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lsp-outside-'));
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(scratch).href] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('answers each crafted workbook with what was wrong, then still reads a good one', async () => {
    for (const crafted of craftedWorkbooks(20, 1).filter((c) => c.refusal)) {
      const file = path.join(scratch, 'crafted.xlsx');
      fs.writeFileSync(file, crafted.bytes);
      const answer = await request(file, 'rubric');
      assert.equal(answer.ok, false, crafted.name);
      assert.match(answer.ok ? '' : answer.message, new RegExp(`^crafted\\.xlsx ${crafted.refusal!.source.slice(1)}`), crafted.name);
    }
    const good = path.join(scratch, 'good.xlsx');
    fs.writeFileSync(good, minimalXlsx(GOOD_SHEET));
    const answer = await request(good, 'rubric');
    assert.equal(answer.ok && answer.count, 2);
    assert.equal(client.exited, undefined, 'the server is running');
  });

  it('does not read a rubric a template names outside the workspace folder', async () => {
    const secret = path.join(outside, 'secret.rubric.yaml');
    fs.writeFileSync(
      secret,
      fs.readFileSync(path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml'), 'utf8').replace(/^rubric: .*$/m, 'rubric: SECRET TITLE'),
    );
    const rubricText = fs.readFileSync(secret, 'utf8');
    const made = await scoringTemplateBytes(createRubricCore({ schema: loadRubricSchema() }), rubricText, secret, path.join(scratch, 't.xlsx'), 1, 'en');
    assert.ok(made.ok);
    fs.writeFileSync(path.join(scratch, 't.xlsx'), made.bytes);
    const answer = await request(path.join(scratch, 't.xlsx'), 'scores');
    const recorded = path.relative(scratch, secret).split(path.sep).join('/');
    assert.deepEqual(answer, {
      ok: false,
      message: `t.xlsx names the rubric ${recorded}: outside the workspace folder; give it with --rubric FILE`,
      problems: [],
    });
  });
});

const GOOD_SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>分值</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>任务完成率</t></is></c><c r="B2"><v>60</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>台账规范</t></is></c><c r="B3"><v>40</v></c></row>' +
  '</sheetData></worksheet>';
