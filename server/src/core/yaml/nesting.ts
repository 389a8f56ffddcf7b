import { MAX_NESTING } from '../limits';

/**
 * Where `text` first nests deeper than MAX_NESTING levels, or -1. A linear scan that may count
 * too many (a bracket inside plain text) but never too few: block indentation, `- ` and `? `
 * prefixes and flow brackets outside quotes and comments each count one level. `levelsAbove`:
 * levels the text stands under in a larger one (a block of a list cut out of its file counts the
 * levels around it, so that it is refused whenever the whole file would be).
 */
export function nestingBeyondLimit(text: string, levelsAbove = 0): number {
  // Nothing shallow enough to fit can go past the limit (each level takes a character): most texts end here.
  if (text.length + levelsAbove < MAX_NESTING) return -1;
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  while (i < text.length) {
    const lineEnd = lineEndAt(text, i);
    let at = i;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    const column = at - i;
    const first = text.charCodeAt(at);
    if (at < lineEnd && first !== HASH && first !== CR) {
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] > column) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < column) indents.push(column);
      }
      let depth = levelsAbove + indents.length + flow;
      let previous = SPACE;
      for (; at < lineEnd; at++) {
        const ch = text.charCodeAt(at);
        if (ch === OPEN_SQUARE || ch === OPEN_CURLY) {
          depth++;
          flow++;
        } else if ((ch === CLOSE_SQUARE || ch === CLOSE_CURLY) && flow > 0) {
          depth--;
          flow--;
        } else if ((ch === DASH || ch === QUESTION || ch === COLON) && previous === SPACE && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)) {
          depth++;
        } else if (ch === HASH && (previous === SPACE || previous === TAB)) {
          break;
        } else if ((ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) && OPENS_QUOTE.has(previous)) {
          at = closingQuote(text, at, lineEnd);
        }
        if (depth > MAX_NESTING) return at;
        previous = ch;
      }
    }
    i = lineEnd + 1;
  }
  return -1;
}

const [SPACE, TAB, CR, HASH, DASH, QUESTION, COLON, COMMA] = [' ', '\t', '\r', '#', '-', '?', ':', ','].map((c) => c.charCodeAt(0));
const [OPEN_SQUARE, CLOSE_SQUARE, OPEN_CURLY, CLOSE_CURLY, DOUBLE_QUOTE, SINGLE_QUOTE, BACKSLASH] = ['[', ']', '{', '}', '"', "'", '\\'].map((c) =>
  c.charCodeAt(0),
);
/** A quote starts a quoted scalar only where a scalar can start. */
const OPENS_QUOTE = new Set([SPACE, TAB, OPEN_SQUARE, OPEN_CURLY, COMMA, COLON]);

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The closing quote on the same line (an escaped `\"` or a doubled `''` does not close), else the line's end. */
function closingQuote(text: string, open: number, lineEnd: number): number {
  const quote = text.charCodeAt(open);
  for (let at = open + 1; at < lineEnd; at++) {
    const ch = text.charCodeAt(at);
    if (quote === DOUBLE_QUOTE && ch === BACKSLASH) at++;
    else if (ch === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(at + 1) === SINGLE_QUOTE) at++;
      else return at;
    }
  }
  return lineEnd;
}
