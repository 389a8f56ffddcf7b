import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * A list item read without the general YAML parser, when it is written in the plain subset a
 * generated or hand-kept list is written in: a block mapping of plain keys (mappings nested under
 * a key, one level deeper), each value a plain scalar on its line or a flow mapping or sequence
 * closed on the same line (`points: {fire: 22, pests: 13}`, `veto: [major-fire]`), blank lines,
 * comments after a value. Anything else (quotes, a comment line, a tab, a key with no value, a
 * number written any other way than `-12.50`, more than 15 digits…) is not read: the caller parses
 * it in full, as before. A scoresheet's entries are nearly all of this subset; the parser takes ten
 * times as long over them, lexing, building a tree of tokens and composing it.
 *
 * What it reads it gives as the parser does (`parseDocument` of the item's text as a one-item
 * list, with the options of the block engine): the same nodes with the same values, sources and
 * ranges, no errors, and the item as plain data (what `doc.toJS()` gives for it), in which every
 * number reads exactly as written (at most 15 digits). test/unit/plain-item.test.ts holds it to
 * the parser on every text it reads.
 */
export interface PlainItem {
  /** A document as parseDocument makes it of the one-item list: its contents, range and (no) errors. */
  doc: Document.Parsed;
  /** The item's node. */
  node: YAMLMap;
  range: [number, number, number];
  /** The item as plain data; every number in it is the number written. */
  data: Record<string, unknown>;
}

/** The item of `text` (its dash at `column`), read as the parser reads it, or undefined when it is not written in the plain subset. */
export function readPlainItem(text: string, column: number): PlainItem | undefined {
  // Characters that start what the subset leaves out: quotes, tags, anchors, aliases, block
  // scalars, directives, tabs, carriage returns.
  if (UNREAD.test(text)) return undefined;
  for (let i = 0; i < column; i++) if (text.charCodeAt(i) !== SPACE) return undefined;
  if (text.charCodeAt(column) !== DASH || text.charCodeAt(column + 1) !== SPACE) return undefined;
  let keyAt = column + 2;
  while (text.charCodeAt(keyAt) === SPACE) keyAt++;
  const reader = new Reader(text);
  // The item's keys stand at the column of its first key (the text starts at a line's start).
  const read = reader.blockMap(keyAt, keyAt);
  if (!read || reader.contentAfter(read.next)) return undefined;
  const end = read.map.range![2];
  const seq = new YAMLSeq();
  seq.items.push(read.map);
  seq.range = [column, end, end];
  const doc = new Document() as Document.Parsed;
  doc.contents = seq as YAMLSeq.Parsed;
  doc.range = [0, end, text.length];
  return { doc, node: read.map, range: read.map.range as [number, number, number], data: read.data };
}

/** Anything the subset does not read, wherever it stands (a plain scalar may hold none of these either). */
const UNREAD = /["'\t\r&*!|>%@`?]/;

const [SPACE, NEWLINE, DASH, COLON, HASH, COMMA] = [' ', '\n', '-', ':', '#', ','].map((c) => c.charCodeAt(0));
const [OPEN_CURLY, CLOSE_CURLY, OPEN_SQUARE, CLOSE_SQUARE] = ['{', '}', '[', ']'].map((c) => c.charCodeAt(0));

/** Plain numbers as the subset writes them: the core schema's int and float, decimal, unsigned but for a minus. */
const INT = /^-?[0-9]+$/;
const FLOAT = /^-?[0-9]+\.[0-9]+$/;
/** At most this many digits: a double holds such a decimal exactly, as the schema's exactness check would find. */
const MAX_DIGITS = 15;
/**
 * What else the YAML 1.2 core schema (the parser's default) reads as other than a string: null,
 * booleans, octal and hexadecimal, floats written otherwise (`.5`, `1.`, `1e3`, `.inf`, `.nan`),
 * signed with `+`. A scalar like these is left to the parser.
 */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** A plain scalar starts with none of these (a flow or block indicator, a comment, a sign that is not a number's). */
const NO_PLAIN_START = new Set([...'-:,[]{}#&*!|>\'"%@`?~ '].map((c) => c.charCodeAt(0)));
/** Nested deeper than this, a flow collection is left to the parser (and its nesting limit). */
const MAX_FLOW_DEPTH = 4;
const MAX_BLOCK_DEPTH = 4;

/** A plain scalar's value, or undefined when the subset does not read it. */
function plainValue(source: string): { value: string | number; fraction?: number } | undefined {
  if (source.length === 0) return undefined;
  const first = source.charCodeAt(0);
  const numeric = INT.test(source) || FLOAT.test(source);
  if (numeric) {
    let digits = 0;
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) >= 48 && source.charCodeAt(i) <= 57) digits++;
    if (digits > MAX_DIGITS) return undefined;
    if (INT.test(source)) return { value: parseInt(source, 10) };
    const dot = source.indexOf('.');
    return { value: parseFloat(source), fraction: source.endsWith('0') ? source.length - dot - 1 : undefined };
  }
  if (NO_PLAIN_START.has(first) || source.includes(':') || source.includes('#') || source.endsWith(' ')) return undefined;
  if (NOT_A_STRING.some((pattern) => pattern.test(source))) return undefined;
  return { value: source };
}

