import { YAMLError } from 'yaml';

/**
 * Parser errors that stay inside the block they are made in. Each arises when the
 * parser composes one mapping, from tokens the lexer reads the same way whether the block stands
 * alone or in the whole file: a key typed without its colon yet (`wei`, alone or run on into
 * the next line's key), or a key written twice. They are the errors of ordinary typing.
 * Anything else (an unclosed quote or bracket, a stray indentation) can change how the rest of
 * the file reads, so such a block is analysed whole.
 */
function isTypingError(error: YAMLError): boolean {
  switch (error.code) {
    case 'DUPLICATE_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return true;
    case 'MISSING_CHAR':
      return error.message.startsWith('Implicit map keys need to be followed by map values');
    default:
      return false;
  }
}

/** Whether a block's errors (see isTypingError) read the same in the whole file. */
export function errorsStayInBlock(errors: readonly YAMLError[]): boolean {
  return errors.every(isTypingError);
}

/**
 * A line that sets the lexer's expectation afresh: a list item's dash, or a plain key and its
 * colon. What follows it runs on only into lines deeper than it.
 */
const SETS_INDENTATION = /^ *-( |\r?$)|^ *[^\s#'"[\]{}|>!&*%@`,?:-][^\r\n#]*?:( |\r?$)/;

const EXPLICIT_KEY = /^ *(- +)*\?( |\r?$)/m;

/**
 * Whether a block's text reads alone as it does in the file. A plain scalar that starts a line
 * (a key still without its colon, a value on its own line) runs on into every following line
 * indented at least as far as the lexer expects. Lines of a block sit deeper than the items'
 * column, so such a scalar ends before the next item or the key after the list; unless a
 * comment has lowered what the lexer expects to that column or less (`#note` without a space
 * there, or a blank line of that few spaces before a comment at column 0) and no line has set
 * it afresh since. Such a block is analysed whole.
 */
export function readsAloneAsInFile(blockText: string, itemColumn: number): boolean {
  // An explicit key (`? |` with nothing under it) ends where the next item begins: rare in a
  // rubric or a scoresheet, and left to the whole parse.
  if (blockText.includes('?') && EXPLICIT_KEY.test(blockText)) return false;
  if (!blockText.includes('#')) return true;
  const lines = blockText.split('\n');
  let lowered = false;
  for (const [index, line] of lines.entries()) {
    const column = line.search(/[^ \r]/);
    if (column < 0) {
      if (line.replace(/\r$/, '').length <= itemColumn && /^#/.test(lines[index + 1] ?? '')) lowered = true;
    } else if (line[column] === '#') {
      if (column <= itemColumn && /^#[^ \t\r]/.test(line.slice(column))) lowered = true;
    } else if (lowered) {
      if (!SETS_INDENTATION.test(line)) return false;
      lowered = false;
    }
  }
  return true;
}

/** A plain key at column 0 (`tiers:`): where the parser is back at the document's own mapping. */
const PLAIN_ROOT_KEY = /^[^\s#'"[\]{}|>!&*%@`?:,-][^:#\r\n]*:( |\r?\n|$)/;

/**
 * Whether the skeleton's errors read the same in the whole file. The skeleton joins the text
 * before the list to the text after it; from a plain key at column 0 on, the lexer and the
 * parser are in the same state either way, so typing errors before the list (the same text) and
 * after it read alike. Text after the list that starts any other way is analysed whole.
 */
export function errorsStayInSkeleton(errors: readonly YAMLError[], afterList: string): boolean {
  if (errors.length === 0) return true;
  return errors.every(isTypingError) && (afterList === '' || PLAIN_ROOT_KEY.test(afterList));
}
