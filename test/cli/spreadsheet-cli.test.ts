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

  it('measured indicators: template → inputs typed → import → measured: in the scoresheet, totals as worked by hand (issue 21)', async () => {
    fs.copyFileSync(path.join(ROOT, 'samples/zhoushan-water-2021.rubric.yaml'), path.join(scratch, 'water.rubric.yaml'));
    const made = rubric(['template', 'water.rubric.yaml'], scratch);
    assert.equal(made.status, 0, made.stderr);
    const file = path.join(scratch, 'water.scoring.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('打分表')!;
    // Rows 9–13, columns: 国控 ratio met bad_months missed (B–E), points (F); 省控 ratio met (G, H), points (I); the rest (J).
    const typed: Record<string, (number | string)[]> = {
      定海区: [100, 1, 0, 0, 90, 1, 40],
      普陀区: [80, 0, 1, 0, 100, 1, 42],
      岱山县: [75, 1, 0, 1, '83.3', 0, 38],
      嵊泗县: [50, 0, 6, 2, 66.7, 1, 35],
      新城管委会: [100, 1, 0, 0, 100, 1, 44],
    };
    for (let r = 9; r <= 13; r++) {
      const values = typed[String(sheet.getCell(r, 1).value)];
      ['B', 'C', 'D', 'E', 'G', 'H', 'J'].forEach((column, i) => (sheet.getCell(`${column}${r}`).value = values[i]));
    }
    sheet.getCell('G12').value = 101;
    await workbook.xlsx.writeFile(file);
    // An input above its max is refused at its cell, as a score above the weight is.
    const refused = rubric(['import', 'water.scoring.xlsx', '--locale', 'zh-CN'], scratch);
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /^打分表!G12: 101 超出“省控断面Ⅲ类以上水质比例”的范围 0—100$/m);
    assert.match(refused.stdout, /^打分表!G11: 警告：“83\.3”是以文本保存的数字：按 83\.3 读取$/m);

    sheet.getCell('G12').value = 66.7;
    await workbook.xlsx.writeFile(file);
    const done = rubric(['import', 'water.scoring.xlsx'], scratch);
    assert.equal(done.status, 0, done.stdout + done.stderr);
    const scores = parse(fs.readFileSync(path.join(scratch, 'water.scoring.scores.yaml'), 'utf8'));
    assert.deepEqual(scores.scores[2], {
      subject: '岱山县',
      points: { 'not-seen': 38 },
      measured: { national: { ratio: 75, met: 1, bad_months: 0, missed: 1 }, provincial: { ratio: 83.3, met: 0 } },
    });
    const ranked = rubric(['rank', 'water.scoring.scores.yaml', '--format', 'json'], scratch);
    assert.equal(ranked.status, 0, ranked.stdout + ranked.stderr);
    // 定海区 50 + 27 + 40 = 117; 普陀区 80% × 50 × 0.8 − 2 = 30, + 30 + 42 = 102; 岱山县 75% × 50 − 5 = 32.5,
    // 83.3% × 30 × 0.8 = 19.992, + 38 = 90.492 → 90.49; 嵊泗县 20 − 12 − 10 → 0, 66.7% × 30 = 20.01, + 35 = 55.01;
    // 新城管委会 50 + 30 + 44 = 124.
    const rows = (JSON.parse(ranked.stdout) as { rows: { subject: string; total: number }[] }).rows;
    assert.deepEqual(
      rows.map((row) => [row.subject, row.total]),
      [
        ['新城管委会', 124],
        ['定海区', 117],
        ['普陀区', 102],
        ['岱山县', 90.49],
        ['嵊泗县', 55.01],
      ],
    );
  });

  it('deductions set within a range: one column per rule, amounts imported into deductions:, totals as worked by hand (issue 21)', async () => {
    fs.copyFileSync(path.join(ROOT, 'samples/fire-safety-responsibility.rubric.yaml'), path.join(scratch, 'fire.rubric.yaml'));
    const made = rubric(['template', 'fire.rubric.yaml', '--locale', 'en'], scratch);
    assert.equal(made.status, 0, made.stderr);
    const file = path.join(scratch, 'fire.scoring.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    // The hidden key row (column A says `subject`) names each column.
    let keyRow = 0;
    sheet.eachRow((row, r) => (keyRow = row.getCell(1).value === 'subject' ? r : keyRow));
    const keys = new Map<string, number>();
    sheet.getRow(keyRow).eachCell((cell, c) => keys.set(String(cell.value), c));
    const at = (row: number, key: string) => sheet.getCell(row, keys.get(key)!);
    const rule = (leaf: string, id: string) => `deduct:${JSON.stringify([leaf, id])}`;
    // 一车间: brigade 10 − 5 = 5 typed as points; 制度 25 − 12 = 13; 责任书 20 − 6 = 14: 25 + 23 + 29 = 77.
    const [first, second] = [keyRow + 3, keyRow + 4];
    at(first, 'subject').value = '一车间';
    at(first, 'points:brigade').value = 5;
    at(first, rule('system', 'incomplete')).value = 12;
    at(first, rule('pledges', 'partial')).value = 6;
    // 三车间: staffing 5; 制度 25 − 20 − 10 → 0; 预案 10 − 8 = 2; 责任书 20 − 15 = 5; 职责 15 − 5 = 10: 25 + 2 + 15 = 42.
    at(second, 'subject').value = '三车间';
    at(second, 'points:staffing').value = 5;
    at(second, rule('system', 'incomplete')).value = 20;
    at(second, rule('system', 'irregular')).value = 10;
    at(second, rule('plan', 'outdated')).value = 8;
    at(second, rule('pledges', 'unsigned')).value = 'yes';
    at(second, rule('duties', 'post-incomplete')).value = 5;
    await workbook.xlsx.writeFile(file);
    const done = rubric(['import', 'fire.scoring.xlsx'], scratch);
    assert.equal(done.status, 0, done.stdout + done.stderr);
    const scores = parse(fs.readFileSync(path.join(scratch, 'fire.scoring.scores.yaml'), 'utf8'));
    assert.deepEqual(scores.scores[1].deductions, {
      system: { incomplete: [20], irregular: [10] },
      plan: { outdated: [8] },
      pledges: { unsigned: 1 },
      duties: { 'post-incomplete': [5] },
    });
    const ranked = rubric(['rank', 'fire.scoring.scores.yaml', '--format', 'json'], scratch);
    const rows = (JSON.parse(ranked.stdout) as { rows: { subject: string; total: number }[] }).rows;
    assert.deepEqual(
      rows.map((row) => [row.subject, row.total]),
      [
        ['一车间', 77],
        ['三车间', 42],
      ],
    );
  });

  it('the 考评表 of a rubric with formulas imports back to the same scoring: {inputs, formula}, in either language', () => {
    fs.copyFileSync(path.join(ROOT, 'samples/zhoushan-water-2021.rubric.yaml'), path.join(scratch, 'water.rubric.yaml'));
    for (const locale of ['zh-CN', 'en']) {
      const exported = rubric(['export', 'water.rubric.yaml', '--locale', locale, '--out', `water-${locale}.xlsx`], scratch);
      assert.equal(exported.status, 0, exported.stderr);
      const back = rubric(['import', `water-${locale}.xlsx`, '--out', `water-${locale}.rubric.yaml`], scratch);
      assert.equal(back.status, 0, back.stdout + back.stderr);
      const made = parse(fs.readFileSync(path.join(scratch, `water-${locale}.rubric.yaml`), 'utf8'));
      const national = made.indicators[0].items[0];
      assert.equal(national.scoring.formula, 'if(met = 1, ratio% × weight, ratio% × weight × 0.8) − bad_months × 2 − missed × 5');
      assert.deepEqual(national.scoring.inputs[0], { id: 'ratio', name: '国控断面Ⅲ类以上水质比例', unit: '%', min: 0, max: 100 });
      assert.equal(national.scoring.deduct, undefined, 'the criteria’s “每个断面扣5分” is not read as a rule');
      const checked = rubric(['check', `water-${locale}.rubric.yaml`], scratch);
      assert.equal(checked.status, 0, checked.stdout);
    }
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
