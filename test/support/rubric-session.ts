import { strict as assert } from 'assert';
import { Analysis, IncrementalSession, documentSymbols, foldingRanges, hover, inlayHints, quotaLenses } from 'rubric-studio-server';
import { createIncrementalSession } from 'rubric-studio-server/out/core/rubric/session/session';
import { createSchemaValidator } from 'rubric-studio-server/out/core/schema/schema-validator';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { core } from './rubric-core';

/**
 * What the tests of a rubric's incremental session compare (test/unit/incremental and
 * test/soak/incremental-equivalence): everything an editor shows from an analysis, sessions that
 * split deeper than the core's, and a deep rubric with a finding of every check of one indicator.
 */

/** Everything an editor shows from an analysis, as plain data to compare. */
export function digest(analysis: Analysis, offsets: number[]): unknown {
  const span = (s: { start: number; end: number } | undefined) => (s ? [s.start, s.end] : null);
  const whole = { start: 0, end: analysis.source.text.length };
  return {
    findings: analysis.findings,
    documents: analysis.documents.map(({ model, allocation, parsed }) => ({
      span: span(parsed.span),
      indicatorsField: model.indicators.field && [span(model.indicators.field.keySpan), span(model.indicators.field.span)],
      indicators: model.allIndicators.map((i) => [
        i.path.join('.'),
        i.key,
        span(i.keySpan),
        span(i.span),
        span(i.weight?.span),
        i.weight?.value?.toString(),
        i.effectiveWeight?.toString(),
        i.itemsSum?.toString(),
        span(i.itemsField?.keySpan),
        i.methods.map((m) => [m.value, span(m.span)]),
        i.scoring?.levels.map((l) => [l.points.value?.toString(), span(l.points.span)]),
      ]),
      tiers: model.tiers.items.map((t) => [t.key, span(t.keySpan), span(t.span)]),
      slots: allocation?.tiers.map((t) => [t.min, t.max]),
    })),
    symbols: documentSymbols(analysis),
    folds: foldingRanges(analysis),
    hints: inlayHints(analysis, whole, 'en'),
    lenses: quotaLenses(analysis, 'en'),
    hovers: offsets.map((o) => hover(analysis, o, 'en', core().schemaDocs)?.markdown ?? null),
  };
}

/**
 * A session that splits blocks of more than `splitAbove` characters into smaller ones, so that
 * rubrics small enough to compare after every edit still go through every level of the split.
 */
export function sessionSplittingAbove(splitAbove: number): Session {
  const validator = createSchemaValidator(loadRubricSchema());
  return createIncrementalSession({ validator, analyzeWhole: (text) => core().analyze(text) }, { splitAbove });
}

/** A session as the core makes it, or one made here (which says how much it parsed and checked again). */
export type Session = IncrementalSession & { readonly lastParsed?: number; readonly lastChecked?: number };

/** `text` with its `nth` (0-based) match of `pattern` replaced. */
function replaceNth(text: string, pattern: RegExp, nth: number, replacement: string): string {
  const match = [...text.matchAll(new RegExp(pattern.source, 'g'))][nth];
  assert.ok(match, `no match ${nth} of ${pattern}`);
  return text.slice(0, match.index) + replacement + text.slice(match.index! + match[0].length);
}

/**
 * A deep generated rubric with a finding of every check of single indicators, in different
 * areas: a leaf weight its group's sum no longer matches (children-sum), a deduction worth more
 * than its leaf (rule-exceeds-weight), a deduction rule id written twice in one leaf
 * (duplicate-id, whose message names the line of the first) and a method that `methods:` does
 * not define (unknown-reference). A session keeps such findings for blocks an edit leaves alone.
 */
export function withIndicatorFindings(text: string): string {
  let edited = replaceNth(text, /weight: \d+\.\d\d\n {12}criteria/, 1, 'weight: 9.99\n            criteria');
  edited = replaceNth(edited, /deduct: 0\.01, per/, 1, 'deduct: 50, per');
  edited = replaceNth(edited, /scoring: \{deduct: 0\.01, per: [^}]*\}/, 2, 'scoring: {deduct: [{id: r, points: 0.01}, {id: r, points: 0.01}]}');
  return replaceNth(edited, /methods: \[review, inspection\]/, 3, 'methods: [review, inspektion]');
}

/** The codes of the findings of the checks of single indicators in an analysis, each once. */
export function indicatorCodes(analysis: Analysis): string[] {
  const codes = analysis.findings.map((f) => f.code).filter((c) => ['children-sum', 'rule-exceeds-weight', 'duplicate-id', 'unknown-reference'].includes(c));
  return [...new Set(codes)].sort();
}
