import { strict as assert } from 'assert';
import { Finding } from 'rubric-studio-server';
import { analyze, located, marked } from './rubric-core';

/**
 * Asserts that the document's findings are exactly the `«…»` marked ranges, in text order, with
 * these codes (one code for every mark, or one per mark), and returns the findings so a test can
 * look at their messages. A stray extra finding, a missing one or a range one character off fails.
 */
export function expectFindings(source: string, codes: string | readonly string[]): Finding[] {
  const { text, ranges } = marked(source);
  const analysis = analyze(text);
  const expected = ranges.map((range, i) => ({ code: typeof codes === 'string' ? codes : codes[i], range }));
  if (typeof codes !== 'string') assert.equal(codes.length, ranges.length, 'one code per marked range');
  assert.deepEqual(located(analysis), expected);
  return analysis.findings;
}

/** The document's text with the markers removed. */
export function clean(source: string): string {
  return marked(source).text;
}
