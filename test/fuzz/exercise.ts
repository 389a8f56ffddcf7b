import { strict as assert } from 'assert';
import {
  Analysis,
  codeActions,
  complete,
  definition,
  documentSymbols,
  findingsAt,
  foldingRanges,
  hover,
  IncrementalSession,
  inlayHints,
  quotaLenses,
  references,
  rename,
  renameTarget,
  RubricCore,
  simulate,
  summarize,
} from 'rubric-studio-server';

/** A span inside the text, start before end: what every range the core hands out must be. */
function assertSpan(span: { start: number; end: number }, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span ${JSON.stringify(span)} is not whole`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: span ${span.start}..${span.end} outside 0..${length}`);
}

/** Every figure a person is shown is a finite number or null (unknown), never NaN or Infinity. */
function assertFigures(value: unknown, what: string): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${what}: ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFigures(v, `${what}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFigures(v, `${what}.${k}`);
}

/** The findings as compared between a whole and an incremental analysis. */
function shape(analysis: Analysis): string[] {
  return analysis.findings.map((f) => `${f.code} ${f.span.start}-${f.span.end} ${f.message.en}`);
}

/**
 * Analyses `text` whole and through `session`, asserts they agree, and asks every service at
 * random offsets. Throws on any crash or broken invariant; never waits on anything.
 */
export function exerciseCore(core: RubricCore, session: IncrementalSession, text: string, rand: () => number): void {
  const whole = core.analyze(text);
  const incremental = session.update(text);
  assert.deepEqual(shape(incremental), shape(whole), `the incremental session (${session.lastPath}) disagrees with a whole analysis`);
  // The services read the one the editor reads or the one the command line reads, in turn.
  for (const analysis of [rand() < 0.5 ? whole : incremental]) {
    const length = text.length;
    for (const f of analysis.findings) {
      assertSpan(f.span, length, `finding ${f.code}`);
      assert.ok(f.message.en.length > 0 && f.message['zh-CN'].length > 0, `finding ${f.code} without a message`);
    }
    const offset = () => Math.floor(rand() * (length + 1));
    const locale = rand() < 0.5 ? 'en' : 'zh-CN';
    for (let i = 0; i < 3; i++) {
      const at = offset();
      const shown = hover(analysis, at, locale, core.schemaDocs);
      if (shown) assertSpan(shown.span, length, 'hover');
      for (const entry of complete(analysis, at, locale, core.schemaDocs)) assertSpan(entry.replace, length, 'completion');
      const target = definition(analysis, at);
      if (target) assertSpan(target, length, 'definition');
      for (const s of references(analysis, at, true)) assertSpan(s, length, 'references');
      const renaming = renameTarget(analysis, at);
      if (renaming) assertSpan(renaming.span, length, 'rename target');
      for (const edit of rename(analysis, at, 'x') ?? []) assertSpan(edit.span, length, 'rename');
      const a = offset();
      const b = offset();
      const range = { start: Math.min(a, b), end: Math.max(a, b) };
      for (const hint of inlayHints(analysis, range, locale)) assert.ok(hint.offset >= 0 && hint.offset <= length, `inlay hint at ${hint.offset}`);
      for (const action of codeActions(analysis, findingsAt(analysis, range), locale))
        for (const edit of action.edits) assertSpan(edit.span, length, 'code action');
    }
    for (const lens of quotaLenses(analysis, locale)) assertSpan(lens.span, length, 'code lens');
    for (const fold of foldingRanges(analysis)) assert.ok(fold.startLine <= fold.endLine, `fold ${JSON.stringify(fold)}`);
    const walk = (symbols: ReturnType<typeof documentSymbols>): void =>
      symbols.forEach((s) => {
        assertSpan(s.span, length, 'symbol');
        assertSpan(s.selectionSpan, length, 'symbol name');
        walk(s.children);
      });
    walk(documentSymbols(analysis));
    for (const document of analysis.documents) {
      assertFigures(summarize(document), 'summary');
      assertFigures(simulate(document, [0, 1, 7, 10, 37]), 'simulation');
    }
  }
}
