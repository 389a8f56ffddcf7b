import { Decimal, decimal, exactText, floor, sum, ZERO } from '../decimal';
import { AggregateKind, aggregatesUsed, checkNames, evaluate, Evaluation, Formula, namesUsed } from '../formula';
import { quotient } from '../formula/arithmetic';
import { formulaInputs, isMeasured, parsedFormula, scaleOf } from '../rubric/model/measure';
import { IndicatorModel, InputModel } from '../rubric/model/rubric-model';
import { LocalizedText, text } from '../text/locale';
import { displayName, groupIndex, RubricIndex } from './rubric-index';
import { MeasuredFigure, SubjectScoresModel } from './types';

/**
 * Points from measurements in a scoresheet (contract: "Points from measurements"): each measured
 * leaf's formula worked out for a subject from what it recorded under `measured`, and the group
 * figures `best`, `worst`, `mean` the formulas take over the subjects of the subject's group.
 * Everything a sheet reads of the rubric's formulas is worked out once per rubric index.
 */

/** A measured leaf as a sheet reads it. */
export interface MeasuredLeaf {
  leaf: IndicatorModel;
  /** Its formula, when it parses and names only its own inputs; else the leaf cannot be scored (the rubric says why). */
  formula?: Formula;
  inputs: ReadonlyMap<string, InputModel>;
  /** The inputs the formula uses, alone or in a group figure: each must be recorded for every subject. */
  used: readonly string[];
  aggregates: readonly { aggregate: AggregateKind; input: string }[];
}

export interface MeasureIndex {
  leaves: ReadonlyMap<IndicatorModel, MeasuredLeaf>;
  /** Measured leaves whose formulas take a group figure. */
  aggregated: readonly MeasuredLeaf[];
}

const measureIndexes = new WeakMap<RubricIndex, MeasureIndex>();

/** The rubric's measured leaves, once per index. */
export function measureIndex(index: RubricIndex): MeasureIndex {
  let kept = measureIndexes.get(index);
  if (kept) return kept;
  const leaves = new Map<IndicatorModel, MeasuredLeaf>();
  for (const leaf of index.leaves) {
    if (!isMeasured(leaf)) continue;
    const inputs = new Map<string, InputModel>();
    for (const input of leaf.scoring!.inputs) if (input.key !== undefined && !inputs.has(input.key)) inputs.set(input.key, input);
    const parsed = parsedFormula(leaf.scoring!.formula!)?.formula;
    const formula = parsed && checkNames(parsed, { inputs: formulaInputs(leaf) }).length === 0 ? parsed : undefined;
    leaves.set(leaf, { leaf, formula, inputs, used: formula ? namesUsed(formula) : [], aggregates: formula ? aggregatesUsed(formula) : [] });
  }
  kept = { leaves, aggregated: [...leaves.values()].filter((m) => m.aggregates.length > 0) };
  measureIndexes.set(index, kept);
  return kept;
}

/** A figure recorded for an input, as usable: a number within the input's min/max; else missing (not written, or blank) or unusable. */
export type Recorded = { value: Decimal } | { missing: true; figure?: MeasuredFigure } | { unusable: true; figure: MeasuredFigure };

/** The first figure an entry records for this leaf's input. */
export function recordedFigure(entry: SubjectScoresModel, leaf: IndicatorModel, input: string): MeasuredFigure | undefined {
  return entry.measured.find((m) => m.indicator.value === leaf.key && m.input.value === input);
}

export function recorded(entry: SubjectScoresModel, leaf: IndicatorModel, input: InputModel): Recorded {
  const figure = input.key === undefined ? undefined : recordedFigure(entry, leaf, input.key);
  if (!figure || figure.blank) return { missing: true, figure };
  const value = figure.value.value;
  return value !== undefined && withinInput(input, value) ? { value } : { unusable: true, figure };
}

/** Within the input's `min`/`max` (either may be left out), and a whole number when it is `integer: true`. */
export function withinInput(input: InputModel, value: Decimal): boolean {
  const min = input.min?.value;
  const max = input.max?.value;
  return (min === undefined || value.gte(min)) && (max === undefined || value.lte(max)) && (input.integer?.value !== true || isWhole(value));
}

export function isWhole(value: Decimal): boolean {
  return floor(value).eq(value);
}

/** A group figure (`best(gain)`) for one subject's group: its value, or who keeps it from being known. */
export interface GroupFigure {
  value?: Decimal;
  /** The subjects of the group with no usable figure for the input. */
  lacking: readonly string[];
  /** The subject is in no group: it has no others to be placed among. */
  noGroup?: boolean;
}

/** The group figures one subject's formulas read, and what they come to, as text: facts made from the same text still hold. */
export interface EntryAggregates {
  get(leaf: IndicatorModel, aggregate: AggregateKind, input: string): GroupFigure;
  readonly print: string;
}

/**
 * The group figures of every subject: best / worst / mean of each input a formula aggregates, over
 * the subjects of each group it applies to (the first entry of each subject; not one that lists
 * the indicator as not applicable). A figure is known only when every such subject has a usable
 * value: a missing one would change it. Undefined for every entry when no formula aggregates.
 */
