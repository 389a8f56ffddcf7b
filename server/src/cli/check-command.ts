import { promises as fs } from 'fs';
import * as path from 'path';
import { Finding, Locale, RubricCore, text } from '../core';
import { findRubricFiles } from '../host/find-rubric-files';
import { readTextFile } from '../host/read-text-file';
import { cliText } from './cli-text';
import { DEFAULT_MAX_FILE_SIZE } from '../lsp/settings';
import { Format, UsageError } from './options';

export interface FileReport {
  file: string;
  /** Why the file could not be checked (missing, not UTF-8…); its diagnostics are then empty. */
  error?: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Files named on the command line, with folders expanded; unreadable paths are reported, not thrown. */
async function expand(paths: string[], locale: Locale, output: Output): Promise<{ files: string[] }> {
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
  return { files };
}

/** `--max-file-size BYTES`: a whole number of bytes, at least 1; the editor's default without it. */
function maxFileSizeOf(option: string | undefined, locale: Locale): number {
  if (option === undefined) return DEFAULT_MAX_FILE_SIZE;
  if (/^\d+$/.test(option.trim()) && Number.isSafeInteger(Number(option)) && Number(option) > 0) return Number(option);
  throw new UsageError(text('--max-file-size needs a whole number of bytes, at least 1', '--max-file-size 须为不小于 1 的整数（字节数）')[locale]);
}

/** Why a file over the limit is not checked, after "file: cannot read:". */
function tooLarge(limit: number) {
  return text(
    `is larger than ${limit} bytes (--max-file-size; rubric.maxFileSize in the editor); it is not checked`,
    `大于 ${limit} 字节（--max-file-size；编辑器中为 rubric.maxFileSize），不作检查`,
  );
}

export async function runCheck(paths: string[], format: Format, locale: Locale, core: RubricCore, output: Output, maxFileSizeOption?: string): Promise<number> {
  const t = cliText(locale);
  const maxFileSize = maxFileSizeOf(maxFileSizeOption, locale);
  const { files } = await expand(paths, locale, output);
  const reports: FileReport[] = [];
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    // Measured before reading: a huge file is neither read into memory nor parsed.
    const size = (await fs.stat(file).catch(() => undefined))?.size ?? 0;
    const read = size > maxFileSize ? { ok: false as const, reason: tooLarge(maxFileSize) } : await readTextFile(file);
    if (!read.ok) {
      unreadable = true;
      output.err(`${file}: ${t.cannotRead}: ${read.reason[locale]}`);
      reports.push({ file: path.normalize(file), error: read.reason[locale], diagnostics: [] });
      continue;
    }
    const analysis = core.analyze(read.text);
    const report: FileReport = {
      file: path.normalize(file),
      diagnostics: analysis.findings.map((f: Finding) => ({
        code: f.code,
        severity: f.severity,
        message: f.message[locale],
        range: analysis.source.lines.rangeOf(f.span),
      })),
    };
    reports.push(report);
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      // The severity word stays English in every language: editors' and CI's matchers read it.
      if (format === 'text') output.out(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  if (format === 'json') output.out(JSON.stringify(reports, null, 2));
  else output.out(t.summary(reports.filter((r) => r.error === undefined).length, errors, warnings));
  if (unreadable || files.length === 0) return 2;
  return errors > 0 ? 1 : 0;
}
