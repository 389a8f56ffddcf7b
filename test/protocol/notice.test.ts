import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { NoticeResult } from 'rubric-studio-server/out/protocol';
import { LspClient, ROOT } from '../support/lsp-client';

/** Rubric: Write Results Notice as the request the editor sends to the real server over stdio. */
describe('rubric/notice (server over stdio)', function () {
  this.timeout(60000);
  let client: LspClient;
  let scratch: string;
  let sample: string;
  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lsp-notice-'));
    for (const name of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml'])
      fs.copyFileSync(path.join(ROOT, 'samples', name), path.join(scratch, name));
    sample = fs.readFileSync(path.join(scratch, 'forest-chief-2022.scores.yaml'), 'utf8');
    client = await LspClient.start({ locale: 'zh-CN', workspaceFolders: [pathToFileURL(scratch).href] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const notice = (uri: string, target: string, allowErrors = false) =>
    client.connection.sendRequest('rubric/notice', {
      uri,
      target: pathToFileURL(path.join(scratch, target)).href,
      locale: 'zh-CN',
      date: '2023-01-15',
      allowErrors,
    }) as Promise<NoticeResult>;

  it('writes the notice of the sheet as it is in the editor, unsaved edits included', async () => {
    const uri = pathToFileURL(path.join(scratch, 'forest-chief-2022.scores.yaml')).href;
    // Unsaved: 横水镇 loses its publicity bonus, 92 − 1 = 91 (still second, still 优秀).
    const edited = sample.replace('    bonus: {publicity: 1}\n  - subject: 卫庄镇', '  - subject: 卫庄镇');
    assert.notEqual(edited, sample, 'the sample still has the line the test edits');
    await client.open(uri, edited);
    const answer = await notice(uri, 'forest.notice.md');
    assert.deepEqual(answer, {
      ok: true,
      file: pathToFileURL(path.join(scratch, 'forest.notice.md')).href,
      subjects: 10,
      errors: 0,
      message: '已生成考核结果通报 forest.notice.md（10 个考核对象）。',
    });
    const text = fs.readFileSync(path.join(scratch, 'forest.notice.md'), 'utf8');
    assert.ok(text.startsWith('关于绛县2022年度林长制工作考核结果的通报\n'));
    assert.ok(text.includes('\u3000\u3000优秀等次（3个）：古绛镇、横水镇、卫庄镇。\n'));
    assert.ok(text.includes('\n| 2 | 横水镇 | 91 | 优秀 |  |\n'), 'the annex reads the unsaved total');
    assert.ok(text.includes('\n绛县林长制办公室\n2023年1月15日\n'));
  });

  it('refuses a sheet with errors, listing them, and writes a draft only when asked', async () => {
    const uri = pathToFileURL(path.join(scratch, 'errors.scores.yaml')).href;
    await client.open(uri, sample.replace('fire: 22, pests: 13, mechanism: 10, rangers: 3.5}', 'fire: 30, pests: 13, mechanism: 10, rangers: 3.5}'));
    const refused = await notice(uri, 'errors.notice.docx');
    assert.equal(refused.ok, false);
    assert.equal(refused.message, 'errors.scores.yaml或其考核细则中有 1 个错误，通报不能据此排名，未写入文件。');
    assert.equal(refused.ok ? 0 : refused.errors.length, 1);
    assert.match(refused.ok ? '' : refused.errors[0], /^errors\.scores\.yaml 第9行：/);
    assert.ok(!fs.existsSync(path.join(scratch, 'errors.notice.docx')));

    const draft = await notice(uri, 'errors.notice.docx', true);
    assert.equal(draft.ok && draft.errors, 1);
    assert.equal(fs.readFileSync(path.join(scratch, 'errors.notice.docx')).subarray(0, 2).toString(), 'PK');
  });
});
