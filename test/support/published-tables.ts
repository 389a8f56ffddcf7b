import { LayoutFixture } from './table-fixtures';

/**
 * 考评表 published by offices, reproduced cell for cell (names, points, criteria as printed) from
 * the page named in `model`, and the tree a correct reading gives, worked out by hand from the
 * printed figures. Where only part of a table is reproduced, `model` says which part. Built as a
 * workbook and as a Word document by table-fixtures.ts, like the layout fixtures.
 */

/**
 * 《企业档案工作等级评定标准（2010修订）》, 衢州市档案局业务督导处, published 2013-09-16
 * (http://daj.qz.gov.cn/shtml/10363/492691/detail_1.shtml; the same table at
 * https://renrendoc.com/paper/205038057.html): 编号 | 评定项目与评定内容 | 分数 | 评分细则, the
 * levels given by the dotted numbers of 编号 (1 / 1.1 / 1.1.1). Reproduced: items 1.1 机构 and
 * 1.2 人员 of 1 组织管理, whole.
 */
export const ARCHIVES_ROWS: (string | number | null)[][] = [
  ['编号', '评定项目与评定内容', '分数', '评 分 细 则'],
  ['1.1', '机构', 2, null],
  ['1.1.1', '设置了与企业发展相适应的档案管理机构', 1, '1.设置了档案管理机构或部门（0.5分）；2.建立了档案、资料、情报、信息一体化部门（0.5分）。'],
  ['1.1.2', '建立了档案集中统一管理体系', 1, '企业各门类和载体的档案实行集中统一管理（1分）。'],
  ['1.2', '人员', 5, null],
  ['1.2.1', '有明确的企业领导分管档案工作', 1, '有明确分管领导并列入分管领导的岗位职责（1分）。'],
  [
    '1.2.2',
    '配备了与企业档案工作实际相适应的档案人员',
    3,
    '1.档案部门负责人应具有中级以上专业技术职称或大学本科以上学历（1分）；2.档案人员应具备大学专科以上学历或同等学识水平（1分）；3、档案人员定期接受档案业务培训（1分）。',
  ],
  ['1.2.3', '企业内部建立了档案工作人员网络', 1, '在企业内建立健全了档案工作人员网络，各部门均明确了兼职档案员（1分）。'],
];

export const ARCHIVES_FIXTURE: LayoutFixture = {
  name: 'published: 企业档案工作等级评定标准（衢州市档案局, 2010修订）, levels by the dotted numbers of 编号',
  model: '衢州市档案局《企业档案工作等级评定标准（2010修订）》, items 1.1 and 1.2 of 1 组织管理',
  above: ['企业档案工作等级评定标准'],
  rows: ARCHIVES_ROWS,
  merges: [],
  hierarchy: 'numbered-serial',
  // No 合计 row: the total is what the first level adds up to (a warning says so).
  total: '7',
  tree: [
    '机构 2',
    '  设置了与企业发展相适应的档案管理机构 1',
    '  建立了档案集中统一管理体系 1',
    '人员 5',
    '  有明确的企业领导分管档案工作 1',
    '  配备了与企业档案工作实际相适应的档案人员 3',
    '  企业内部建立了档案工作人员网络 1',
  ],
};

/**
 * 温州市鹿城区（wzdkw.gov.cn）2012-07-06, 附件2《2012年度工作绩效考核项目表》: 项目名称及分值 over two
 * columns (the group merged down its items, each name with its points in brackets) | 赋分办法 |
 * 总牵头单位 | 考核责任单位; no points column. Reproduced: (二)“五型”机关创建 and (三)综合评价 whole
 * ((一)重点工作 is printed with its items blank, 1. … 5. ……, left to be filled in).
 */
export const WORK_PERFORMANCE_FIXTURE: LayoutFixture = {
  name: 'published: 2012年度工作绩效考核项目表 (温州), a group merged down its items, the points in brackets in every name',
  model: '2012年度工作绩效考核项目表（附件2, wzdkw.gov.cn 2012-07-06）, (二) and (三)',
  above: ['2012年度工作绩效考核项目表'],
  rows: [
    ['项目名称及分值', null, null, '赋分办法', '总牵头单位', '考核责任单位'],
    ['（二）“五型”机关创建（100分）', '1.责任型和服务型机关创建（30分）', null, '按排名赋分', '县直机关工委', '县委办、县府办、县监察局'],
    [null, '2.学习型机关创建（20分）', null, null, null, '县委宣传部'],
    [null, '3.效率型和廉洁型机关创建（50分）', null, null, null, '县纪委（监察局）、县财政局、县审计局'],
    ['（三）综合评价（400分）', '1.县四套班子领导评价（100分）', '——', '按排名赋分', '县委办、县府办', '县考核办'],
    [null, '2.街道（乡镇）党政主要领导评价（50分）', '——', '按排名赋分', '县委办、县府办', '县考核办'],
    [null, '3.互学互比（50分）', '——', '按实绩赋分', '县委办、县府办', '县考核办'],
    [null, '4.督考综评（100分）', '——', '按实绩赋分', '县考核办', '——'],
    [null, '5.民意调查（100分）', '——', '按实绩赋分', '县发改局（统计局）', '——'],
  ],
  merges: ['A1:C1', 'A2:A4', 'B2:C2', 'B3:C3', 'B4:C4', 'D2:D4', 'E2:E4', 'A5:A9'],
  hierarchy: 'level-columns',
  total: '500',
  tree: [
    '“五型”机关创建 100',
    '  责任型和服务型机关创建 30',
    '  学习型机关创建 20',
    '  效率型和廉洁型机关创建 50',
    '综合评价 400',
    '  县四套班子领导评价 100',
    '  街道（乡镇）党政主要领导评价 50',
    '  互学互比 50',
    '  督考综评 100',
    '  民意调查 100',
  ],
};

export const PUBLISHED_FIXTURES: LayoutFixture[] = [ARCHIVES_FIXTURE, WORK_PERFORMANCE_FIXTURE];
