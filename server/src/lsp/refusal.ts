import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LocalizedText, text } from '../core';
import { tooLargeText } from './settings';

/**
 * Replacement characters (U+FFFD) an editor shows for bytes that are not UTF-8: a GBK file opened
 * as UTF-8 has one for nearly every Chinese character. A rubric may hold one or two on purpose.
 */
const REPLACEMENT_CHARACTERS_NOT_UTF8 = 3;

export interface Refusal {
  message: LocalizedText;
  severity: DiagnosticSeverity;
}

const NOT_UTF8 = text(
  'This file seems not to be UTF-8 (perhaps GBK): it shows replacement characters (\uFFFD). Reopen it with its encoding (such as GB 18030) and save it as UTF-8; it is not analysed until then',
  '此文件似乎不是 UTF-8 编码（可能是 GBK）：其中出现了替换字符（\uFFFD）。请按原编码（如 GB 18030）重新打开，另存为 UTF-8 编码；在此之前不作分析',
);

/**
 * Why a document is not analysed at all, said once at its start instead of findings: larger than
 * rubric.maxFileSize (no freeze on a huge file), or bytes that were not UTF-8 (a cascade of
 * schema errors about mojibake helps nobody).
 */
export function refusalOf(content: string, maxFileSize: number): Refusal | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: most files need no count.
  if (content.length * 3 > maxFileSize && Buffer.byteLength(content, 'utf8') > maxFileSize) {
    return { message: tooLargeText(maxFileSize), severity: DiagnosticSeverity.Warning };
  }
  let replaced = 0;
  for (let at = content.indexOf('\uFFFD'); at >= 0 && replaced < REPLACEMENT_CHARACTERS_NOT_UTF8; at = content.indexOf('\uFFFD', at + 1)) replaced++;
  return replaced < REPLACEMENT_CHARACTERS_NOT_UTF8 ? undefined : { severity: DiagnosticSeverity.Error, message: NOT_UTF8 };
}

/** The last refusal worked out for each open document, with the version and limit it was for. */
const refusals = new WeakMap<TextDocument, { version: number; maxFileSize: number; refusal: Refusal | undefined }>();

/**
 * A document's refusal, worked out once a version: every request on a document asks, and in a
 * file of megabytes each answer is a scan of the whole text (a keystroke with the requests an
 * editor sends after it asked five times).
 */
export function refusalOfDocument(document: TextDocument, maxFileSize: number): Refusal | undefined {
  const known = refusals.get(document);
  if (known && known.version === document.version && known.maxFileSize === maxFileSize) return known.refusal;
  const refusal = refusalOf(document.getText(), maxFileSize);
  refusals.set(document, { version: document.version, maxFileSize, refusal });
  return refusal;
}
