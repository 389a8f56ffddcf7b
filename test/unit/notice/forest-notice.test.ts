import { strict as assert } from 'assert';
import { buildNotice } from 'rubric-studio-server/out/notice/build-notice';
import { NoticeDocument } from 'rubric-studio-server/out/notice/notice-document';
import { noticeDocx } from 'rubric-studio-server/out/notice/notice-docx';
import { noticeMarkdown } from 'rubric-studio-server/out/notice/notice-markdown';
import { docxText } from '../../support/docx';
import { analyzeSample } from '../../support/scoresheet';

/**
 * The results notice of the seed's 绛县 forest-chief appraisal (samples/forest-chief-2022.scores.yaml),
 * worked by hand from the sample: totals 古绛镇 95.5, 横水镇 92, 卫庄镇 88, 陈村镇 88, 么里镇 86,
 * 南樊镇 84, 安峪镇 79, 郝庄乡 73.5, 大交镇 71, 冷口乡 65 (the arithmetic is in
 * scoresheet-samples.test.ts); 10 townships, 优秀 exactly 30% → 3, 一般 exactly 20% → 2, 良好 the
 * other 5. 么里镇 is vetoed (major-fire: 发生重大森林火灾, forced to 一般) and takes one of 一般's
 * two places; 卫庄镇 and 陈村镇 tie at 88 for the last place of 优秀 and the sheet's `ties: flag`
 * leaves file order to decide: 卫庄镇 (written first) is 优秀, 陈村镇 良好. 一般: 么里镇 (rank 5)
 * and 冷口乡 (rank 10), in rank order.
 */
const DATE = { year: 2023, month: 1, day: 15 };

function notice(locale: 'en' | 'zh-CN'): NoticeDocument {
  const built = buildNotice(analyzeSample('forest-chief-2022.scores.yaml'), { locale, date: DATE, scoresheet: 'forest-chief-2022.scores.yaml' });
  assert.ok(built.ok, 'the sample has a notice');
  assert.deepEqual(built.errors, [], 'the sample has no errors');
  return built.notice;
}