function scalar(source: string, value: { value: string | number; fraction?: number }, start: number, end: number, after: number): Scalar {
  const node = new Scalar(value.value);
  node.range = [start, end, after];
  node.source = source;
  node.type = 'PLAIN';
  if (value.fraction !== undefined) node.minFractionDigits = value.fraction;
  return node;
}

interface Read {
  node: Scalar | YAMLMap | YAMLSeq;
  data: unknown;
  /** Just after it. */
  end: number;
}

class Reader {
  constructor(private readonly text: string) {}

  /**
   * A block mapping whose first key starts at `at`, its keys at column `indent`: its pairs, each
   * on its line (a nested mapping on the lines under its key). `next` is where the first line not
   * its own starts (or the text's end).
   */
  blockMap(at: number, indent: number, depth = 0): { map: YAMLMap; data: Record<string, unknown>; next: number } | undefined {
    if (depth > MAX_BLOCK_DEPTH) return undefined;
    const { text } = this;
    const map = new YAMLMap();
    const data: Record<string, unknown> = {};
    const keys = new Set<string>();
    let end: number;
    for (;;) {
      const colon = this.keyEnd(at);
      if (colon < 0) return undefined;
      const keySource = text.slice(at, colon);
      const keyValue = plainValue(keySource);
      if (!keyValue || typeof keyValue.value !== 'string' || keyValue.value === '__proto__' || keys.has(keyValue.value)) return undefined;
      keys.add(keyValue.value);
      const key = scalar(keySource, keyValue, at, colon, colon);
      let value: Read | undefined;
      let next: number;
      if (text.charCodeAt(colon + 1) === SPACE) {
        // A value on the key's line.
        let from = colon + 1;
        while (text.charCodeAt(from) === SPACE) from++;
        value = this.lineValue(from);
        if (!value) return undefined;
        next = value.end;
      } else {
        // A mapping nested on the lines under the key.
        const lineEnd = this.lineEnd(colon + 1);
        if (lineEnd !== colon + 1 || lineEnd >= text.length) return undefined;
        const content = this.nextContent(lineEnd + 1);
        if (!content || content.column <= indent) return undefined;
        const nested = this.blockMap(content.at, content.column, depth + 1);
        if (!nested) return undefined;
        value = { node: nested.map, data: nested.data, end: nested.map.range![2] };
        next = nested.next;
      }
      map.items.push(new Pair(key, value.node));
      data[keyValue.value] = value.data;
      end = value.node.range![2];
      // The next line of content: another key of this mapping, or the end of it.
      const content = next >= text.length ? undefined : this.nextContent(next);
      if (content === null) return undefined;
      if (content === undefined || content.column < indent) {
        map.range = [map.items.length > 0 ? (map.items[0] as Pair<Scalar>).key.range![0] : at, end, end];
        return { map, data, next: content === undefined ? text.length : content.lineStart };
      }
      if (content.column !== indent) return undefined;
      at = content.at;
    }
  }

  /** Whether anything but blank lines and the next item's indentation follows `from`. */
  contentAfter(from: number): boolean {
    return from < this.text.length && this.nextContent(from) !== undefined;
  }

