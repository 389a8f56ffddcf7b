import { promises as fs } from 'fs';
import * as path from 'path';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { createRubricCore, DEFAULT_MAX_FILE_SIZE, Locale, RubricCore, SCORES_FILE, text } from '../core';
import { findRubricFiles } from '../host/find-rubric-files';
import { readTextFile } from '../host/read-text-file';
import { loadRubricSchema } from '../host/rubric-schema';
import { loadScoresSchema } from '../host/scores-schema';
import { cliText } from './cli-text';
import { FileReport, ReportContext } from './check-report';
import { CHECK_WORKER, checkInWorkers, CheckedFile, CheckSettings, FromWorker, threadsFor, ToWorker } from './check-workers';
import { Format, UsageError } from './options';
import { githubReport } from './report-github';
import { sarifReport } from './report-sarif';
import { textReport } from './report-text';
import { analyzeScoresheetFile, diagnosticsOf } from './analyze-file';
import { Output } from './output';
import { jsonOutput, terminalOutput } from './terminal-text';

export { FileReport } from './check-report';
export { Output } from './output';

/** Each output form: the reports in, the lines for standard output out. */
const REPORTERS: Record<Format, (reports: FileReport[], context: ReportContext) => string[]> = {
  text: textReport,
  json: (reports) => [JSON.stringify(reports, null, 2)],
  sarif: sarifReport,
  github: githubReport,
};

/** Files named on the command line, with folders expanded; unreadable paths are reported, not thrown. */
async function expand(paths: string[], locale: Locale, output: Output): Promise<string[]> {
  const t = cliText(locale);
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found = await findRubricFiles(p);
      if (found.length === 0) output.err(`rubric: ${t.noFiles} ${p}`);
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  return files;
}

/** `--max-file-size BYTES`: a whole number of bytes, at least 1; the editor's default without it. */
function maxFileSizeOf(option: string | undefined, locale: Locale): number {
  if (option === undefined) return DEFAULT_MAX_FILE_SIZE;
  if (/^\d+$/.test(option.trim()) && Number.isSafeInteger(Number(option)) && Number(option) > 0) return Number(option);
  throw new UsageError(text('--max-file-size needs a whole number of bytes, at least 1', '--max-file-size 须为不小于 1 的整数（字节数）')[locale]);
}

/** Paths and messages quote the files: a terminal must not obey what they hold. */
function outputFor(format: Format, printer: Output): Output {
  return format === 'json' || format === 'sarif' ? jsonOutput(printer) : terminalOutput(printer);
}

/** One file's report; a fault of ours while checking it is reported for that file. */
function checkOne(file: string, locale: Locale, core: RubricCore, output: Output, maxFileSize: number): Promise<FileReport> {
  return checkFile(file, locale, core, output, maxFileSize).catch((error: unknown) => failed(file, error, locale, output));
}

/**
 * A worker thread of a run over many files (see check-workers.ts): it checks the files it is
 * given, one at a time as the serial run does, and sends back each report with the lines the
 * file wrote on standard error.
 */
function serveChecks(settings: CheckSettings): void {
  const core = createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    if ('done' in message) {
      port.close();
      return;
    }
    void (async () => {
      const results: [number, CheckedFile][] = [];
      for (const [index, file] of message.files) {
        const err: string[] = [];
        const output = outputFor(settings.format, { out: () => undefined, err: (line) => err.push(line) });
        results.push([index, { report: await checkOne(file, settings.locale, core, output, settings.maxFileSize), err }]);
      }
      port.postMessage({ results } satisfies FromWorker);
    })();
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[CHECK_WORKER]) serveChecks((workerData as Record<string, CheckSettings>)[CHECK_WORKER]);

/** Why a file over the limit is not checked, after "file: cannot read:". */
function tooLarge(limit: number) {
  return text(
    `is larger than ${limit} bytes (--max-file-size; rubric.maxFileSize in the editor); it is not checked`,
    `大于 ${limit} 字节（--max-file-size；编辑器中为 rubric.maxFileSize），不作检查`,
  );
}

async function checkFile(file: string, locale: Locale, core: RubricCore, output: Output, maxFileSize: number): Promise<FileReport> {
  // Measured before reading: a huge file is neither read into memory nor parsed.
  const size = (await fs.stat(file).catch(() => undefined))?.size ?? 0;
  const read = size > maxFileSize ? { ok: false as const, reason: tooLarge(maxFileSize) } : await readTextFile(file);
  if (!read.ok) {
    output.err(cliText(locale).about(file, cliText(locale).unreadable(read.reason[locale])));
    return { file: path.normalize(file), error: read.reason[locale], diagnostics: [] };
  }
  if (SCORES_FILE.test(file)) {
    const { analysis } = analyzeScoresheetFile(path.resolve(file), read.text, core, process.cwd());
    return { file: path.normalize(file), diagnostics: diagnosticsOf(analysis, locale) };
  }
  return { file: path.normalize(file), diagnostics: diagnosticsOf(core.analyze(read.text), locale) };
}

/**
 * A file the core could not analyse (a fault of ours, never of the file): said for that file with
 * the reason, and the other files are still checked and reported.
 */
function failed(file: string, error: unknown, locale: Locale, output: Output): FileReport {
  const reason = text(`internal error, please report it: ${String(error)}`, `内部错误，请报告：${String(error)}`)[locale];
  output.err(cliText(locale).about(file, cliText(locale).unreadable(reason)));
  return { file: path.normalize(file), error: reason, diagnostics: [] };
}

/** Exit status: 2 when a path could not be read or nothing was found, else 1 when any error, else 0. */
export async function runCheck(
  paths: string[],
  format: Format,
  locale: Locale,
  core: RubricCore,
  printer: Output,
  maxFileSizeOption?: string,
  /** How many threads check the files (for tests); by default every core for many files, one for few. */
  threads?: number,
): Promise<number> {
  const output = outputFor(format, printer);
  const maxFileSize = maxFileSizeOf(maxFileSizeOption, locale);
  const files = await expand(paths, locale, output);
  const reports: FileReport[] = [];
  const workers = threadsFor(files.length, threads);
  if (workers > 1) {
    // Each file's lines on standard error were made safe for a terminal in its worker, as `output` would.
    const checkHere = async (file: string): Promise<CheckedFile> => {
      const err: string[] = [];
      const report = await checkOne(file, locale, core, outputFor(format, { out: () => undefined, err: (line) => err.push(line) }), maxFileSize);
      return { report, err };
    };
    for (const { report, err } of await checkInWorkers(__filename, files, { format, locale, maxFileSize }, workers, checkHere)) {
      for (const line of err) printer.err(line);
      reports.push(report);
    }
  } else {
    for (const file of files) reports.push(await checkOne(file, locale, core, output, maxFileSize));
  }
  const context: ReportContext = { locale, cwd: process.cwd(), toolVersion: require('../../package.json').version as string };
  for (const line of REPORTERS[format](reports, context)) output.out(line);
  if (files.length === 0 || reports.some((r) => r.error !== undefined)) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
