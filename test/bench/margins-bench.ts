import { performance } from 'perf_hooks';
import { assignTiers, compareContenders, Contender, TierRule } from 'rubric-studio-server/out/core/scoresheet/assign-tiers';
import { groupMargins } from 'rubric-studio-server/out/core/scoresheet/margins';
import { TiesMode } from 'rubric-studio-server';
import { random } from '../support/generate-rubric';
import { oracleMargins } from '../oracle/margins-oracle';

/**
 * `node test/out/bench/margins-bench.js [--sizes=100,1000,10000] [--rounds=N] [--oracle=1000]`: margins of one
 * group of N subjects (every subject's points short of the tier above and to spare above the tier
 * below), under three published quota shapes, with vetoes. Prints the median of a few runs in one
 * warm process; `--oracle=N` also times the former algorithm (test/oracle, each try a whole tier
 * assignment) up to N subjects.
 *
 * Shapes (N subjects, totals 55.00–100.00 at 2 decimals, so many equal totals at 10,000):
 * - forest: 优秀 exactly 30%, 良好 no quota, 一般 exactly 20% (林长制考评, 10 townships);
 * - graduates: 优秀 at least 20% reaching 90 points, 合格 no quota, 不合格 at most 5% (大学生村官考核);
 * - capped: 优秀 at most 15% reaching 85, 良好 at most 50%, 一般 the rest.
 * About 1% of subjects are vetoed to the last tier and 2% barred from the best.
 */
const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option('sizes') ?? '100,1000,10000').split(',').map(Number);
const oracleUpTo = Number(option('oracle') ?? 0);
const roundsOption = Number(option('rounds') ?? 0);

const SHAPES: { name: string; rules(n: number): TierRule[] }[] = [
  {
    name: 'forest',
    rules: (n) => [
      { kind: 'exactly', slots: Math.floor(n * 0.3), minScore: undefined },
      { kind: 'open', slots: 0, minScore: undefined },
      { kind: 'exactly', slots: Math.floor(n * 0.2), minScore: undefined },
    ],
  },
  {
    name: 'graduates',
    rules: (n) => [
      { kind: 'min', slots: Math.ceil(n * 0.2), minScore: 9000 },
      { kind: 'open', slots: 0, minScore: undefined },
      { kind: 'max', slots: Math.floor(n * 0.05), minScore: undefined },
    ],
  },
  {
    name: 'capped',
    rules: (n) => [
      { kind: 'max', slots: Math.floor(n * 0.15), minScore: 8500 },
      { kind: 'max', slots: Math.floor(n * 0.5), minScore: undefined },
      { kind: 'open', slots: 0, minScore: undefined },
    ],
  },
];

function group(n: number, seed: number): Contender[] {
  const next = random(seed);
  const none = new Set<number>();
  const barredBest = new Set([0]);
  const contenders = Array.from({ length: n }, (_, index): Contender => {
    // Roughly bell-shaped around 80: the mean of three draws.
    const score = 5500 + Math.round(((next() + next() + next()) / 3) * 4500);
    const veto = next();
    return { index, score, tieBreak: [], forcedTier: veto < 0.01 ? 2 : undefined, barred: veto >= 0.01 && veto < 0.03 ? barredBest : none };
  });
  return contenders.sort((a, b) => compareContenders(a, b, 'flag'));
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * Median wall time and median CPU time (this process, all its threads: the collector's too) of
 * `rounds` runs after one unmeasured run. On a shared machine the wall time includes waiting for
 * a core; the CPU time does not, and is what a quiet machine's wall time would be.
 */
function time(rounds: number, work: () => void): { wall: number; cpu: number } {
  work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const shown = (figure: { wall: number; cpu: number } | undefined) =>
  figure === undefined ? '' : `${figure.wall.toFixed(1).padStart(9)} ${figure.cpu.toFixed(1).padStart(9)}`;

function main(): void {
  const ties: TiesMode = 'flag';
  console.log(
    `margins of one group: median ms, wall and CPU (${oracleUpTo > 0 ? `the former algorithm up to ${oracleUpTo} subjects` : 'current algorithm only'})`,
  );
  console.log(
    `${'shape'.padEnd(10)} ${'subjects'.padStart(8)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)} ${oracleUpTo > 0 ? `${'former'.padStart(9)} ${'CPU'.padStart(9)}` : ''}`,
  );
  for (const shape of SHAPES) {
    for (const n of sizes) {
      const ordered = group(n, 17 + n);
      const rules = shape.rules(n);
      const tiers = assignTiers(ordered, rules, ties).tier;
      // Every margin computed (and read) once per run.
      const rounds = roundsOption || (n >= 10000 ? 5 : 9);
      const current = time(rounds, () => groupMargins(ordered, rules, ties, 2, tiers));
      const former = n <= oracleUpTo ? time(n >= 1000 ? 1 : 3, () => oracleMargins(ordered, rules, ties, 2, tiers)) : undefined;
      const margins = groupMargins(ordered, rules, ties, 2, tiers);
      const present = [...margins.values()].filter((m) => m.up !== undefined || m.down !== undefined).length;
      console.log(
        `${shape.name.padEnd(10)} ${String(n).padStart(8)} ${shown(current)} ${shown(former)}   (${present} of ${n} with a margin; first ${describe(margins.get(ordered[0].index))})`,
      );
    }
  }
}

function describe(margin: { up?: unknown; down?: unknown } | undefined): string {
  return `↑${String(margin?.up ?? '—')} ↓${String(margin?.down ?? '—')}`;
}

main();
