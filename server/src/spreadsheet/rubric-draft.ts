import { parseDocument } from 'yaml';
import { Decimal, DocumentAnalysis, IndicatorModel, NamedItem, RoundingMode, YamlDocument } from '../core';
import type { QuotaAmount } from '../core/quota/allocate';
import type { QuotaRounding } from '../core/quota/rounding';

/**
 * A rubric as plain values with exact decimals: what the 考评表 shows and what an imported 考评表
 * becomes. Export builds it from the core's model (numbers) and the document's own text (the free
 * text the model does not keep: criteria, issuer, period); import builds it from cells and writes
 * it as YAML. References (methods, tiers, indicators) are keys: the id, or the name without one.
 */
export interface DraftIndicator {
  /** Written only when it differs from the name. */
  id?: string;
  name: string;
  /** Absent on a group whose weight is its items' sum. */
  weight?: Decimal;
  outOf?: Decimal;
  /** Method keys. */
  methods: string[];
  criteria?: string;
  scoring?: DraftScoring;
  items: DraftIndicator[];
}

export interface DraftScoring {
  levels: { points: Decimal; when?: string }[];
  /** The single-rule form: `deduct: 2, per: 每发现一处`. */
  deduct?: Decimal;
  per?: string;
  rules: DraftDeductRule[];
  floor?: Decimal;
  /** Deductions whose amount the scorer sets within a range (`points: [5, 15]`), each with its id. */
  ranged?: DraftRangedRule[];
  /** Points from measurements: what is recorded per subject, and the formula as written. */
  inputs?: DraftInput[];
  formula?: string;
}

/** A deduction set within a range: once (`when`) or per case (`per`, capped by `max`). */
export interface DraftRangedRule {
  id: string;
  min: Decimal;
  max: Decimal;
  per?: string;
  cap?: Decimal;
  when?: string;
}

/** One measured input: `{id: reached, name: 达标断面个数, unit: 个, min: 0}`. */
export interface DraftInput {
  id: string;
  name?: string;
  unit?: string;
  min?: Decimal;
  max?: Decimal;
  /** `integer: true`: a count or a yes/no, a whole number. */
  integer?: boolean;
}

export interface DraftDeductRule {
  id?: string;
  points: Decimal;
  per?: string;
  max?: Decimal;
  when?: string;
}

export interface DraftExtraItem {
  id?: string;
  name: string;
  points: Decimal;
  per?: string;
}

export interface DraftExtras {
  cap?: Decimal;
  items: DraftExtraItem[];
}

export type DraftThreshold = { kind: 'percent'; percent: Decimal } | { kind: 'points'; points: Decimal };

export interface DraftVeto {
  id?: string;
  name: string;
  /** Tier key it forces. */
  tier?: string;
  /** Tier keys it bars. */
  bars: string[];
  when?: { indicator: string; below: DraftThreshold };
}

export interface DraftQuota {
  exactly?: QuotaAmount;
  min?: QuotaAmount;
  max?: QuotaAmount;
  rounding?: QuotaRounding;
}

export interface DraftTier {
  id?: string;
  name: string;
  quota?: DraftQuota;
  minScore?: Decimal;
}

export interface DraftSubjectGroup {
  id?: string;
  name: string;
  members?: string[];
  count?: number;
}

export type DraftSubjects = { kind: 'names'; names: string[] } | { kind: 'count'; count: number } | { kind: 'groups'; groups: DraftSubjectGroup[] };

export interface DraftRubric {
  title: string;
  issuer?: string;
  period?: string | number;
  /** Absent: the default 100. */
  total?: Decimal;
  /** Absent: the default 2. */
  precision?: number;
  /** Absent: the default half-up. */
  rounding?: RoundingMode;
  subjects?: DraftSubjects;
  methods: { id?: string; name: string }[];
  raters: { id?: string; name: string; weight: Decimal }[];
  indicators: DraftIndicator[];
  bonus?: DraftExtras;
  penalties?: DraftExtras;
  veto: DraftVeto[];
  tiers: DraftTier[];
  /** Words of an imported table that belong to no indicator (a closing 说明 or 备注 row): kept as comments. */
  notes?: DraftNote[];
}

export interface DraftNote {
  text: string;
  /** The cell it was read from. */
  address: string;
}

/** The key an item is referred to by: its id, else its name. */
export function keyOf(item: { id?: string; name: string }): string {
  return item.id ?? item.name;
}

type Plain = Record<string, unknown>;

const asPlain = (value: unknown): Plain => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Plain) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const nonEmptyString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/** The id when written and different from the name (an id equal to the name says nothing more). */
function ownId(item: NamedItem): string | undefined {
  const id = item.id?.value;
  return id !== undefined && id !== item.name?.value ? id : undefined;
}

function nameOf(item: NamedItem, fallback: string): string {
  return item.name?.value ?? item.id?.value ?? fallback;
}

/**
 * The draft of one analysed rubric document. `text` is the whole file the analysis was made from:
 * the document's own slice is parsed again for the free text the model leaves out.
 */
