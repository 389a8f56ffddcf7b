import { Locale } from '../core';

/**
 * The words a workbook itself shows: sheet names, column headings, section headings, the keys of
 * the lines above the table. Chinese by default (the sheets go to offices); English with
 * `--locale en`. The import reads both, and the common variants offices use.
 */
const LEVEL_ZH = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '六级指标', '七级指标', '八级指标'];

export interface SheetWords {
  assessmentSheet: string;
  scoringSheet: string;
  summarySheet: string;
  rankingSheet: string;
  /** Column heading of the indicator level `depth` (0-based) of `levels` levels. */
  level(depth: number, levels: number): string;
  weight: string;
  criteria: string;
  methods: string;
  total: string;
  issuer: string;
  period: string;
  totalPoints: string;
  subjects: string;
  groupsNote: string;
  raters: string;
  methodList: string;
  precision: string;
  rounding: string;
  bonus: string;
  penalties: string;
  capNote(cap: string): string;
  veto: string;
  vetoEffect: string;
  tiers: string;
  minScore: string;
  quota: string;
  slots: string;
  /** `（10 个考核对象，四舍五入）` after the tiers heading. */
  tiersNote(subjects: string, rounding: string): string;
  subject: string;
  group: string;
  viewTotal: string;
  grandTotal: string;
  rank: string;
  tier: string;
  margin: string;
  ties: string;
  pageFooter: string;
  decimals(places: number): string;
  subjectsCount(n: number): string;
  pointsUnit(value: string): string;
  slotsUnit(value: string): string;
  continued: string;
}

const ZH: SheetWords = {
  assessmentSheet: '考评表',
  scoringSheet: '打分表',
  summarySheet: '汇总',
  rankingSheet: '排名',
  level: (depth, levels) => (levels === 1 ? '考核指标' : (LEVEL_ZH[depth] ?? `${depth + 1}级指标`)),
  weight: '分值',
  criteria: '评分标准',
  methods: '考核方式',
  total: '合计',
  issuer: '考核单位',
  period: '考核年度',
  totalPoints: '总分',
  subjects: '考核对象',
  groupsNote: '分序列',
  raters: '评价主体及权重',
  methodList: '考核方式',
  precision: '得分精度',
  rounding: '名额取整',
  bonus: '加分项',
  penalties: '减分项',
  capNote: (cap) => `合计不超过${cap}分`,
  veto: '一票否决事项',
  vetoEffect: '否决结果',
  tiers: '等次',
  minScore: '分数线',
  quota: '比例及名额计算',
  slots: '名额',
  tiersNote: (subjects, rounding) => `${subjects}，${rounding}`,
  subject: '考核对象',
  group: '序列',
  viewTotal: '小计',
  grandTotal: '总分',
  rank: '名次',
  tier: '等次',
  margin: '距上一等次 / 距下一等次',
  ties: '并列',
  pageFooter: '第 &P 页，共 &N 页',
  decimals: (places) => `保留${places}位小数`,
  subjectsCount: (n) => `${n}个考核对象`,
  pointsUnit: (value) => `${value}分`,
  slotsUnit: (value) => `${value}名`,
  continued: '（续）',
};

const EN: SheetWords = {
  assessmentSheet: 'Assessment',
  scoringSheet: 'Scores',
  summarySheet: 'Summary',
  rankingSheet: 'Ranking',
  level: (depth, levels) => (levels === 1 ? 'Indicator' : depth === 0 ? 'Level 1 indicator' : `Level ${depth + 1}`),
  weight: 'Points',
  criteria: 'Scoring criteria',
  methods: 'Assessment method',
  total: 'Total',
  issuer: 'Issuer',
  period: 'Period',
  totalPoints: 'Total points',
  subjects: 'Subjects',
  groupsNote: 'groups',
  raters: 'Raters and weights',
  methodList: 'Methods',
  precision: 'Precision',
  rounding: 'Slots rounded',
  bonus: 'Bonus points',
  penalties: 'Penalties',
  capNote: (cap) => `at most ${cap} in all`,
  veto: 'Veto',
  vetoEffect: 'Effect',
  tiers: 'Tier',
  minScore: 'Minimum score',
  quota: 'Quota and slots',
  slots: 'Slots',
  tiersNote: (subjects, rounding) => `${subjects}, ${rounding}`,
  subject: 'Subject',
  group: 'Group',
  viewTotal: 'Subtotal',
  grandTotal: 'Total',
  rank: 'Rank',
  tier: 'Tier',
  margin: 'To the tier above / below',
  ties: 'Tied',
  pageFooter: 'Page &P of &N',
  decimals: (places) => `${places} decimal${places === 1 ? '' : 's'}`,
  subjectsCount: (n) => `${n} subject${n === 1 ? '' : 's'}`,
  pointsUnit: (value) => `${value} point${value === '1' ? '' : 's'}`,
  slotsUnit: (value) => `${value}`,
  continued: ' (cont.)',
};

export function sheetWords(locale: Locale): SheetWords {
  return locale === 'zh-CN' ? ZH : EN;
}
