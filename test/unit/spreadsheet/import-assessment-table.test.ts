import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import { draftToYaml } from 'rubric-studio-server/out/spreadsheet/draft-yaml';
import { buildAssessmentWorkbook } from 'rubric-studio-server/out/spreadsheet/export-assessment-table';
import { importAssessmentTable } from 'rubric-studio-server/out/spreadsheet/import-assessment-table';
import { CellProblem } from 'rubric-studio-server/out/spreadsheet/import-report';
import { comparable } from '../../support/draft-equivalence';
import { analyze } from '../../support/rubric-core';
import { draftOfText, roundTripBytes, SAMPLE_NAMES, sampleText } from '../../support/sheets';

/** A workbook written and read back, then imported; the draft written as YAML and analysed again. */
async function imported(workbook: ExcelJS.Workbook) {
  const { read } = await roundTripBytes(workbook);
  const result = importAssessmentTable(read);
  assert.ok(result.draft, JSON.stringify(result.problems));
  const yaml = draftToYaml(result.draft, ['test']);
  const again = draftOfText(yaml);
  return { ...result, yaml, again: again.draft, findings: again.document.findings };
}

const warningsAt = (problems: CellProblem[]) => problems.map((p) => `${p.severity} ${p.address}`);

describe('import: the layout export writes comes back as an equivalent rubric', () => {
  // A measured leaf's formula and a deduction set within a range come back as words in 评分标准.
  for (const name of SAMPLE_NAMES) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${name} (${locale})`, async () => {
        const { document, draft } = draftOfText(sampleText(name));
        const result = await imported(buildAssessmentWorkbook(draft, document, { locale }));
        assert.deepEqual(result.problems, []);
        assert.deepEqual(comparable(result.again), comparable(draft));
        // The rubric made checks as cleanly as the sample it came from.
        assert.deepEqual(
          result.findings.map((f) => f.code),
          analyze(sampleText(name)).findings.map((f) => f.code),
        );
      });
    }
  }
});

/** Writes rows (arrays of cell values) from A1 down; `merges` as `A5:A6`. */
function sheetOf(name: string, rows: (string | number | null)[][], merges: string[] = []): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((value, c) => value !== null && (sheet.getCell(r + 1, c + 1).value = value)));
  for (const merge of merges) sheet.mergeCells(merge);
  return workbook;
}

describe('import: a leaf scored on its own scale', () => {
  // 南通 长效管理 style: 年度述职 scored out of 100, counting 40; a group out of 100 counting 60.
  const RUBRIC = `rubric: 年度考核
subjects: [甲, 乙]
indicators:
  - {id: review, name: 年度述职, weight: 40, out_of: 100}
  - id: work
    name: 工作实绩
    weight: 60
    out_of: 100
    items:
      - {id: w1, name: 实绩一, weight: 50}
      - {id: w2, name: 实绩二, weight: 50}
`;
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`says its scale beside its name and comes back with out_of (${locale})`, async () => {
      const { document, draft } = draftOfText(RUBRIC);
      const workbook = buildAssessmentWorkbook(draft, document, { locale });
      const names = workbook.worksheets[0].getColumn(1).values.filter((v): v is string => typeof v === 'string');
      assert.ok(names.includes(locale === 'zh-CN' ? '年度述职\n（100 → 40分）' : '年度述职\n(100 → 40 points)'), JSON.stringify(names));
      const result = await imported(workbook);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(comparable(result.again), comparable(draft));
      assert.match(result.yaml, /- id: review\n\s+name: 年度述职\n\s+weight: 40\n\s+out_of: 100\n/);
    });
  }
});

describe('import: common variants of a 考评表 built with exceljs', () => {
  it('blank cells for groups, a title and an issuer above the header, 序号 and an unknown column', async () => {
    const workbook = sheetOf('Sheet1', [
      ['2023年度某县河长制工作考核细则'],
      ['考核单位：某县河长制办公室'],
      [],
      ['序号', '一级指标', '二级指标', '考核内容', '分值', '评分标准', '考核方式', '责任单位'],
      [1, '基础工作（10分）', '实施方案', '实施方案按时出台', 5, '每缺一项扣0.5分，扣完为止', '查阅资料', '县河长办'],
      [2, null, '河长公示牌', '县、镇级河长公示牌设立规范', 5, '公示牌设立不规范，每个扣0.5分，最高扣3分\n联系方式不通，每处扣0.5分', '现场检查', null],
      [
        3,
        '水质改善（20分）',
        '断面水质达标',
        '考核断面水质达到年度目标',
        20,
        '20分：全部达标\n10分：一个断面未达标\n0分：两个及以上断面未达标',
        '查阅监测数据',
        null,
      ],
      [4, '群众满意度', null, '开展满意度调查', 70, '满意度每低于目标1个百分点扣1分', '问卷调查', null],
      ['合计', null, null, null, 100],
    ]);
    const result = await imported(workbook);
    assert.deepEqual(warningsAt(result.problems), ['warning Sheet1!H4'], 'the 责任单位 column is named as left out');
    const d = result.again;
    assert.equal(d.title, '2023年度某县河长制工作考核细则');
    assert.equal(d.issuer, '某县河长制办公室');
    assert.deepEqual(
      d.methods.map((m) => m.name),
      ['查阅资料', '现场检查', '查阅监测数据', '问卷调查'],
    );
    const [basics, water, satisfaction] = d.indicators;
    assert.deepEqual([basics.name, basics.weight?.toFixed(), basics.items.length], ['基础工作', '10', 2]);
    const [scheme, signs] = basics.items;
    assert.deepEqual([scheme.name, scheme.weight?.toFixed(), scheme.criteria, scheme.methods], ['实施方案', '5', '实施方案按时出台', ['查阅资料']]);
    assert.deepEqual([scheme.scoring?.deduct?.toFixed(), scheme.scoring?.per], ['0.5', '每缺一项']);
    assert.deepEqual(
      signs.scoring?.rules.map((r) => [r.points.toFixed(), r.per, r.max?.toFixed()]),
      [
        ['0.5', '公示牌设立不规范，每个', '3'],
        ['0.5', '联系方式不通，每处', undefined],
      ],
    );
    assert.deepEqual(
      water.items[0].scoring?.levels.map((l) => [l.points.toFixed(), l.when]),
      [
        ['20', '全部达标'],
        ['10', '一个断面未达标'],
        ['0', '两个及以上断面未达标'],
      ],
    );
    assert.deepEqual(
      [satisfaction.name, satisfaction.weight?.toFixed(), satisfaction.items.length, satisfaction.scoring?.per],
      ['群众满意度', '70', 0, '满意度每低于目标1个百分点'],
    );
    // 10 + 20 + 70 = 100, the 合计 row: no finding.
    assert.deepEqual(
      result.findings.map((f) => f.code),
      [],
    );
  });

  it('merged cells with English headers, no title above (the sheet name stands in, and is said so)', async () => {
    const workbook = sheetOf(
      'Vendors',
      [
        ['Area', 'Indicator', 'Points', 'Scoring criteria', 'Method'],
        ['Delivery (60 points)', 'On-time delivery', 40, '40 points: all on time\n20 points: one late delivery', 'Records'],
        [null, 'Quality', 20, '2 points off per defect, not below 0', 'Inspection'],
        ['Price', null, 40, 'Lowest price scores full points', null],
        ['Total', null, 100],
      ],
      ['A2:A3', 'A4:B4'],
    );
    const result = await imported(workbook);
    assert.deepEqual(warningsAt(result.problems), ['warning Vendors!A1']);
    const d = result.again;
    assert.equal(d.title, 'Vendors');
    assert.deepEqual(
      d.indicators.map((i) => [i.name, i.weight?.toFixed(), i.items.map((x) => x.name)]),
      [
        ['Delivery', '60', ['On-time delivery', 'Quality']],
        ['Price', '40', []],
      ],
    );
    assert.deepEqual([d.indicators[0].items[1].scoring?.deduct?.toFixed(), d.indicators[0].items[1].scoring?.per], ['2', 'defect']);
    assert.equal(d.indicators[1].criteria, 'Lowest price scores full points');
    assert.deepEqual(
      d.methods.map((m) => m.name),
      ['Records', 'Inspection'],
    );
  });

  it('指标 / 分值 / 评分标准 only, under 附件2 and a title', async () => {
    const workbook = sheetOf('安全生产', [
      ['附件2'],
      ['2022年度乡镇安全生产工作考核评分表'],
      ['指标', '分值', '评分标准'],
      ['组织领导', 20, '未成立领导小组的，扣5分\n未召开专题会议的，扣5分'],
      ['隐患排查', 50, '每发现一处隐患未整改扣2分，最高扣20分'],
      ['应急管理', 30, '应急预案完备'],
    ]);
    const result = await imported(workbook);
    assert.deepEqual(warningsAt(result.problems), ['warning 安全生产!A1'], '附件2 is not the title, and is named');
    const d = result.again;
    assert.equal(d.title, '2022年度乡镇安全生产工作考核评分表');
    assert.equal(d.total, undefined, '20 + 50 + 30 = 100: the default total');
    const [lead, hazards, emergency] = d.indicators;
    assert.deepEqual(
      lead.scoring?.rules.map((r) => [r.points.toFixed(), r.when, r.per]),
      [
        ['5', '未成立领导小组的', undefined],
        ['5', '未召开专题会议的', undefined],
      ],
    );
    assert.deepEqual(
      hazards.scoring?.rules.map((r) => [r.points.toFixed(), r.per, r.max?.toFixed()]),
      [['2', '每发现一处隐患未整改', '20']],
    );
    assert.deepEqual([emergency.criteria, emergency.scoring], ['应急预案完备', undefined]);
  });

  it('考核项目 | 考核内容 | 分值: the content column names the scored items under a merged project', async () => {
    const workbook = sheetOf(
      '细则',
      [
        ['村庄河塘清淤考核细则'],
        ['考核项目', '考核内容', '分值', '评分标准'],
        ['清淤任务', '河塘清淤', 30, '每少完成一个扣2分'],
        [null, '河道清淤', 30, '每少完成一个扣2分'],
        ['长效管护', '管护责任落实', 40, '40分：责任明确\n20分：责任不明确'],
      ],
      ['A3:A4'],
    );
    const result = await imported(workbook);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.again.indicators.map((i) => [i.name, i.weight?.toFixed(), i.items.map((x) => `${x.name} ${x.weight?.toFixed()}`)]),
      [
        ['清淤任务', undefined, ['河塘清淤 30', '河道清淤 30']],
        ['长效管护', undefined, ['管护责任落实 40']],
      ],
    );
  });

  it('names each cell it cannot read: points that are text, points merged over two indicators; a closing 说明 kept as a note', async () => {
    const workbook = sheetOf(
      '考评表',
      [
        ['某考评表'],
        ['一级指标', '二级指标', '分值', '评分标准'],
        ['党建', '组织生活', '十五', ''],
        [null, '学习教育', 10, ''],
        ['业务', '任务完成', 40, ''],
        [null, '群众满意', null, ''],
        ['合计', null, 100],
        ['说明：本表由县考核办负责解释'],
      ],
      ['A3:A4', 'A5:A6', 'C5:C6'],
    );
    const { read } = await roundTripBytes(workbook);
    const result = importAssessmentTable(read);
    assert.deepEqual(
      result.problems.map((p) => `${p.severity} ${p.address}`),
      ['error 考评表!C3', 'error 考评表!C6'],
    );
    assert.match(result.problems[0].message['zh-CN'], /“组织生活”的分值不是数字：“十五”/);
    assert.match(result.problems[1].message.en, /merged with the rows above/);
    assert.deepEqual(result.draft?.notes, [{ text: '说明：本表由县考核办负责解释', address: '考评表!A8' }]);
  });

  it('refuses a sheet with no header row, saying what it looks for', async () => {
    const { read } = await roundTripBytes(
      sheetOf('Sheet1', [
        ['姓名', '电话'],
        ['张三', '123'],
      ]),
    );
    const result = importAssessmentTable(read);
    assert.equal(result.draft, undefined);
    assert.equal(result.problems[0].severity, 'error');
    assert.match(result.problems[0].message.en, /no header row/);
  });

  it('reads a 10,000-row 指标 / 分值 / 评分标准 sheet', async function () {
    this.timeout(60000);
    const rows: (string | number | null)[][] = [['一万项指标'], ['指标', '分值', '评分标准']];
    // 10,000 rows of 0.01 points each: 10,000 × 0.01 = 100 exactly.
    for (let i = 1; i <= 10000; i++) rows.push([`第${i}项`, 0.01, i % 2 === 0 ? '每发现一处问题扣0.01分，扣完为止' : '按时完成']);
    const { read } = await roundTripBytes(sheetOf('Sheet1', rows));
    const result = importAssessmentTable(read);
    assert.deepEqual(result.problems, []);
    assert.equal(result.draft!.indicators.length, 10000);
    assert.equal(result.draft!.total, undefined, 'the 10,000 weights add up to exactly 100');
    assert.equal(result.draft!.indicators[9999].scoring?.deduct?.toFixed(), '0.01');
  });
});
