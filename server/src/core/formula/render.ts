import { tokenize } from './lexer';
import { Formula, FormulaReference } from './syntax';

export interface RenderOptions {
  /** The text put in place of a name (or of a whole `best(x)`); undefined keeps it as written. */
  substitute?: (reference: FormulaReference) => string | undefined;
  /**
   * `as-written` keeps each operator as the author typed it (the working in a hover); `scheme`
   * writes them as a published scheme prints them: × ÷ − ≤ ≥ ≠ (the 考评表 export).
   */
  operators?: 'as-written' | 'scheme';
}

const SCHEME: Record<string, string> = { '*': '×', '/': '÷', '-': '−', '<=': '≤', '>=': '≥', '!=': '≠', '=': '=' };

/**
 * The formula's text again, its spacing kept, with names replaced as asked: `reached / sections ×
 * weight × 80%` with the subject's values is `8 / 10 × 30 × 80%`, with the inputs' names and
 * scheme operators `达标断面个数 ÷ 断面总个数 × 30 × 80%`.
 */
export function renderFormula(formula: Formula, options: RenderOptions = {}): string {
  const byStart = new Map<number, FormulaReference>();
  for (const reference of formula.references) byStart.set(reference.span.start, reference);
  const tokens = tokenize(formula.source);
  let out = '';
  let written = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.span.start < written) continue;
    out += formula.source.slice(written, token.span.start);
    const reference = byStart.get(token.span.start);
    const replaced = reference ? substituted(reference, options) : undefined;
    if (reference && replaced !== undefined) {
      out += replaced;
      written = reference.span.end;
      continue;
    }
    if (reference?.kind === 'aggregate') {
      // Kept as written, but its input may still be replaced.
      const inner = options.substitute?.({ kind: 'input', id: reference.input, span: reference.inputSpan });
      if (inner !== undefined) {
        out +=
          formula.source.slice(reference.span.start, reference.inputSpan.start) + inner + formula.source.slice(reference.inputSpan.end, reference.span.end);
        written = reference.span.end;
        continue;
      }
    }
    out += token.kind === 'operator' && options.operators === 'scheme' ? (SCHEME[token.symbol] ?? token.text) : token.text;
    written = token.span.end;
  }
  return out + formula.source.slice(written);
}

function substituted(reference: FormulaReference, options: RenderOptions): string | undefined {
  if (reference.kind === 'function') return undefined;
  return options.substitute?.(reference);
}
