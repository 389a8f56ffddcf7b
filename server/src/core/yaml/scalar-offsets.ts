import { Span } from '../text/span';

/**
 * Where each character of a string scalar's value is written in the source. A formula's problems
 * are found at offsets into its value; the value of a quoted or folded scalar is not its source
 * (quotes, `''`, escapes, line breaks folded to spaces, a block's indentation), so they are placed
 * through this map. `at[i]` is the offset, from the scalar's start, of the source of the value's
 * i-th character; `at[value.length]` is where the last one's source ends. A line break folded into
 * a space stands where the line's text ends, so `at[end]` is the end of a span in every case.
 */
export interface ValuePlacement {
  /** Set when the map is not `lead + i`. */
  at?: readonly number[];
  /** The offset of the first character (1 inside quotes) when the value is written as is. */
  lead: number;
}

/** A value span placed in the source: `start`..`end` of the value, absolute when `scalarStart` is. */
export function placeInSource(placement: ValuePlacement, scalarStart: number, valueSpan: Span): Span {
  const at = (i: number) => scalarStart + (placement.at ? placement.at[i] : placement.lead + i);
  return { start: at(valueSpan.start), end: valueSpan.end > valueSpan.start ? at(valueSpan.end) : at(valueSpan.start) };
}

type ScalarType = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * The placement of `value` written as `written` (the scalar's source, from its first character to
 * the end of its value), or undefined when it cannot be worked out: what is read here is then
 * checked against the parser's value, and anything unusual (a tag, an explicit block indentation
 * that reads otherwise) gives undefined rather than a wrong place.
 */
export function placeValue(written: string, type: string | undefined, value: string): ValuePlacement | undefined {
  const decoded = decode(written, (type ?? 'PLAIN') as ScalarType);
  if (!decoded) return undefined;
  const { chars } = decoded;
  let { at } = decoded;
  // A block's trailing line breaks go as its chomping says: the value keeps a prefix of them.
  if (chars !== value) {
    if (!chars.startsWith(value) || !/^\n*$/.test(chars.slice(value.length))) return undefined;
    at = at.slice(0, value.length + 1);
  }
  const lead = at[0] ?? 0;
  return at.every((offset, i) => offset === lead + i) ? { lead } : { at, lead };
}

interface Decoded {
  chars: string;
  /** One more entry than `chars`: where the last character's source ends. */
  at: number[];
}

function decode(written: string, type: ScalarType): Decoded | undefined {
  switch (type) {
    case 'PLAIN':
      return flow(written, 0, written.length, 'plain');
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE': {
      const quote = type === 'QUOTE_SINGLE' ? "'" : '"';
      if (written.length < 2 || written[0] !== quote || written[written.length - 1] !== quote) return undefined;
      return flow(written, 1, written.length - 1, type === 'QUOTE_SINGLE' ? 'single' : 'double');
    }
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return block(written, type === 'BLOCK_FOLDED');
  }
  return undefined;
}

const BLANK = /[ \t]/;

/** Lines of `written[from, to)`, each with where it starts and ends. */
function linesOf(written: string, from: number, to: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (written[i] === '\n') {
      lines.push({ start, end: i > start && written[i - 1] === '\r' ? i - 1 : i });
      start = i + 1;
    }
  }
  lines.push({ start, end: to });
  return lines;
}

/**
 * A flow scalar (plain, '…' or "…"): each line's own text; a line break folded to a space, or,
 * where empty lines follow it, dropped and each empty line a line break; `''` is `'`; in "…"
 * the escapes, and a `\` ending a line joins it to the next without a space.
 */
