import { decimal, exactText, HUNDRED, ZERO } from '../../decimal';
import { LocalizedText, text } from '../../text/locale';
import { boundSpan, tierName } from '../model/tiers';
import { allocate, QUOTA_BOUND_NAMES_ZH, QuotaBound, TierQuotaInput } from '../../quota/allocate';
import { largestRemainderKeeps } from '../../quota/largest-remainder-advice';
import { QuotaRounding, ROUNDING_NAMES_ZH, roundSlots } from '../../quota/rounding';
import { Check, finding } from './check';

/** The sizes looked at when a rubric does not say how many subjects it has. */
export const DEFAULT_QUOTA_RANGE = { from: 5, to: 40 } as const;

const ADVICE_ORDER: readonly QuotaRounding[] = ['min-one', 'floor', 'ceil', 'half-up'];

/**
 * Without `subjects` no size is known, and a rule that breaks at some sizes would go unsaid: tell,
 * as information, at which sizes of the range each rule breaks (and what keeps it at every size).
 */
export const quotaRange: Check<'quota-range'> = {
  code: 'quota-range',
  severity: 'info',
  run({ model, quotaInputs, schemaFindings }) {
    // Subject groups state their sizes (one left unknown is the groups' to report), so only a rubric that says nothing.
    if (model.subjects !== undefined || model.subjectGroups.length > 0 || !model.tiers.field) return [];
    if (!quotaInputs.some((t) => t.exactly || t.min || t.max)) return [];
    // A quota the schema rejects (`30 %`, `130%`) is the schema's to report: sizes worked from it would be a guess.
    const tiers = model.tiers.field.span;
    if (schemaFindings.some((f) => f.span.start >= tiers.start && f.span.end <= tiers.end)) return [];
    // Percentages above 100% break every size, and quota-overflow already says so without N.
    const reserved = quotaInputs.reduce((acc, t) => {
      const bound = t.exactly ?? t.min;
      return bound?.kind === 'percent' ? acc.plus(bound.percent) : acc;
    }, ZERO);
    if (reserved.gt(HUNDRED)) return [];

    const { from, to } = DEFAULT_QUOTA_RANGE;
    const sizes = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const broken = brokenSizes(quotaInputs, sizes, model.rounding);
    const range = `${from}–${to}`;
    const findings = [];
    for (const [rule, at] of broken) {
      const list = text(at.join(', '), at.join('、'));
      if (rule === 'tiers') {
        const cured = largestRemainderKeeps(quotaInputs, sizes, model.rounding);
        const message = text(
          `The quotas break at ${at.length} of the sizes ${range}: ${list.en} (they need more subjects than there are, or place fewer)` +
            (cured ? `; the shares add up to 100%: this is rounding, and "rounding: largest-remainder" keeps every size` : ''),
          `按 ${range} 个考核对象逐一试算，各等次名额在其中 ${at.length} 种人数下无法恰好分配：${list['zh-CN']}` +
            (cured ? '；各比例合计 100%，这是取整造成的，改用 rounding: largest-remainder（最大余数法）可使每种人数都恰好分配' : ''),
        );
        findings.push(finding(quotaRange, model.tiers.field.keySpan, message, { data: cured ? { rounding: 'largest-remainder' } : {} }));
        continue;
      }
      const [tierText, bound] = rule.split('/') as [string, QuotaBound];
      const tier = Number(tierText);
      // min-one first: the advice quota-empty gives; then floor for a cap, ceil for a floor.
      const keeps = ADVICE_ORDER.find((mode) => keepsEverySize(quotaInputs[tier], mode, sizes));
      const name = tierName(model, tier);
      const mode = quotaInputs[tier].rounding ?? model.rounding;
      const amount = quotaInputs[tier][bound];
      const written = amount?.kind === 'percent' ? `${exactText(amount.percent)}%` : `${amount?.count ?? ''}`;
      const advice: LocalizedText = keeps
        ? text(`; "rounding: ${keeps}" keeps it at every size`, `；改用 rounding: ${keeps}（${ROUNDING_NAMES_ZH[keeps]}）可使每种人数都符合`)
        : text('', '');
      findings.push(
        finding(
          quotaRange,
          boundSpan(model, tier, bound),
          text(
            `"${name}" ${bound} ${written}, rounded ${mode}, breaks at ${at.length} of the sizes ${range}: ${list.en}${advice.en}`,
            `“${name}”的${QUOTA_BOUND_NAMES_ZH[bound]} ${written} 按${ROUNDING_NAMES_ZH[mode]}取整，在 ${range} 个考核对象中有 ${at.length} 种人数不符合：${list['zh-CN']}${advice['zh-CN']}`,
          ),
          { data: { tier, bound, keeps } },
        ),
      );
    }
    return findings;
  },
};

