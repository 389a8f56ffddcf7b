import Big from 'big.js';
import { Decimal, exactText, sum, ZERO } from '../../decimal';
import { IndicatorModel, RoundsMode } from '../../rubric/model/rubric-model';
import { LocalizedText, text } from '../../text/locale';
import { isLeaf, RubricIndex } from '../rubric-index';
import { RoundColumn, ScoresheetModel, SheetLookup, SheetLookupFn } from '../types';

/**
 * The rounds a sheet reads (`rounds: {quarters: [q1.scores.yaml, …]}`) and what they give each
 * subject: for a leaf scored `{rounds: mean|sum}`, each round's total for the subject as that
 * round reports it (rounded to its precision), scaled by the leaf's weight over that round's
 * rubric total, then their mean (or sum), kept within 0..weight. A round the host did not find,
 * or that has no total for the subject, leaves the leaf's points unknown, never guessed.
 */
export interface SheetRounds {
  /** Every round read, indicator by indicator in the order written. */
  columns: RoundColumn[];
  /** The leaves the rubric scores from rounds. */
  leaves: IndicatorModel[];
  /** Each such leaf's rounds, in the order written; absent when `rounds:` names none for it. */
  byLeaf: Map<IndicatorModel, RoundColumn[]>;
  /** What the rounds give one subject (by name). */
  forSubject(name: string | undefined): SubjectRounds;
}

/** What the rounds give one subject: its round leaves' points, read by the sheet's total before any figure written for them. */
export interface SubjectRounds {
  /** A round leaf's points (undefined while unknown); undefined for a leaf not scored from rounds. */
  pointsOf(leaf: IndicatorModel): { points: Decimal | undefined } | undefined;
  /** Each round's total and the mean (or sum), in words, for the hover. */
  working(leaf: IndicatorModel): LocalizedText | undefined;
  /** Those points and workings in one string: an entry's total made with the same key still holds. */
  key: string;
}

export function isRoundsLeaf(indicator: IndicatorModel): boolean {
  return isLeaf(indicator) && indicator.scoring?.rounds !== undefined;
}

/** `q1` for `reports/q1.scores.yaml`. */
export function roundLabel(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.scores\.ya?ml$/i, '') || path;
}

const NOT_READ = text('rounds are not read here', '此处不读取轮次评分表');

/**
 * The rounds of a sheet under its rubric, each path asked of the host once. Undefined when
 * neither the rubric scores a leaf from rounds nor the sheet names any (nothing to do).
 */
export function readRounds(model: ScoresheetModel, index: RubricIndex, lookup: SheetLookupFn | undefined): SheetRounds | undefined {
  const leaves = index.leaves.filter(isRoundsLeaf);
  if (leaves.length === 0 && model.rounds.length === 0) return undefined;
  const asked = new Map<string, SheetLookup>();
  const ask = (path: string): SheetLookup => {
    let found = asked.get(path);
    if (!found) asked.set(path, (found = lookup ? lookup(path, 'round') : { found: false, reason: NOT_READ }));
    return found;
  };
  const columns: RoundColumn[] = [];
  const byLeaf = new Map<IndicatorModel, RoundColumn[]>();
  for (const entry of model.rounds) {
    const key = entry.indicator.value;
    const indicator = key === undefined ? undefined : index.indicators.get(key);
    for (const path of entry.paths) {
      if (path.value === undefined) continue;
      const column = roundColumn(key ?? '', indicator, path as RoundColumn['path'], ask(path.value));
      columns.push(column);
      // A key naming no leaf scored from rounds reads its rounds for nothing (unknown-indicator says so).
      if (indicator && isRoundsLeaf(indicator)) {
        const list = byLeaf.get(indicator);
        if (list) list.push(column);
        else byLeaf.set(indicator, [column]);
      }
    }
  }
  return { columns, leaves, byLeaf, forSubject: (name) => subjectRounds(leaves, byLeaf, name) };
}

function roundColumn(key: string, indicator: IndicatorModel | undefined, path: RoundColumn['path'], lookup: SheetLookup): RoundColumn {
  const column: RoundColumn = {
    indicator: key,
    indicatorName: indicator?.name?.value ?? key,
    path,
    label: roundLabel(path.value!),
    lookup,
    totals: new Map(),
    ranks: new Map(),
  };
  if (!lookup.found) return column;
  const round = lookup.analysis;
  const totals = new Map<string, Decimal | undefined>();
  const ranks = new Map<string, number | undefined>();
  // The first entry of a subject is the one ranked there (a later one is a duplicate).
  for (const subject of round.subjects) {
    if (totals.has(subject.subject)) continue;
    totals.set(subject.subject, subject.total);
    ranks.set(subject.subject, subject.rank);
  }
  column.totals = totals;
  column.ranks = ranks;
  if (round.rubric?.found) {
    const document = round.rubric.analysis.documents[0];
    column.rubric = { location: round.rubric.location, title: document?.model.title?.value, total: document?.model.total };
  }
  return column;
}

