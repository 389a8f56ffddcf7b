import { YAMLError } from 'yaml';

/**
 * Parser errors that stay inside the indicator block they are made in. Each arises when the
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

/**
 * Whether a block's errors read the same in the whole file. A key left without its colon is a
 * plain scalar, which runs on into every following line indented at least as far as the lexer
 * expects. Lines of the block sit deeper than the items' column, so it ends before the next item
 * or the key after the list: unless a comment at or left of that column (`# note`, or a blank
 * line before one at column 0) has lowered what the lexer expects. Then it is analysed whole.
 */
export function errorsStayInBlock(errors: readonly YAMLError[], blockText: string, itemColumn: number): boolean {
  if (errors.length === 0) return true;
  return errors.every(isTypingError) && !new RegExp(`^ {0,${itemColumn}}#`, 'm').test(blockText);
}

/** A plain key at column 0 (`tiers:`): where the parser is back at the rubric's own mapping. */
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