/** For each rule that breaks somewhere, the sizes it breaks at: `tier/bound` for one bound, `tiers` for the tiers together. */
function brokenSizes(inputs: readonly TierQuotaInput[], sizes: readonly number[], rounding: Parameters<typeof allocate>[2]): Map<string, number[]> {
  // Dozens of allocations (about 3 ms): a keystroke outside the tiers should not pay them again. The
  // answer depends only on the quotas, the rounding and the sizes, so the last one is kept.
  const key = JSON.stringify([inputs.map((t) => [t.exactly, t.min, t.max, t.rounding]), sizes[0], sizes[sizes.length - 1], rounding]);
  if (lastBroken?.key !== key) lastBroken = { key, broken: workBrokenSizes(inputs, sizes, rounding) };
  return lastBroken.broken;
}

/** The last answer of brokenSizes: a pure function's result, never state anything else reads. */
let lastBroken: { key: string; broken: Map<string, number[]> } | undefined;

function workBrokenSizes(inputs: readonly TierQuotaInput[], sizes: readonly number[], rounding: Parameters<typeof allocate>[2]): Map<string, number[]> {
  const broken = new Map<string, number[]>();
  for (const n of sizes) {
    const rules = new Set<string>();
    for (const problem of allocate(inputs, n, rounding).problems) {
      // Contradictory bounds are quota-conflict's to report.
      if (problem.code === 'quota-conflict') continue;
      rules.add(problem.code === 'quota-empty' || problem.code === 'quota-rounding' ? `${problem.tier}/${problem.bound}` : 'tiers');
    }
    for (const rule of rules) broken.set(rule, [...(broken.get(rule) ?? []), n]);
  }
  return broken;
}

/**
 * Whether the tier with its own `rounding: mode` keeps its bounds at every size. With its own rounding
 * a tier's slots depend on nothing else (under largest-remainder too: it takes its slots first), so
 * each bound is rounded alone, by allocate's rules for quota-empty and quota-rounding: a whole
 * allocation per size and mode would cost a keystroke hundreds of them. (The property suite applies
 * every such advice and checks with allocate itself that the finding goes.)
 */
function keepsEverySize(tier: TierQuotaInput, mode: QuotaRounding, sizes: readonly number[]): boolean {
  const bounds = (tier.exactly ? ['exactly'] : ['min', 'max']) as QuotaBound[];
  return sizes.every((n) => {
    const worked = new Map(
      bounds.flatMap((bound) => {
        const amount = tier[bound];
        if (!amount) return [];
        const raw = amount.kind === 'count' ? decimal(amount.count) : decimal(n).times(amount.percent).div(HUNDRED);
        return [[bound, { amount, raw, slots: amount.kind === 'count' ? amount.count : roundSlots(raw, mode) }] as const];
      }),
    );
    const percent = (bound: QuotaBound) => (worked.get(bound)?.amount.kind === 'percent' ? worked.get(bound) : undefined);
    const empty = (['exactly', 'max'] as const).some((b) => percent(b) && percent(b)!.slots === 0 && percent(b)!.raw.gt(ZERO));
    if (empty) return false;
    const [min, max] = [worked.get('min'), worked.get('max')];
    const contradictory =
      min && max && (min.slots > max.slots || (min.amount.kind === 'percent' && max.amount.kind === 'percent' && min.amount.percent.gt(max.amount.percent)));
    if (contradictory) return true;
    const capBroken = percent('max') && decimal(percent('max')!.slots).gt(percent('max')!.raw);
    const floorBroken = percent('min') && decimal(percent('min')!.slots).lt(percent('min')!.raw);
    return !capBroken && !floorBroken;
  });
}
