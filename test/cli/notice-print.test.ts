import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Office, Printed, ROOT, run } from '../support/office';

/**
 * The results notice as a reader's office suite prints it: `rubric notice` writes the .docx,
 * LibreOffice prints it to PDF, poppler reads the pages back. A Chinese office has the faces
 * GB/T 9704 names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312); this machine has free
 * stand-ins, which a font configuration of the test's own puts in their place, so that each part
 * prints in a face of its kind (a Song for 仿宋 and 小标宋, a Hei for 黑体, a Kai for 楷体) rather
 * than all in the fallback font. RUBRIC_KEEP_PRINTS=DIR keeps each page as a PNG there, to look at.
 */

const RUBRIC = path.join(ROOT, 'node_modules/.bin/rubric');

const STAND_INS: [string, string, boolean][] = [
  ['仿宋_GB2312', 'Noto Serif CJK SC', false],
  ['宋体', 'Noto Serif CJK SC', false],
  ['方正小标宋简体', 'Noto Serif CJK SC', true],
  ['黑体', 'Noto Sans CJK SC', false],
  ['楷体_GB2312', 'AR PL UKai CN', false],
];

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${STAND_INS.map(
  ([face, standIn, bold]) =>
    `  <match target="pattern"><test name="family"><string>${face}</string></test>` +
    `<edit name="family" mode="assign" binding="strong"><string>${standIn}</string></edit>` +
    (bold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : '') +
    '</match>',
).join('\n')}
</fontconfig>
`;

describe('print: the results notice as LibreOffice prints it (PDF)', function () {
  this.timeout(300000);
  let office: Office;
  let env: NodeJS.ProcessEnv;

  before(function () {
    Office.prepare(this);
    office = new Office();
    for (const name of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml'])
      fs.copyFileSync(path.join(ROOT, 'samples', name), path.join(office.scratch, name));
    fs.writeFileSync(path.join(office.scratch, 'fonts.conf'), FONTS_CONF);
    env = { FONTCONFIG_FILE: path.join(office.scratch, 'fonts.conf') };
  });
  after(() => office?.dispose());

  function notice(args: string[], out: string, scoresheet = 'forest-chief-2022.scores.yaml'): Printed {
    const made = run(process.execPath, [RUBRIC, 'notice', scoresheet, '--date', '2023-01-15', '--out', out, ...args], { cwd: office.scratch });
    assert.ok(made.status === 0 || args.includes('--allow-errors'), made.stderr);
    const printed = office.toPdf(path.join(office.scratch, out), env);
    const keep = process.env.RUBRIC_KEEP_PRINTS;
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      for (let page = 1; page <= printed.pages; page++) fs.copyFileSync(office.png(printed.pdf, page), path.join(keep, `${path.parse(out).name}-${page}.png`));
    }
    return printed;
  }

  const pages = (printed: Printed) => Array.from({ length: printed.pages }, (_, i) => office.pageText(printed.pdf, i + 1));
  const squeezed = (text: string) => text.replace(/\s+/g, '');

  it('prints the Chinese notice: the text on its pages, the signature with the last lines, the annex on a page of its own', () => {
    const printed = notice([], 'forest.docx');
    const text = pages(printed).map(squeezed);
    assert.equal(printed.pages, 3);
    assert.ok(text[0].startsWith('关于绛县2022年度林长制工作考核结果的通报'), text[0]);
    for (const line of [
      '优秀等次（3个）：古绛镇、横水镇、卫庄镇。',
      '良好等次（5个）：陈村镇、南樊镇、安峪镇、郝庄乡、大交镇。',
      '一般等次（2个）：么里镇、冷口乡。',
    ]) {
      assert.ok(text[0].includes(line), `page 1 shows ${line}`);
    }
    // The signature never stands alone on a page: the last lines of the text go with it.
    const signed = text.findIndex((page) => page.includes('绛县林长制办公室2023年1月15日'));
    assert.ok(signed >= 0, 'the issuer signs above the date');
    assert.match(text[signed], /请依照考核办法予以确认。附件：考核得分及排名绛县林长制办公室/);
    // The annex: a page of its own, its table whole, every page numbered on its outer side.
    assert.ok(text[2].startsWith('附件考核得分及排名名次考核对象得分等次备注1古绛镇95.5优秀'), text[2]);
    assert.ok(text[2].includes('10冷口乡65一般'));
    text.forEach((page, i) => assert.ok(page.endsWith(`—${i + 1}—`), `page ${i + 1} is numbered`));
    // Each part in a face of its kind: the Song (仿宋, 小标宋), the Hei (黑体), the Kai (楷体) — no fallback for all.
    const fonts = run('pdffonts', [printed.pdf]).stdout;
    for (const face of ['NotoSerifCJK', 'NotoSerifCJK.*Bold', 'NotoSansCJK', 'UKai']) assert.match(fonts, new RegExp(face));
    assert.doesNotMatch(fonts, /WenQuanYi|wqy/i);
  });

  it('prints the English notice on two pages, the files’ own names in Chinese among English words', () => {
    const printed = notice(['--locale', 'en'], 'forest-en.docx');
    const text = pages(printed);
    assert.equal(printed.pages, 2);
    // pdftotext reads the gap LibreOffice sets between Chinese and Latin letters as a space.
    assert.match(text[0], /Notice of results: 绛县\s?2022\s?年度林长制工作考评表/);
    assert.match(text[0], /1\. Tiers/);
    assert.match(text[0], /优秀 \(3\): 古绛镇, 横水镇, 卫庄镇\./);
    assert.match(text[0], /15 January 2023/);
    assert.match(text[1], /Annex\s+Totals and ranks/);
    assert.match(text[1], /5\s+么里镇\s+86\s+一般\s+one-vote veto/);
  });

  it('prints a draft from a sheet with errors: the errors boxed above the title, every page headed as a draft', () => {
    const sheet = path.join(office.scratch, 'forest-chief-2022.scores.yaml');
    const good = fs.readFileSync(sheet, 'utf8');
    try {
      fs.writeFileSync(sheet, good.replace('fire: 22, pests: 13, mechanism: 10, rangers: 3.5}', 'fire: 30, pests: 13, mechanism: 10, rangers: 3.5}'));
      const printed = notice(['--allow-errors'], 'draft.docx');
      const text = pages(printed).map(squeezed);
      assert.ok(text[0].startsWith('草稿：评分有误，不得印发【草稿】评分表及考核细则中有1个错误未改正'), text[0]);
      assert.match(text[0], /1\.forest-chief-2022\.scores\.yaml第9行：[^关]+关于绛县2022年度林长制工作考核结果的通报/);
      text.forEach((page, i) => assert.ok(page.startsWith('草稿：评分有误，不得印发'), `page ${i + 1} is headed as a draft`));
    } finally {
      fs.writeFileSync(sheet, good);
    }
  });

  it('prints 500 subjects: the annex over many pages, its header row on each, every name once', () => {
    // 单位001 … 单位500 score 0.2 × their number; 优秀 exactly 20% = 100, 一般 exactly 10% = 50, 良好 350.
    const names = Array.from({ length: 500 }, (_, i) => `单位${String(i + 1).padStart(3, '0')}`);
    fs.writeFileSync(
      path.join(office.scratch, 'big.rubric.yaml'),
      'rubric: 大规模考评表\nissuer: 测试办公室\nsubjects: 500\nindicators:\n  - {id: a, name: 实绩, weight: 100}\n' +
        'tiers:\n  - {id: excellent, name: 优秀, quota: {exactly: 20%}}\n  - {id: good, name: 良好}\n  - {id: average, name: 一般, quota: {exactly: 10%}}\n',
    );
    fs.writeFileSync(
      path.join(office.scratch, 'big.scores.yaml'),
      `rubric: big.rubric.yaml\nscores:\n${names.map((name, i) => `  - {subject: ${name}, points: {a: ${((i + 1) * 2) / 10}}}\n`).join('')}`,
    );
    const printed = notice([], 'big.docx', 'big.scores.yaml');
    const text = pages(printed).map(squeezed);
    const annex = text.findIndex((page) => page.startsWith('附件考核得分及排名'));
    assert.ok(annex > 0 && annex < printed.pages - 1, 'the annex begins a page and takes more than one');
    for (let page = annex + 1; page < printed.pages; page++)
      assert.ok(text[page].startsWith('名次考核对象得分等次备注'), `page ${page + 1} repeats the header row`);
    const rows = text.slice(annex).join('');
    for (const name of names) assert.equal(rows.split(name).length, 2, `${name} once in the annex`);
  });
});
