import { Document, isScalar, parseAllDocuments, YAMLError } from 'yaml';
import { LocalizedText, text } from '../text/locale';
import { unclosedBracket } from './unclosed-bracket';
import { LineIndex } from '../text/line-index';
import { MAX_NESTING } from '../limits';
import { nestingBeyondLimit } from './nesting';
import { Span } from '../text/span';
import { DocumentTree, wholeDocumentTree } from './document-tree';

export interface SyntaxError {
  span: Span;
  message: LocalizedText;
}

export interface ParsedDocument {
  span: Span;
  syntaxErrors: SyntaxError[];
  tree: DocumentTree;
}

/** A document parsed whole, with its `yaml` Document. */
export interface YamlDocument extends ParsedDocument {
  doc: Document.Parsed;
}

export interface ParsedText {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
}

export interface ParsedYaml extends ParsedText {
  documents: YamlDocument[];
}

/** An empty document (a stray `---`, a new file) is not a rubric yet. */
function blank(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return contents === null || (isScalar(contents) && contents.value === null && !contents.source);
}

/**
 * Chinese for the parser's messages people meet while typing, matched on the English text (one
 * parser code covers several situations); others keep the parser's English after a prefix.
 */
const SYNTAX_MESSAGES_ZH: [RegExp, string][] = [
  [/Missing closing "?quote/i, '引号未闭合：缺少右引号'],
  [/Flow sequence .*end with a \]/i, '方括号 [ 未闭合，或其后内容缩进不足：缺少 ]'],
  [/Flow map(ping)? .*end with a \}/i, '花括号 { 未闭合，或其后内容缩进不足：缺少 }'],
  [/Expected .*\]/i, '缺少右方括号 ]'],
  [/Expected .*\}/i, '缺少右花括号 }'],
  [/Implicit map keys need to be followed by map values/i, '键后面缺少冒号和值'],
  [/Implicit keys need to be on a single line/i, '键必须写在同一行内'],
  [/Nested mappings are not allowed in compact mappings/i, '冒号后不能直接再写“键: 值”：请换行并缩进'],
  [/block sequence may not be used as an implicit map key/i, '列表不能用作键：请检查“- ”所在行的缩进'],
  [/Map keys must be unique/i, '同一层级中键重复'],
  [/Tabs are not allowed as indentation|tab/i, '不能用制表符（Tab）缩进，请改用空格'],
  [/indent/i, '缩进不正确'],
  [/Plain value cannot start with/i, '值不能以此字符开头，请加引号'],
  [/Unexpected/i, '出现了意外的内容'],
];

/** Full-width punctuation typed with a Chinese input method breaks YAML; say which. */
/** Only where they break structure: Chinese text values may hold "：" and "，" freely. */
const FULL_WIDTH: [RegExp, string, string][] = [
  [/^[^:#\n]*：/m, 'the full-width colon "：" where a key needs ":"', '全角冒号“：”，键后须用半角“:”'],
  [/^[ \t]*\u3000/m, 'a full-width space in the indentation', '全角空格缩进，须用半角空格'],
  [/^[ \u3000]*\t/m, 'a tab in the indentation', '制表符（Tab）缩进，须用空格'],
  [/\[[^\]\n]*，/, 'the full-width comma "，" inside [ ]', '方括号内的全角逗号“，”，须用半角“,”'],
  [/[【】]/, 'full-width brackets "【】"', '全角方括号“【】”，须用半角“[ ]”'],
];

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A parser error as `yaml` reports it, at offsets in the whole text. */
export interface ParserError {
  span: Span;
  code: string;
  message: string;
}

/** `yaml`'s errors of one document, clamped to the text. */
export function parserErrors(errors: readonly YAMLError[], source: string): ParserError[] {
  return errors.map((error) => {
    const start = Math.max(0, error.pos[0]);
    return { span: { start, end: Math.max(start, Math.min(source.length, error.pos[1])) }, code: error.code, message: error.message };
  });
}

/** The parser's errors as people read them: whole keys underlined, in both languages, each place once. */
export function syntaxErrorsOf(errors: readonly ParserError[], source: string, lines: LineIndex): SyntaxError[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const { start } = error.span;
    let end = error.span.end;
    // The parser marks one character of a repeated key; underline the whole key.
    if (error.code === 'DUPLICATE_KEY') end = Math.max(end, start + /^[^:\r\n]*/.exec(source.slice(start))![0].trimEnd().length);
    // An unclosed [ or {: underline it, from the bracket to the end of its line, not where the parser gave up.
    const kind = /Flow (sequence|map)(ping)? .*end with a [\]}]/i.exec(error.message)?.[1];
    const bracket = kind === undefined ? undefined : unclosedBracket(source, start, kind === 'sequence' ? '[' : '{');
    const span =
      bracket !== undefined
        ? { start: bracket, end: Math.max(bracket + 1, bracket + source.slice(bracket, lines.lineEnd(lines.positionAt(bracket).line)).trimEnd().length) }
        : widenEmpty({ start, end }, source, lines);
    const identity = `${span.start}:${span.end}`;
    if (seen.has(identity)) return [];
    seen.add(identity);
    return [{ span, message: syntaxMessage(error.message, source, lines, span) }];
  });
}