export function groupAggregates(items: readonly SubjectScoresModel[], index: RubricIndex): ((entry: SubjectScoresModel) => EntryAggregates) | undefined {
  const { aggregated } = measureIndex(index);
  if (aggregated.length === 0) return undefined;
  const seen = new Set<string>();
  const groupOf = new Map<SubjectScoresModel, number | undefined>();
  // leaf → group → input → the values and who lacks one.
  const tables = new Map<IndicatorModel, Map<number, Map<string, { values: Decimal[]; lacking: string[] }>>>();
  for (const entry of items) {
    const group = groupIndex(index, entry);
    groupOf.set(entry, group);
    const name = entry.subject?.value;
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    if (group === undefined) continue;
    const inapplicable = inapplicableKeys(entry);
    for (const measured of aggregated) {
      if (appliesNot(index, measured.leaf, inapplicable)) continue;
      let byGroup = tables.get(measured.leaf);
      if (!byGroup) tables.set(measured.leaf, (byGroup = new Map()));
      let byInput = byGroup.get(group);
      if (!byInput) byGroup.set(group, (byInput = new Map()));
      // One value per subject and input, whatever the aggregates that take it (best and worst).
      for (const input of new Set(measured.aggregates.map((a) => a.input))) {
        let column = byInput.get(input);
        if (!column) byInput.set(input, (column = { values: [], lacking: [] }));
        const model = measured.inputs.get(input);
        const got = model ? recorded(entry, measured.leaf, model) : undefined;
        if (got && 'value' in got) column.values.push(got.value);
        else column.lacking.push(name);
      }
    }
  }
  const figure = (leaf: IndicatorModel, group: number | undefined, aggregate: AggregateKind, input: string): GroupFigure => {
    if (group === undefined) return { lacking: [], noGroup: true };
    const column = tables.get(leaf)?.get(group)?.get(input);
    if (!column || column.lacking.length > 0 || column.values.length === 0) return { lacking: column?.lacking ?? [] };
    return { value: aggregateOf(aggregate, column.values), lacking: [] };
  };
  return (entry) => {
    const group = groupOf.has(entry) ? groupOf.get(entry) : groupIndex(index, entry);
    const inapplicable = inapplicableKeys(entry);
    const parts: string[] = [];
    for (const measured of aggregated) {
      if (appliesNot(index, measured.leaf, inapplicable)) continue;
      for (const { aggregate, input } of measured.aggregates) {
        const got = figure(measured.leaf, group, aggregate, input);
        parts.push(got.value !== undefined ? got.value.toString() : `?${got.noGroup ? '' : got.lacking.join('\u0001')}`);
      }
    }
    return { get: (leaf, aggregate, input) => figure(leaf, group, aggregate, input), print: parts.join('\u0000') };
  };
}

function aggregateOf(aggregate: AggregateKind, values: readonly Decimal[]): Decimal {
  switch (aggregate) {
    case 'best':
      return values.reduce((a, b) => (b.gt(a) ? b : a));
    case 'worst':
      return values.reduce((a, b) => (b.lt(a) ? b : a));
    case 'mean':
      // A division keeps 20 places, half-up, as in a formula.
      return quotient(sum(values), decimal(values.length));
  }
}

/** The ids an entry lists under `not_applicable`. */
export function inapplicableKeys(entry: SubjectScoresModel): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const field of entry.notApplicable) if (field.value !== undefined) keys.add(field.value);
  return keys;
}

/** Whether the leaf, or a group above it, is listed as not applicable. */
export function appliesNot(index: RubricIndex, leaf: IndicatorModel, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false;
  let items = index.model.indicators.items;
  for (const step of leaf.path) {
    const indicator = items[step];
    if (!indicator) return false;
    if (indicator.key !== undefined && keys.has(indicator.key) && index.indicators.get(indicator.key) === indicator) return true;
    items = indicator.items ?? [];
  }
  return false;
}

/** What a measured leaf comes to for one subject. */
export interface MeasuredOutcome {
  measured: MeasuredLeaf;
  /** The points it counts on its scale: the formula's result kept to 20 places, limited to floor..scale; undefined while unknown. */
  points?: Decimal;
  /** The formula worked out: its working (`8 / 10 × 30 × 80% = 19.2`), or why it has no value. */
  evaluation?: Evaluation;
  /** Why there are no points, in words, when the formula was not worked out. */
  reason?: LocalizedText;
  /** Inputs the formula uses that the subject has not recorded. */
  missing: InputModel[];
  /** The result was outside floor..scale and is counted at this end of it. */
  limited?: { result: Decimal; to: Decimal };
}

const outcomes = new WeakMap<SubjectScoresModel, { index: RubricIndex; print: string; outcomes: Map<IndicatorModel, MeasuredOutcome> }>();

/**
 * Every measured leaf that applies to the subject, worked out: once per entry, rubric index and
 * group figures (the total and the checks read the same outcome).
 */
