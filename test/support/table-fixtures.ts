import ExcelJS from 'exceljs';
import type { DraftIndicator } from 'rubric-studio-server/out/spreadsheet/rubric-draft';
import type { Hierarchy } from 'rubric-studio-server/out/spreadsheet/table-layout';
import { CellValue, docxWithTable } from './word-files';

/**
 * The layouts offices publish their 考评表 / 评分细则 in, each as one table modelled on a real
 * published scheme (named in `model`), with the tree a correct reading gives, worked out by hand.
 * Each is built both as a workbook (exceljs) and as a Word document (word-files.ts): the import
 * must read both to the same tree. `rows` are the table's rows from its header down; `above` the
 * title and info lines (a sheet's first rows, a document's paragraphs before the table); `merges`
 * in A1 notation counted from the header row as row 1.
 */
export interface LayoutFixture {
  name: string;
  model: string;
  above: string[];
  rows: CellValue[][];
  merges: string[];
  hierarchy: Hierarchy;
  /** One line per indicator, indented two spaces a level: `name points` (a group's points stated or summed). */
  tree: string[];
  /** The total the rubric states (undefined: the default 100). */
  total?: string;
  /** Errors expected, at cells counted from the header row (`E7`); none when absent. */
  errors?: string[];
  /** The notes kept, each with its first cell (counted from the header row). */
  notes?: { text: string; cell: string }[];
}

/** The tree of a draft in the fixtures' form. */
export function treeLines(indicators: DraftIndicator[], depth = 0): string[] {
  const points = (i: DraftIndicator): string => {
    if (i.weight) return i.weight.toFixed();
    const parts = i.items.map(points);
    return parts.every((p) => p !== '?') && parts.length > 0 ? String(parts.reduce((a, b) => a + Number(b), 0)) : '?';
  };
  return indicators.flatMap((i) => [`${'  '.repeat(depth)}${i.name} ${points(i)}`, ...treeLines(i.items, depth + 1)]);
}

/** The fixture as a workbook: the lines above in column A, the table below them. */
export function fixtureWorkbook(fixture: LayoutFixture, sheetName = '考评表'): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  fixture.above.forEach((line, r) => (sheet.getCell(r + 1, 1).value = line));
  const offset = fixture.above.length;
  fixture.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(offset + r + 1, c + 1).value = value;
    }),
  );
  for (const merge of fixture.merges) sheet.mergeCells(shiftRange(merge, offset));
  return workbook;
}

/** The fixture as a Word document: the lines above as paragraphs, then the table. */
export function fixtureDocx(fixture: LayoutFixture): Buffer {
  return docxWithTable(fixture.above, fixture.rows, fixture.merges);
}

/** `E7` of the table → its address in the workbook (`考评表!E9` below two lines) or the document (`表1!E7`). */
export function sheetAddress(cell: string, fixture: LayoutFixture, sheetName = '考评表'): string {
  return `${sheetName}!${shiftRange(cell, fixture.above.length)}`;
}

function shiftRange(range: string, rows: number): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_, letters: string, row: string) => `${letters}${Number(row) + rows}`);
}

