import { Locale, LocalizedText, RubricCore, SCORES_FILE } from '../core';
import { readTextFile } from '../host/read-text-file';
import { writeFileAtomically } from '../host/write-file';
import { assessmentTableBytes, defaultWorkbookTarget } from '../spreadsheet/operations';
import { Output } from './check-command';
import { cliText } from './cli-text';
import { UsageError } from './options';
import { sheetText, shownPath } from './sheet-text';

/** What `rubric export` and `rubric template` take from the command line. */
export interface WorkbookRequest {
  paths: string[];
  out?: string;
  force: boolean;
  document?: string;
  /** The person's language (messages). */
  locale: Locale;
  /** The workbook's own language: Chinese unless --locale en was given. */
  sheetLocale: Locale;
}

export function documentNumber(value: string | undefined, locale: Locale): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new UsageError(locale === 'zh-CN' ? '--document 须为不小于 1 的整数' : '--document needs a whole number of at least 1');
  return Number(value);
}

/** The one rubric file and the .xlsx to write, checked before anything is read. */
export function workbookTarget(request: WorkbookRequest, command: 'export' | 'template'): { rubric: string; target: string } {
  const t = sheetText(request.locale);
  if (request.paths.length !== 1) throw new UsageError(t.oneRubric(command));
  if (request.out !== undefined && !/\.xlsx$/i.test(request.out)) throw new UsageError(t.outXlsx);
  return { rubric: request.paths[0], target: request.out ?? defaultWorkbookTarget(request.paths[0], command) };
}

type MadeWorkbook<T> = ({ ok: true; bytes: Buffer | Uint8Array; errors: number } & T) | { ok: false; reason: LocalizedText };

/**
 * What `export` and `template` share: the rubric read, its workbook made, written without
 * overwriting (unless --force), and the file said; `describe` words what was written.
 */
export async function writeWorkbookFromRubric<T>(
  request: WorkbookRequest,
  command: 'export' | 'template',
  output: Output,
  make: (text: string, rubric: string, target: string, number: number) => Promise<MadeWorkbook<T>>,
  describe: (file: string, made: T) => string,
): Promise<number> {
  const t = sheetText(request.locale);
  const { rubric, target } = workbookTarget(request, command);
  const number = documentNumber(request.document, request.locale);
  if (SCORES_FILE.test(rubric)) {
    output.err(cliText(request.locale).about(rubric, cliText(request.locale).scoresheetNotRubric(rubric, command)));
    return 2;
  }
  const read = await readTextFile(rubric);
  if (!read.ok) {
    output.err(cliText(request.locale).about(rubric, cliText(request.locale).unreadable(read.reason[request.locale])));
    return 2;
  }
  const made = await make(read.text, rubric, target, number);
  if (!made.ok) {
    output.err(cliText(request.locale).about(rubric, made.reason[request.locale]));
    return 2;
  }
  const written = await writeFileAtomically(target, made.bytes, { force: request.force });
  if (!written.ok) {
    output.err(`${target}: ${t.cannotWrite}: ${written.reason[request.locale]}`);
    return 2;
  }
  if (made.errors > 0) output.err(t.rubricErrors(made.errors));
  output.out(describe(shownPath(written.file), made));
  return 0;
}

/** `rubric export [--out FILE.xlsx] [--force] [--document K] FILE.rubric.yaml`: the printable 考评表. */
export function runExport(request: WorkbookRequest, core: RubricCore, output: Output): Promise<number> {
  return writeWorkbookFromRubric(
    request,
    'export',
    output,
    (text, _rubric, _target, number) => assessmentTableBytes(core, text, number, request.sheetLocale),
    (file, made) => sheetText(request.locale).wroteTable(file, made.indicators),
  );
}
