import { strict as assert } from 'assert';
import { Analysis, codeActions, documentSymbols, foldingRanges, hover, inlayHints, quotaLenses } from 'rubric-studio-server';
import { analyze, core } from './rubric-core';

/** Rubrics built to hurt, and the one call that puts a text through the whole core (test/unit/hostile, test/soak/hostile-resources). */

export const TIERS = 'tiers:\n  - {id: a, name: A, quota: {exactly: 30%}}\n  - {id: b, name: B}\n';

export function withWeights(...weights: string[]): string {
  return `rubric: T\nsubjects: 10\nindicators:\n${weights.map((w, i) => `  - {name: n${i}, weight: ${w}}\n`).join('')}${TIERS}`;
}

/** The whole analysis, the incremental one (twice: first open, then a keystroke) and the services all answer. */
export function everything(text: string): Analysis {
  const analysis = analyze(text);
  const session = core().createSession();
  session.update(text);
  const edited = session.update(`${text}\n# edit\n`);
  for (const a of [analysis, edited]) {
    const length = a.source.text.length;
    for (const f of a.findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= length, `${f.code} ${f.span.start}..${f.span.end}`);
    documentSymbols(a);
    foldingRanges(a);
    inlayHints(a, { start: 0, end: length }, 'en');
    quotaLenses(a, 'zh-CN');
    hover(a, Math.floor(length / 2), 'en', core().schemaDocs);
    codeActions(a, a.findings, 'en');
  }
  return analysis;
}

/** The classic "billion laughs": nine levels of ten aliases each, 10^9 strings if expanded. */
export function billionLaughs(): string {
  let text = 'rubric: T\nlol:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) text += `  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
  return `${text}indicators:\n  - {name: a, weight: 100}\n${TIERS}`;
}
