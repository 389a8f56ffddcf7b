import { Span } from '../../text/span';

/**
 * How one indicator's block splits further: the text before its `items:` list (the head), one
 * block per item, and its keys after the list (the tail). Offsets are the block's own.
 */
export interface ItemsLayout {
  /** The column of the indicator's keys. */
  keyColumn: number;
  /** The items' column. */
  itemColumn: number;
  /** Where the first item's line starts and where the tail starts (the block's length when there is none). */
  region: Span;
  /** Where each item's line starts. */
  itemStarts: number[];
}

/** A plain key at the indicator's key column: where the parser is back in the indicator's mapping. */
const PLAIN_KEY = /^[^\s#'"[\]{}|>!&*%@`?:,-][^:#\r\n]*:( |\r?$)/;

/**
 * The items layout of a block (an indicator's text, from its `- ` line, `extent` characters of
 * `text`), or undefined when it has no block list under a plain `items:` key at its key column,
 * or when anything around the list is unusual (a tab, a line outside the columns, a comment
 * after the last item at or left of the items' column, which belongs to the indicator, not to
 * the item): the block is then parsed as one.
 */
export function findItemsLayout(text: string, extent: number, itemColumn: number): ItemsLayout | undefined {
  const dash = /^ *- +(?=[^ \r\n#])/.exec(text);
  if (!dash || dash[0].length - dash[0].trimStart().length !== itemColumn) return undefined;
  const keyColumn = dash[0].length;
  const itemsKey = new RegExp(`^ {${keyColumn}}items:[ \\t]*(#.*)?\\r?$`, 'gm');
  const key = itemsKey.exec(text);
  if (!key || key.index >= extent) return undefined;

  let lineStart = text.indexOf('\n', key.index);
  if (lineStart < 0) return undefined;
  lineStart++;
  let childColumn = -1;
  const itemStarts: number[] = [];
  let tailStart = extent;
  // Where the last content line of the list ends: comments after it, left of the items, end the split.
  let lowComment = false;
  while (lineStart < extent) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > extent ? extent : newline;
    let own = lineStart;
    while (own < lineEnd && text.charCodeAt(own) === 32) own++;
    const first = own < lineEnd ? text[own] : '';
    const column = own - lineStart;
    if (first === '\t') return undefined;
    if (first === '' || first === '\r') {
      // blank
    } else if (first === '#') {
      if (childColumn >= 0 && column <= childColumn) lowComment = true;
    } else if (childColumn < 0) {
      if (first !== '-' || column < keyColumn || !(own + 1 === lineEnd || text[own + 1] === ' ' || text[own + 1] === '\r')) return undefined;
      childColumn = column;
      itemStarts.push(lineStart);
    } else if (column === childColumn && first === '-' && (own + 1 === lineEnd || text[own + 1] === ' ' || text[own + 1] === '\r')) {
      itemStarts.push(lineStart);
      lowComment = false;
    } else if (column < childColumn || (column === childColumn && first !== '-')) {
      // Only a plain key of the indicator may end the list.
      if (column !== keyColumn || !PLAIN_KEY.test(text.slice(own, lineEnd + 1))) return undefined;
      tailStart = lineStart;
      break;
    } else {
      lowComment = false;
    }
    lineStart = lineEnd + 1;
  }
  if (itemStarts.length === 0 || lowComment) return undefined;
  // A second `items:` of the indicator can only be in its tail: every line of the list is deeper
  // than the indicator's keys, or one of its items' dashes, or ended it (see above).
  itemsKey.lastIndex = tailStart;
  if (itemsKey.exec(text)) return undefined;
  return { keyColumn, itemColumn: childColumn, region: { start: itemStarts[0], end: tailStart }, itemStarts };
}
