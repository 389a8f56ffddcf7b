import { strict as assert } from 'assert';

/** A stretch of text by offsets, as the core's services give it. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/**
 * A test document with the cursor and the expected ranges marked: `|` is the cursor (exactly
 * one), `«` and `»` enclose each expected range, in text order. The markers are removed; the
 * offsets are of the clean text. (A document marked so cannot hold a literal `|`.)
 */
export function atCursor(source: string): { text: string; offset: number; spans: OffsetSpan[] } {
  let text = '';
  let offset = -1;
  let open = -1;
  const spans: OffsetSpan[] = [];
  for (const ch of source) {
    if (ch === '|') {
      assert.equal(offset, -1, 'one cursor `|` in a test document');
      offset = text.length;
    } else if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  assert.ok(offset >= 0, 'a cursor `|` in the test document');
  return { text, offset, spans };
}

/** The text of each span, to read in a failure. */
export function slices(text: string, spans: readonly OffsetSpan[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}
