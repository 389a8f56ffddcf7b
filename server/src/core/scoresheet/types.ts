/**
 * A scoresheet's types (`*.scores.yaml`: scores in, ranks and tiers out), and nothing else: its
 * model as read from the YAML, the analysis the core answers, and the session behind an editor.
 * The pure core computes them; the language server, the command line and the views read them.
 *
 * A scoresheet names its rubric by path: the host resolves and reads that file (confined to the
 * workspace) and hands the core the rubric's own analysis (RubricLookup), so the core never
 * touches the file system. The analysis the core returns also carries, beyond
 * ScoresheetAnalysis, each group's boundary ties and allocation and the indexed rubric (see
 * ScoresheetAnalysisDetail in analyze.ts), which the services read.
 *
 * A session keeps entries' models, not their YAML trees: a model's `…Field`s hold their spans,
 * with no YAML node as `value`. `RankedSubject.margin` and `.steps` are worked out when first read
 * (getters of the class RankedEntry: read them by name; a spread or JSON does not carry them).
 */
import type { Decimal } from '../decimal';
import type { Finding } from '../findings';
import type { LocalizedText } from '../text/locale';
import type { Field, ListField } from '../yaml/field';
import type { ParsedText } from '../yaml/parse';
import type { Span } from '../text/span';
import type { Analysis } from '../rubric/types';

export type TiesMode = 'flag' | 'share' | 'break';

/** A keyed figure as written: `fire: 22` under `points`, `innovation: 3` under `bonus`. */
export interface KeyedFigure {
  key: Field<string>;
  value: Field<Decimal>;
  /** Written with no value yet (`fire:`): not scored, rather than a wrong figure. */
  blank?: boolean;
}

/** Cases under one deduction rule: `{logging: 1}` (single-rule item) or `{river: {litter: 3}}` (a named rule). */
export interface DeductionEntry {
  indicator: Field<string>;
  /** The named rule of a `deduct` list; absent for the single-rule form. */
  rule?: Field<string>;
  cases: Field<Decimal>;
  /** Written with no value yet: no cases. */
  blank?: boolean;
  /** The single-rule form written where the leaf has a list of rules, or a map of rules for a single-rule leaf, is told apart here. */
  form: 'count' | 'rules';
  /** `{fire: [5, 12]}`: one amount per case, for a rule whose points are a range (`points: [5, 15]`). */
  amounts?: Field<Decimal>[];
}

/** One measured input's figure: `measured: {water: {reached: 8}}`. */
export interface MeasuredFigure {
  indicator: Field<string>;
  /** The indicator's map of inputs as written (`{reached: 8, sections: 10}`), for the points shown beside it. */
  indicatorValue?: Span;
  input: Field<string>;
  value: Field<Decimal>;
  /** Written with no value yet (`reached:`): not recorded. */
  blank?: boolean;
}

/** One rater group's view of a subject (`by:`): a total, a points map, or several raters averaged. */
export type RaterView =
  | { rater: Field<string>; kind: 'total'; total: Field<Decimal>; blank?: boolean }
  | { rater: Field<string>; kind: 'points'; points: KeyedFigure[] }
  | { rater: Field<string>; kind: 'raters'; totals: Field<Decimal>[] };

/** One entry of `scores:`. */
export interface SubjectScoresModel {
  span: Span;
  subject?: Field<string>;
  /** 分序列 with a counted group (no member list): the entry says its group. */
  group?: Field<string>;
  points: KeyedFigure[];
  deductions: DeductionEntry[];
  bonus: KeyedFigure[];
  penalties: KeyedFigure[];
  veto: Field<string>[];
  by: RaterView[];
  /** What was measured, by indicator and input (`measured: {water: {reached: 8, sections: 10}}`). */
  measured: MeasuredFigure[];
  /** Indicators that do not apply to this subject (`not_applicable: [forest]`, with the rubric's `not_applicable: rescale`). */
  notApplicable: Field<string>[];
  /** `no_tier: true` (只写评语，不定等次): ranked among the others, no tier, not counted in the N of the quotas. */
  noTier?: Field<boolean>;
  /** A key the format does not have (`pionts:`): the schema says so, and no score is called missing for it. */
  strayKeys?: boolean;
  /** The keys as written (`points:`, `by:` …), for hovers, completion and lenses. */
  pointsField?: Field<unknown>;
  deductionsField?: Field<unknown>;
  bonusField?: Field<unknown>;
  penaltiesField?: Field<unknown>;
  vetoField?: Field<unknown>;
  byField?: Field<unknown>;
  measuredField?: Field<unknown>;
  notApplicableField?: Field<unknown>;
}

export interface ScoresheetModel {
  span: Span;
  /** The rubric's path as written, relative to the scoresheet. */
  rubric?: Field<string>;
  ties: TiesMode;
  tiesField?: Field<TiesMode>;
  tieBreak: ListField<Field<string>>;
  scores: ListField<SubjectScoresModel>;
  /** `previous:`: the last result, as written (relative to this file); its ranks are compared with these. */
  previous?: Field<string>;
  /** `rounds:`: for each indicator scored `{rounds: mean|sum}`, the scoresheets of its rounds, in the order written. */
  rounds: RoundsEntry[];
  roundsField?: Field<unknown>;
}

/** One key of `rounds:`: an indicator's id and the paths of its rounds' scoresheets. */
export interface RoundsEntry {
  indicator: Field<string>;
  paths: Field<string>[];
}

