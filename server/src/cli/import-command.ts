import { Locale, RubricCore } from '../core';
import { writeFileAtomically } from '../host/write-file';
import { DEFAULT_MAX_FILE_SIZE } from '../core';
import { problemLine } from '../spreadsheet/import-report';
import { defaultImportTarget, ImportKind, importWorkbook } from '../spreadsheet/operations';
import { Output } from './check-command';
import { UsageError } from './options';
import { sheetText, shownPath } from './sheet-text';

export interface ImportRequest {
  paths: string[];
  out?: string;
  rubric?: string;
  force: boolean;
  allowErrors: boolean;
  locale: Locale;
}

function kindOf(out: string | undefined, locale: Locale): ImportKind | undefined {
  if (out === undefined) return undefined;
  if (/\.scores\.ya?ml$/i.test(out)) return 'scores';
  if (/\.rubric\.ya?ml$/i.test(out)) return 'rubric';
  throw new UsageError(sheetText(locale).outYaml);
}

/**
 * `rubric import FILE.xlsx [--out X.scores.yaml | X.rubric.yaml] [--rubric R] [--force] [--allow-errors]`.
 * Every problem is printed at its cell; with errors nothing is written unless --allow-errors.
 * Exit 0: written (warnings allowed); 1: errors (written only with --allow-errors); 2: bad usage,
 * an unreadable or unsupported file, or a target that exists without --force.
 */
export async function runImport(request: ImportRequest, core: RubricCore, output: Output): Promise<number> {
  const t = sheetText(request.locale);
  if (request.paths.length !== 1) throw new UsageError(t.oneWorkbook);
  const file = request.paths[0];
  const kind = kindOf(request.out, request.locale);
  if (/\.(xls|ods|csv)$/i.test(file)) {
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
  for (const problem of imported.problems) {
    const line = problemLine(problem, request.locale);
    output.out(problem.severity === 'warning' ? line.replace(/^([^:]*): /, `$1: ${t.warning}`) : line);
  }
  if (imported.text === '') {
    output.err(t.nothingRead);
    return 1;
  }
  if (errors > 0 && !request.allowErrors) {
    output.err(t.notWritten(errors));
    return 1;
  }
  const target = request.out ?? defaultImportTarget(file, imported.kind);
  const written = await writeFileAtomically(target, imported.text, { force: request.force });
  if (!written.ok) {
    output.err(`${target}: ${t.cannotWrite}: ${written.reason[request.locale]}`);
    return 2;
  }
  const shown = shownPath(written.file);
  output.out(imported.kind === 'scores' ? t.wroteScores(shown, imported.count) : t.wroteRubric(shown, imported.count));
  if (imported.problems.length > 0) output.out(t.counts(errors, warnings));
  return errors > 0 ? 1 : 0;
}
