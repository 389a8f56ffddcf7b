/**
 * Deterministic, realistic rubrics of any size for benchmarks and randomized tests: Chinese
 * names and criteria, groups with items, weights that add up exactly at every level: a wide shape
 * (many top-level groups of ten) and a deep one (a few areas, 3 or 4 levels, long criteria).
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
export function hundredths(units: number): string {
  const whole = Math.floor(units / 100);
  const rest = units % 100;
  return rest === 0 ? `${whole}` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

export interface GeneratedRubric {
  text: string;
  indicators: number;
  /** The deep shape's leaves, in file order (for scoresheets written against it). */
  leaves?: GeneratedLeaf[];
}

/** A leaf as a scoresheet scores it. */
export interface GeneratedLeaf {
  id: string;
  /** Its weight in hundredths. */
  units: number;
  /** How it is scored: points (any from 0 to its weight), levels (0.01 only) or deduction cases. */
  scoring: 'points' | 'levels' | 'deduct';
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

const LONG_CRITERIA = [
  '按时完成县下达的年度任务，造林地块全部落地上图，苗木质量和栽植密度符合技术规程，资料齐全、数据准确',
  '严格落实用途管制和定额管理，督查发现的问题图斑按期整改销号，未按期整改的每处扣 0.5 分，扣完为止',
  '建立健全巡查、报告、处置工作机制，每月至少开展一次专项巡查，巡查记录完整，发现问题及时上报并跟踪整改',
  '宣传培训覆盖全部行政村，群众知晓率达到 90% 以上，每年组织不少于两次集中培训，留存影像和签到资料',
  '资金使用符合管理办法，专款专用，无截留、挤占、挪用；项目档案规范，验收资料齐全，审计发现问题整改到位',
];
const SCORINGS = [
  '{deduct: 1, per: 每发现一处问题, floor: 0}',
  '{levels: [{points: 0.01, when: 未完成}, {points: 0.01, when: 基本完成}]}',
  '{deduct: 0.5, per: 每缺一项资料}',
];

export interface DeepShape {
  /** About how many indicators in all (areas, sub-areas and leaves). */
  indicators: number;
  /** Top-level areas (a real county scheme has 5 to 15). */
  areas: number;
  /** Levels of the tree, the areas included: 3 or 4. */
  levels: number;
}

/**
 * A deep rubric as real county schemes are: a few top-level areas, each with sub-areas (and
 * sub-sub-areas at 4 levels), long 评分标准 on the leaves, sometimes as a folded block scalar, a
 * scoring rule or methods on some leaves. Every indicator states its weight, in hundredths, and
 * every group's items add up to it exactly, at every level, and the areas to `total`.
 */
export function generateDeepRubric(shape: DeepShape, seed = 1): GeneratedRubric {
  const next = random(seed);
  const { areas, levels } = shape;
  // The same fan-out at each level below the areas, so that areas × fanOut^(levels-1) ≈ indicators.
  const fanOut = Math.max(2, Math.round(Math.pow(shape.indicators / areas, 1 / (levels - 1))));
  /** A tree of child counts: a number per group, leaves as 0. */
  interface Node {
    children: Node[];
    leaves: number;
  }
  const grow = (level: number): Node => {
    if (level === levels) return { children: [], leaves: 1 };
    // ±30 % around the fan-out, so sub-areas differ in size as real ones do.
    const count = Math.max(1, Math.round(fanOut * (0.7 + 0.6 * next())));
    const children = Array.from({ length: count }, () => grow(level + 1));
    return { children, leaves: children.reduce((sum, child) => sum + child.leaves, 0) };
  };
  const roots = Array.from({ length: areas }, () => grow(1));
  const leaves = roots.reduce((sum, root) => sum + root.leaves, 0);
  // At least three hundredths per leaf, so the weights vary; 100 points when that is enough.
  const total = Math.max(10000, leaves * 3);
  const lines: string[] = [
    `rubric: 生成的考评表（${areas} 个一级指标，${levels} 级）`,
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
  const generatedLeaves: GeneratedLeaf[] = [];
  /** Gives `units` hundredths to `node`'s leaves: each at least one, split at random. */
  const write = (node: Node, units: number, indent: string, path: number[], topic: string): void => {
    const id = path.map((p) => p + 1).join('-');
    const number = path.map((p) => p + 1).join('.');
    count++;
    lines.push(`${indent}- id: a${id}`);
    if (node.children.length === 0) {
      const action = ACTIONS[Math.floor(next() * ACTIONS.length)];
      lines.push(`${indent}  name: ${topic}${action}（${number}）`, `${indent}  weight: ${hundredths(units)}`);
      const criteria = LONG_CRITERIA[Math.floor(next() * LONG_CRITERIA.length)];
      if (count % 7 === 0) {
        // A long criteria text folded over lines, as people paste them from the scheme.
        lines.push(`${indent}  criteria: >-`, `${indent}    ${criteria.slice(0, 30)}`, `${indent}    ${criteria.slice(30)}`);
      } else {
        lines.push(`${indent}  criteria: ${criteria}`);
      }
      if (count % 3 === 0) lines.push(`${indent}  methods: [review, inspection]`);
      // Scoring rules worth no more than the leaf: the smallest leaf is worth 0.01.
      const scoring = count % 5 === 0 ? SCORINGS[count % SCORINGS.length] : undefined;
      if (scoring) lines.push(`${indent}  scoring: ${scoring.replace(/deduct: [\d.]+/, 'deduct: 0.01')}`);
      generatedLeaves.push({ id: `a${id}`, units, scoring: !scoring ? 'points' : scoring.includes('levels') ? 'levels' : 'deduct' });
      return;
    }
    lines.push(`${indent}  name: ${topic}（${number}）`, `${indent}  weight: ${hundredths(units)}`, `${indent}  items:`);
    // Each child gets at least its leaf count in hundredths; the rest is split at random.
    const extra = split(units - node.leaves + node.children.length, node.children.length, next);
    node.children.forEach((child, index) => write(child, extra[index] - 1 + child.leaves, `${indent}    `, [...path, index], topic));
  };
  const areaUnits = split(total - leaves + areas, areas, next);
  roots.forEach((root, index) => write(root, areaUnits[index] - 1 + root.leaves, '  ', [index], TOPICS[index % TOPICS.length]));
  lines.push(
    'tiers:',
    '  - {id: excellent, name: 优秀, quota: {max: 30%}, min_score: 85}',
    '  - {id: good, name: 良好, min_score: 70}',
    '  - {id: average, name: 一般, quota: {exactly: 20%}}',
    '',
  );
  return { text: lines.join('\n'), indicators: count, leaves: generatedLeaves };
}
