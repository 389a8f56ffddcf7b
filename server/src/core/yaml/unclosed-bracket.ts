import { Lexer } from 'yaml';

/** The lexer's marks that stand for no character of the text: a document's start, a flow left unclosed, a scalar's start. */
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

/**
 * Where the `[` (or `{`) is that a person left open, for the parser's "must end with a ]": it
 * notices only where the text stops fitting, a line or the whole file later. The innermost one of
 * that kind still open when the lexer gave the flow up (or reached `before`). Read with the YAML
 * lexer, so a bracket inside a quoted or plain scalar (`完成率[80%`) or a comment is no bracket.
 */
export function unclosedBracket(source: string, before: number, open: '[' | '{'): number | undefined {
  const stack: { char: string; at: number }[] = [];
  let abandoned: { char: string; at: number }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (offset > before) break;
    if (token === FLOW_END) {
      abandoned = stack.splice(0);
      continue;
    }
    if (token === DOCUMENT || token === SCALAR) continue;
    if (token === '[' || token === '{') stack.push({ char: token, at: offset });
    else if ((token === ']' || token === '}') && stack.length > 0) stack.pop();
    offset += token.length;
  }
  const candidates = stack.length > 0 ? stack : abandoned;
  return [...candidates].reverse().find((b) => b.char === open)?.at;
}
