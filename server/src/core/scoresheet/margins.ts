import { Decimal, decimal } from '../decimal';
import { compareContenders, Contender, reservedBelow, tiedWith, TierRule, tierTake } from './assign-tiers';
import { Margin, TiesMode } from './types';

/**
 * Margins of one group: for each subject, the points it lacks to reach a better tier and the
 * points it can lose and keep its tier, everyone else's scores as they are — in O(n log n) for a
 * group of n, so a margin is always there, at 10,000 subjects too.
 *
 * Why that is possible. Fill the tiers as the contract says (assign-tiers.ts) with one subject S
 * moved to some total x. Until S is placed, the others are placed as if S stood below every one
 * of them: a tier's count of takers depends on how many are eligible and how many are left (S
 * counted among both), not on where S stands, and the takers are the best eligible others. So
 * for each tier t, one run of the tiers with S "left over" gives the last subject t takes before
 * S; S is placed in t exactly when, eligible for t, its moved total beats that subject (or ties
 * it, under `ties: share`). S's tier at x is then the first tier whose bar x clears: the bars
 * depend on x only through the tiers S is eligible for (its vetoes' bars, the `min_score`s x
 * reaches), so between two `min_score`s one run serves every x. Each run is a handful of counts
 * over the group in its order (prefix sums per kind of veto bar) and a search by halves for the
 * k-th eligible subject: O(tiers · kinds · (tiers + log n)) per run, a few runs per subject.
 *
 * test/oracle/margins-oracle.ts keeps the former algorithm (every subject's tier tried at every
 * total where it can change, n² log n), and the property tests hold this one equal to it.
 */
export function groupMargins(
  ordered: readonly Contender[],
  rules: readonly TierRule[],
  ties: TiesMode,
  precision: number,
  current: ReadonlyMap<number, number>,
): Map<number, Margin> {
  const margins = new Map<number, Margin>();
  const group = rules.length > 0 ? new GroupOrder(ordered, rules, ties) : undefined;
  // A whole number of steps as the decimal it stands for: 1743 at 2 decimals is 17.43, read exactly.
  const steps = (difference: number): Decimal => decimal(`${difference}e-${precision}`);
  for (const subject of ordered) {
    const tier = current.get(subject.index);
    const position = group?.positionOf.get(subject.index);
    if (!group || tier === undefined || subject.forcedTier !== undefined || position === undefined) {
      margins.set(subject.index, {});
      continue;
    }
    const margin: Margin = {};
    const moved = group.move(subject, position);
    const up = tier > 0 ? group.lowestBetter(moved, tier) : undefined;
    if (up !== undefined) margin.up = steps(up - subject.score);
    const down = tier < rules.length - 1 ? group.highestWorse(moved, tier) : undefined;
    if (down !== undefined) margin.down = steps(subject.score - (down + 1));
    margins.set(subject.index, margin);
  }
  return margins;
}

/** Subjects of the same veto bars (the tiers they may not take), and how many of them stand before each place of the order. */
interface BarKind {
  barred: boolean[];
  /** before[p]: how many subjects of this kind stand at places 0..p−1. */
  before: Int32Array;
}

/** The subject S whose total is moved: where it stands in the pool, and a copy whose total is tried at other values. */
interface Moved {
  subject: Contender;
  position: number;
  /** S with its total set to the one being compared (its tie-break points and file order as they are). */
  trial: Contender;
}

/**
 * A group in rank order as the tiers are filled from it: every subject but those a veto places
 * first (the "pool"), with what the counts need.
 */
class GroupOrder {
  readonly positionOf = new Map<number, number>();
  private readonly pool: Contender[] = [];
  private readonly last: number;
  /** Per tier: the subjects a veto forces into it, and what the tiers below it keep. */
  private readonly forced: number[];
  private readonly reserved: number[];
  /** Per tier: how many of the pool (best first) reach its min_score. */
  private readonly reach: number[];
  /** Per place: the end (exclusive) of the run of equal subjects it belongs to. */
  private readonly tieEnd: Int32Array;
  /** Kinds of veto bars; kind 0 bars nothing. */
  private readonly kinds: BarKind[];
  private readonly kindOf: Int32Array;
  /** The min_scores of the tiers the assignment fills, ascending, once each: where a subject's eligibility can change. */
  private readonly thresholds: number[];
  /** Lent to each run of the tiers: per tier its cut, per kind where its subjects left begin. */
  private readonly cuts: Int32Array;
  private readonly starts: Int32Array;

  constructor(
    ordered: readonly Contender[],
    private readonly rules: readonly TierRule[],
    private readonly ties: TiesMode,
  ) {
    this.last = rules.length - 1;
    this.forced = rules.map(() => 0);
    for (const c of ordered) {
      if (c.forcedTier !== undefined && c.forcedTier <= this.last) this.forced[c.forcedTier]++;
      else {
        this.positionOf.set(c.index, this.pool.length);
        this.pool.push(c);
      }
    }
    const n = this.pool.length;
    this.reserved = rules.map((_, t) => reservedBelow(rules, t, this.forced));
    this.reach = rules.map((rule) => (rule.minScore === undefined ? n : this.countReaching(rule.minScore)));
    this.tieEnd = new Int32Array(n);
    for (let end = n, p = n - 1; p >= 0; p--) {
      if (p + 1 < n && !tiedWith(this.pool[p], this.pool[p + 1], ties)) end = p + 1;
      this.tieEnd[p] = end;
    }
    this.kindOf = new Int32Array(n);
    this.kinds = [{ barred: rules.map(() => false), before: new Int32Array(n + 1) }];
    const kindByKey = new Map<string, number>();
    for (let p = 0; p < n; p++) {
      const bars = this.pool[p].barred;
      if (bars.size === 0) continue;
      const barred = rules.map((_, t) => t < this.last && bars.has(t));
      const key = barred.map(Number).join('');
      let kind = kindByKey.get(key);
      if (kind === undefined) {
        kind = this.kinds.push({ barred, before: new Int32Array(n + 1) }) - 1;
        kindByKey.set(key, kind);
      }
      this.kindOf[p] = kind;
    }
    for (const [k, kind] of this.kinds.entries()) for (let p = 0; p < n; p++) kind.before[p + 1] = kind.before[p] + (this.kindOf[p] === k ? 1 : 0);
    const minScores = rules.slice(0, this.last).flatMap((rule) => (rule.minScore === undefined ? [] : [rule.minScore]));
    this.thresholds = [...new Set(minScores)].sort((a, b) => a - b);
    this.cuts = new Int32Array(rules.length);
    this.starts = new Int32Array(this.kinds.length);
  }

