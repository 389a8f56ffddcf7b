import * as path from 'path';
import { Locale, localize, RubricCore, SCORES_FILE } from '../core';
import { readTextFile } from '../host/read-text-file';
import { writeFileAtomically } from '../host/write-file';
import { NoticeDate, parseNoticeDate, todayOf } from '../notice/notice-date';
import { defaultNoticeTarget, errorLineText, noticeBytes, noticeFormatOf } from '../notice/notice-file';
import { analyzeScoresheetFile } from './analyze-file';
import { cliText } from './cli-text';
import { Output } from './output';
import { UsageError } from './options';
import { sheetText, shownPath } from './sheet-text';
import { terminalOutput } from './terminal-text';

/** What `rubric notice` takes from the command line. */
export interface NoticeCommandRequest {
  paths: string[];
  out?: string;
  force: boolean;
  /** `--date YYYY-MM-DD`; today when absent. */
  date?: string;
  allowErrors: boolean;
  /** The person's language (messages). */
  locale: Locale;
  /** The notice's own language: Chinese unless --locale en. */
  noticeLocale: Locale;
}

const TEXT = {
  oneScoresheet: { en: 'notice takes exactly one scoresheet (*.scores.yaml)', 'zh-CN': 'notice 只接受一个评分表（*.scores.yaml）' },
  notScoresheet: {
    en: 'is not a scoresheet: its name must end in .scores.yaml or .scores.yml',
    'zh-CN': '不是评分表：文件名须以 .scores.yaml 或 .scores.yml 结尾',
  },
  outFormat: { en: '--out must name a .docx or a .md file', 'zh-CN': '--out 须为 .docx 或 .md 文件' },
  badDate: { en: '--date needs a calendar date written YYYY-MM-DD', 'zh-CN': '--date 须为 YYYY-MM-DD 格式的有效日期' },
  refused: {
    en: (n: number) =>
      `Nothing written: ${n} error${n === 1 ? '' : 's'} in the scoresheet or its rubric, and a notice must not rank on ${n === 1 ? 'it' : 'them'} ` +
      `(fix ${n === 1 ? 'it' : 'them'}, or pass --allow-errors for a draft that lists ${n === 1 ? 'it' : 'them'} at its top):`,
    'zh-CN': (n: number) => `未写入文件：评分表或考核细则中有 ${n} 个错误，通报不能据此排名（请先改正，或加 --allow-errors 生成在开头列出错误的草稿）：`,
  },
  wrote: {
    en: (file: string, n: number) => `Wrote ${file}: the results notice of ${n} subject${n === 1 ? '' : 's'}`,
    'zh-CN': (file: string, n: number) => `已写入 ${file}：考核结果通报，${n} 个考核对象`,
  },
  draft: {
    en: (n: number) => `note: a draft, not to be issued: its top lists the ${n} error${n === 1 ? '' : 's'}`,
    'zh-CN': (n: number) => `注意：这是草稿，不得印发；开头列出了 ${n} 个错误`,
  },
} as const;

function dateOf(request: NoticeCommandRequest): NoticeDate {
  if (request.date === undefined) return todayOf(new Date());
  const date = parseNoticeDate(request.date);
  if (!date) throw new UsageError(localize(TEXT, request.locale).badDate);
  return date;
}

/**
 * `rubric notice [--out FILE.docx|FILE.md] [--date YYYY-MM-DD] [--force] [--allow-errors] FILE.scores.yaml`:
 * exit 0 written; 1 refused (errors, no rubric, no subject) or a draft written with errors; 2 bad
 * usage, an unreadable scoresheet or an unwritable target.
 */
export async function runNotice(request: NoticeCommandRequest, core: RubricCore, printer: Output): Promise<number> {
  const words = localize(TEXT, request.locale);
  // Names and messages come from the files: a terminal must not obey what they hold.
  const output = terminalOutput(printer);
  if (request.paths.length !== 1) throw new UsageError(words.oneScoresheet);
  const target = request.out ?? defaultNoticeTarget(request.paths[0]);
  const format = noticeFormatOf(target);
  if (!format) throw new UsageError(words.outFormat);
  const date = dateOf(request);
  const file = path.normalize(request.paths[0]);
  if (!SCORES_FILE.test(file)) {
    output.err(`${file}${request.locale === 'zh-CN' ? '' : ': '}${words.notScoresheet}`);
    return 2;
  }
  const read = await readTextFile(file);
  if (!read.ok) {
    output.err(`${file}: ${cliText(request.locale).cannotRead}: ${read.reason[request.locale]}`);
    return 2;
  }
  const { analysis } = analyzeScoresheetFile(path.resolve(file), read.text, core, process.cwd());
  const made = await noticeBytes(analysis, { scoresheet: file, format, locale: request.noticeLocale, date, allowErrors: request.allowErrors });
  if (!made.ok) {
    if ('reason' in made) output.err(`${file}: ${made.reason[request.locale]}`);
    else {
      output.err(words.refused(made.errors.length));
      for (const error of made.errors) output.err(`  ${errorLineText(error, request.locale)}`);
    }
    return 1;
  }
  const written = await writeFileAtomically(target, made.bytes, { force: request.force });
  if (!written.ok) {
    output.err(`${target}: ${sheetText(request.locale).cannotWrite}: ${written.reason[request.locale]}`);
    return 2;
  }
  output.out(words.wrote(shownPath(written.file), made.subjects));
  if (made.errors > 0) output.err(words.draft(made.errors));
  return made.errors > 0 ? 1 : 0;
}