export const LAYOUT_FIXTURES: LayoutFixture[] = [
  {
    name: 'numbered in one column (一、 / （一） / 1.), group points in the names, 合计 and a closing 说明 with a veto',
    model:
      '绍兴县水务集团党委《集团公司2011年党建工作目标责任制考核细则》(绍县水务集团党委[2011]12号): 学习制度规范化20分、党组织建设规范化45分、创先争优规范化30分、信息报送5分',
    above: ['集团公司2011年党建工作目标责任制考核细则'],
    rows: [
      ['考核内容', '分值', '评分标准'],
      ['一、学习制度规范化（20分）', null, null],
      ['（一）中心组学习', null, null],
      ['1. 学习计划', 5, '未制定年度学习计划的，扣5分'],
      ['2. 学习次数', 5, '每少一次扣1分'],
      ['（二）党员学习', null, null],
      ['1. 三会一课', 10, '每少一次扣2分'],
      ['二、党组织建设规范化（45分）', null, null],
      ['1. 组织生活会', 15, '按时召开组织生活会'],
      ['2. 发展党员', 15, '按程序发展党员'],
      ['3. 党费收缴', 15, '党费按月足额收缴'],
      ['三、创先争优规范化（30分）', null, null],
      ['1. 争创活动', 30, '开展创先争优活动'],
      ['四、信息报送（5分）', null, null],
      ['1. 信息上报', 5, '每少报一篇扣0.5分'],
      ['合计', 100, null],
      ['说明：1. 本细则由集团党委负责解释。\n2. 发生重大安全生产事故的单位，实行一票否决。', null, null],
    ],
    merges: ['A2:C2', 'A3:C3', 'A6:C6', 'A8:C8', 'A12:C12', 'A14:C14', 'A17:C17'],
    hierarchy: 'numbered',
    total: '100',
    tree: [
      '学习制度规范化 20',
      '  中心组学习 10',
      '    学习计划 5',
      '    学习次数 5',
      '  党员学习 10',
      '    三会一课 10',
      '党组织建设规范化 45',
      '  组织生活会 15',
      '  发展党员 15',
      '  党费收缴 15',
      '创先争优规范化 30',
      '  争创活动 30',
      '信息报送 5',
      '  信息上报 5',
    ],
    notes: [{ text: '说明：1. 本细则由集团党委负责解释。\n2. 发生重大安全生产事故的单位，实行一票否决。', cell: 'A17' }],
  },
  {
    // The case of issue 23: read as one flat column, these 26 rows made 26 indicators of total 232.
    name: 'numbered in one column with every level’s points in the points column, no 合计 row (26 rows: 100 + 32 + 100 if read flat)',
    model: '乡镇安全生产工作目标责任考核细则 as county offices publish them (一、组织领导 / 二、隐患排查治理 …), points on every numbered row',
    above: ['2022年度乡镇安全生产目标责任考核细则', '考核单位：县安全生产委员会办公室'],
    rows: [
      ['考核项目', '分值', '评分标准'],
      ['一、组织领导', 20, null],
      ['1. 领导小组', 4, '未成立的，扣4分'],
      ['2. 专题研究', 4, '每少一次扣1分'],
      ['3. 责任书签订', 4, '未签订的，扣4分'],
      ['4. 考核奖惩', 4, '未落实的，扣4分'],
      ['5. 工作总结', 4, '未报送的，扣4分'],
      ['二、隐患排查治理', 32, null],
      ['（一）隐患排查', 12, null],
      ['1. 排查制度', 6, '未建立的，扣6分'],
      ['2. 排查台账', 6, '每缺一项扣1分'],
      ['（二）隐患治理', 12, null],
      ['1. 整改落实', 6, '每一处未整改扣2分'],
      ['2. 挂牌督办', 6, '未督办的，扣6分'],
      ['（三）应急值守', 8, null],
      ['1. 值班值守', 4, '每脱岗一次扣1分'],
      ['2. 信息报告', 4, '迟报一次扣2分'],
      ['三、宣传培训', 24, null],
      ['1. 安全宣传', 6, '开展“安全生产月”活动'],
      ['2. 教育培训', 6, '每少一期扣2分'],
      ['3. 应急演练', 6, '未开展的，扣6分'],
      ['4. 安全文化', 6, '建设安全文化阵地'],
      ['四、事故控制', 24, null],
      ['1. 事故起数', 6, '每发生一起扣3分'],
      ['2. 死亡人数', 6, '每死亡一人扣6分'],
      ['3. 受伤人数', 6, '每受伤一人扣2分'],
      ['4. 经济损失', 6, '控制在目标以内'],
    ],
    merges: [],
    hierarchy: 'numbered',
    tree: [
      '组织领导 20',
      '  领导小组 4',
      '  专题研究 4',
      '  责任书签订 4',
      '  考核奖惩 4',
      '  工作总结 4',
      '隐患排查治理 32',
      '  隐患排查 12',
      '    排查制度 6',
      '    排查台账 6',
      '  隐患治理 12',
      '    整改落实 6',
      '    挂牌督办 6',
      '  应急值守 8',
      '    值班值守 4',
      '    信息报告 4',
      '宣传培训 24',
      '  安全宣传 6',
      '  教育培训 6',
      '  应急演练 6',
      '  安全文化 6',
      '事故控制 24',
      '  事故起数 6',
      '  死亡人数 6',
      '  受伤人数 6',
      '  经济损失 6',
    ],
  },
  {
    name: 'a 分值 column per level, each merged down its group, and a closing 说明 row',
    model:
      '项目支出绩效评价指标体系 (财政部《项目支出绩效评价管理办法》财预〔2020〕10号 附件) as county evaluation reports fill it, e.g. 隆回县人居环境指挥部乡村振兴项目资金绩效评价报告 (2022): 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值',
    above: ['乡村振兴项目资金绩效评价指标体系'],
    rows: [
      ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准'],
      ['决策', 15, '项目立项', 5, '立项依据充分性', 3, '立项依据充分得3分'],
      [null, null, null, null, '立项程序规范性', 2, '程序规范得2分'],
      [null, null, '绩效目标', 5, '绩效目标合理性', 3, '目标合理得3分'],
      [null, null, null, null, '绩效指标明确性', 2, '指标明确得2分'],
      [null, null, '资金投入', 5, '预算编制科学性', 3, '编制科学得3分'],
      [null, null, null, null, '资金分配合理性', 2, '分配合理得2分'],
      ['过程', 20, '资金管理', 10, '资金到位率', 4, '到位率×4分'],
      [null, null, null, null, '预算执行率', 3, '执行率×3分'],
      [null, null, null, null, '资金使用合规性', 3, '每发现一处违规扣1分'],
      [null, null, '组织实施', 10, '管理制度健全性', 5, '制度健全得5分'],
      [null, null, null, null, '制度执行有效性', 5, '执行有效得5分'],
      ['产出', 35, '产出数量', 15, '实际完成率', 15, '完成率×15分'],
      [null, null, '产出质量', 10, '质量达标率', 10, '达标率×10分'],
      [null, null, '产出时效', 10, '完成及时性', 10, '按期完成得10分'],
      ['效益', 30, '项目效益', 30, '社会效益', 10, '效益明显得10分'],
      [null, null, null, null, '生态效益', 10, '效益明显得10分'],
      [null, null, null, null, '满意度', 10, '满意度×10分'],
      ['说明：评价得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。', null, null, null, null, null, null],
    ],
    merges: [
      'A2:A7',
      'B2:B7',
      'C2:C3',
      'D2:D3',
      'C4:C5',
      'D4:D5',
      'C6:C7',
      'D6:D7',
      'A8:A12',
      'B8:B12',
      'C8:C10',
      'D8:D10',
      'C11:C12',
      'D11:D12',
      'A13:A15',
      'B13:B15',
      'A16:A18',
      'B16:B18',
      'C16:C18',
      'D16:D18',
      'A19:G19',
    ],
    hierarchy: 'level-points',
    tree: [
      '决策 15',
      '  项目立项 5',
      '    立项依据充分性 3',
      '    立项程序规范性 2',
      '  绩效目标 5',
      '    绩效目标合理性 3',
      '    绩效指标明确性 2',
      '  资金投入 5',
      '    预算编制科学性 3',
      '    资金分配合理性 2',
      '过程 20',
      '  资金管理 10',
      '    资金到位率 4',
      '    预算执行率 3',
      '    资金使用合规性 3',
      '  组织实施 10',
      '    管理制度健全性 5',
      '    制度执行有效性 5',
      '产出 35',
      '  产出数量 15',
      '    实际完成率 15',
      '  产出质量 10',
      '    质量达标率 10',
      '  产出时效 10',
      '    完成及时性 10',
      '效益 30',
      '  项目效益 30',
      '    社会效益 10',
      '    生态效益 10',
      '    满意度 10',
    ],
    notes: [{ text: '说明：评价得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。', cell: 'A19' }],
  },
  {
    name: 'a two-row header (分值 merged over 标准分 / 得分), 序号, 考核要点 naming the items, 考核方式, 备注 and a 合计 row',
    model: 'XX区教育系统党建工作目标考核表 (序号 | 考核内容和要求 | 分值 | 得分情况 自评 / 考评 | 备注), 777doc.com doc-2424064',
    above: ['教育系统党建工作目标考核表'],
    rows: [
      ['序号', '考核项目', '考核要点', '分值', null, '考核方式', '备注'],
      [null, null, null, '标准分', '得分', null, null],
      [1, '理论学习', '制定年度理论学习计划', 5, null, '查资料', null],
      [2, null, '定期组织集中学习', 5, null, '查记录', '每季度不少于1次'],
      [3, '党课教育', '每年组织党课教育4次', 6, null, '查记录', null],
      [4, '思想政治工作', '向党报党刊投稿', 5, null, '查资料', null],
      [5, null, '开展联系贫困家庭活动', 4, null, '看实绩', null],
      [6, '组织生活', '按期召开支委会', 5, null, '查记录', null],
      ['合计', null, null, 30, null, null, null],
    ],
    merges: ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2', 'F1:F2', 'G1:G2', 'B3:B4', 'B6:B7', 'A9:C9'],
    hierarchy: 'level-columns',
    total: '30',
    tree: [
      '理论学习 10',
      '  制定年度理论学习计划 5',
      '  定期组织集中学习 5',
      '党课教育 6',
      '  每年组织党课教育4次 6',
      '思想政治工作 9',
      '  向党报党刊投稿 5',
      '  开展联系贫困家庭活动 4',
      '组织生活 5',
      '  按期召开支委会 5',
    ],
  },
  {
    name: 'numbering in the 编号 column (1 / 1.1 / 1.1.1), points on every level, 评定项目与评定内容 | 分数 | 评分细则',
    model: '衢州市档案局《企业档案工作等级评定标准（2010修订）》: 编号 | 评定项目与评定内容 | 分数 | 评分细则, 1 组织管理 19 / 1.1 机构 2 / 1.1.1 …',
    above: ['企业档案工作等级评定标准'],
    rows: [
      ['编号', '评定项目与评定内容', '分数', '评分细则'],
      ['1', '组织管理', 19, null],
      ['1.1', '机构', 2, null],
      ['1.1.1', '设置了档案管理机构', 1, '设置了档案管理机构或部门（1分）'],
      ['1.1.2', '建立了档案集中统一管理体系', 1, '实行集中统一管理（1分）'],
      ['1.2', '人员', 5, null],
      ['1.2.1', '有明确的企业领导分管档案工作', 1, '列入分管领导的岗位职责（1分）'],
      ['1.2.2', '配备了相应的档案人员', 3, '档案人员具备相应学历，定期接受培训（3分）'],
      ['1.2.3', '建立了档案工作人员网络', 1, '各部门明确兼职档案员（1分）'],
      ['1.3', '制度', 12, null],
      ['1.3.1', '明确了企业档案管理职责', 3, '纳入企业发展规划（3分）'],
      ['1.3.2', '建立了档案管理制度', 4, '制度健全（4分）'],
      ['1.3.3', '制度执行情况', 5, '执行有效（5分）'],
      ['2', '档案收集', 6, null],
      ['2.1', '归档范围', 6, null],
      ['2.1.1', '制定了归档范围', 3, '范围明确（3分）'],
      ['2.1.2', '按时归档', 3, '每延误一次扣1分'],
      ['合计', null, 25, null],
    ],
    merges: ['A18:B18'],
    hierarchy: 'numbered-serial',
    total: '25',
    tree: [
      '组织管理 19',
      '  机构 2',
      '    设置了档案管理机构 1',
      '    建立了档案集中统一管理体系 1',
      '  人员 5',
      '    有明确的企业领导分管档案工作 1',
      '    配备了相应的档案人员 3',
      '    建立了档案工作人员网络 1',
      '  制度 12',
      '    明确了企业档案管理职责 3',
      '    建立了档案管理制度 4',
      '    制度执行情况 5',
      '档案收集 6',
      '  归档范围 6',
      '    制定了归档范围 3',
      '    按时归档 3',
    ],
  },
  {
    name: '（1） and ① under 一、, points in the names only, 考评项目 | 评分细则及标准分 | 考评方式',
    model:
      '“送政策、送温暖、送服务”工作全覆盖常态化促进基层党建工作考核评分表 (考评项目 | 评分细则及标准分 | 考评方式 | 考评得分 | 备注), and “两新”组织党建考核评分表 (①②)',
    above: ['基层党建工作考核评分表'],
    rows: [
      ['考评项目', '评分细则及标准分', '考评方式', '考评得分', '备注'],
      ['一、落实基层党建工作责任制（6分）', null, null, null, null],
      ['（1）领导小组（2分）', '未成立党建工作领导小组扣1分', '查看文件', null, null],
      ['（2）工作机构（1分）', '机构未健全扣1分', '查看资料', null, null],
      ['（3）任务落实（3分）', null, null, null, null],
      ['①组织科任务（2分）', '根据平时完成情况酌情扣分', '查看台账', null, null],
      ['②电教科任务（1分）', '根据平时完成情况酌情扣分', '查看台账', null, null],
      ['二、制度建设（4分）', null, null, null, null],
      ['（1）联系点制度（1分）', '未建立联系点制度扣1分', '走访', null, null],
      ['（2）考核办法（3分）', '未制定考核办法扣1分', '查看文件', null, null],
    ],
    merges: [],
    hierarchy: 'numbered',
    total: '10',
    tree: [
      '落实基层党建工作责任制 6',
      '  领导小组 2',
      '  工作机构 1',
      '  任务落实 3',
      '    组织科任务 2',
      '    电教科任务 1',
      '制度建设 4',
      '  联系点制度 1',
      '  考核办法 3',
    ],
  },
  {
    name: 'heading variants: 指标内容 | 权重(%) | 评分办法',
    model: '县国有企业经营业绩考核指标与评分标准 (指标 | 权重 | 评分办法)',
    above: ['县属国有企业经营业绩考核评分表'],
    rows: [
      ['指标内容', '权重(%)', '评分办法'],
      ['利润总额', 40, '完成目标得40分，每低1%扣1分'],
      ['净资产收益率', 30, '完成目标得30分'],
      ['安全生产', 30, '发生事故的，扣30分'],
    ],
    merges: [],
    hierarchy: 'level-columns',
    tree: ['利润总额 40', '净资产收益率 30', '安全生产 30'],
  },
  {
    name: 'heading variants: 考核项目 | 考核内容及评分标准 | 分数, and 考核要点 | 标准分 | 评分细则',
    model: '济宁市兖州区审计局2021年度综合考核办法(试行) (基本得分项: 岗位职责 / 工作纪律 / 信息宣传 …)',
    above: ['审计局年度综合考核评分表'],
    rows: [
      ['考核项目', '考核内容及评分标准', '分数'],
      ['岗位职责', '保质保量完成年度工作目标任务；学习强国未按要求登录的，每次扣2分', 40],
      ['工作纪律', '迟到早退的，每发现1次扣1分', 30],
      ['信息宣传', '按时撰写上报个人工作总结', 30],
    ],
    merges: [],
    hierarchy: 'level-columns',
    tree: ['岗位职责 40', '工作纪律 30', '信息宣传 30'],
  },
  {
    name: 'heading variants: 考核要点 | 标准分 | 评分细则 (the 考核要点 column names the items)',
    model: '重点专科建设目标任务考核细则 (总分100分，扣分以扣完本项分值为止)',
    above: ['重点专科建设目标任务考核细则'],
    rows: [
      ['考核要点', '标准分', '评分细则'],
      ['人才梯队建设', 35, '每缺一名学科带头人扣5分'],
      ['科研项目', 35, '未完成年度课题的，扣10分'],
      ['医疗质量', 30, '医疗质量达标'],
    ],
    merges: [],
    hierarchy: 'level-columns',
    tree: ['人才梯队建设 35', '科研项目 35', '医疗质量 30'],
  },
];

