import { strict as assert } from 'assert';
import { Analysis, createRubricCore, DiagnosticCode, Finding, FindingOf, LineIndex, RubricCore } from 'rubric-studio-server';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { loadScoresSchema } from 'rubric-studio-server/out/host/scores-schema';

let shared: RubricCore | undefined;

/** One core with the real schema for the whole run (the schema compiles once, as in the server). */
export function core(): RubricCore {
  shared ??= createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });
  return shared;
}

export function analyze(text: string): Analysis {
  return core().analyze(text);
}

/** The finding's data, after asserting it is of that code (the data's type follows the code). */
export function dataOf<C extends DiagnosticCode>(finding: Finding | undefined, code: C): FindingOf<C>['data'] {
  assert.equal(finding?.code, code);
  return (finding as FindingOf<C>).data;
}

export interface Located {
  code: string;
  /** [startLine, startCharacter, endLine, endCharacter], 0-based, UTF-16 as in LSP. */
  range: [number, number, number, number];
}

export function located(analysis: Analysis, findings: readonly Finding[] = analysis.findings): Located[] {
  return findings.map((f) => {
    const r = analysis.source.lines.rangeOf(f.span);
    return { code: f.code, range: [r.start.line, r.start.character, r.end.line, r.end.character] };
  });
}

/**
 * `«` and `»` mark expected ranges in a test document; they are removed before analysis.
 * Returns the clean text and the marked ranges as LSP positions.
 */
export function marked(source: string): { text: string; ranges: [number, number, number, number][] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of source) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  const lines = new LineIndex(text);
  return {
    text,
    ranges: spans.map((s) => {
      const r = lines.rangeOf(s);
      return [r.start.line, r.start.character, r.end.line, r.end.character];
    }),
  };
}
