import { strict as assert } from 'assert';
import type { FormulaProblem } from 'rubric-studio-server/out/core/formula';

/** A formula with «…» around the stretches a problem must cover: the text and the spans, as offsets. */
export function marked(source: string): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of source) {
    if (ch === '«') open = text.length;
    else if (ch === '»') spans.push({ start: open, end: text.length });
    else text += ch;
  }
  return { text, spans };
}

/** The formula without its marks. */
export function clean(source: string): string {
  return marked(source).text;
}

/**
 * Asserts the problems are exactly the «…» stretches, in text order, with these codes, each worded
 * in English and in Chinese; returns them so a test can read the messages.
 */
export function expectProblems(problems: readonly FormulaProblem[], source: string, codes: string | readonly string[]): FormulaProblem[] {
  const { spans } = marked(source);
  const expected = spans.map((span, i) => ({ code: typeof codes === 'string' ? codes : codes[i], span }));
  const actual = [...problems].sort((a, b) => a.span.start - b.span.start).map((p) => ({ code: p.code, span: { start: p.span.start, end: p.span.end } }));
  assert.deepEqual(actual, expected, `problems of ${clean(source)}: ${problems.map((p) => p.message.en).join(' / ')}`);
  for (const problem of problems) {
    assert.ok(problem.message.en.length > 0, 'an English message');
    assert.match(problem.message['zh-CN'], /\p{Script=Han}/u, `a Chinese message: ${problem.message['zh-CN']}`);
  }
  return [...problems];
}
