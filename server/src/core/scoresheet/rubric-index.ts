import { Decimal } from '../decimal';
import {
  BonusItemModel,
  DeductRuleModel,
  IndicatorModel,
  NamedItem,
  RaterModel,
  RubricModel,
  SubjectGroupModel,
  TierModel,
  VetoModel,
} from '../rubric/model/rubric-model';
import { leafPointValue } from '../rubric/model/measure';
import { DocumentAnalysis } from '../rubric/types';
import { LocalizedText, text } from '../text/locale';
import type { SubjectScoresModel } from './types';

/**
 * The rubric as a scoresheet reads it: every kind of id looked up by key (the first of a
 * duplicated id wins, as the rubric's own duplicate-id finding says), leaves apart from groups,
 * and which group each named subject is ranked in.
 */
export interface RubricIndex {
  document: DocumentAnalysis;
  model: RubricModel;
  indicators: Map<string, IndicatorModel>;
  /** Scored indicators: no items. */
  leaves: IndicatorModel[];
  /** What one point of each leaf counts in the total (out_of scaling, its own `out_of` too); undefined while unknown. */
  factor: Map<IndicatorModel, Decimal | undefined>;
  raters: Map<string, RaterModel>;
  bonus: Map<string, BonusItemModel>;
  penalties: Map<string, BonusItemModel>;
  vetoes: Map<string, VetoModel>;
  tiers: Map<string, number>;
  groups: Map<string, number>;
  /** A named subject → the index of the group listing it (−1 without 分序列). */
  subjects: Map<string, number>;
  /** Each indicator's place in `model.allIndicators`: a sheet's figures are kept in arrays by it. */
  ordinal: Map<IndicatorModel, number>;
  /** By ordinal: the indicator's place in `leaves`, −1 for a group. */
  leafPlace: Int32Array;
  /** An id that names a leaf (the first indicator with that id, as `indicators` has it) → that leaf's place in `leaves`. */
  slotByKey: Map<string, number>;
  /**
   * By place in `leaves`: where its figures are written, the place `slotByKey` gives its id (−1
   * when none: a leaf without an id, or whose id a group took first).
   */
  leafSlot: Int32Array;
}

function byKey<T extends NamedItem>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (item.key !== undefined && !map.has(item.key)) map.set(item.key, item);
  return map;
}

export function isLeaf(indicator: IndicatorModel): boolean {
  return !indicator.items || indicator.items.length === 0;
}

/** A leaf scored by deduction (扣分制) starts from its weight. */
export function isDeductLeaf(indicator: IndicatorModel): boolean {
  const scoring = indicator.scoring;
  return !!scoring && (scoring.deduct !== undefined || scoring.rules.length > 0);
}

export function ruleByKey(indicator: IndicatorModel, key: string): DeductRuleModel | undefined {
  return indicator.scoring?.rules.find((rule) => rule.key === key);
}

export function indexRubric(document: DocumentAnalysis): RubricIndex {
  const { model } = document;
  const leaves = model.allIndicators.filter(isLeaf);
  const subjects = new Map<string, number>();
  if (model.subjectGroups.length > 0) {
    model.subjectGroups.forEach((group: SubjectGroupModel, index) => {
      for (const member of group.members) if (member.key !== undefined && !subjects.has(member.key)) subjects.set(member.key, index);
    });
  } else {
    for (const item of model.subjectItems) if (item.key !== undefined && !subjects.has(item.key)) subjects.set(item.key, -1);
  }
  const tiers = new Map<string, number>();
  model.tiers.items.forEach((tier: TierModel, index) => {
    if (tier.key !== undefined && !tiers.has(tier.key)) tiers.set(tier.key, index);
  });
  const groups = new Map<string, number>();
  model.subjectGroups.forEach((group, index) => {
    if (group.key !== undefined && !groups.has(group.key)) groups.set(group.key, index);
  });
  const indicators = byKey(model.allIndicators);
  const ordinal = new Map(model.allIndicators.map((indicator, i) => [indicator, i]));
  const placeOfLeaf = new Map(leaves.map((leaf, i) => [leaf, i]));
  const leafPlace = Int32Array.from(model.allIndicators, (indicator) => placeOfLeaf.get(indicator) ?? -1);
  const slotByKey = new Map<string, number>();
  for (const [key, indicator] of indicators) {
    const place = placeOfLeaf.get(indicator);
    if (place !== undefined) slotByKey.set(key, place);
  }
  const leafSlot = Int32Array.from(leaves, (leaf) => (leaf.key === undefined ? -1 : (slotByKey.get(leaf.key) ?? -1)));
  return {
    document,
    model,
    indicators,
    ordinal,
    leafPlace,
    slotByKey,
    leafSlot,
    leaves,
    factor: new Map(leaves.map((leaf) => [leaf, leafPointValue(model, leaf)])),
    raters: byKey(model.raters.items),
    bonus: byKey(model.bonus?.items ?? []),
    penalties: byKey(model.penalties?.items ?? []),
    vetoes: byKey(model.veto.items),
    tiers,
    groups,
    subjects,
  };
}

/**
 * How an indicator, rater or item is named in a sentence: by its name (`国土绿化`), by its id
 * only when it has no name. Ids are what the file says; a person reads names.
 */
export function displayName(item: NamedItem | IndicatorModel): string {
  return item.name?.value || item.key || '?';
}

/**
 * A deduction rule in a sentence: its name, else the case it is for (its `when`: 未制定应急预案),
 * its id only when it says neither (a `per` is a unit, 每少1条, not a name).
 */
export function ruleName(rule: DeductRuleModel): string {
  return rule.name?.value || rule.when?.value || rule.key || '?';
}

/**
 * An item where the person must write its id, named first: `火灾防控成效（编号 fire）` /
 * `火灾防控成效 (id fire)`; the id alone when it is the name.
 */
export function nameWithId(item: NamedItem | IndicatorModel): LocalizedText {
  const name = displayName(item);
  if (item.key === undefined || item.key === name) return text(name, name);
  return text(`${name} (id ${item.key})`, `${name}（编号 ${item.key}）`);
}

/** A group of subjects (分序列) by its name, its id when it has none. */
export function groupName(index: RubricIndex, id: string): string {
  const group = index.model.subjectGroups[index.groups.get(id) ?? -1];
  return group ? displayName(group) : id;
}

/** A veto by its name (`发生重大森林火灾`), its id when the rubric has no such veto or it has no name. */
export function vetoName(index: RubricIndex, id: string): string {
  const veto = index.vetoes.get(id);
  return veto ? displayName(veto) : id;
}

/**
 * The group an entry is ranked in: without 分序列 the one group (−1); with it, the group listing
 * the subject as a member, else the counted group its `group:` names; undefined when neither.
 */
export function groupIndex(index: RubricIndex, entry: SubjectScoresModel): number | undefined {
  if (index.model.subjectGroups.length === 0) return -1;
  const name = entry.subject?.value;
  const listed = name === undefined ? undefined : index.subjects.get(name);
  if (listed !== undefined && listed >= 0) return listed;
  const written = entry.group?.value;
  return written === undefined ? undefined : index.groups.get(written);
}
