import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, rubric } from '../support/cli';
import { parse } from 'yaml';
import { compoundFile } from '../support/crafted-files';
import { craftedWorkbooks } from '../support/crafted-workbooks';

const FOREST = path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml');

/** Files left in a folder, temporary ones included (a failed write must leave none). */
const listing = (folder: string) => fs.readdirSync(folder).sort();

describe('rubric export / template / import (child process)', function () {
  this.timeout(60000);
  let scratch: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-sheets-'));
    fs.copyFileSync(FOREST, path.join(scratch, 'forest.rubric.yaml'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('exports the 考评表 next to the rubric, says where, and never overwrites without --force', () => {
    const first = rubric(['export', 'forest.rubric.yaml'], scratch);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout.trim(), 'Wrote forest.xlsx: the 考评表 (assessment table) of 10 indicators');
    const bytes = fs.readFileSync(path.join(scratch, 'forest.xlsx'));
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');

    fs.writeFileSync(path.join(scratch, 'forest.xlsx'), 'keep me');
    const again = rubric(['export', 'forest.rubric.yaml', '--locale', 'zh-CN'], scratch);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /forest\.xlsx: 无法写入: 文件已存在：如需覆盖请加 --force/);
    assert.equal(fs.readFileSync(path.join(scratch, 'forest.xlsx'), 'utf8'), 'keep me');
    assert.deepEqual(listing(scratch), ['forest.rubric.yaml', 'forest.xlsx'], 'no temporary file is left');

    const forced = rubric(['export', 'forest.rubric.yaml', '--force', '--out', 'forest.xlsx'], scratch);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(fs.readFileSync(path.join(scratch, 'forest.xlsx')).subarray(0, 2).toString(), 'PK');
  });

  it('removes the temporary file a killed run left beside the target, and only such (issue 20, fault 12)', () => {
    // What kill -9 between writing and renaming leaves: a hidden file named by a process that is gone, untouched since.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const leftovers = [
      `.forest.xlsx.${gone}.0a1b2c3d.tmp`,
      `.forest.xlsx.${process.pid}.0a1b2c3d.tmp`,
      `.other.xlsx.${gone}.0a1b2c3d.tmp`,
      `.forest.xlsx.${gone}.0f0f0f0f.tmp`,
    ];
    for (const name of leftovers) {
      fs.writeFileSync(path.join(scratch, name), 'half a workbook');
      if (!name.includes('0f0f0f0f')) fs.utimesSync(path.join(scratch, name), hourAgo, hourAgo);
    }
    const made = rubric(['export', 'forest.rubric.yaml'], scratch);
    assert.equal(made.status, 0, made.stderr);
    // Gone: the killed run's file for this target. Kept: a running process's, another target's, one touched within the minute.
    assert.deepEqual(listing(scratch), [...leftovers.slice(1)].sort().concat(['forest.rubric.yaml', 'forest.xlsx']).sort());
  });

  it('refuses a workbook path that is a FIFO at once', () => {
    execFileSync('mkfifo', [path.join(scratch, 'pipe.xlsx')]);
    const result = rubric(['import', 'pipe.xlsx', '--out', 'x.rubric.yaml'], scratch);
    assert.equal(result.status, 2, String(result.error));
    assert.equal(result.stderr.trim(), 'pipe.xlsx: is not a regular file');
  });

  it('refuses an --out that is not .xlsx, a folder that does not exist, and a rubric with syntax errors', () => {
    assert.equal(rubric(['export', 'forest.rubric.yaml', '--out', 'forest.csv'], scratch).status, 2);
    const missing = rubric(['export', 'forest.rubric.yaml', '--out', 'no/such/folder/x.xlsx'], scratch);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /its folder does not exist/);
    fs.writeFileSync(path.join(scratch, 'broken.rubric.yaml'), 'rubric: x\nindicators:\n  - name: a\n    weight: [\n');
    const broken = rubric(['template', 'broken.rubric.yaml'], scratch);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /does not parse as YAML/);
    assert.deepEqual(listing(scratch), ['broken.rubric.yaml', 'forest.rubric.yaml']);
  });

  it('imports a filled template: exit 0 and a scoresheet naming the rubric; with a bad cell exit 1 and nothing written', async () => {
    const made = rubric(['template', 'forest.rubric.yaml'], scratch);
    assert.equal(made.status, 0, made.stderr);
    assert.equal(made.stdout.trim(), 'Wrote forest.scoring.xlsx: a scoring template, 10 subject rows on 1 sheet');
    const file = path.join(scratch, 'forest.scoring.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('打分表')!;
    // 古绛镇 on row 8: 年度营造林任务完成 (B) 12, 村庄绿化美化 (C) 26, above its 8.
    sheet.getCell('B8').value = 12;
    sheet.getCell('C8').value = 26;
    await workbook.xlsx.writeFile(file);

    const refused = rubric(['import', 'forest.scoring.xlsx'], scratch);
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /^打分表!C8: 26 exceeds the weight 8$/m);
    assert.match(refused.stderr, /Nothing written: 1 error \(pass --allow-errors/);
    assert.ok(!fs.existsSync(path.join(scratch, 'forest.scoring.scores.yaml')));

    sheet.getCell('C8').value = 8;
    await workbook.xlsx.writeFile(file);
    const done = rubric(['import', 'forest.scoring.xlsx', '--out', 'results/2022.scores.yaml'], scratch);
    // The folder results/ does not exist: nothing is written, and it says so.
    assert.equal(done.status, 2);
    fs.mkdirSync(path.join(scratch, 'results'));
    const written = rubric(['import', 'forest.scoring.xlsx', '--out', 'results/2022.scores.yaml'], scratch);
    assert.equal(written.status, 0, written.stdout + written.stderr);
    assert.match(written.stdout, /^Wrote results\/2022\.scores\.yaml: the scores of 10 subjects$/m);
    const scores = parse(fs.readFileSync(path.join(scratch, 'results/2022.scores.yaml'), 'utf8'));
    assert.equal(scores.rubric, '../forest.rubric.yaml');
    assert.deepEqual(scores.scores[0], { subject: '古绛镇', points: { afforestation: 12, 'village-greening': 8 } });
  });

  it('imports a 考评表 into a rubric that checks clean, and the rubric made exports again', () => {
    assert.equal(rubric(['export', 'forest.rubric.yaml', '--out', 'table.xlsx'], scratch).status, 0);
    const imported = rubric(['import', 'table.xlsx', '--out', 'again.rubric.yaml'], scratch);
    assert.equal(imported.status, 0, imported.stdout + imported.stderr);
    assert.match(imported.stdout, /^Wrote again\.rubric\.yaml: a rubric of 10 indicators$/m);
    const check = rubric(['check', path.join(scratch, 'again.rubric.yaml')]);
    assert.equal(check.status, 0, check.stdout);
    assert.match(check.stdout, /1 file checked: 0 errors, 0 warnings/);
  });

  it('names an .xls (without LibreOffice), a password-protected file and an .ods, exits 2, and writes nothing', () => {
    fs.writeFileSync(path.join(scratch, 'old.xlsx'), compoundFile([{ name: 'Workbook', data: Buffer.alloc(16) }]));
    // No LibreOffice on the PATH (an empty folder for PATH), RUBRIC_SOFFICE unset.
    const old = rubric(['import', 'old.xlsx', '--locale', 'zh-CN'], scratch, { PATH: path.join(scratch, 'no-programs'), RUBRIC_SOFFICE: '' });
    assert.equal(old.status, 2);
    assert.match(
      old.stderr,
      /old\.xlsx: 是旧版 Excel 97–2003 工作簿（\.xls），需经 LibreOffice 转换后读取，但未安装 LibreOffice：请安装（Debian\/Ubuntu：sudo apt-get install libreoffice-calc；/,
    );
    // RUBRIC_SOFFICE naming no program: not found either, and the variable named.
    const named = rubric(['import', 'old.xlsx'], scratch, { RUBRIC_SOFFICE: path.join(scratch, 'no-soffice') });
    assert.equal(named.status, 2);
    assert.match(
      named.stderr,
      /and LibreOffice is not installed \(RUBRIC_SOFFICE=\S*no-soffice is no program\): install it \(Debian\/Ubuntu: sudo apt-get install libreoffice-calc;/,
    );
    fs.writeFileSync(
      path.join(scratch, 'locked.xlsx'),
      compoundFile([
        { name: 'EncryptionInfo', data: Buffer.alloc(8) },
        { name: 'EncryptedPackage', data: Buffer.alloc(8) },
      ]),
    );
    const locked = rubric(['import', 'locked.xlsx'], scratch);
    assert.equal(locked.status, 2);
    assert.match(locked.stderr, /protected by a password/);
    const ods = rubric(['import', 'scores.ods'], scratch);
    assert.equal(ods.status, 2);
    assert.match(ods.stderr, /only \.xlsx workbooks and \.docx documents are read, and \.xls, \.et and \.doc through LibreOffice/);
    assert.deepEqual(listing(scratch), ['forest.rubric.yaml', 'locked.xlsx', 'old.xlsx']);
  });

  it('writes the ranking as a workbook with rank --out, keeping JSON whole on stdout, never overwriting', async () => {
    const out = path.join(scratch, 'ranking.xlsx');
    const text = rubric(['rank', 'samples/forest-chief-2022.scores.yaml', '--out', out]);
    // Two tie-at-boundary warnings and no error: exit 0.
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the ranking of 10 subjects$`, 'm'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    assert.equal(workbook.worksheets[0].name, '排名');
    assert.equal(workbook.worksheets[0].getCell('B5').value, '古绛镇');

    const again = rubric(['rank', '--format', 'json', 'samples/forest-chief-2022.scores.yaml', '--out', out]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists: pass --force/);
    const forced = rubric(['rank', '--format', 'json', 'samples/forest-chief-2022.scores.yaml', '--out', out, '--force', '--locale', 'en']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(JSON.parse(forced.stdout).rows.length, 10);
    assert.match(forced.stderr, /Wrote .*ranking\.xlsx: the ranking of 10 subjects/);
  });

  it('lists the spreadsheet commands in --help, in both languages', () => {
    assert.match(rubric(['--help']).stdout, /rubric import \[--out X\.scores\.yaml \| X\.rubric\.yaml\]/);
    assert.match(rubric(['--help', '--locale', 'zh-CN']).stdout, /把填好的打分表导入为评分表/);
  });
});

describe('rubric import: what a workbook names or holds is not trusted (issue 20, faults 2–6, 11)', function () {
  this.timeout(60000);
  let scratch: string;
  let outside: string;
  let template: Buffer | undefined;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-sheets-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-outside-'));
    fs.copyFileSync(FOREST, path.join(scratch, 'forest.rubric.yaml'));
    fs.writeFileSync(path.join(outside, 'secret.rubric.yaml'), fs.readFileSync(FOREST, 'utf8').replace(/^rubric: .*$/m, 'rubric: SECRET TITLE'));
  });
  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** The forest template in the scratch folder, its hidden record naming `recorded` as its rubric. */
  async function templateNaming(recorded: string): Promise<void> {
    if (!template) {
      assert.equal(rubric(['template', 'forest.rubric.yaml', '--out', 'made.xlsx'], scratch).status, 0);
      template = fs.readFileSync(path.join(scratch, 'made.xlsx'));
      fs.rmSync(path.join(scratch, 'made.xlsx'));
    }
    const file = path.join(scratch, 'forest.scoring.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
    const meta = workbook.getWorksheet('_rubric')!;
    assert.equal(meta.getCell('A2').value, 'rubric');
    meta.getCell('B2').value = recorded;
    await workbook.xlsx.writeFile(file);
  }

  const importTemplate = () => rubric(['import', 'forest.scoring.xlsx'], scratch);

  it('refuses a recorded rubric outside the current folder, relative or absolute, and never shows its title', async () => {
    for (const recorded of [path.relative(scratch, path.join(outside, 'secret.rubric.yaml')), path.join(outside, 'secret.rubric.yaml')]) {
      await templateNaming(recorded);
      const result = importTemplate();
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.equal(result.stderr.trim(), `forest.scoring.xlsx: names the rubric ${recorded}: outside the workspace folder; give it with --rubric FILE`);
      assert.doesNotMatch(result.stdout + result.stderr, /SECRET TITLE/);
      fs.rmSync(path.join(scratch, 'forest.scoring.xlsx'));
    }
    assert.deepEqual(listing(scratch), ['forest.rubric.yaml']);
  });

  it('refuses a recorded rubric that is a FIFO or a link to /dev/zero, at once', async () => {
    execFileSync('mkfifo', [path.join(scratch, 'fifo.rubric.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(scratch, 'zero.rubric.yaml'));
    for (const [recorded, reason] of [
      ['fifo.rubric.yaml', 'is not a rubric file (*.rubric.yaml, *.rubric.yml)'],
      ['zero.rubric.yaml', 'outside the workspace folder'],
    ]) {
      await templateNaming(recorded);
      const result = importTemplate();
      assert.equal(result.status, 2, `${recorded}: ${result.error ?? ''} ${result.stderr}`);
      assert.equal(result.stderr.trim(), `forest.scoring.xlsx: names the rubric ${recorded}: ${reason}; give it with --rubric FILE`);
      fs.rmSync(path.join(scratch, 'forest.scoring.xlsx'));
    }
  });

  it('names what a crafted workbook holds, exits 2 and writes nothing (the soak suite runs every family)', () => {
    for (const crafted of craftedWorkbooks(20, 1).filter((c) => ['merge', 'lying-size', 'columns'].includes(c.family))) {
      fs.writeFileSync(path.join(scratch, 'crafted.xlsx'), crafted.bytes);
      const result = rubric(['import', 'crafted.xlsx', '--out', 'crafted.rubric.yaml'], scratch);
      assert.equal(result.status, 2, `${crafted.name}: ${result.error ?? ''} ${result.stderr}`);
      assert.match(result.stderr, new RegExp(`^crafted\\.xlsx: ${crafted.refusal!.source.slice(1)}`), crafted.name);
    }
    assert.deepEqual(listing(scratch), ['crafted.xlsx', 'forest.rubric.yaml']);
  });
});
