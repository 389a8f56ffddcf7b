import { realpathSync } from 'fs';
import { DEFAULT_MAX_FILE_SIZE, Finding, LineIndex, Locale, RubricCore, ScoresheetAnalysis } from '../core';
import { RubricFiles } from '../host/rubric-files';
import { readSheetFromDisk, ScoresheetFiles } from '../host/scoresheet-files';
import { ReportedDiagnostic } from './check-report';

/**
 * A scoresheet on disk, analysed against its rubric and the scoresheets it names (`rounds:`,
 * `previous:`); rubrics and scoresheets may come from the current folder down (or the
 * scoresheet's own folder).
 */
export function analyzeScoresheetFile(file: string, text: string, core: RubricCore, cwd: string): { analysis: ScoresheetAnalysis; rubricPath?: string } {
  const rubrics = new RubricFiles(core, () => DEFAULT_MAX_FILE_SIZE);
  const sheets = new ScoresheetFiles(
    core,
    {
      read: (real) => readSheetFromDisk(real, DEFAULT_MAX_FILE_SIZE),
      rubric: (sheet, written) => rubrics.lookup(sheet, written, [cwd]).lookup,
      location: (real) => real,
    },
    () => [cwd],
  );
  let rubricPath: string | undefined;
  const analysis = core.analyzeScoresheet(
    text,
    (written) => {
      const found = rubrics.lookup(file, written, [cwd]);
      rubricPath = found.path;
      return found.lookup;
    },
    sheets.lookupFor(realPathOrSelf(file), { files: new Set(), waiting: false }),
  );
  return { analysis, rubricPath };
}

function realPathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** A rubric's or a scoresheet's findings as the command line reports them, in the person's language. */
export function diagnosticsOf(analysis: { findings: readonly Finding[]; source: { lines: LineIndex } }, locale: Locale): ReportedDiagnostic[] {
  return analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message[locale], range: analysis.source.lines.rangeOf(f.span) }));
}
