import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  Analysis,
  RubricLookup,
  ScoresheetAnalysis,
  ScoresheetSession,
  scoresheetCompletion,
  scoresheetDefinition,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetLenses,
} from 'rubric-studio-server';
import { core } from './rubric-core';
import { SAMPLES } from './scoresheet';

/**
 * What the tests of a scoresheet's session compare (test/unit/scoresheet-session and
 * test/soak/scoresheet-equivalence): everything the editor, the ranking view and the command
 * line read from an analysis, and where two of them first differ.
 */

/** What the session says about itself beyond the core's interface (see scoresheet/session.ts). */
export type MeasuredSession = ScoresheetSession & { readonly lastParsed: number; readonly lastEvaluated: number; readonly lastTotalled: number };

export const session = (): MeasuredSession => core().createScoresheetSession() as MeasuredSession;

/** Everything the editor, the ranking view and the command line read from an analysis, as plain data to compare. */
function digest(analysis: ScoresheetAnalysis, offsets: number[]): unknown {
  const span = (s: { start: number; end: number } | undefined) => (s ? [s.start, s.end] : null);
  const [document] = analysis.source.documents;
  return {
    findings: analysis.findings,
    document: document && {
      span: span(document.span),
      syntaxErrors: document.syntaxErrors,
      folds: document.tree.folds().sort((x, y) => x.start - y.start || x.end - y.end),
    },
    // The model with every span and figure (decimals as their text).
    model: JSON.parse(JSON.stringify(analysis.model ?? null)) as unknown,
    subjects: analysis.subjects.map((s) => ({
      ...s,
      total: s.total?.toFixed(),
      steps: s.steps.map((step) => ({ ...step, points: step.points.toFixed() })),
      margin: { up: s.margin.up?.toFixed(), down: s.margin.down?.toFixed() },
    })),
    groups: analysis.groups.map((g) => ({ id: g.id, name: g.name, counts: g.counts, order: g.subjects.map((s) => s.index) })),
    hints: scoresheetInlayHints(analysis, 'en'),
    lenses: scoresheetLenses(analysis, 'zh-CN'),
    places: offsets.map((offset) => ({
      offset,
      node: document?.tree.nodeAtOffset(offset).steps.map((s) => s.segment) ?? null,
      hover: scoresheetHover(analysis, offset, 'en')?.markdown ?? null,
      definition: scoresheetDefinition(analysis, offset) ?? null,
    })),
    completion: offsets.map((offset) => scoresheetCompletion(analysis, offset, 'en').map((c) => [c.label, c.insertText, c.replace.start, c.replace.end])),
  };
}

/** Where two digests first differ (a path and both values), so that a failure says what went wrong. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${at || '(top)'}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** The session's analysis equals the whole one, digested at these offsets. */
export function assertSame(fromSession: ScoresheetAnalysis, fresh: ScoresheetAnalysis, offsets: number[], context: string): void {
  const [mine, theirs] = [digest(fromSession, offsets), digest(fresh, offsets)];
  const difference = firstDifference(JSON.parse(JSON.stringify(mine)), JSON.parse(JSON.stringify(theirs)));
  if (difference) assert.fail(`${context}: ${difference}`);
  assert.deepEqual(mine, theirs, context);
}

/** The rubric a lookup answers with: one analysis object per rubric text, as the server keeps it. */
export function lookupOf(rubric: Analysis | undefined): (written: string) => RubricLookup {
  return (written) => (rubric ? { found: true, analysis: rubric, location: written } : { found: false, reason: { en: 'no such file', 'zh-CN': '文件不存在' } });
}

/** A sample file's text. */
export function sample(name: string): string {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}