describe('results notice: the forest-chief sample', () => {
  it('says in Chinese, as an office writes a 通报, who is in which tier, the veto and the tie', () => {
    const zh = notice('zh-CN');
    assert.equal(zh.title, '关于绛县2022年度林长制工作考核结果的通报');
    assert.deepEqual(zh.titleParts, ['关于绛县2022年度林长制工作', '考核结果的通报']);
    assert.equal(zh.draft, undefined);
    assert.equal(
      zh.opening,
      '根据《绛县2022年度林长制工作考评表》，绛县林长制办公室经综合核查、现地督查、日常监管，对10个考核对象进行了考核。现将考核结果通报如下：',
    );
    assert.deepEqual(zh.body, [
      { kind: 'heading', level: 1, text: '一、考核等次' },
      { kind: 'paragraph', text: '优秀等次（3个）：古绛镇、横水镇、卫庄镇。' },
      { kind: 'paragraph', text: '良好等次（5个）：陈村镇、南樊镇、安峪镇、郝庄乡、大交镇。' },
      { kind: 'paragraph', text: '一般等次（2个）：么里镇、冷口乡。' },
      { kind: 'heading', level: 1, text: '二、有关说明' },
      { kind: 'paragraph', lead: '（一）一票否决。', text: '么里镇因发生重大森林火灾，实行一票否决，确定为一般等次。' },
      {
        kind: 'paragraph',
        lead: '（二）同分并列。',
        text:
          '卫庄镇、陈村镇得分同为88分，并列第3名，跨越优秀等次名额（3个）分界。评分表未规定同分处理办法，' +
          '本通报暂按评分表中的先后顺序，将卫庄镇确定为优秀等次，陈村镇确定为良好等次，请依照考核办法予以确认。',
      },
    ]);
    assert.equal(zh.issuer, '绛县林长制办公室');
    assert.equal(zh.date, '2023年1月15日');
    assert.equal(zh.annex.mention, '附件：考核得分及排名');
    assert.deepEqual(zh.annex.tables, [
      {
        header: ['名次', '考核对象', '得分', '等次', '备注'],
        figures: [true, false, true, false, false],
        rows: [
          ['1', '古绛镇', '95.5', '优秀', ''],
          ['2', '横水镇', '92', '优秀', ''],
          ['3', '卫庄镇', '88', '优秀', '并列'],
          ['3', '陈村镇', '88', '良好', '并列'],
          ['5', '么里镇', '86', '一般', '一票否决'],
          ['6', '南樊镇', '84', '良好', ''],
          ['7', '安峪镇', '79', '良好', ''],
          ['8', '郝庄乡', '73.5', '良好', ''],
          ['9', '大交镇', '71', '良好', ''],
          ['10', '冷口乡', '65', '一般', ''],
        ],
      },
    ]);
    assert.deepEqual(zh.annex.notes, ['得分相同的，名次并列。']);
  });

  it('says the same in English, the files’ own names left as written', () => {
    const en = notice('en');
    assert.equal(en.title, 'Notice of results: 绛县2022年度林长制工作考评表');
    assert.equal(
      en.opening,
      'Under the rubric 绛县2022年度林长制工作考评表, 绛县林长制办公室 assessed 10 subjects by 综合核查, 现地督查 and 日常监管. The results are as follows.',
    );
    assert.deepEqual(en.body, [
      { kind: 'heading', level: 1, text: '1. Tiers' },
      { kind: 'paragraph', text: '优秀 (3): 古绛镇, 横水镇, 卫庄镇.' },
      { kind: 'paragraph', text: '良好 (5): 陈村镇, 南樊镇, 安峪镇, 郝庄乡, 大交镇.' },
      { kind: 'paragraph', text: '一般 (2): 么里镇, 冷口乡.' },
      { kind: 'heading', level: 1, text: '2. Notes' },
      { kind: 'paragraph', lead: '(1) One-vote veto. ', text: '么里镇: one-vote veto for 发生重大森林火灾; placed in 一般.' },
      {
        kind: 'paragraph',
        lead: '(2) Equal totals. ',
        text:
          '卫庄镇 and 陈村镇 scored 88 each and share rank 3 across the boundary of 优秀 (3 places). The scoresheet sets no rule for equal totals ' +
          "(ties: flag); this notice follows the order of the scoresheet and places 卫庄镇 in 优秀 and 陈村镇 in 良好, to be confirmed under the scheme's rules.",
      },
    ]);
    assert.equal(en.date, '15 January 2023');
    assert.deepEqual(en.annex.tables[0].header, ['Rank', 'Subject', 'Total', 'Tier', 'Notes']);
    assert.deepEqual(en.annex.tables[0].rows[4], ['5', '么里镇', '86', '一般', 'one-vote veto']);
    assert.deepEqual(en.annex.notes, ['Equal totals share a rank.']);
    // No Chinese word of the notice's own in the English one: only the files' names, tiers and title.
    const own = [en.title, en.opening, ...en.body.map((b) => (b.kind === 'heading' ? b.text : `${b.lead ?? ''}${b.text}`)), ...en.annex.notes].join('\n');
    const names = ['绛县2022年度林长制工作考评表', '绛县林长制办公室', '综合核查', '现地督查', '日常监管', '发生重大森林火灾', '优秀', '良好', '一般'];
    const towns = ['古绛镇', '横水镇', '卫庄镇', '陈村镇', '南樊镇', '安峪镇', '郝庄乡', '大交镇', '冷口乡', '么里镇'];
    const left = [...names, ...towns].reduce((rest, name) => rest.split(name).join(''), own);
    assert.doesNotMatch(left, /[\u4e00-\u9fff]/);
  });

  it('writes plain text to paste: Chinese paragraphs indented two full-width spaces, the annex as a table', () => {
    const text = noticeMarkdown(notice('zh-CN'));
    const lines = text.split('\n');
    assert.equal(lines[0], '关于绛县2022年度林长制工作考核结果的通报');
    assert.ok(lines.includes('\u3000\u3000优秀等次（3个）：古绛镇、横水镇、卫庄镇。'));
    assert.ok(lines.includes('\u3000\u3000（一）一票否决。么里镇因发生重大森林火灾，实行一票否决，确定为一般等次。'));
    // The signature after the annex's mention, then the annex.
    const mention = lines.indexOf('\u3000\u3000附件：考核得分及排名');
    assert.deepEqual(lines.slice(mention + 2, mention + 4), ['绛县林长制办公室', '2023年1月15日']);
    assert.ok(lines.includes('| 名次 | 考核对象 | 得分 | 等次 | 备注 |'));
    assert.ok(lines.includes('| 5 | 么里镇 | 86 | 一般 | 一票否决 |'));
    assert.ok(text.endsWith('得分相同的，名次并列。\n'));
  });

  it('writes a Word document whose text reads back: names in rank order, the counts, the annex row by row', async () => {
    const read = docxText(await noticeDocx(notice('zh-CN')));
    const p = read.paragraphs.filter((line) => line !== '');
    // The title in two lines broken where its words are (GB/T 9704: 词意完整).
    assert.equal(p[0], '关于绛县2022年度林长制工作\n考核结果的通报');
    assert.deepEqual(p.slice(2, 6), [
      '一、考核等次',
      '优秀等次（3个）：古绛镇、横水镇、卫庄镇。',
      '良好等次（5个）：陈村镇、南樊镇、安峪镇、郝庄乡、大交镇。',
      '一般等次（2个）：么里镇、冷口乡。',
    ]);
    assert.ok(p.includes('（一）一票否决。么里镇因发生重大森林火灾，实行一票否决，确定为一般等次。'));
    const signature = p.indexOf('绛县林长制办公室');
    assert.deepEqual(p.slice(signature - 1, signature + 4), ['附件：考核得分及排名', '绛县林长制办公室', '2023年1月15日', '附件', '考核得分及排名']);
    assert.equal(read.tables.length, 1);
    const [table] = read.tables;
    assert.deepEqual(table[0], ['名次', '考核对象', '得分', '等次', '备注']);
    assert.deepEqual(
      table.slice(1).map((row) => `${row[0]} ${row[1]} ${row[3]}`),
      [
        '1 古绛镇 优秀',
        '2 横水镇 优秀',
        '3 卫庄镇 优秀',
        '3 陈村镇 良好',
        '5 么里镇 一般',
        '6 南樊镇 良好',
        '7 安峪镇 良好',
        '8 郝庄乡 良好',
        '9 大交镇 良好',
        '10 冷口乡 一般',
      ],
    );
  });

  it('lays the Word document out as GB/T 9704: A4, 37/26/35/28 mm margins, 三号仿宋 body at 28.95 pt, 二号小标宋 title', async () => {
    const { xml } = docxText(await noticeDocx(notice('zh-CN')));
    // Twips: 210 × 297 mm; 37 mm top, 26 mm right, 35 mm bottom, 28 mm left (1 mm = 56.69 twips).
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Body: 16 pt (三号) 仿宋 with Latin digits in Times New Roman, lines exactly 28.95 pt (579 twips) apart.
    assert.match(xml, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/><w:sz w:val="32"\/>/);
    assert.match(xml, /<w:spacing w:after="0" w:line="579" w:lineRule="exact"\/>/);
    // Title: 22 pt (二号) 小标宋, centred; 一、 headings in 黑体, （一） in 楷体; first lines indented 2 characters (32 pt).
    assert.match(xml, /w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    assert.match(xml, /w:eastAsia="黑体"/);
    assert.match(xml, /w:eastAsia="楷体_GB2312"/);
    assert.match(xml, /<w:ind w:firstLine="640"\/>/);
    // The annex begins a page of its own.
    assert.match(xml, /<w:pageBreakBefore\/>/);
  });
});
