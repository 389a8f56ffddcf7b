import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rankingTable, ScoresheetAnalysis } from 'rubric-studio-server';
import { buildNotice, NoticeFacts, noticeFromTable, NoticeOptions } from 'rubric-studio-server/out/notice/build-notice';
import { NoticeBlock, NoticeDocument } from 'rubric-studio-server/out/notice/notice-document';
import { noticeDocx } from 'rubric-studio-server/out/notice/notice-docx';
import { errorLineText, noticeBytes } from 'rubric-studio-server/out/notice/notice-file';
import { titleLines } from 'rubric-studio-server/out/notice/title-lines';
import { docxText } from '../../support/docx';
import { core } from '../../support/rubric-core';
import { analyzeSample, analyzeSheet, SAMPLES } from '../../support/scoresheet';

const OPTIONS: NoticeOptions = { locale: 'zh-CN', date: { year: 2023, month: 1, day: 15 }, scoresheet: 't.scores.yaml' };

function built(analysis: ScoresheetAnalysis, options: Partial<NoticeOptions> = {}): NoticeDocument {
  const made = buildNotice(analysis, { ...OPTIONS, ...options });
  assert.ok(made.ok, made.ok ? '' : made.reason.en);
  return made.notice;
}

/** A paragraph's text as a reader reads it, with its run-in heading. */
const said = (blocks: NoticeBlock[]) => blocks.map((b) => (b.kind === 'heading' ? b.text : `${b.lead ?? ''}${b.text}`));

/** Four townships, 优秀 exactly 25% → 1 place, 良好 the rest. */
const FOUR = `rubric: 测试考评表
issuer: 测试办公室
subjects: [甲镇, 乙镇, 丙镇, 丁镇]
indicators:
  - {id: a, name: 工作实绩, weight: 60}
  - {id: b, name: 群众评价, weight: 40}
tiers:
  - {id: good, name: 优秀, quota: {exactly: 25%}}
  - {id: fair, name: 良好}
`;

const sheet = (head: string, rows: string[]) => `rubric: t.rubric.yaml\n${head}scores:\n${rows.map((r) => `  - ${r}\n`).join('')}`;

