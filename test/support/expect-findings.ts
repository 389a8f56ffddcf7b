import { strict as assert } from 'assert';
import { Finding } from 'rubric-studio-server';
import { analyze, located, marked } from './rubric-core';
import { analyzeSheet } from './scoresheet';

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

/**
 * A scoresheet's findings against one rubric text are exactly the `«…»` marked ranges of the
 * sheet, in text order, with these codes; every message in both languages. Returns the findings.
 */
export function expectSheetFindings(rubric: string, source: string, codes: string | readonly string[]): Finding[] {
  const { text, ranges } = marked(source);
  const analysis = analyzeSheet(text, rubric);
  const expected = ranges.map((range, i) => ({ code: typeof codes === 'string' ? codes : codes[i], range }));
  if (typeof codes !== 'string') assert.equal(codes.length, ranges.length, 'one code per marked range');
  assert.deepEqual(located(analysis as never, analysis.findings), expected);
  for (const finding of analysis.findings) {
    assert.ok(finding.message.en.length > 0 && /[\u4e00-\u9fff]/.test(finding.message['zh-CN']), `${finding.code} in both languages`);
  }
  return analysis.findings;
}
