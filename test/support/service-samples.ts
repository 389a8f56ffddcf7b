/**
 * Two small documents for the tests of the services (test/unit/services): a river-chief rubric
 * (乡镇河长制考核) with methods, a group whose weight comes from its items, a veto on an
 * indicator, and tiers with quotas; a rubric with groups, raters, deduction rules, penalties and a
 * barring veto, with a scoresheet under it. Their figures are worked by hand in the tests.
 */

/** 12 subjects; 优秀 exactly 25% (3), 良好 exactly 30% (12 × 30% = 3.6 → 4), 较差 the rest (5). */
export const RIVER_RUBRIC = [
  'rubric: 乡镇河长制考核',
  'subjects: 12',
  'total: 100',
  'methods:',
  '  - {id: review, name: 台账核查}',
  '  - {id: visit, name: 实地暗访}',
  'indicators:',
  '  - id: patrol',
  '    name: 巡河履职',
  '    items:',
  '      - {id: log, name: 巡河记录, weight: 25, methods: [review]}',
  '      - {id: issues, name: 问题整改, weight: 15, methods: [review, visit]}',
  '  - id: water',
  '    name: 水质达标',
  '    weight: 60',
  '    methods: [visit]',
  'veto:',
  '  - {id: pollution, name: 重大水污染事件, when: {indicator: water, below: 60%}, tier: poor}',
  'tiers:',
  '  - {id: excellent, name: 优秀, quota: {exactly: 25%}}',
  '  - {id: good, name: 良好, quota: {exactly: 30%}}',
  '  - {id: poor, name: 较差}',
  '',
].join('\n');

/** Two groups (2 towns by name, 2 departments by count), two rater groups, list deductions, a penalty, a veto barring 优秀. */
export const GROUPED_RUBRIC = [
  'rubric: 河湖长制工作考核',
  'subjects:',
  '  groups:',
  '    - {id: towns, name: 乡镇序列, members: [甲镇, 乙镇]}',
  '    - {id: depts, name: 部门序列, count: 2}',
  'raters:',
  '  - {id: cadres, name: 干部评议, weight: 60}',
  '  - {id: public, name: 群众评议, weight: 40}',
  'indicators:',
  '  - id: river',
  '    name: 河道保洁',
  '    weight: 40',
  '    scoring:',
  '      deduct:',
  '        - {id: litter, points: 0.5, per: 每发现一处垃圾, max: 4}',
  '        - {id: no-record, points: 2, when: 未建立巡河台账}',
  '  - {id: water, name: 水质达标, weight: 60}',
  'penalties:',
  '  cap: 10',
  '  items:',
  '    - {id: complaint, name: 被群众有效投诉, points: 1, per: 次}',
  'veto:',
  '  - {id: discipline, name: 受到党纪政务处分, bars: [excellent]}',
  'tiers:',
  '  - {id: excellent, name: 优秀, quota: {max: 50%}}',
  '  - {id: rest, name: 其他}',
  '',
].join('\n');