  move(subject: Contender, position: number): Moved {
    return { subject, position, trial: { ...subject } };
  }

  /** The lowest total above its own at which S (now in `tier`) takes a better tier; undefined when none does. */
  lowestBetter(s: Moved, tier: number): number | undefined {
    // Ranges of totals between min_scores, upwards: in each, S is eligible for the same tiers.
    for (let low = s.subject.score + 1; low !== Infinity;) {
      const high = this.thresholds.find((m) => m > low) ?? Infinity;
      const lowest = Math.max(low, this.lowestBar(s, low, tier - 1));
      if (lowest < high) return lowest;
      low = high;
    }
    return undefined;
  }

  /** The highest total below its own at which S (now in `tier`) falls to a worse tier; undefined when none does. */
  highestWorse(s: Moved, tier: number): number | undefined {
    for (let high = s.subject.score; high !== -Infinity;) {
      const low = this.thresholds.reduce((found, m) => (m < high ? m : found), -Infinity);
      // Below the lowest bar of the tiers up to its own, S keeps none of them.
      const highest = Math.min(high, this.lowestBar(s, high - 1, tier)) - 1;
      if (highest !== -Infinity && highest >= low) return highest;
      high = low;
    }
    return undefined;
  }

  /**
   * The lowest total at which S, eligible as at `total` (its vetoes' bars, the min_scores `total`
   * reaches), takes one of the tiers 0..`through`: of each tier, the total at which it takes S if
   * no better tier did (−∞ when it takes S wherever S stands, +∞ when never), the least. The
   * tiers are filled with S left over (see groupMargins).
   */
  private lowestBar(s: Moved, total: number, through: number): number {
    const { cuts, starts, kinds } = this;
    let lowest = Infinity;
    let left = this.pool.length;
    let passed = 0;
    for (let t = 0; t < this.last && t <= through; t++) {
      const rule = this.rules[t];
      const eligible = !s.subject.barred.has(t) && (rule.minScore === undefined || total >= rule.minScore);
      // Where each kind's subjects left begin: past the cut of every earlier tier open to them.
      for (let k = 0; k < kinds.length; k++) {
        let start = 0;
        for (let earlier = 0; earlier < t; earlier++) if (!kinds[k].barred[earlier] && cuts[earlier] > start) start = cuts[earlier];
        starts[k] = start;
      }
      const end = this.reach[t];
      const others = this.eligibleBefore(t, end, s.position);
      const taken = tierTake(rule, others + (eligible ? 1 : 0), Math.max(0, left - this.reserved[t]), this.forced[t], passed);
      passed = taken.passed;
      if (eligible && taken.take > others) return -Infinity;
      const lastTaken = taken.take === 0 ? -1 : this.kth(t, end, s.position, taken.take);
      if (eligible && lastTaken >= 0) lowest = Math.min(lowest, this.lowestBeating(s.trial, this.pool[lastTaken]));
      // Under `share` the tier also takes everyone equal to the last it took.
      const cut = lastTaken < 0 ? 0 : this.ties === 'share' ? this.tieEnd[lastTaken] : lastTaken + 1;
      cuts[t] = cut;
      left -= this.ties === 'share' ? this.eligibleBefore(t, cut, s.position) : taken.take;
    }
    return lowest;
  }

  /** How many others (not S, at `position`) are eligible for tier `t` and stand before place `end`. */
  private eligibleBefore(t: number, end: number, position: number): number {
    let count = 0;
    for (let k = 0; k < this.kinds.length; k++) {
      const kind = this.kinds[k];
      const start = this.starts[k];
      if (kind.barred[t] || end <= start) continue;
      count += kind.before[end] - kind.before[start];
      if (this.kindOf[position] === k && position >= start && position < end) count--;
    }
    return count;
  }

  /** The place of the `k`-th (from 1) other eligible for tier `t`, by halves over the places. */
  private kth(t: number, end: number, position: number, k: number): number {
    let low = 0;
    let high = end - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.eligibleBefore(t, mid + 1, position) >= k) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The lowest total at which S (`trial`) is placed before `other`: its total, or one step more when the order puts S after it at equal totals. */
  private lowestBeating(trial: Contender, other: Contender): number {
    trial.score = other.score;
    const first = compareContenders(trial, other, this.ties) < 0 || (this.ties === 'share' && tiedWith(trial, other, this.ties));
    return first ? other.score : other.score + 1;
  }

  /** How many of the pool reach `minScore` (the pool is best first, so they are a prefix). */
  private countReaching(minScore: number): number {
    let low = 0;
    let high = this.pool.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.pool[mid].score >= minScore) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