function flow(written: string, from: number, to: number, style: 'plain' | 'single' | 'double'): Decoded | undefined {
  const chars: string[] = [];
  const at: number[] = [];
  const lines = linesOf(written, from, to);
  let joined = false;
  let empties: number[] = [];
  let breakAt = from;
  for (let l = 0; l < lines.length; l++) {
    const last = l === lines.length - 1;
    let { start, end } = lines[l];
    if (l > 0) while (start < end && BLANK.test(written[start])) start++;
    if (!last) while (end > start && BLANK.test(written[end - 1])) end--;
    if (l > 0) {
      if (start === end && !last) {
        empties.push(start);
        continue;
      }
      if (!joined) {
        if (empties.length > 0) {
          for (const offset of empties) {
            chars.push('\n');
            at.push(offset);
          }
        } else {
          chars.push(' ');
          at.push(breakAt);
        }
      }
      empties = [];
    }
    joined = false;
    let i = start;
    while (i < end) {
      const ch = written[i];
      if (style === 'single' && ch === "'" && written[i + 1] === "'") {
        chars.push("'");
        at.push(i);
        i += 2;
        continue;
      }
      if (style === 'double' && ch === '\\') {
        if (i + 1 >= end) {
          // A backslash ending the line: the next line joins without a space.
          if (last) return undefined;
          joined = true;
          break;
        }
        const escape = escaped(written, i);
        if (!escape) return undefined;
        // A character of two UTF-16 units (\U0001F600): both stand where the escape does.
        for (const unit of escape.text.split('')) {
          chars.push(unit);
          at.push(i);
        }
        i += escape.length;
        continue;
      }
      chars.push(ch);
      at.push(i);
      i++;
    }
    breakAt = i;
  }
  at.push(breakAt);
  return { chars: chars.join(''), at };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** A double-quoted escape at `i` (the backslash): what it stands for and how long it is written. */
function escaped(written: string, i: number): { text: string; length: number } | undefined {
  const code = written[i + 1];
  if (code in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[code], length: 2 };
  const digits = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
  if (digits === 0) return undefined;
  const hex = written.slice(i + 2, i + 2 + digits);
  if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
  const point = parseInt(hex, 16);
  if (point > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(point), length: 2 + digits };
}

/**
 * A block scalar (`|` or `>`): the header line, then the lines at the content's indentation
 * (that of the first line with text). A literal keeps every line break; a folded one joins lines
 * of text with a space, keeps a break for each empty line and around more-indented lines.
 */
function block(written: string, folded: boolean): Decoded | undefined {
  const headerEnd = written.indexOf('\n');
  if (headerEnd < 0) return { chars: '', at: [written.length] };
  const header = written.slice(0, headerEnd).replace(/#.*$/, '').trim();
  if (!/^[|>][-+]?$|^[|>][-+]?\d$|^[|>]\d[-+]?$/.test(header)) return undefined;
  const lines = linesOf(written, headerEnd + 1, written.length);
  let indent = -1;
  for (const line of lines) {
    let column = 0;
    while (line.start + column < line.end && written[line.start + column] === ' ') column++;
    if (line.start + column < line.end) {
      indent = column;
      break;
    }
  }
  if (indent < 0) return { chars: '', at: [written.length] };
  const chars: string[] = [];
  const at: number[] = [];
  const content = lines.map((line) => ({ start: Math.min(line.start + indent, line.end), end: line.end, empty: line.end - line.start <= indent }));
  let previous: 'none' | 'text' | 'more' = 'none';
  let emptiesBefore = 0;
  for (const [l, line] of content.entries()) {
    if (line.empty) {
      emptiesBefore++;
      continue;
    }
    const more = BLANK.test(written[line.start] ?? '');
    if (previous !== 'none') {
      const breakAt = content[l - 1 - emptiesBefore].end;
      if (folded && previous === 'text' && !more) {
        if (emptiesBefore === 0) {
          chars.push(' ');
          at.push(breakAt);
        }
      } else {
        chars.push('\n');
        at.push(breakAt);
      }
    }
    for (let e = 0; e < emptiesBefore; e++) {
      chars.push('\n');
      at.push(content[l - emptiesBefore + e].start);
    }
    emptiesBefore = 0;
    for (let i = line.start; i < line.end; i++) {
      chars.push(written[i]);
      at.push(i);
    }
    previous = more ? 'more' : 'text';
  }
  // Trailing line breaks: as many as there are, chomping decides how many the value keeps.
  const lastText = [...content].reverse().find((line) => !line.empty);
  const end = lastText ? lastText.end : written.length;
  for (let e = 0; e <= emptiesBefore; e++) {
    chars.push('\n');
    at.push(end);
  }
  at.push(end);
  return { chars: chars.join(''), at };
}
