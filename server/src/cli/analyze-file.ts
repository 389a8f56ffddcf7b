import { DEFAULT_MAX_FILE_SIZE, Finding, LineIndex, Locale, RubricCore, ScoresheetAnalysis } from '../core';
import { RubricFiles } from '../host/rubric-files';
import { ReportedDiagnostic } from './check-report';

/** A scoresheet on disk, analysed against its rubric; rubrics may come from the current folder down (or the scoresheet's own folder). */
export function analyzeScoresheetFile(file: string, text: string, core: RubricCore, cwd: string): { analysis: ScoresheetAnalysis; rubricPath?: string } {
  const rubrics = new RubricFiles(core, () => DEFAULT_MAX_FILE_SIZE);
  let rubricPath: string | undefined;
  const analysis = core.analyzeScoresheet(text, (written) => {
    const found = rubrics.lookup(file, written, [cwd]);
    rubricPath = found.path;
    return found.lookup;
  });
  return { analysis, rubricPath };
}

/** A rubric's or a scoresheet's findings as the command line reports them, in the person's language. */
export function diagnosticsOf(analysis: { findings: readonly Finding[]; source: { lines: LineIndex } }, locale: Locale): ReportedDiagnostic[] {
  return analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message[locale], range: analysis.source.lines.rangeOf(f.span) }));
}