/** The one finding for a text nested beyond MAX_NESTING, at the place it goes past the limit. */
export function tooDeepFinding(at: number): SyntaxError {
  return {
    span: { start: at, end: at + 1 },
    message: text(
      `Lists and mappings nest more than ${MAX_NESTING} levels deep here: the file is not analysed`,
      `此处列表与映射嵌套超过 ${MAX_NESTING} 层：本文件不作分析`,
    ),
  };
}

/** The one finding for a text the parser ran out of stack on (see parseOrRefuse). */
export function parserExhausted(): SyntaxError {
  return {
    span: { start: 0, end: 0 },
    message: text(
      'The YAML parser ran out of stack on this file (broken lines nested in each other): look for a line indented differently from the list or mapping around it. The file is not analysed',
      'YAML 解析器处理此文件时栈空间耗尽（出错的行层层嵌套）：请检查缩进与所在列表或映射不一致的行。本文件不作分析',
    ),
  };
}

/**
 * Text → YAML documents, or the one reason the text is refused unread: nested too deep to parse
 * safely (see MAX_NESTING), or a parse that ran out of stack (the parser recurses once per line
 * in some broken texts: past the stack it throws, and the file is said to be unreadable rather
 * than left without findings).
 */
export function parseOrRefuse(source: string): { parsed: ParsedYaml } | { refused: SyntaxError } {
  const tooDeep = nestingBeyondLimit(source);
  if (tooDeep >= 0) return { refused: tooDeepFinding(tooDeep) };
  try {
    return { parsed: parseText(source) };
  } catch (error) {
    if (error instanceof RangeError) return { refused: parserExhausted() };
    throw error;
  }
}

/** A text refused unread (see parseOrRefuse): its lines, and no document. */
export function unread(source: string): ParsedText {
  return { text: source, lines: new LineIndex(source), documents: [] };
}

/** Text → YAML documents with exact spans. Never throws: half-typed text is the normal case. */
export function parseText(source: string): ParsedYaml {
  const lines = new LineIndex(source);
  // logLevel 'error': the parser's warnings (e.g. a collection used as a key) are not for the console.
  const parsed = parseAllDocuments(source, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents = docs.map((doc) => {
    const range = doc.range ?? [0, source.length, source.length];
    const syntaxErrors = syntaxErrorsOf(parserErrors(doc.errors, source), source, lines);
    // Clamped: after an unclosed `{` that ends with the text, the parser ends the document one past it.
    const span = { start: Math.min(range[0], source.length), end: Math.min(range[2], source.length) };
    return { doc, span, syntaxErrors, tree: wholeDocumentTree(doc, span, blank(doc) && syntaxErrors.length === 0) };
  });
  return { text: source, lines, documents };
}

function syntaxMessage(parserMessage: string, source: string, lines: LineIndex, span: Span): LocalizedText {
  const en = firstLine(parserMessage);
  const zh = SYNTAX_MESSAGES_ZH.find(([pattern]) => pattern.test(en))?.[1];
  // The cause is usually on the error's line or the one above it.
  const line = lines.positionAt(span.start).line;
  const nearby = [line, line - 1]
    .filter((l) => l >= 0)
    .map((l) => source.slice(lines.lineStart(l), lines.lineEnd(l)))
    .join('\n');
  const cause = FULL_WIDTH.find(([pattern]) => pattern.test(nearby));
  const hintEn = cause ? ` (this line has ${cause[1]})` : '';
  const hintZh = cause ? `（此处有${cause[2]}）` : '';
  return text(`${en}${hintEn}`, `${zh ?? `YAML 语法错误：${en}`}${hintZh}`);
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
