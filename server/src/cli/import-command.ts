import { DEFAULT_MAX_FILE_SIZE, Locale, RubricCore } from '../core';
import { writeFileAtomically } from '../host/write-file';
import { problemLine } from '../spreadsheet/import-report';
import { importJson } from '../spreadsheet/import-json';
import { describeLayout } from '../spreadsheet/table-layout';
import { defaultImportTarget, ImportKind, importWorkbook } from '../spreadsheet/operations';
import { Output } from './check-command';
import { UsageError } from './options';
import { sheetText, shownPath } from './sheet-text';
import { jsonOutput, terminalOutput } from './terminal-text';

export interface ImportRequest {
  paths: string[];
  out?: string;
  rubric?: string;
  force: boolean;
  allowErrors: boolean;
  locale: Locale;
  /** `text` (the default) or `json`. */
  format?: string;
}

function kindOf(out: string | undefined, locale: Locale): ImportKind | undefined {
  if (out === undefined) return undefined;
  if (/\.scores\.ya?ml$/i.test(out)) return 'scores';
  if (/\.rubric\.ya?ml$/i.test(out)) return 'rubric';
  throw new UsageError(sheetText(locale).outYaml);
}

/** Files the import reads: workbooks and Word documents, the old binary ones through LibreOffice. */
const READ = /\.(?:xlsx|xlsm|docx|xls|et|doc)$/i;

/**
 * `rubric import FILE [--out X.scores.yaml | X.rubric.yaml] [--rubric R] [--force] [--allow-errors] [--format json]`.
 * FILE is an .xlsx (a filled template or a 考评表), a .docx (its first table that is a 考评表), or an
 * .xls / .et / .doc converted with LibreOffice. Every problem is printed at its cell, and the
 * layout a 考评表 was read in is said; with errors nothing is written unless --allow-errors.
 * `--format json` prints what was read by cell instead (import-json.ts), and "Wrote …" on stderr.
 * Exit 0: written (warnings allowed); 1: errors (written only with --allow-errors); 2: bad usage,
 * an unreadable or unsupported file, or a target that exists without --force.
 */
export async function runImport(request: ImportRequest, core: RubricCore, printer: Output): Promise<number> {
  const t = sheetText(request.locale);
  const json = request.format === 'json';
  if (request.format !== undefined && request.format !== 'text' && !json) throw new UsageError(t.importFormat);
  const output = json ? jsonOutput(printer) : terminalOutput(printer);
  if (request.paths.length !== 1) throw new UsageError(t.oneWorkbook);
  const file = request.paths[0];
  const kind = kindOf(request.out, request.locale);
  if (!READ.test(file)) {
    output.err(t.notXlsx(file));
    return 2;
  }
  const imported = await importWorkbook(core, {
    file,
    kind,
    rubricFile: request.rubric,
    outFile: request.out,
    // A template's recorded rubric is read from the current folder down, as `rank` reads a scoresheet's.
    rubricRoots: [process.cwd()],
    maxRubricBytes: DEFAULT_MAX_FILE_SIZE,
    locale: request.locale,
  });
  if (!imported.ok) {
    output.err(`${file}: ${imported.reason[request.locale]}`);
    return 2;
  }
  const errors = imported.problems.filter((p) => p.severity === 'error').length;
  const warnings = imported.problems.length - errors;
  const finish = (written: string | null, status: number): number => {
    if (json) output.out(JSON.stringify(importJson(file, imported, written, request.locale), null, 2));
    return status;
  };
  if (!json) {
    if (imported.convertedFrom) output.out(t.converted(file, imported.convertedFrom));
    if (imported.table) output.out(t.layout(describeLayout(imported.table.facts.layout)[request.locale]));
    for (const problem of imported.problems) {
      const line = problemLine(problem, request.locale);
      output.out(problem.severity === 'warning' ? line.replace(/^([^:]*): /, `$1: ${t.warning}`) : line);
    }
  }
  if (imported.text === '') {
    output.err(t.nothingRead);
    return finish(null, 1);
  }
  if (errors > 0 && !request.allowErrors) {
    output.err(t.notWritten(errors));
    return finish(null, 1);
  }
  const target = request.out ?? defaultImportTarget(file, imported.kind);
  const written = await writeFileAtomically(target, imported.text, { force: request.force });
  if (!written.ok) {
    output.err(`${target}: ${t.cannotWrite}: ${written.reason[request.locale]}`);
    return finish(null, 2);
  }
  const shown = shownPath(written.file);
  const wrote = imported.kind === 'scores' ? t.wroteScores(shown, imported.count) : t.wroteRubric(shown, imported.count);
  if (json) output.err(wrote);
  else {
    output.out(wrote);
    if (imported.problems.length > 0) output.out(t.counts(errors, warnings));
  }
  return finish(written.file, errors > 0 ? 1 : 0);
}
