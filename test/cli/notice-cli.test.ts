import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, rubric } from '../support/cli';
import { docxText } from '../support/docx';

const SAMPLES = path.join(ROOT, 'samples');

const listing = (folder: string) => fs.readdirSync(folder).sort();

describe('rubric notice (child process)', function () {
  this.timeout(60000);
  let scratch: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-notice-'));
    for (const name of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml']) fs.copyFileSync(path.join(SAMPLES, name), path.join(scratch, name));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('writes the Word document beside the scoresheet, in Chinese, dated today, and never overwrites without --force', () => {
    const made = rubric(['notice', 'forest-chief-2022.scores.yaml'], scratch);
    assert.equal(made.status, 0, made.stderr);
    assert.equal(made.stdout.trim(), 'Wrote forest-chief-2022.notice.docx: the results notice of 10 subjects');
    assert.equal(made.stderr, '');
    const read = docxText(fs.readFileSync(path.join(scratch, 'forest-chief-2022.notice.docx')));
    const lines = read.paragraphs.filter(Boolean);
    assert.equal(lines[0], '关于绛县2022年度林长制工作\n考核结果的通报');
    assert.ok(lines.includes('优秀等次（3个）：古绛镇、横水镇、卫庄镇。'));
    // Signed by the rubric's issuer, dated the day it was written.
    const signed = lines.indexOf('绛县林长制办公室');
    assert.match(lines[signed + 1], /^\d{4}年\d{1,2}月\d{1,2}日$/);

    fs.writeFileSync(path.join(scratch, 'forest-chief-2022.notice.docx'), 'keep me');
    const again = rubric(['notice', 'forest-chief-2022.scores.yaml', '--date', '2023-01-15'], scratch, { LANG: 'zh_CN.UTF-8' });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /forest-chief-2022\.notice\.docx: 无法写入: 文件已存在：如需覆盖请加 --force/);
    assert.equal(fs.readFileSync(path.join(scratch, 'forest-chief-2022.notice.docx'), 'utf8'), 'keep me');
    const forced = rubric(['notice', 'forest-chief-2022.scores.yaml', '--date', '2023-01-15', '--force'], scratch);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(docxText(fs.readFileSync(path.join(scratch, 'forest-chief-2022.notice.docx'))).paragraphs.includes('2023年1月15日'));
  });

  it('writes plain text with --out FILE.md, in English with --locale en', () => {
    const made = rubric(['notice', 'forest-chief-2022.scores.yaml', '--out', 'results.md', '--locale', 'en', '--date', '2023-01-15'], scratch);
    assert.equal(made.status, 0, made.stderr);
    assert.equal(made.stdout.trim(), 'Wrote results.md: the results notice of 10 subjects');
    const text = fs.readFileSync(path.join(scratch, 'results.md'), 'utf8');
    assert.ok(text.startsWith('Notice of results: 绛县2022年度林长制工作考评表\n'));
    assert.ok(text.includes('\n优秀 (3): 古绛镇, 横水镇, 卫庄镇.\n'));
    assert.ok(text.includes('\n(1) One-vote veto. 么里镇: one-vote veto for 发生重大森林火灾; placed in 一般.\n'));
    assert.ok(text.includes('\n绛县林长制办公室\n15 January 2023\n'));
    assert.ok(text.includes('| 3 | 陈村镇 | 88 | 良好 | tied |'));
  });

  it('refuses a sheet with errors (exit 1, the errors listed, nothing written); --allow-errors writes a draft that says so', () => {
    const sheet = path.join(scratch, 'forest-chief-2022.scores.yaml');
    fs.writeFileSync(
      sheet,
      fs.readFileSync(sheet, 'utf8').replace('fire: 22, pests: 13, mechanism: 10, rangers: 3.5}', 'fire: 30, pests: 13, mechanism: 10, rangers: 3.5}'),
    );
    const refused = rubric(['notice', 'forest-chief-2022.scores.yaml', '--out', 'n.md'], scratch, { LANG: 'zh_CN.UTF-8' });
    assert.equal(refused.status, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^未写入文件：评分表或考核细则中有 1 个错误，通报不能据此排名/);
    assert.match(refused.stderr, /\n {2}forest-chief-2022\.scores\.yaml 第9行：古绛镇：30 超过“火灾防控成效”的分值 22\n/);
    assert.deepEqual(listing(scratch), ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml']);

    const draft = rubric(['notice', 'forest-chief-2022.scores.yaml', '--out', 'n.md', '--allow-errors', '--date', '2023-01-15'], scratch);
    assert.equal(draft.status, 1);
    assert.equal(draft.stdout.trim(), 'Wrote n.md: the results notice of 10 subjects');
    assert.equal(draft.stderr.trim(), 'note: a draft, not to be issued: its top lists the 1 error');
    const text = fs.readFileSync(path.join(scratch, 'n.md'), 'utf8');
    assert.match(
      text,
      /^【草稿】评分表及考核细则中有1个错误未改正，以下名次和等次未经核实，不得作为考核结果印发。错误如下：\n1\. forest-chief-2022\.scores\.yaml 第9行：/,
    );
  });

  it('refuses when the rubric is not found (exit 1), naming why', () => {
    fs.rmSync(path.join(scratch, 'forest-chief-2022.rubric.yaml'));
    const refused = rubric(['notice', 'forest-chief-2022.scores.yaml'], scratch);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^forest-chief-2022\.scores\.yaml: rubric not found: /);
    assert.deepEqual(listing(scratch), ['forest-chief-2022.scores.yaml']);
  });

  it('writes a ranking in place of tiers for a pure scoring sheet, group by group', () => {
    for (const name of ['green-development-forestry.rubric.yaml', 'green-development-forestry.scores.yaml'])
      fs.copyFileSync(path.join(SAMPLES, name), path.join(scratch, name));
    const made = rubric(['notice', 'green-development-forestry.scores.yaml', '--out', 'g.md'], scratch);
    assert.equal(made.status, 0, made.stderr);
    const text = fs.readFileSync(path.join(scratch, 'g.md'), 'utf8');
    assert.ok(text.includes('\u3000\u3000（一）第一序列（街道），共4个\n\n\u3000\u3000按得分从高到低，名次依次为：城东街道、城北街道、城南街道、城西街道。\n'));
  });

  it('says what is wrong with the command line (exit 2), in the person’s language', () => {
    const cases: [string[], RegExp][] = [
      [['notice', 'forest-chief-2022.scores.yaml', '--date', '2023-02-30'], /--date needs a calendar date written YYYY-MM-DD/],
      [['notice', 'forest-chief-2022.scores.yaml', '--out', 'n.pdf'], /--out must name a \.docx or a \.md file/],
      [['notice', 'forest-chief-2022.scores.yaml', 'forest-chief-2022.scores.yaml'], /notice takes exactly one scoresheet/],
      [['notice', 'forest-chief-2022.rubric.yaml'], /forest-chief-2022\.rubric\.yaml: is not a scoresheet/],
      [['notice', 'missing.scores.yaml'], /missing\.scores\.yaml: cannot read/],
    ];
    for (const [args, message] of cases) {
      const run = rubric(args, scratch);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    const zh = rubric(['notice', 'forest-chief-2022.scores.yaml', '--date', 'tomorrow'], scratch, { LANG: 'zh_CN.UTF-8' });
    assert.match(zh.stderr, /--date 须为 YYYY-MM-DD 格式的有效日期/);
    assert.deepEqual(listing(scratch), ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml']);
  });

  it('is in --help, in both languages', () => {
    assert.match(rubric(['--help'], scratch).stdout, /rubric notice \[--out FILE\.docx \| FILE\.md\] \[--date YYYY-MM-DD\]/);
    assert.match(rubric(['--help'], scratch, { LANG: 'zh_CN.UTF-8' }).stdout, /生成考核结果通报/);
  });
});
