/**
 * Offsets inside the core are UTF-16 code units into the analysed text (JavaScript string
 * indices), which is exactly LSP's default position encoding. This index turns them into
 * 0-based line/character positions only at the edge.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  /** Offset at which each line starts; a line break is \n, \r\n or a lone \r, as in LSP. */
  private readonly lineStarts: Uint32Array;

  constructor(
    readonly text: string,
    lineStarts?: Uint32Array,
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case: let indexOf find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (ch === 10 /* \n */) {
          starts.push(i + 1);
        }
      }
    }
    // Four bytes a line rather than a JavaScript number's eight: one index per version is kept.
    this.lineStarts = Uint32Array.from(starts);
  }

  /**
   * The index of `text`, made from the index of an earlier version of it: only the stretch where
   * the two differ is read (`changed`, see changedStretch), so a keystroke in a big file costs a comparison
   * of the texts, a run of memory at a time, not a scan of every line.
   */
  static afterEdit(previous: LineIndex, text: string, changed = changedStretch(previous.text, text)): LineIndex {
    const { start, oldEnd, newEnd } = changed;
    const delta = newEnd - oldEnd;
    const starts = previous.lineStarts;
    // Whether a line starts at k depends on the characters at k - 1 and k: a start before `start`
    // reads only the common beginning, one after `oldEnd` only the common end. Line 0 starts at 0.
    const keptBefore = firstAtOrAfter(starts, Math.max(1, start));
    const keptAfter = firstAtOrAfter(starts, oldEnd + 1);
    const found: number[] = [];
    for (let k = Math.max(1, start); k <= newEnd; k++) {
      const before = text.charCodeAt(k - 1);
      if (before === 10 /* \n */ || (before === 13 /* \r */ && text.charCodeAt(k) !== 10)) found.push(k);
    }
    const next = new Uint32Array(keptBefore + found.length + (starts.length - keptAfter));
    next.set(starts.subarray(0, keptBefore));
    next.set(found, keptBefore);
    let at = keptBefore + found.length;
    for (let i = keptAfter; i < starts.length; i++) next[at++] = starts[i] + delta;
    return new LineIndex(text, next);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset just before the line's break (so a CRLF line never ends with its \r). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  rangeOf(span: { start: number; end: number }): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** The first index of a sorted array whose value is at least `offset` (the length when none is). */
function firstAtOrAfter(sorted: Uint32Array, offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Texts are compared this many characters at a time: a slice and `===` compare memory, where a loop reads a character at a time. */
const CHUNK = 4096;

/**
 * Where two versions of a text differ: they agree before `start`, and from `oldEnd` in the old
 * one on as from `newEnd` in the new one (the common end never overlaps the common beginning).
 */
export function changedStretch(old: string, text: string): { start: number; oldEnd: number; newEnd: number } {
  const limit = Math.min(old.length, text.length);
  let start = 0;
  while (start + CHUNK <= limit && old.slice(start, start + CHUNK) === text.slice(start, start + CHUNK)) start += CHUNK;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  // The common end, within what the common beginning left.
  const room = limit - start;
  let end = 0;
  while (end + CHUNK <= room && old.slice(old.length - end - CHUNK, old.length - end) === text.slice(text.length - end - CHUNK, text.length - end))
    end += CHUNK;
  while (end < room && old.charCodeAt(old.length - end - 1) === text.charCodeAt(text.length - end - 1)) end++;
  return { start, oldEnd: old.length - end, newEnd: text.length - end };
}

/** Editors never show the byte-order mark: drop it so columns on the first line match theirs. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