type RoundLeaf = { points: Decimal | undefined; working?: LocalizedText };

function subjectRounds(leaves: readonly IndicatorModel[], byLeaf: Map<IndicatorModel, RoundColumn[]>, name: string | undefined): SubjectRounds {
  const outcomes = new Map<IndicatorModel, RoundLeaf>();
  const keyParts: string[] = [];
  for (const leaf of leaves) {
    const outcome: RoundLeaf = name === undefined ? { points: undefined } : leafPoints(leaf, byLeaf.get(leaf) ?? [], name);
    outcomes.set(leaf, outcome);
    keyParts.push(`${leaf.key}=${outcome.points?.toString() ?? '?'}|${outcome.working?.en ?? ''}`);
  }
  return { pointsOf: (leaf) => outcomes.get(leaf), working: (leaf) => outcomes.get(leaf)?.working, key: keyParts.join(';') };
}

/** A round's total for the subject, scaled to the leaf's weight; undefined while either is unknown. */
function scaledTotal(column: RoundColumn, weight: Decimal, name: string): Decimal | undefined {
  const total = column.totals.get(name);
  const outOf = column.rubric?.total;
  if (total === undefined || outOf === undefined || outOf.eq(0)) return undefined;
  return total.times(weight).div(outOf);
}

/** The leaf's points for one subject and the working: `q1 94.5 · q2 95.25; mean 94.875 × 95 / 100 = 90.13125`. */
function leafPoints(leaf: IndicatorModel, rounds: readonly RoundColumn[], name: string): { points: Decimal | undefined; working: LocalizedText } {
  const mode: RoundsMode = leaf.scoring!.rounds!.value ?? 'mean';
  const weight = leaf.effectiveWeight;
  if (rounds.length === 0) {
    return { points: undefined, working: text('rounds: names no scoresheet for it', 'rounds: 中未列出其评分表') };
  }
  const listed = rounds.map((c) => `${c.label} ${c.totals.get(name) === undefined ? '?' : exactText(c.totals.get(name)!)}`).join(' · ');
  const scaled = weight === undefined ? [] : rounds.map((c) => scaledTotal(c, weight, name));
  if (weight === undefined || scaled.some((s) => s === undefined)) {
    return { points: undefined, working: text(`${listed}: not known yet`, `${listed}：尚不确定`) };
  }
  const added = sum(scaled as Decimal[]);
  const raw = mode === 'mean' ? added.div(rounds.length) : added;
  const points = raw.gt(weight) ? weight : raw.lt(0) ? ZERO : raw;
  const outOfs = new Set(rounds.map((c) => c.rubric!.total!.toString()));
  let en: string;
  let zh: string;
  if (outOfs.size === 1) {
    // One rubric total for every round: the rounds' mean (sum), then the scaling, as a person works it.
    const outOf = rounds[0].rubric!.total!;
    const totals = rounds.map((c) => c.totals.get(name)!);
    const combined = mode === 'mean' ? sum(totals).div(rounds.length) : sum(totals);
    const scaling = weight.eq(outOf) ? '' : ` × ${exactText(weight)} / ${exactText(outOf)}`;
    const result = `${shown(combined)}${scaling}${scaling ? ` = ${shown(raw)}` : ''}`;
    en = `${listed}; ${mode === 'mean' ? 'mean' : 'sum'} ${result}`;
    zh = `${listed}；${mode === 'mean' ? '平均' : '合计'} ${result}`;
  } else {
    const terms = (scaled as Decimal[]).map(shown).join(' + ');
    const result = mode === 'mean' ? `(${terms}) / ${rounds.length} = ${shown(raw)}` : `${terms} = ${shown(raw)}`;
    en = `${listed}; each scaled to ${exactText(weight)} points: ${result}`;
    zh = `${listed}；各轮折算为 ${exactText(weight)} 分制：${result}`;
  }
  if (!points.eq(raw)) {
    en += `, kept within 0–${exactText(weight)}`;
    zh += `，以 0–${exactText(weight)} 分为限`;
  }
  return { points, working: text(en, zh) };
}

/** Exact when short; a long (or endless) decimal to six places with an ellipsis. */
function shown(value: Decimal): string {
  const rounded = value.round(6, Big.roundHalfUp as 1);
  return rounded.eq(value) ? exactText(value) : `${exactText(rounded)}…`;
}