  /** Where the line holding `from` ends (at its line break, or the text's end). */
  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end < 0 ? this.text.length : end;
  }

  /** Where a plain key starting at `at` ends: at its colon, followed by a space or the line's end; -1 when it is not such a key. */
  private keyEnd(at: number): number {
    const { text } = this;
    for (let i = at; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === COLON) {
        const after = text.charCodeAt(i + 1);
        return i > at && (after === SPACE || after === NEWLINE || i + 1 === text.length) ? i : -1;
      }
      if (code === NEWLINE || code === HASH || code === COMMA || code === OPEN_CURLY || code === CLOSE_CURLY || code === OPEN_SQUARE || code === CLOSE_SQUARE)
        return -1;
    }
    return -1;
  }

  /**
   * The first line at or after `lineStart` (a line's start) holding anything but spaces: where
   * its content starts and at which column; undefined when only blank lines follow, null when
   * it is a comment line (which the subset does not read).
   */
  private nextContent(lineStart: number): { lineStart: number; at: number; column: number } | null | undefined {
    const { text } = this;
    let start = lineStart;
    while (start < text.length) {
      let at = start;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at >= text.length) return undefined;
      const code = text.charCodeAt(at);
      if (code === HASH) return null;
      if (code !== NEWLINE) return { lineStart: start, at, column: at - start };
      start = at + 1;
    }
    return undefined;
  }

  /**
   * A value on its key's line, from `at` to the line's end (spaces and a comment after it
   * allowed): a plain scalar or a flow collection closed on the line. Its node ends, as the
   * parser ends it, after the line's line break.
   */
  private lineValue(at: number): Read | undefined {
    const { text } = this;
    const lineEnd = this.lineEnd(at);
    const after = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    const first = text.charCodeAt(at);
    if (first === OPEN_CURLY || first === OPEN_SQUARE) {
      const flow = this.flow(at, 0);
      if (!flow || !this.restIsComment(flow.end, lineEnd)) return undefined;
      flow.node.range![2] = after;
      return { ...flow, end: after };
    }
    // A plain scalar runs to a comment (` #`) or the line's end, its trailing spaces left out.
    let end = at;
    while (end < lineEnd && !(text.charCodeAt(end) === HASH && text.charCodeAt(end - 1) === SPACE)) end++;
    while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
    const source = text.slice(at, end);
    const value = plainValue(source);
    if (!value) return undefined;
    return { node: scalar(source, value, at, end, after), data: value.value, end: after };
  }

  /** Only spaces, or spaces then a comment, from `from` to the line's end. */
  private restIsComment(from: number, lineEnd: number): boolean {
    let at = from;
    while (at < lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at === lineEnd || (at > from && this.text.charCodeAt(at) === HASH);
  }

  /**
   * A flow mapping or sequence at `at`, written compactly on one line: `{a: 1, b: {c: 2}}`,
   * `[x, y]` (one space after each colon and comma, none inside the brackets).
   */
  private flow(at: number, depth: number): Read | undefined {
    if (depth > MAX_FLOW_DEPTH) return undefined;
    const { text } = this;
    const isMap = text.charCodeAt(at) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
    const node = isMap ? new YAMLMap() : new YAMLSeq();
    node.flow = true;
    const data: unknown = isMap ? {} : [];
    const keys = new Set<string>();
    let i = at + 1;
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        let key: Scalar | undefined;
        let keyText: string | undefined;
        if (isMap) {
          const colon = this.flowScalarEnd(i, true);
          if (colon < 0 || text.charCodeAt(colon) !== COLON || text.charCodeAt(colon + 1) !== SPACE) return undefined;
          keyText = text.slice(i, colon);
          const keyValue = plainValue(keyText);
          if (!keyValue || typeof keyValue.value !== 'string' || keyValue.value === '__proto__' || keys.has(keyValue.value)) return undefined;
          keys.add(keyValue.value);
          key = scalar(keyText, keyValue, i, colon, colon);
          i = colon + 2;
        }
        const item = this.flowItem(i, depth);
        if (!item) return undefined;
        if (isMap) {
          (node as YAMLMap).items.push(new Pair(key, item.node));
          (data as Record<string, unknown>)[keyText!] = item.data;
        } else {
          (node as YAMLSeq).items.push(item.node);
          (data as unknown[]).push(item.data);
        }
        i = item.end;
        const code = text.charCodeAt(i);
        if (code === close) break;
        if (code !== COMMA || text.charCodeAt(i + 1) !== SPACE) return undefined;
        i += 2;
      }
    }
    node.range = [at, i + 1, i + 1];
    return { node, data, end: i + 1 };
  }

  /** A value inside a flow collection: a nested collection or a plain scalar up to a comma or the closing bracket. */
  private flowItem(at: number, depth: number): Read | undefined {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first === OPEN_CURLY || first === OPEN_SQUARE) return this.flow(at, depth + 1);
    const end = this.flowScalarEnd(at, false);
    if (end < 0) return undefined;
    const source = text.slice(at, end);
    const value = plainValue(source);
    if (!value) return undefined;
    return { node: scalar(source, value, at, end, end), data: value.value, end };
  }

  /** Where a plain scalar in a flow collection ends: at a comma, a closing bracket or (a key's) colon; -1 at anything else that could end it. */
  private flowScalarEnd(at: number, key: boolean): number {
    const { text } = this;
    for (let i = at; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === COMMA || code === CLOSE_CURLY || code === CLOSE_SQUARE) return key ? -1 : i;
      if (code === COLON) return key ? i : -1;
      if (code === NEWLINE || code === HASH || code === OPEN_CURLY || code === OPEN_SQUARE) return -1;
    }
    return -1;
  }
}
