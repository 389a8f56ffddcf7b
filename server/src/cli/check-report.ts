import * as path from 'path';
import { pathToFileURL } from 'url';
import { Locale, Range, Severity } from '../core';

/** One checked file as every output form sees it (the `--format json` element). */
export interface FileReport {
  file: string;
  /** Why the file could not be checked (missing, not UTF-8…); its diagnostics are then empty. */
  error?: string;
  diagnostics: ReportedDiagnostic[];
}

export interface ReportedDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** LSP positions: 0-based line, UTF-16 character, end exclusive. */
  range: Range;
}

/** What an output form may need beside the reports. */
export interface ReportContext {
  locale: Locale;
  /** Paths in SARIF and GitHub annotations are relative to it. */
  cwd: string;
  toolVersion: string;
}

/**
 * A file's path relative to `cwd` with forward slashes, as code scanning and GitHub annotations
 * expect (they resolve it against the checkout); a file on another drive stays absolute.
 */
export function relativePath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (path.isAbsolute(relative) ? path.resolve(cwd, file) : relative).split(path.sep).join('/');
}

/** The same path as a URI reference: each segment percent-encoded (spaces, CJK names, `%`). */
export function relativeUri(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (path.isAbsolute(relative)) return pathToFileURL(path.resolve(cwd, file)).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
