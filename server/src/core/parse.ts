import { Document, parseAllDocuments } from 'yaml';
import { LocalizedText, text } from './findings';
import { LineIndex } from './text/line-index';
import { Span } from './text/span';

export interface SyntaxError {
  span: Span;
  message: LocalizedText;
}

export interface ParsedDocument {
  doc: Document.Parsed;
  span: Span;
  syntaxErrors: SyntaxError[];
}

export interface ParsedText {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
}

/** Chinese for the parser's messages people meet while typing; others keep the parser's English. */
const SYNTAX_MESSAGES_ZH: Record<string, string> = {
  BAD_INDENT: '缩进不正确',
  BLOCK_AS_IMPLICIT_KEY: '此处不能嵌套映射：检查冒号后的内容或缩进',
  MULTILINE_IMPLICIT_KEY: '键必须写在同一行内',
  DUPLICATE_KEY: '同一层级中键重复',
  MISSING_CHAR: '缺少字符（例如未闭合的 ] 或 }）',
  UNEXPECTED_TOKEN: '出现了意外的内容',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  BAD_SCALAR_START: '值不能以此字符开头，请加引号',
  MISSING_ANCHOR: '引用了不存在的锚点',
  BAD_DIRECTIVE: '无效的 YAML 指令',
  UNEXPECTED_FLOW_ACTION: '流式集合中出现意外内容',
  IMPOSSIBLE: 'YAML 解析失败',
};

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Text → YAML documents with exact spans. Never throws: half-typed text is the normal case. */
export function parseText(source: string): ParsedText {
  const lines = new LineIndex(source);
  const parsed = parseAllDocuments(source, { prettyErrors: false, uniqueKeys: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents = docs.map((doc) => {
    const range = doc.range ?? [0, source.length, source.length];
    const seen = new Set<string>();
    const syntaxErrors = doc.errors.flatMap((error) => {
      const start = Math.max(0, error.pos[0]);
      let end = Math.max(start, Math.min(source.length, error.pos[1]));
      // The parser marks one character of a repeated key; underline the whole key.
      if (error.code === 'DUPLICATE_KEY') end = Math.max(end, start + /^[^:\r\n]*/.exec(source.slice(start))![0].trimEnd().length);
      const span = widenEmpty({ start, end }, source, lines);
      const en = firstLine(error.message);
      const identity = `${span.start}:${span.end}:${en}`;
      if (seen.has(identity)) return [];
      seen.add(identity);
      const zh = SYNTAX_MESSAGES_ZH[error.code] ? `${SYNTAX_MESSAGES_ZH[error.code]}（${en}）` : `YAML 语法错误：${en}`;
      return [{ span, message: text(en, zh) }];
    });
    return { doc, span: { start: range[0], end: range[2] }, syntaxErrors };
  });
  return { text: source, lines, documents };
}

/**
 * A zero-width error is invisible: underline the character at it, or the last character before
 * it (an error on an empty last line shows at the end of the text above).
 */
function widenEmpty(span: Span, source: string, lines: LineIndex): Span {
  if (span.end > span.start) return span;
  const { line } = lines.positionAt(span.start);
  if (span.start < lines.lineEnd(line)) return { start: span.start, end: span.start + 1 };
  const before = source.slice(0, span.start).trimEnd().length;
  return before > 0 ? { start: before - 1, end: before } : span;
}