/** What the host found at the `rubric:` path. */
export type RubricLookup =
  | {
      found: true;
      /** The rubric file's analysis (its first rubric document is used). */ analysis: Analysis;
      /** For definitions and messages: the path or URI the host resolved. */ location: string;
    }
  | { found: false; /** Why not (outside the workspace, no such file, not a rubric…), in both languages. */ reason: LocalizedText };

/** What a sheet reads another scoresheet for: a round of an indicator scored `{rounds: …}`, or the previous result. */
export type SheetRole = 'round' | 'previous';

/** What the host found at a scoresheet path that a sheet names (`rounds:`, `previous:`). */
export type SheetLookup =
  | {
      found: true;
      /** That scoresheet's analysis (its own rounds read, its previous result not). */ analysis: ScoresheetAnalysis;
      /** For definitions and messages: the path or URI the host resolved. */ location: string;
    }
  | {
      found: false;
      /** Why not (outside the workspace, no such file, not a scoresheet, too large…), in both languages. */ reason: LocalizedText;
      /** The path leads back to a sheet being read: the chain of paths as written, from this sheet round to it. */ loop?: string[];
    };

/** The host's answer for a path a sheet writes under `rounds:` or `previous:`. */
export type SheetLookupFn = (writtenPath: string, role: SheetRole) => SheetLookup;

/** One round a sheet reads: a path under `rounds:` for one indicator, what the host found there, and the figures read from it. */
export interface RoundColumn {
  /** The indicator's id and name. */
  indicator: string;
  indicatorName: string;
  path: Field<string>;
  /** A short heading: the file's name without `.scores.yaml`. */
  label: string;
  lookup: SheetLookup;
  /** The round's rubric: where it was found and its `total`; undefined when the round or its rubric was not found. */
  rubric?: { location: string; title?: string; total: Decimal | undefined };
  /** Each subject's total as the round reports it (rounded to its precision); undefined where it has none. */
  totals: ReadonlyMap<string, Decimal | undefined>;
  /** Each subject's rank in the round (within its group there); undefined where it has none. */
  ranks: ReadonlyMap<string, number | undefined>;
}

/** One step of how a subject's total was reached, for the hover and the ranking view. */
export interface TotalStep {
  label: LocalizedText;
  /** Points this step adds (negative: takes off); the running total follows. */
  points: Decimal;
  /** The working in words: `12 − 2 × 1 = 10`, `capped at 5`, `Σ 20% × 95 + …`. */
  working?: LocalizedText;
}

/** Points a subject lacks to reach the next tier up, and may lose before dropping, given everyone else's scores. */
export interface Margin {
  /** Undefined at the best tier, or when no score can lift it (barred, forced by a veto). */
  up?: Decimal;
  /** Undefined at the last tier, or when no loss can drop it. */
  down?: Decimal;
}

export interface RankedSubject {
  /** Index of the entry in `scores:` (file order). */
  index: number;
  subject: string;
  /** The 分序列 group id; undefined without groups. */
  group?: string;
  /** Rounded to the rubric's precision; undefined while a figure it needs is unknown. */
  total: Decimal | undefined;
  steps: TotalStep[];
  /** 1, 2, 3, 3, 5 within its group. */
  rank: number | undefined;
  /** Index into the rubric's tiers; undefined without tiers. */
  tier: number | undefined;
  /** Veto ids applied (written or from a `when` threshold). */
  vetoes: string[];
  /** Tied with a subject on the other side of a tier boundary. */
  tiedAtBoundary: boolean;
  margin: Margin;
  /** `no_tier: true`: ranked, given no tier, not counted in the quotas' N. */
  noTier?: boolean;
  /** Its rank in the `previous:` sheet (null: not ranked there); undefined without `previous:`. */
  previousRank?: number | null;
  /** Its total in each round (ScoresheetAnalysis.rounds), as that round reports it; undefined without rounds. */
  roundTotals?: (Decimal | undefined)[];
  /** Its rank in each round, in the same order; undefined where it has none. */
  roundRanks?: (number | undefined)[];
}

/** Per group (one unnamed group without 分序列): how many took each tier, against the quota's slots. */
export interface TierCount {
  tier: number;
  count: number;
  /** The quota's slots for this group's N, as the allocation gives them. */
  min: number | undefined;
  max: number | undefined;
}

export interface GroupRanking {
  /** Undefined without 分序列. */
  id?: string;
  name?: string;
  subjects: RankedSubject[];
  counts: TierCount[];
  /** The N its quotas were worked out for (the subjects placed in a tier); undefined without tiers. */
  placed?: number;
}

export interface ScoresheetAnalysis {
  source: ParsedText;
  model: ScoresheetModel | undefined;
  /** The rubric it was checked against, when found. */
  rubric: RubricLookup | undefined;
  /** Every subject in file order. */
  subjects: RankedSubject[];
  groups: GroupRanking[];
  findings: Finding[];
  /** The rounds the sheet reads (`rounds:`), indicator by indicator in the order written; undefined without rounds. */
  rounds?: RoundColumn[];
  /** What the host found at `previous:`; undefined without it. */
  previous?: SheetLookup;
}

/**
 * The analysis behind an editor's keystrokes in a scoresheet: only the entries an edit touched
 * are parsed again, and a new rubric is applied to the entries kept (see scoresheet/session/).
 */
export interface ScoresheetSession {
  /** The analysis of this version of the text against the rubric `lookup` finds; equal to a whole analysis of it, always. */
  update(text: string, lookup: (writtenPath: string) => RubricLookup, sheets?: SheetLookupFn): ScoresheetAnalysis;
  /** How the last call was answered, for tests and the benchmark. */
  readonly lastPath: 'incremental' | 'whole';
}
