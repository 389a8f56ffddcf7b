import * as path from 'path';
import { Locale, LocalizedText, ScoresheetAnalysis } from '../core';
import { buildNotice, ErrorLine } from './build-notice';
import { NoticeDate } from './notice-date';
import type * as NoticeDocx from './notice-docx';
import { noticeMarkdown } from './notice-markdown';
import { noticeWords } from './notice-words';

/**
 * What the command line and the language server share: a scoresheet's analysis in, the notice's
 * bytes out, refused while the sheet or its rubric has errors unless a draft is asked for.
 * Writing is the caller's (host/write-file.ts), so that the editor can ask where first.
 */

export type NoticeFormat = 'docx' | 'md';

/** The format a target's extension asks for; undefined for any other. */
export function noticeFormatOf(target: string): NoticeFormat | undefined {
  const extension = path.extname(target).toLowerCase();
  return extension === '.docx' ? 'docx' : extension === '.md' ? 'md' : undefined;
}

/** `forest.scores.yaml` → `forest.notice.docx`, beside it. */
export function defaultNoticeTarget(scoresheet: string): string {
  const base = path.basename(scoresheet).replace(/\.scores\.ya?ml$/i, '');
  return path.join(path.dirname(scoresheet), `${base}.notice.docx`);
}

export interface NoticeRequest {
  /** The scoresheet's path or name: its file name names it in the errors' lines. */
  scoresheet: string;
  format: NoticeFormat;
  /** The notice's own language. */
  locale: Locale;
  date: NoticeDate;
  /** Write a draft that lists the errors at the top, rather than refuse. */
  allowErrors: boolean;
}

export type NoticeBytes =
  | { ok: true; bytes: Buffer; subjects: number; errors: number }
  /** Nothing to write: no rubric, no subject. */
  | { ok: false; reason: LocalizedText }
  /** Errors, and no draft asked for. */
  | { ok: false; errors: ErrorLine[] };

export async function noticeBytes(analysis: ScoresheetAnalysis, request: NoticeRequest): Promise<NoticeBytes> {
  const built = buildNotice(analysis, { locale: request.locale, date: request.date, scoresheet: path.basename(request.scoresheet) });
  if (!built.ok) return built;
  const { notice } = built;
  if (built.errors.length > 0 && !request.allowErrors) return { ok: false, errors: built.errors };
  const subjects = notice.annex.tables.reduce((n, t) => n + t.rows.length, 0);
  if (request.format === 'md') return { ok: true, bytes: Buffer.from(noticeMarkdown(notice), 'utf8'), subjects, errors: built.errors.length };
  // The docx library is loaded only when a .docx is asked for.
  const { noticeDocx } = require('./notice-docx') as typeof NoticeDocx;
  return { ok: true, bytes: await noticeDocx(notice), subjects, errors: built.errors.length };
}

/** An error's line as the person reads it (in their language, which may not be the notice's). */
export function errorLineText(error: ErrorLine, locale: Locale): string {
  return noticeWords(locale).errorLine(error.file, error.line, error.message[locale]);
}
