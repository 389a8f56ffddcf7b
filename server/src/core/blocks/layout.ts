import { LineIndex } from '../text/line-index';
import { Span } from '../text/span';

/**
 * How a file splits for incremental analysis: the text before its list (a rubric's indicators, a
 * scoresheet's entries), one block per item (from its `- ` line to the next), and the text after.
 */
export interface Layout {
  /** Where the first item's line starts and where the line after the list starts. */
  region: Span;
  blocks: Span[];
  /** The items' column. */
  indent: number;
}

/** Anything that makes blocks depend on each other (anchors, aliases, tags, directives). */
const ENTANGLING = /(^|[\s,[{])[&*!][^\s,\]}]|^%/m;
const DOCUMENT_MARKER = /^(---|\.\.\.)(\s|$)/m;
const LIST_KEYS = new Map<string, RegExp>();

/**
 * The layout of a plain, single-document file whose `listKey` (a rubric's `indicators:`, a
 * scoresheet's `scores:`) is a top-level block list, or undefined when the file is anything else
 * (then it is analysed whole, as always correct).
 */
export function findLayout(text: string, lines: LineIndex, listKey: string): Layout | undefined {
  // The regular expressions only run when a character they need is there at all.
  if ((text.includes('---') || text.includes('...')) && DOCUMENT_MARKER.test(text)) return undefined;
  if ((text.includes('&') || text.includes('*') || text.includes('!') || text.includes('%')) && ENTANGLING.test(text)) return undefined;
  let keyPattern = LIST_KEYS.get(listKey);
  if (!keyPattern) LIST_KEYS.set(listKey, (keyPattern = new RegExp(`^${listKey}:[ \\t]*(#.*)?$`, 'gm')));
  keyPattern.lastIndex = 0;
  const key = keyPattern.exec(text);
  if (!key || keyPattern.exec(text)) return undefined;

  const lineText = (line: number) => text.slice(lines.lineStart(line), lines.lineEnd(line));
  const isContent = (t: string) => !/^\s*(#.*)?$/.test(t);
  let line = lines.positionAt(key.index).line + 1;
  while (line < lines.lineCount && !isContent(lineText(line))) line++;
  const first = line < lines.lineCount ? /^( *)-( |$)/.exec(lineText(line)) : null;
  if (!first) return undefined;
  const indent = first[1].length;

  const starts: number[] = [];
  let end = text.length;
  for (; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const kind = lineInList(text, start, lines.lineEnd(line), indent);
    if (kind === 'item') starts.push(start);
    else if (kind === 'unusual') return undefined;
    else if (kind === 'after') {
      end = start;
      break;
    }
  }
  return layoutOf(starts, end, indent);
}

function layoutOf(starts: number[], end: number, indent: number): Layout {
  const blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : end }));
  return { region: { start: starts[0], end }, blocks, indent };
}

/**
 * What a line of the list is: an item's first line, a line inside an item (or blank,
 * or a comment), the top-level key after the list, or anything else (a tab, a line left of the
 * items, `-foo` at their column), which the whole parse must see.
 */
function lineInList(text: string, start: number, stop: number, indent: number): 'item' | 'inside' | 'after' | 'unusual' {
  // Character by character rather than a regular expression per line: this runs on big files.
  let own = start;
  while (own < stop && text.charCodeAt(own) === 32) own++;
  const first = own < stop ? text[own] : '';
  if (first === '' || first === '#' || first === '\r') return 'inside';
  if (first === '\t') return 'unusual';
  const column = own - start;
  if (column === indent && first === '-' && (own + 1 === stop || text[own + 1] === ' ')) return 'item';
  if (column < indent || (column === indent && first !== '-')) {
    // Only a top-level key may end the list: anything else there is a syntax error (or a
    // half-typed line) that the whole parse must see.
    return column !== 0 || first === '-' ? 'unusual' : 'after';
  }
  // `-foo` at item level is not a list item.
  return column === indent ? 'unusual' : 'inside';
}

/** A version of the text (its line index's) with its layout. */
export interface LaidOut {
  lines: LineIndex;
  layout: Layout;
}

/**
 * The layout of `text` made from the last version's, where an edit changed only lines inside
 * the list (after the first item's line, before the key after the list) that still
 * read as lines of items: only those lines are read, so a keystroke in a big file does not scan
 * every line. `changed` is where the two texts differ (see changedStretch). Undefined when the
 * edit reaches anything else: findLayout then reads the whole text.
 */
export function layoutAfterEdit(last: LaidOut, text: string, lines: LineIndex, changed: { start: number; oldEnd: number; newEnd: number }): Layout | undefined {
  const { layout } = last;
  const from = lines.lineStart(lines.positionAt(changed.start).line);
  const lastLine = lines.positionAt(changed.newEnd).line;
  const oldTo = last.lines.lineEnd(last.lines.positionAt(changed.oldEnd).line);
  const listEndsText = layout.region.end === last.lines.text.length;
  if (from <= layout.region.start || (!listEndsText && oldTo >= layout.region.end)) return undefined;
  const newTo = lines.lineEnd(lastLine);
  // Anchors, aliases, tags and directives are found line by line: only the changed lines can hold new ones.
  const changedLines = text.slice(from, newTo);
  if (/[&*!%]/.test(changedLines) && ENTANGLING.test(changedLines)) return undefined;
  const delta = changed.newEnd - changed.oldEnd;
  const starts = layout.blocks.map((block) => block.start).filter((start) => start < from);
  for (let line = lines.positionAt(from).line; line <= lastLine; line++) {
    const start = lines.lineStart(line);
    const kind = lineInList(text, start, lines.lineEnd(line), layout.indent);
    if (kind === 'item') starts.push(start);
    else if (kind !== 'inside') return undefined;
  }
  for (const block of layout.blocks) if (block.start > oldTo) starts.push(block.start + delta);
  return layoutOf(starts, listEndsText ? text.length : layout.region.end + delta, layout.indent);
}
