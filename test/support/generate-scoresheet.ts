/**
 * A scoresheet of any size against a deep generated rubric, for the benchmark, the profile and
 * the session's randomized tests: every subject scores every leaf, most as a flow map on one
 * line (`points: {a1-1-1: 0.52, …}`, as the samples write them), every fourth as a block map, with
 * deduction cases on some leaves scored by deduction, a bonus or a penalty now and then, and a
 * few vetoes (one forcing a tier, one barring the best).
 */
import { generateDeepRubric, GeneratedLeaf, hundredths, random } from './generate-rubric';

export interface ScoresheetShape {
  /** About how many leaves the rubric has (a deep rubric: 12 areas, 3 levels). */
  leaves: number;
  subjects: number;
  /** The path the scoresheet's `rubric:` writes. */
  rubricPath?: string;
  seed?: number;
}

export interface GeneratedScoresheet {
  rubric: string;
  sheet: string;
  /** The rubric's leaves. */
  leaves: GeneratedLeaf[];
  subjects: number;
}

/** Before `tiers:`: a bonus (capped), penalties per case, two vetoes. */
const EXTRAS = [
  'bonus:',
  '  cap: 3',
  '  items:',
  '    - {id: innovation, name: 经验做法被省级推广, points: 2}',
  '    - {id: publicity, name: 宣传报道被市级以上媒体采用, points: 0.5, per: 篇}',
  'penalties:',
  '  cap: 5',
  '  items:',
  '    - {id: complaint, name: 被群众有效投诉, points: 1, per: 次}',
  'veto:',
  '  - {id: major-fire, name: 发生重大森林火灾, tier: average}',
  '  - {id: petition, name: 发生越级集体上访, bars: [excellent]}',
];

export function subjectName(index: number): string {
  return `考核单位${String(index + 1).padStart(3, '0')}`;
}

export function generateScoresheet(shape: ScoresheetShape): GeneratedScoresheet {
  const seed = shape.seed ?? 5;
  const generated = generateDeepRubric({ indicators: shape.leaves, areas: 12, levels: 3 }, seed);
  const leaves = generated.leaves ?? [];
  const rubric = generated.text.replace(/^subjects: \d+$/m, `subjects: ${shape.subjects}`).replace(/^tiers:$/m, `${EXTRAS.join('\n')}\ntiers:`);
  const next = random(seed + 7);
  const lines = [
    `# 生成的评分表：${shape.subjects} 个考核对象 × ${leaves.length} 项末级指标`,
    `rubric: ${shape.rubricPath ?? 'generated.rubric.yaml'}`,
    'ties: flag',
    'scores:',
  ];
  for (let s = 0; s < shape.subjects; s++) {
    // How well this subject did: 55 % to 100 % of each leaf, give or take.
    const quality = 0.55 + 0.45 * next();
    const figures: string[] = [];
    const cases: string[] = [];
    for (const leaf of leaves) {
      if (leaf.scoring === 'deduct') {
        // Scored by deduction: the weight, less 0.01 a case (never below 0).
        if (next() < 0.3) cases.push(`${leaf.id}: ${Math.min(leaf.units, 1 + Math.floor(next() * 3))}`);
        continue;
      }
      if (leaf.scoring === 'levels') {
        figures.push(`${leaf.id}: 0.01`);
        continue;
      }
      const share = Math.min(1, Math.max(0, quality + 0.1 * (next() - 0.5)));
      figures.push(`${leaf.id}: ${hundredths(Math.round(leaf.units * share))}`);
    }
    lines.push(`  - subject: ${subjectName(s)}`);
    if (s % 4 === 3) lines.push('    points:', ...figures.map((f) => `      ${f}`));
    else lines.push(`    points: {${figures.join(', ')}}`);
    if (cases.length > 0) lines.push(`    deductions: {${cases.join(', ')}}`);
    const roll = next();
    if (roll < 0.08) lines.push(`    bonus: {innovation: 2, publicity: ${1 + Math.floor(next() * 3)}}`);
    else if (roll < 0.12) lines.push(`    penalties: {complaint: ${1 + Math.floor(next() * 2)}}`);
    if (s % 97 === 40) lines.push('    veto: [major-fire]');
    else if (s % 131 === 65) lines.push('    veto: [petition]');
  }
  lines.push('');
  return { rubric, sheet: lines.join('\n'), leaves, subjects: shape.subjects };
}