export function draftOf(text: string, document: DocumentAnalysis): DraftRubric {
  const model = document.model;
  // The core's whole analysis keeps the parsed YAML; an incremental one does not, and its slice is parsed again.
  const parsed = (document.parsed as Partial<YamlDocument>).doc ?? parseDocument(text.slice(document.parsed.span.start, document.parsed.span.end));
  const plain = asPlain(parsed.toJS({ maxAliasCount: 1000 }));

  const indicator = (ind: IndicatorModel, source: Plain): DraftIndicator => {
    const plainItems = asList(source.items);
    const scoringSource = asPlain(source.scoring);
    const scoring = ind.scoring;
    return {
      id: ind.id?.value !== undefined && ind.id.value !== ind.name?.value ? ind.id.value : undefined,
      name: ind.name?.value ?? ind.key ?? '',
      weight: ind.weight?.value,
      outOf: ind.outOf?.value,
      methods: ind.methods.flatMap((m) => (m.value !== undefined ? [m.value] : [])),
      criteria: nonEmptyString(source.criteria),
      scoring: scoring && {
        levels: scoring.levels.map((level) => ({ points: level.points.value!, when: level.when?.value })),
        deduct: scoring.deduct?.value,
        per: scoring.deduct ? nonEmptyString(scoringSource.per) : undefined,
        rules: scoring.deduct
          ? []
          : scoring.rules.flatMap((rule) =>
              rule.points?.value !== undefined
                ? [{ id: rule.id?.value, points: rule.points.value, per: rule.per?.value, max: rule.max?.value, when: rule.when?.value }]
                : [],
            ),
        floor: scoring.floor?.value,
        ranged: nonEmpty(
          scoring.rules.flatMap((rule) => {
            const range = rule.range?.value;
            return range && rule.key !== undefined
              ? [{ id: rule.key, min: range.min, max: range.max, per: rule.per?.value, cap: rule.max?.value, when: rule.when?.value }]
              : [];
          }),
        ),
        inputs: nonEmpty(
          scoring.inputs.flatMap((input) =>
            input.key === undefined
              ? []
              : [
                  {
                    id: input.key,
                    name: input.name?.value,
                    unit: input.unit?.value,
                    min: input.min?.value,
                    max: input.max?.value,
                    integer: input.integer?.value === true ? true : undefined,
                  },
                ],
          ),
        ),
        formula: ind.items?.length ? undefined : scoring.formula?.value,
      },
      items: (ind.items ?? []).map((item, index) => indicator(item, asPlain(plainItems[index]))),
    };
  };

  const extras = (extra: typeof model.bonus): DraftExtras | undefined =>
    extra && {
      cap: extra.cap?.value,
      items: extra.items.flatMap((item) =>
        item.points?.value !== undefined ? [{ id: ownId(item), name: nameOf(item, ''), points: item.points.value, per: item.per?.value }] : [],
      ),
    };

  const subjects = (): DraftSubjects | undefined => {
    if (model.subjectGroups.length > 0) {
      const groups = asList(asPlain(plain.subjects).groups).map(asPlain);
      return {
        kind: 'groups',
        groups: model.subjectGroups.map((group, index) => ({
          id: ownId(group),
          name: nameOf(group, `${index + 1}`),
          members: Array.isArray(groups[index]?.members) ? group.members.map((m) => m.key ?? '') : undefined,
          count: Array.isArray(groups[index]?.members) ? undefined : group.size,
        })),
      };
    }
    if (Array.isArray(plain.subjects)) return { kind: 'names', names: model.subjectItems.map((s) => s.key ?? '') };
    return model.subjects !== undefined ? { kind: 'count', count: model.subjects } : undefined;
  };

  const period = plain.period;
  const plainIndicators = asList(plain.indicators);
  return {
    title: model.title?.value ?? '',
    issuer: nonEmptyString(plain.issuer),
    period: typeof period === 'number' || (typeof period === 'string' && period.trim() !== '') ? period : undefined,
    total: model.totalField?.value,
    precision: model.precisionField?.value,
    rounding: model.roundingField?.value,
    subjects: subjects(),
    methods: model.methods.items.map((m, i) => ({ id: ownId(m), name: nameOf(m, `${i + 1}`) })),
    raters: model.raters.items.flatMap((r, i) =>
      r.weight?.value !== undefined ? [{ id: ownId(r), name: nameOf(r, `${i + 1}`), weight: r.weight.value }] : [],
    ),
    indicators: model.indicators.items.map((ind, index) => indicator(ind, asPlain(plainIndicators[index]))),
    bonus: extras(model.bonus),
    penalties: extras(model.penalties),
    veto: model.veto.items.map((v, i) => ({
      id: ownId(v),
      name: nameOf(v, `${i + 1}`),
      tier: v.tier?.value,
      bars: v.bars.flatMap((b) => (b.value !== undefined ? [b.value] : [])),
      when:
        v.when?.indicator?.value !== undefined && v.when.below?.value !== undefined
          ? { indicator: v.when.indicator.value, below: v.when.below.value }
          : undefined,
    })),
    tiers: model.tiers.items.map((tier, i) => {
      const bounds = tier.quota?.bounds;
      const quota: DraftQuota | undefined = tier.quota && {
        exactly: bounds?.exactly?.value,
        min: bounds?.min?.value,
        max: bounds?.max?.value,
        rounding: tier.quota.rounding?.value,
      };
      return { id: ownId(tier), name: nameOf(tier, `${i + 1}`), quota, minScore: tier.minScore?.value };
    }),
  };
}

/** Every indicator of a draft, depth first, with its path of indices. */
export function* walkDraft(indicators: DraftIndicator[], path: number[] = []): Generator<{ indicator: DraftIndicator; path: number[] }> {
  for (const [index, indicator] of indicators.entries()) {
    yield { indicator, path: [...path, index] };
    yield* walkDraft(indicator.items, [...path, index]);
  }
}
