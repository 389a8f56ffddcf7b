import type { DraftIndicator, DraftRubric, DraftScoring } from 'rubric-studio-server/out/spreadsheet/rubric-draft';

/**
 * A draft in the form two equivalent rubrics share: defaults written or not (total 100, precision 2,
 * half-up, floor 0), a group's weight stated or derived from its items, the single deduction form or
 * a one-rule list, references by id or by name (the sheet shows names), numbers as exact strings.
 */
type Decimalish = { toFixed(): string };

const dec = (value: Decimalish | undefined) => value?.toFixed();

function effectiveWeight(indicator: DraftIndicator): string | undefined {
  if (indicator.weight) return indicator.weight.toFixed();
  if (indicator.items.length === 0) return undefined;
  const weights = indicator.items.map(effectiveWeight);
  if (weights.some((w) => w === undefined)) return undefined;
  // Hundredths are exact in these samples; sum as integers to stay exact.
  const scale = 10000;
  return String(weights.reduce((sum, w) => sum + Math.round(Number(w) * scale), 0) / scale);
}

function scoring(s: DraftScoring | undefined) {
  if (!s) return undefined;
  const rules = s.deduct
    ? [{ id: undefined, points: dec(s.deduct), per: s.per, max: undefined, when: undefined }]
    : s.rules.map((r) => ({ id: r.id, points: dec(r.points), per: r.per, max: dec(r.max), when: r.when }));
  const floor = s.floor && !s.floor.eq?.(0) ? dec(s.floor) : undefined;
  // Deductions set within a range and points from measurements (issue 21), with their ids.
  const ranged = (s.ranged ?? []).map((r) => ({ id: r.id, min: dec(r.min), max: dec(r.max), per: r.per, cap: dec(r.cap), when: r.when }));
  const inputs = (s.inputs ?? []).map((i) => ({ id: i.id, name: i.name, unit: i.unit, min: dec(i.min), max: dec(i.max), integer: i.integer }));
  if (s.levels.length === 0 && rules.length === 0 && floor === undefined && ranged.length === 0 && s.formula === undefined) return undefined;
  return { levels: s.levels.map((l) => ({ points: dec(l.points), when: l.when })), rules, floor, ranged, inputs, formula: s.formula };
}

export function comparable(draft: DraftRubric) {
  const methodName = new Map(draft.methods.map((m) => [m.id ?? m.name, m.name]));
  const tierName = new Map(draft.tiers.map((t) => [t.id ?? t.name, t.name]));
  const names = new Map<string, string>();
  const indicator = (i: DraftIndicator): unknown => {
    names.set(i.id ?? i.name, i.name);
    return {
      id: i.id,
      name: i.name,
      weight: effectiveWeight(i),
      outOf: dec(i.outOf),
      methods: i.methods.map((m) => methodName.get(m) ?? m),
      criteria: i.criteria?.trim() || undefined,
      scoring: i.items.length > 0 ? undefined : scoring(i.scoring),
      items: i.items.map(indicator),
    };
  };
  const indicators = draft.indicators.map(indicator);
  const extras = (e: DraftRubric['bonus']) =>
    e && e.items.length > 0
      ? { cap: dec(e.cap), items: e.items.map((item) => ({ id: item.id, name: item.name, points: dec(item.points), per: item.per?.replace(/^每/, '') })) }
      : undefined;
  return JSON.parse(
    JSON.stringify({
      title: draft.title,
      issuer: draft.issuer,
      period: draft.period === undefined ? undefined : String(draft.period),
      total: draft.total && !draft.total.eq(100) ? dec(draft.total) : undefined,
      precision: draft.precision === 2 ? undefined : draft.precision,
      rounding: draft.rounding === 'half-up' ? undefined : draft.rounding,
      subjects: draft.subjects,
      methods: draft.methods.map((m) => m.name),
      raters: draft.raters.map((r) => ({ id: r.id, name: r.name, weight: dec(r.weight) })),
      indicators,
      bonus: extras(draft.bonus),
      penalties: extras(draft.penalties),
      veto: draft.veto.map((v) => ({
        id: v.id,
        name: v.name,
        tier: v.tier && tierName.get(v.tier),
        bars: v.bars.map((b) => tierName.get(b) ?? b),
        when: v.when && {
          indicator: names.get(v.when.indicator) ?? v.when.indicator,
          below: { kind: v.when.below.kind, value: dec(v.when.below.kind === 'percent' ? v.when.below.percent : v.when.below.points) },
        },
      })),
      tiers: draft.tiers.map((t) => ({
        id: t.id,
        name: t.name,
        minScore: dec(t.minScore),
        quota: t.quota && {
          exactly: t.quota.exactly && JSON.stringify(t.quota.exactly),
          min: t.quota.min && JSON.stringify(t.quota.min),
          max: t.quota.max && JSON.stringify(t.quota.max),
          rounding: t.quota.rounding,
        },
      })),
    }),
  );
}