describe('results notice: what an office must be told', () => {
  describe('equal totals', () => {
    it('ties: share — both placed in the better tier, and the tier said to be over its places', () => {
      // 甲镇 50 + 40 = 90, 乙镇 55 + 35 = 90: both 优秀, 2 against 1 place.
      const notice = built(
        analyzeSheet(
          sheet('ties: share\n', [
            '{subject: 甲镇, points: {a: 50, b: 40}}',
            '{subject: 乙镇, points: {a: 55, b: 35}}',
            '{subject: 丙镇, points: {a: 40, b: 30}}',
            '{subject: 丁镇, points: {a: 30, b: 30}}',
          ]),
          FOUR,
        ),
      );
      assert.deepEqual(said(notice.body).slice(1, 3), ['优秀等次（2个）：甲镇、乙镇。', '良好等次（2个）：丙镇、丁镇。']);
      assert.ok(said(notice.body).includes('（一）同分并列。甲镇、乙镇得分同为90分，并列第1名，均确定为优秀等次；优秀等次实有2个，超出名额（1个）。'));
    });

    it('ties: break — the tie-break indicator ranks them, and the notice says by what', () => {
      // 乙镇's 工作实绩 55 beats 甲镇's 50: 乙镇 1st and 优秀, 甲镇 2nd and 良好.
      const notice = built(
        analyzeSheet(
          sheet('ties: break\ntie-break: [a]\n', [
            '{subject: 甲镇, points: {a: 50, b: 40}}',
            '{subject: 乙镇, points: {a: 55, b: 35}}',
            '{subject: 丙镇, points: {a: 40, b: 30}}',
            '{subject: 丁镇, points: {a: 30, b: 30}}',
          ]),
          FOUR,
        ),
      );
      assert.deepEqual(said(notice.body).slice(1, 3), ['优秀等次（1个）：乙镇。', '良好等次（3个）：甲镇、丙镇、丁镇。']);
      assert.ok(
        said(notice.body).includes('（一）同分并列。乙镇、甲镇总分同为90分，按工作实绩得分依次比较确定名次：乙镇第1名（优秀等次），甲镇第2名（良好等次）。'),
      );
      assert.deepEqual(notice.annex.notes, ['总分相同的，按工作实绩得分依次比较确定名次。']);
    });

    it('ties: break that still ties — flagged as still equal after the comparison, file order placing them for now', () => {
      const notice = built(
        analyzeSheet(
          sheet('ties: break\ntie-break: [a]\n', [
            '{subject: 甲镇, points: {a: 50, b: 40}}',
            '{subject: 乙镇, points: {a: 50, b: 40}}',
            '{subject: 丙镇, points: {a: 40, b: 30}}',
            '{subject: 丁镇, points: {a: 30, b: 30}}',
          ]),
          FOUR,
        ),
      );
      assert.ok(
        said(notice.body).includes(
          '（一）同分并列。甲镇、乙镇得分同为90分，并列第1名，跨越优秀等次名额（1个）分界。按工作实绩得分依次比较后仍相同，' +
            '本通报暂按评分表中的先后顺序，将甲镇确定为优秀等次，乙镇确定为良好等次，请依照考核办法予以确认。',
        ),
      );
    });
  });

  describe('rank changes (rows carrying previousRank, as a scoresheet naming its previous round gives them)', () => {
    const analysis = analyzeSample('forest-chief-2022.scores.yaml');
    // Last round: 横水镇 4th (now 2nd: up 2), 卫庄镇 2nd (now 3rd: down 1), 冷口乡 7th (now 10th: down 3),
    // 陈村镇 not ranked then (new); the other six where they are now.
    const previous: Record<string, number | null> = {
      古绛镇: 1,
      横水镇: 4,
      卫庄镇: 2,
      陈村镇: null,
      么里镇: 5,
      南樊镇: 6,
      安峪镇: 7,
      郝庄乡: 8,
      大交镇: 9,
      冷口乡: 7,
    };
    const table: NoticeFacts['table'] = rankingTable(analysis);
    table.groups[0].rows = table.groups[0].rows.map((row) => ({ ...row, previousRank: previous[row.subject] }));

    it('says who went up, who went down, who is new, largest moves first, and how many stayed', () => {
      const made = noticeFromTable(analysis, table, OPTIONS);
      assert.ok(made.ok);
      assert.ok(
        said(made.notice.body).includes(
          '（三）名次变化。与上次相比，名次上升的有：横水镇（上升2位）；名次下降的有：冷口乡（下降3位）、卫庄镇（下降1位）；新参加排名的有：陈村镇；其余6个名次未变。',
        ),
      );
      const [annex] = made.notice.annex.tables;
      assert.deepEqual(annex.header, ['名次', '考核对象', '得分', '等次', '较上次', '备注']);
      assert.deepEqual(
        annex.rows.map((r) => `${r[1]} ${r[4]}`),
        [
          '古绛镇 持平',
          '横水镇 上升2位',
          '卫庄镇 下降1位',
          '陈村镇 新增',
          '么里镇 持平',
          '南樊镇 持平',
          '安峪镇 持平',
          '郝庄乡 持平',
          '大交镇 持平',
          '冷口乡 下降3位',
        ],
      );
    });

    it('in English too', () => {
      const made = noticeFromTable(analysis, table, { ...OPTIONS, locale: 'en' });
      assert.ok(made.ok);
      assert.ok(
        said(made.notice.body).includes(
          '(3) Rank changes. against the previous results, up: 横水镇 (+2); down: 冷口乡 (−3), 卫庄镇 (−1); new: 陈村镇; 6 unchanged.',
        ),
      );
    });

    it('says nothing of changes when no row carries a previous rank', () => {
      const notice = built(analysis);
      assert.ok(!said(notice.body).some((line) => line.includes('名次变化')));
      assert.ok(!notice.annex.tables[0].header.includes('较上次'));
    });
  });

  it('lists apart a subject ranked without a tier (no_tier: its tier null while the rubric has tiers)', () => {
    const analysis = analyzeSample('forest-chief-2022.scores.yaml');
    const table: NoticeFacts['table'] = rankingTable(analysis);
    table.groups[0].rows = table.groups[0].rows.map((row) => (row.subject === '南樊镇' ? { ...row, tier: null } : row));
    const made = noticeFromTable(analysis, table, OPTIONS);
    assert.ok(made.ok);
    const lines = said(made.notice.body);
    assert.ok(lines.includes('良好等次（4个）：陈村镇、安峪镇、郝庄乡、大交镇。'));
    assert.ok(lines.includes('（三）不定等次。以下考核对象参加排名，不确定等次，不计入等次名额基数：南樊镇。'));
    assert.deepEqual(made.notice.annex.tables[0].rows[5], ['6', '南樊镇', '84', '—', '不定等次']);
  });

  it('lists apart a subject whose total is not known (a leaf unscored), and says the others may move', () => {
    // 丙镇 has no 群众评价: no total. 甲镇 90 and 乙镇 90 tie for 优秀's one place (file order: 甲镇).
    const notice = built(
      analyzeSheet(
        sheet('', [
          '{subject: 甲镇, points: {a: 50, b: 40}}',
          '{subject: 乙镇, points: {a: 55, b: 35}}',
          '{subject: 丙镇, points: {a: 40}}',
          '{subject: 丁镇, points: {a: 30, b: 30}}',
        ]),
        FOUR,
      ),
    );
    const lines = said(notice.body);
    assert.ok(lines.includes('良好等次（2个）：乙镇、丁镇。'));
    assert.ok(lines.includes('（二）评分不全。以下考核对象评分不全，未计算总分，未参加排名和定等：丙镇。评分补齐后，其他考核对象的名次和等次可能变化。'));
    assert.deepEqual(notice.annex.tables[0].rows[3], ['—', '丙镇', '—', '—', '评分不全']);
  });

  it('without tiers (a pure scoring sheet): the order of rank group by group, shared ranks marked', () => {
    // green-development-forestry: 着力山更美 by 简单功效系数法 within the group, + the rest, rounded to 2 places
    // (worked in scoresheet-samples.test.ts). Streets: 城东 1.4, 城北 1.26, 城南 1.23, 城西 1.21.
    // Towns: 梅岭 1.42, 白沙 1.41, 桃源 1.4, 松山 1.35, 南溪 1.33, 东山 1.3, 柳河 1.26, 杏坪 and 云峰 1.22 (8th),
    // 青石 1.2, 北岭 1.18, 竹林 1.16, 西山 1.15, 枫林 1.12; equal totals in file order.
    const notice = built(analyzeSample('green-development-forestry.scores.yaml'));
    assert.equal(notice.title, '关于绿色发展考核评价办法涉林指标考核结果的通报');
    assert.match(notice.opening, /对18个考核对象分2个序列进行了考核。/);
    assert.deepEqual(said(notice.body), [
      '一、考核排名',
      '（一）第一序列（街道），共4个',
      '按得分从高到低，名次依次为：城东街道、城北街道、城南街道、城西街道。',
      '（二）第二序列（乡镇），共14个',
      '按得分从高到低，名次依次为：梅岭镇、白沙镇、桃源镇、松山镇、南溪镇、东山镇、柳河镇、杏坪镇（并列第8名）、云峰镇（并列第8名）、' +
        '青石镇、北岭镇、竹林镇、西山镇、枫林镇。',
    ]);
    // No tier column; one table per group, captioned with the group's name.
    assert.deepEqual(
      notice.annex.tables.map((t) => [t.caption, t.header.join(' '), t.rows.length]),
      [
        ['第一序列（街道）', '名次 考核对象 得分 备注', 4],
        ['第二序列（乡镇）', '名次 考核对象 得分 备注', 14],
      ],
    );
    assert.deepEqual(notice.annex.tables[1].rows[7], ['8', '杏坪镇', '1.22', '并列']);
  });

  describe('bad input', () => {
    const bad = fs
      .readFileSync(path.join(SAMPLES, 'forest-chief-2022.scores.yaml'), 'utf8')
      .replace('fire: 22, pests: 13, mechanism: 10, rangers: 3.5}', 'fire: 30, pests: 13, mechanism: 10, rangers: 3.5}');
    const rubric = fs.readFileSync(path.join(SAMPLES, 'forest-chief-2022.rubric.yaml'), 'utf8');

    it('a sheet with errors: refused unless a draft is asked for, and the draft says so at its top and lists the errors', async () => {
      // 古绛镇's fire 30 is above its weight 22 (line 9 of the sheet).
      assert.match(bad, /^( {4}points: \{afforestation: 15, village-greening: 8, land-use: 8, fire: 30)/m);
      const analysis = analyzeSheet(bad, rubric);
      const request = { scoresheet: '/x/bad.scores.yaml', format: 'docx', locale: 'zh-CN', date: OPTIONS.date } as const;
      const refused = await noticeBytes(analysis, { ...request, allowErrors: false });
      assert.ok(!refused.ok && 'errors' in refused);
      assert.deepEqual(
        refused.errors.map((e) => [e.file, e.line, e.message]),
        analysis.findings.filter((f) => f.severity === 'error').map((f) => ['bad.scores.yaml', 9, f.message]),
      );
      assert.equal(refused.errors.length, 1);
      assert.match(errorLineText(refused.errors[0], 'zh-CN'), /^bad\.scores\.yaml 第9行：/);

      const draft = await noticeBytes(analysis, { ...request, allowErrors: true });
      assert.ok(draft.ok);
      assert.equal(draft.errors, 1);
      const read = docxText(draft.bytes);
      const top = read.paragraphs.filter(Boolean);
      assert.match(top[0], /^【草稿】评分表及考核细则中有1个错误未改正，以下名次和等次未经核实，不得作为考核结果印发。/);
      assert.match(top[1], /^1\. bad\.scores\.yaml 第9行：/);
      assert.match(top[2], /^关于绛县2022年度林长制工作/);
      // Every page says it is a draft (the header of odd and even pages).
      for (const header of ['word/header1.xml', 'word/header2.xml']) assert.deepEqual(docxText(draft.bytes, header).paragraphs, ['草稿：评分有误，不得印发']);
      // The subject whose total cannot be trusted is not ranked.
      assert.ok(top.some((line) => /评分不全。.*古绛镇/.test(line)));
    });

    it('errors in the rubric count too, named by the rubric file', () => {
      // The top-level weights add up to 23 + 20 + 25 + 14.5 + 17.5 − 10 = 90, not 100.
      const analysis = core().analyzeScoresheet(fs.readFileSync(path.join(SAMPLES, 'forest-chief-2022.scores.yaml'), 'utf8'), () => ({
        found: true,
        analysis: core().analyze(rubric.replace('    weight: 23\n', '    weight: 13\n')),
        location: 'file:///w/forest-chief-2022.rubric.yaml',
      }));
      const made = buildNotice(analysis, OPTIONS);
      assert.ok(made.ok);
      assert.ok(made.errors.length > 0);
      assert.ok(made.errors.every((e) => e.file === 'forest-chief-2022.rubric.yaml'));
      assert.equal(made.notice.draft?.errors.length, made.errors.length);
    });

    it('a rubric not found: no notice, and the reason', () => {
      const analysis = core().analyzeScoresheet(fs.readFileSync(path.join(SAMPLES, 'forest-chief-2022.scores.yaml'), 'utf8'), () => ({
        found: false,
        reason: { en: 'no such file', 'zh-CN': '文件不存在' },
      }));
      const made = buildNotice(analysis, OPTIONS);
      assert.deepEqual(made, { ok: false, reason: { en: 'rubric not found: no such file', 'zh-CN': '未找到考核细则：文件不存在' } });
    });

    it('a sheet that scores no one: no notice', () => {
      const made = buildNotice(analyzeSheet('rubric: t.rubric.yaml\nscores: []\n', FOUR), OPTIONS);
      assert.ok(!made.ok);
      assert.equal(made.reason['zh-CN'], '评分表中没有任何考核对象的评分');
    });

    it('500 subjects: every name once, in rank order, the counts 100 / 350 / 50, the annex 500 rows long', async () => {
      // 单位001 … 单位500 score 0.2 × their number: all distinct, 单位500 first. N = 500: 优秀 exactly 20% = 100,
      // 一般 exactly 10% = 50, 良好 the other 350.
      const names = Array.from({ length: 500 }, (_, i) => `单位${String(i + 1).padStart(3, '0')}`);
      const big = `rubric: 大规模考评表\nissuer: 测试办公室\nsubjects: 500\nindicators:\n  - {id: a, name: 实绩, weight: 100}\ntiers:\n  - {id: excellent, name: 优秀, quota: {exactly: 20%}}\n  - {id: good, name: 良好}\n  - {id: average, name: 一般, quota: {exactly: 10%}}\n`;
      const analysis = analyzeSheet(
        sheet(
          '',
          names.map((name, i) => `{subject: ${name}, points: {a: ${((i + 1) * 2) / 10}}}`),
        ),
        big,
      );
      const notice = built(analysis);
      const lines = said(notice.body);
      const inOrder = [...names].reverse();
      assert.equal(lines[1], `优秀等次（100个）：${inOrder.slice(0, 100).join('、')}。`);
      assert.equal(lines[2], `良好等次（350个）：${inOrder.slice(100, 450).join('、')}。`);
      assert.equal(lines[3], `一般等次（50个）：${inOrder.slice(450).join('、')}。`);
      const read = docxText(await noticeDocx(notice));
      const [table] = read.tables;
      assert.equal(table.length, 501);
      assert.deepEqual(
        table.slice(1).map((row) => row[1]),
        inOrder,
      );
      assert.deepEqual(table[500], ['500', '单位001', '0.2', '一般', '']);
    });
  });

  describe('the title in lines, as GB/T 9704 breaks it (词意完整)', () => {
    it('one line when it fits; else between its parts; a part too long alone, in lines of near-equal length between words', () => {
      assert.deepEqual(titleLines(['关于测试', '考核结果的通报'], 38), ['关于测试考核结果的通报']);
      assert.deepEqual(titleLines(['关于绛县2022年度林长制工作', '考核结果的通报'], 38), ['关于绛县2022年度林长制工作', '考核结果的通报']);
      // 66 columns alone: two lines of about 33. The word boundary nearest is after 街道 (32 columns); after 生 (34)
      // would cut the word 生态, and none falls inside or right after "2022".
      const long = '关于某某市某某区2022年度乡镇街道生态环境保护和林长制河长制工作综合';
      assert.deepEqual(titleLines([long, '考核结果的通报'], 38), ['关于某某市某某区2022年度乡镇街道', '生态环境保护和林长制河长制工作综合', '考核结果的通报']);
    });
  });
});
