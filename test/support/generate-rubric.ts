/**
 * Deterministic, realistic rubrics of any size for benchmarks and randomized tests: Chinese
 * names and criteria, groups with items, weights that add up exactly at every level.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same rubric on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  '国土绿化',
  '资源管理',
  '森林防火',
  '有害生物防治',
  '机制建设',
  '乡村振兴',
  '安全生产',
  '疫情防控',
  '帮办代办',
  '集体经济',
  '党组织建设',
  '生态保护',
];
const ACTIONS = ['任务完成率', '台账规范', '巡查到位', '整改销号', '宣传培训', '资金使用', '档案管理', '群众满意度'];
const CRITERIA = ['按时完成年度任务，资料齐全', '发现问题及时整改到位', '每季度开展一次专项检查', '台账规范、数据准确', '群众满意度达到 90% 以上'];

/** Splits `units` into `parts` positive whole numbers, at random but reproducibly. */
function split(units: number, parts: number, next: () => number): number[] {
  const shares = Array.from({ length: parts }, () => 1);
  for (let left = units - parts; left > 0; left--) shares[Math.floor(next() * parts)]++;
  return shares;
}

/** Hundredths as a decimal string: 1234 → "12.34". */
function hundredths(units: number): string {
  const whole = Math.floor(units / 100);
  const rest = units % 100;
  return rest === 0 ? `${whole}` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

export interface GeneratedRubric {
  text: string;
  indicators: number;
}

/**
 * About `indicators` indicators: groups of nine items each (4 lines an item), all weights in
 * hundredths so every sum is exact, 37 subjects and tiers with quotas.
 */
export function generateRubric(indicators: number, seed = 1): GeneratedRubric {
  const next = random(seed);
  const groups = Math.max(1, Math.round(indicators / 10));
  const itemsPerGroup = Math.max(1, Math.round(indicators / groups) - 1);
  // Each group needs at least one hundredth per item.
  const total = Math.max(10000, groups * itemsPerGroup);
  const groupUnits = split(total - groups * (itemsPerGroup - 1), groups, next).map((u) => u + itemsPerGroup - 1);
  const lines: string[] = [
    `rubric: 生成的考评表（${indicators} 项指标）`,
    'issuer: 基准测试',
    `total: ${hundredths(total)}`,
    'subjects: 37',
    'rounding: half-up',
    'methods:',
    '  - {id: review, name: 综合核查}',
    '  - {id: inspection, name: 现地督查}',
    'indicators:',
  ];
  let count = 0;
  for (let g = 0; g < groups; g++) {
    const topic = TOPICS[g % TOPICS.length];
    lines.push(`  - id: g${g}`, `    name: ${topic}（第 ${g + 1} 组）`, `    weight: ${hundredths(groupUnits[g])}`, '    items:');
    count++;
    const itemUnits = split(groupUnits[g], itemsPerGroup, next);
    for (let i = 0; i < itemsPerGroup; i++) {
      const action = ACTIONS[Math.floor(next() * ACTIONS.length)];
      lines.push(
        `      - id: g${g}-i${i}`,
        `        name: ${topic}${action}（${g + 1}.${i + 1}）`,
        `        weight: ${hundredths(itemUnits[i])}`,
        `        criteria: ${CRITERIA[Math.floor(next() * CRITERIA.length)]}`,
      );
      if (i % 3 === 0) lines.push('        methods: [review, inspection]');
      count++;
    }
  }
  lines.push(
    'tiers:',
    '  - {id: excellent, name: 优秀, quota: {max: 30%}, min_score: 85}',
    '  - {id: good, name: 良好, min_score: 70}',
    '  - {id: average, name: 一般, quota: {exactly: 20%}}',
    '',
  );
  return { text: lines.join('\n'), indicators: count };
}
