import { Severity } from '../core';
import { cliText } from './cli-text';
import { FileReport, relativePath, ReportContext } from './check-report';
import { summaryLine } from './report-text';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): the runner turns each into
 * an annotation on the file and line. Positions are 1-based; `endColumn` is the column just past
 * the range, as in SARIF.
 */
export function githubReport(reports: FileReport[], context: ReportContext): string[] {
  const t = cliText(context.locale);
  const lines: string[] = [];
  for (const report of reports) {
    const file = relativePath(report.file, context.cwd);
    if (report.error !== undefined) {
      lines.push(workflowCommand('error', { file }, t.unreadable(report.error)));
      continue;
    }
    for (const d of report.diagnostics) {
      const { start, end } = d.range;
      const properties = { file, line: start.line + 1, col: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, title: d.code };
      lines.push(workflowCommand(COMMANDS[d.severity], properties, d.message));
    }
  }
  // A plain line: the job log shows it as it is (none when no file could be read, as in text).
  return reports.some((r) => r.error === undefined) ? [...lines, summaryLine(reports, context)] : lines;
}

export function workflowCommand(command: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

/** The runner's own escaping (actions/toolkit `escapeData`): a newline would end the command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property `:` would end the list and `,` start the next property. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
