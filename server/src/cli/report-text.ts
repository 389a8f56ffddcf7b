import { cliText } from './cli-text';
import { FileReport, ReportContext } from './check-report';

/**
 * `file:line:col: severity code: message`, then a summary line, when a file was checked: a path
 * that could not be read is said on standard error, and "0 files checked" would only contradict it.
 */
export function textReport(reports: FileReport[], context: ReportContext): string[] {
  const lines = reports.flatMap((report) =>
    // The severity word stays English in every language: editors' and CI's matchers read it.
    report.diagnostics.map((d) => `${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`),
  );
  const checked = reports.some((r) => r.error === undefined);
  return checked ? [...lines, summaryLine(reports, context)] : lines;
}

export function summaryLine(reports: FileReport[], context: ReportContext): string {
  const all = reports.flatMap((r) => r.diagnostics);
  const count = (severity: string) => all.filter((d) => d.severity === severity).length;
  return cliText(context.locale).summary(reports.filter((r) => r.error === undefined).length, count('error'), count('warning'));
}
