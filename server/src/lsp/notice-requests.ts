import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Locale, localize, ScoresheetAnalysis } from '../core';
import { writeFileAtomically } from '../host/write-file';
import { parseNoticeDate, todayOf } from '../notice/notice-date';
import { errorLineText, noticeBytes, noticeFormatOf } from '../notice/notice-file';
import type { NoticeParams, NoticeResult } from '../protocol';

const TEXT = {
  notOpen: {
    en: 'The scoresheet is not open: open it in the editor first.',
    'zh-CN': '评分表未打开：请先在编辑器中打开它。',
  },
  format: { en: 'A results notice is written as .docx or .md.', 'zh-CN': '考核结果通报只能保存为 .docx 或 .md 文件。' },
  date: { en: (date: string) => `Not a date: ${date} (YYYY-MM-DD).`, 'zh-CN': (date: string) => `日期无效：${date}（应为 YYYY-MM-DD）。` },
  refused: {
    en: (n: number, name: string) =>
      `${n} error${n === 1 ? '' : 's'} in ${name} or its rubric: a notice must not rank on ${n === 1 ? 'it' : 'them'}. Nothing written.`,
    'zh-CN': (n: number, name: string) => `${name}或其考核细则中有 ${n} 个错误，通报不能据此排名，未写入文件。`,
  },
  wrote: {
    en: (name: string, n: number) => `Wrote the results notice ${name} (${n} subject${n === 1 ? '' : 's'}).`,
    'zh-CN': (name: string, n: number) => `已生成考核结果通报 ${name}（${n} 个考核对象）。`,
  },
  draft: {
    en: (n: number) => ` A draft, not to be issued: its top lists the ${n} error${n === 1 ? '' : 's'}.`,
    'zh-CN': (n: number) => `这是草稿，不得印发；开头列出了 ${n} 个错误。`,
  },
} as const;

/**
 * `rubric/notice`: the results notice of an open scoresheet, made and written as `rubric notice`
 * makes it (notice/notice-file.ts), from the analysis the editor shows. Never throws to the
 * connection: a failure is an answer with its message.
 */
export async function writeNotice(params: NoticeParams, analysis: ScoresheetAnalysis | undefined, locale: Locale): Promise<NoticeResult> {
  try {
    return await writeNoticeUnsafe(params, analysis, locale);
  } catch (error) {
    return { ok: false, message: String(error instanceof Error ? error.message : error), errors: [] };
  }
}

async function writeNoticeUnsafe(params: NoticeParams, analysis: ScoresheetAnalysis | undefined, locale: Locale): Promise<NoticeResult> {
  const words = localize(TEXT, locale);
  if (!analysis) return { ok: false, message: words.notOpen, errors: [] };
  const target = fileURLToPath(params.target);
  const format = noticeFormatOf(target);
  if (!format) return { ok: false, message: words.format, errors: [] };
  const date = params.date === undefined ? todayOf(new Date()) : parseNoticeDate(params.date);
  if (!date) return { ok: false, message: words.date(params.date ?? ''), errors: [] };
  const scoresheet = path.basename(new URL(params.uri).pathname);
  const made = await noticeBytes(analysis, {
    scoresheet: decodeURIComponent(scoresheet),
    format,
    locale: params.locale,
    date,
    allowErrors: params.allowErrors ?? false,
  });
  if (!made.ok) {
    if ('reason' in made) return { ok: false, message: made.reason[locale], errors: [] };
    return { ok: false, message: words.refused(made.errors.length, decodeURIComponent(scoresheet)), errors: made.errors.map((e) => errorLineText(e, locale)) };
  }
  const written = await writeFileAtomically(target, made.bytes, { force: true });
  if (!written.ok) return { ok: false, message: `${target}: ${written.reason[locale]}`, errors: [] };
  const message = words.wrote(path.basename(written.file), made.subjects) + (made.errors > 0 ? words.draft(made.errors) : '');
  return { ok: true, file: pathToFileURL(written.file).href, subjects: made.subjects, errors: made.errors, message };
}