export function measuredOutcomes(
  entry: SubjectScoresModel,
  index: RubricIndex,
  aggregates: EntryAggregates | undefined,
): ReadonlyMap<IndicatorModel, MeasuredOutcome> {
  const print = aggregates?.print ?? '';
  const kept = outcomes.get(entry);
  if (kept && kept.index === index && kept.print === print) return kept.outcomes;
  const made = new Map<IndicatorModel, MeasuredOutcome>();
  const { leaves } = measureIndex(index);
  if (leaves.size > 0) {
    const inapplicable = inapplicableKeys(entry);
    for (const measured of leaves.values()) {
      if (appliesNot(index, measured.leaf, inapplicable)) continue;
      made.set(measured.leaf, outcomeOf(entry, index, measured, aggregates));
    }
  }
  outcomes.set(entry, { index, print, outcomes: made });
  return made;
}

function outcomeOf(entry: SubjectScoresModel, index: RubricIndex, measured: MeasuredLeaf, aggregates: EntryAggregates | undefined): MeasuredOutcome {
  const { leaf, formula } = measured;
  const outcome: MeasuredOutcome = { measured, missing: [] };
  if (!formula) {
    outcome.reason = text("the rubric's formula has errors (see the rubric)", '考核细则中的计分公式有误（见考核细则）');
    return outcome;
  }
  const values = new Map<string, Decimal>();
  let unusable = false;
  for (const id of measured.used) {
    const input = measured.inputs.get(id)!;
    const got = recorded(entry, leaf, input);
    if ('value' in got) values.set(id, got.value);
    else if ('missing' in got) outcome.missing.push(input);
    else unusable = true;
  }
  if (outcome.missing.length > 0) {
    const names = outcome.missing.map((i) => inputLabel(i));
    outcome.reason = text(`not recorded: ${names.map((n) => n.en).join(', ')}`, `未记录：${names.map((n) => n['zh-CN']).join('、')}`);
    return outcome;
  }
  if (unusable) {
    outcome.reason = text('a recorded figure is outside its range (see the error)', '所记录的数据超出取值范围（见错误提示）');
    return outcome;
  }
  for (const { aggregate, input } of measured.aggregates) {
    const figure = aggregates?.get(leaf, aggregate, input) ?? { lacking: [], noGroup: true };
    if (figure.value !== undefined) continue;
    const name = inputLabel(measured.inputs.get(input));
    outcome.reason = figure.noGroup
      ? text(`${aggregate}(${input}) needs the subject's group, and it is in none`, `${aggregate}(${input}) 须在所属序列中比较，该考核对象不属于任何序列`)
      : text(
          `${aggregate}(${input}) is not known until every subject of the group has ${name.en} recorded (${shortList(figure.lacking, ', ')} not yet)`,
          `同组考核对象均记录${name['zh-CN']}后才能确定 ${aggregate}(${input})（${shortList(figure.lacking, '、')}尚未记录）`,
        );
    return outcome;
  }
  const scale = scaleOf(leaf);
  const floor = leaf.scoring?.floor ? leaf.scoring.floor.value : ZERO;
  const evaluation = evaluate(formula, {
    weight: scale ?? ZERO,
    value: (input) => values.get(input),
    aggregate: (aggregate, input) => aggregates?.get(leaf, aggregate, input).value,
    inputName: (input) => measured.inputs.get(input)?.name?.value,
    places: index.model.precision,
  });
  outcome.evaluation = evaluation;
  if (evaluation.value === undefined || scale === undefined || floor === undefined) return outcome;
  const result = evaluation.value;
  const points = result.lt(floor) ? floor : result.gt(scale) ? scale : result;
  if (!points.eq(result)) outcome.limited = { result, to: points };
  outcome.points = points;
  return outcome;
}

/** `达标断面个数 (reached)` / `“达标断面个数”`. */
export function inputLabel(input: InputModel | undefined): LocalizedText {
  const name = input?.name?.value;
  const key = input?.key ?? '?';
  return text(name && name !== key ? `${key} (${name})` : key, `“${name ?? key}”`);
}

function shortList(items: readonly string[], separator: string): string {
  return items.length > 5 ? `${items.slice(0, 5).join(separator)}${separator}…` : items.join(separator);
}

/**
 * The working a person reads for a measured leaf: `断面水质达标: 8 / 10 × 30 × 80% = 19.2`, what
 * was limited (`36, counted 30: at most the weight`), or why it has no points.
 */
export function measuredWorking(outcome: MeasuredOutcome, labelled = true): LocalizedText {
  const label = displayName(outcome.measured.leaf);
  const put = (en: string, zh: string) => (labelled ? text(`${label}: ${en}`, `${label}：${zh}`) : text(en, zh));
  if (!outcome.evaluation) {
    const reason = outcome.reason ?? text('not worked out', '无法计算');
    return put(reason.en, reason['zh-CN']);
  }
  const { en, 'zh-CN': zh } = outcome.evaluation.working;
  if (!outcome.limited) return put(en, zh);
  const to = exactText(outcome.limited.to);
  const above = outcome.limited.result.gt(outcome.limited.to);
  return put(
    `${en}, counted as ${to} (${above ? 'at most its points' : 'never below its floor'})`,
    `${zh}，计 ${to} 分（${above ? '不超过本项分值' : '不低于最低得分'}）`,
  );
}
