import { SimulationRow, slotsText } from 'rubric-studio-server/out/protocol';

/** Pure: simulation rows → CSV or Markdown, for `Rubric: Export Simulation`. */

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Ranges keep the en dash of slot text: a spreadsheet would read `10-15` as a date. */
export function toCsv(rows: SimulationRow[]): string {
  const tiers = rows[0]?.tiers ?? [];
  const header = ['subjects', ...tiers.flatMap((t) => [`${t.name} slots`, `${t.name} share`]), 'warnings'];
  const lines = rows.map((row) => [
    String(row.subjects),
    ...row.tiers.flatMap((t) => [slotsText(t), (t.share * 100).toFixed(1) + '%']),
    row.warnings.join(' '),
  ]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function mdCell(value: string): string {
  return value.replace(/\|/g, '\\|');
}

export function toMarkdown(rows: SimulationRow[], title: string): string {
  const tiers = rows[0]?.tiers ?? [];
  const header = ['N', ...tiers.map((t) => t.name), '⚠'];
  const lines = rows.map((row) => [String(row.subjects), ...row.tiers.map((t) => `${slotsText(t)} (${(t.share * 100).toFixed(1)}%)`), row.warnings.join(', ')]);
  const table = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map(mdCell).join(' | ')} |`);
  return [`# ${mdCell(title)}`, '', ...table, ''].join('\n');
}
