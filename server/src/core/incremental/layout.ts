import { LineIndex } from '../text/line-index';
import { Span } from '../text/span';

/**
 * How a rubric file splits for incremental analysis: the text before the indicator list, one
 * block per top-level indicator (from its `- ` line to the next), and the text after.
 */
export interface Layout {
  /** Where the first indicator's line starts and where the line after the list starts. */
  region: Span;
  blocks: Span[];
  /** The items' column. */
  indent: number;
}

/** Anything that makes blocks depend on each other (anchors, aliases, tags, directives). */
const ENTANGLING = /(^|[\s,[{])[&*!][^\s,\]}]|^%/m;
const DOCUMENT_MARKER = /^(---|\.\.\.)(\s|$)/m;
const INDICATORS_KEY = /^indicators:[ \t]*(#.*)?$/gm;

/**
 * The layout of a plain, single-document rubric whose `indicators:` is a top-level block list,
 * or undefined when the file is anything else (then it is analysed whole, as always correct).
 */
export function findLayout(text: string, lines: LineIndex): Layout | undefined {
  // The regular expressions only run when a character they need is there at all.
  if ((text.includes('---') || text.includes('...')) && DOCUMENT_MARKER.test(text)) return undefined;
  if ((text.includes('&') || text.includes('*') || text.includes('!') || text.includes('%')) && ENTANGLING.test(text)) return undefined;
  INDICATORS_KEY.lastIndex = 0;
  const key = INDICATORS_KEY.exec(text);
  if (!key || INDICATORS_KEY.exec(text)) return undefined;

  const lineText = (line: number) => text.slice(lines.lineStart(line), lines.lineEnd(line));
  const isContent = (t: string) => !/^\s*(#.*)?$/.test(t);
  let line = lines.positionAt(key.index).line + 1;
  while (line < lines.lineCount && !isContent(lineText(line))) line++;
  const first = line < lines.lineCount ? /^( *)-( |$)/.exec(lineText(line)) : null;
  if (!first) return undefined;
  const indent = first[1].length;

  const starts: number[] = [];
  let end = text.length;
  // Character by character rather than a regular expression per line: this runs per keystroke.
  for (; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const stop = lines.lineEnd(line);
    let own = start;
    while (own < stop && text.charCodeAt(own) === 32) own++;
    const first = own < stop ? text[own] : '';
    if (first === '' || first === '#' || first === '\r') continue;
    if (first === '\t') return undefined;
    const column = own - start;
    if (column === indent && first === '-' && (own + 1 === stop || text[own + 1] === ' ')) {
      starts.push(start);
    } else if (column < indent || (column === indent && first !== '-')) {
      // Only a top-level key may end the list: anything else there is a syntax error (or a
      // half-typed line) that the whole parse must see.
      if (column !== 0 || first === '-') return undefined;
      end = start;
      break;
    } else if (column === indent) {
      return undefined; // `-foo` at item level: not a list item
    }
  }
  const blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : end }));
  return { region: { start: starts[0], end }, blocks, indent };
}
