import { Document, isMap, isSeq, visit } from 'yaml';
import { Decimal } from '../core';
import type { QuotaAmount } from '../core/quota/allocate';
import {
  DraftDeductRule,
  DraftExtras,
  DraftInput,
  DraftRangedRule,
  DraftIndicator,
  DraftQuota,
  DraftRubric,
  DraftScoring,
  DraftThreshold,
} from './rubric-draft';

/**
 * A draft as a rubric file: keys in the contract's order, the short lists and small maps in flow
 * style as the samples write them (`methods: [review]`, `- {points: 15, when: …}`), numbers exactly
 * as the cells held them. The `yaml` library does the quoting.
 */

/** A decimal as the YAML number it spells; drafts only hold decimals a float represents exactly (see cell-values.ts). */
const num = (value: Decimal): number => Number(value.toFixed());

const amount = (value: QuotaAmount): string | number => (value.kind === 'count' ? value.count : `${value.percent.toFixed()}%`);

const threshold = (value: DraftThreshold): string | number => (value.kind === 'percent' ? `${value.percent.toFixed()}%` : num(value.points));

/** Drops the keys whose value is undefined, so the file says only what the sheet said. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

function rule(r: DraftDeductRule) {
  return compact({ id: r.id, points: num(r.points), per: r.per, max: r.max && num(r.max), when: r.when });
}

function rangedRule(r: DraftRangedRule) {
  return compact({ id: r.id, points: [num(r.min), num(r.max)], per: r.per, max: r.cap && num(r.cap), when: r.when });
}

function input(i: DraftInput) {
  return compact({ id: i.id, name: i.name, unit: i.unit, min: i.min && num(i.min), max: i.max && num(i.max), integer: i.integer });
}

function scoring(s: DraftScoring) {
  const rules = [...s.rules.map(rule), ...(s.ranged ?? []).map(rangedRule)];
  return compact({
    levels: s.levels.length > 0 ? s.levels.map((l) => compact({ points: num(l.points), when: l.when })) : undefined,
    floor: s.floor && num(s.floor),
    deduct: s.deduct ? num(s.deduct) : rules.length > 0 ? rules : undefined,
    per: s.deduct ? s.per : undefined,
    inputs: s.inputs?.length ? s.inputs.map(input) : undefined,
    formula: s.formula,
  });
}

function indicator(i: DraftIndicator): Record<string, unknown> {
  const hasScoring =
    i.scoring &&
    (i.scoring.levels.length > 0 ||
      i.scoring.deduct ||
      i.scoring.rules.length > 0 ||
      i.scoring.floor ||
      i.scoring.ranged?.length ||
      i.scoring.formula !== undefined);
  return compact({
    id: i.id,
    name: i.name,
    weight: i.weight && num(i.weight),
    out_of: i.outOf && num(i.outOf),
    criteria: i.criteria,
    methods: i.methods.length > 0 ? i.methods : undefined,
    scoring: hasScoring ? scoring(i.scoring!) : undefined,
    items: i.items.length > 0 ? i.items.map(indicator) : undefined,
  });
}

function extras(e: DraftExtras | undefined) {
  return (
    e && compact({ cap: e.cap && num(e.cap), items: e.items.map((item) => compact({ id: item.id, name: item.name, points: num(item.points), per: item.per })) })
  );
}

function quota(q: DraftQuota | undefined) {
  if (!q) return undefined;
  const written = compact({ exactly: q.exactly && amount(q.exactly), min: q.min && amount(q.min), max: q.max && amount(q.max), rounding: q.rounding });
  return Object.keys(written).length > 0 ? written : undefined;
}

function subjects(draft: DraftRubric) {
  const s = draft.subjects;
  if (!s) return undefined;
  if (s.kind === 'names') return s.names;
  if (s.kind === 'count') return s.count;
  return { groups: s.groups.map((g) => compact({ id: g.id, name: g.name, members: g.members, count: g.members ? undefined : g.count })) };
}

export function draftToObject(draft: DraftRubric): Record<string, unknown> {
  return compact({
    rubric: draft.title,
    issuer: draft.issuer,
    period: draft.period,
    total: draft.total && num(draft.total),
    precision: draft.precision,
    subjects: subjects(draft),
    rounding: draft.rounding,
    methods: draft.methods.length > 0 ? draft.methods.map((m) => compact({ id: m.id, name: m.name })) : undefined,
    raters: draft.raters.length > 0 ? draft.raters.map((r) => compact({ id: r.id, name: r.name, weight: num(r.weight) })) : undefined,
    indicators: draft.indicators.map(indicator),
    bonus: extras(draft.bonus),
    penalties: extras(draft.penalties),
    veto:
      draft.veto.length > 0
        ? draft.veto.map((v) =>
            compact({
              id: v.id,
              name: v.name,
              tier: v.tier,
              bars: v.bars.length > 0 ? v.bars : undefined,
              when: v.when && { indicator: v.when.indicator, below: threshold(v.when.below) },
            }),
          )
        : undefined,
    tiers:
      draft.tiers.length > 0
        ? draft.tiers.map((t) => compact({ id: t.id, name: t.name, quota: quota(t.quota), min_score: t.minScore && num(t.minScore) }))
        : undefined,
  });
}

/** Keys whose list items are small maps, written one per line in flow style. */
const FLOW_ITEMS = new Set(['methods', 'raters', 'levels', 'deduct', 'inputs', 'items:bonus', 'veto', 'tiers', 'groups']);
/** Keys whose value is a short list of scalars, written on the key's line. */
const FLOW_LISTS = new Set(['methods', 'bars', 'members', 'points']);

/** The draft as the text of a rubric file, `header` as its leading comment lines and `footer` as its closing ones. */
export function draftToYaml(draft: DraftRubric, header: string[], footer: string[] = []): string {
  const doc = new Document(draftToObject(draft));
  visit(doc, {
    Pair(_key, pair, path) {
      const key = String((pair.key as { value?: unknown })?.value ?? '');
      const parent = path[path.length - 2] as { key?: { value?: unknown } } | undefined;
      const context = key === 'items' && ['bonus', 'penalties'].includes(String(parent?.key?.value ?? '')) ? 'items:bonus' : key;
      if (isSeq(pair.value)) {
        if (FLOW_LISTS.has(key) && pair.value.items.every((item) => !isMap(item))) pair.value.flow = true;
        if (FLOW_ITEMS.has(context))
          for (const item of pair.value.items) if (isMap(item) && !isMap((item.items.at(-1) as { value?: unknown })?.value)) item.flow = true;
      }
      if (key === 'quota' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  // Tiers with a quota stay on one line too: `- {id: excellent, name: 优秀, quota: {exactly: 30%}}`.
  visit(doc, {
    Pair(_key, pair) {
      if (String((pair.key as { value?: unknown })?.value) === 'tiers' && isSeq(pair.value))
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      if (String((pair.key as { value?: unknown })?.value) === 'veto' && isSeq(pair.value))
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    },
  });
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return footer.length === 0 ? body : `${body}\n${footer.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')}\n`;
}