/** Figures that disagree: a group whose items do not add up to its stated points, and a 合计 row the indicators do not reach. */
export const DISAGREEING_FIXTURE: LayoutFixture = {
  name: 'a numbered table whose sums disagree',
  model: 'the first fixture, with 二、 stating 45 over items of 40 and a 合计 of 100 over 95',
  above: ['党建工作目标责任制考核细则'],
  rows: [
    ['考核内容', '分值', '评分标准'],
    ['一、学习制度规范化（20分）', null, null],
    ['1. 学习计划', 10, '未制定年度学习计划的，扣5分'],
    ['2. 学习次数', 10, '每少一次扣1分'],
    ['二、党组织建设规范化（45分）', null, null],
    ['1. 组织生活会', 15, '按时召开组织生活会'],
    ['2. 发展党员', 15, '按程序发展党员'],
    ['3. 党费收缴', 10, '党费按月足额收缴'],
    ['三、创先争优规范化（30分）', null, null],
    ['1. 争创活动', 30, '开展创先争优活动'],
    ['合计', 100, null],
  ],
  merges: [],
  hierarchy: 'numbered',
  total: '100',
  tree: [
    '学习制度规范化 20',
    '  学习计划 10',
    '  学习次数 10',
    '党组织建设规范化 45',
    '  组织生活会 15',
    '  发展党员 15',
    '  党费收缴 10',
    '创先争优规范化 30',
    '  争创活动 30',
  ],
  errors: ['B11', 'A5'],
};
