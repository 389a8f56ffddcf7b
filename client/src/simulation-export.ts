import { SimulationRow, slotsText } from 'rubric-studio-server/out/protocol';
import { csvFigure, csvLines, csvText, markdownCell } from './table-cells';

/** Pure: simulation rows → CSV or Markdown, for `Rubric: Export Simulation`. */

/** Ranges keep the en dash of slot text: a spreadsheet would read `10-15` as a date. */
export function toCsv(rows: SimulationRow[]): string {
  const tiers = rows[0]?.tiers ?? [];
  const header = ['subjects', ...tiers.flatMap((t) => [`${t.name} slots`, `${t.name} share`]), 'warnings'].map(csvText);
  const lines = rows.map((row) => [
    csvFigure(String(row.subjects)),
    ...row.tiers.flatMap((t) => [csvFigure(slotsText(t)), csvFigure((t.share * 100).toFixed(1) + '%')]),
    csvText(row.warnings.join(' ')),
  ]);
  return csvLines([header, ...lines]);
}

export function toMarkdown(rows: SimulationRow[], title: string): string {
  const tiers = rows[0]?.tiers ?? [];
  const header = ['N', ...tiers.map((t) => t.name), '⚠'];
  const lines = rows.map((row) => [String(row.subjects), ...row.tiers.map((t) => `${slotsText(t)} (${(t.share * 100).toFixed(1)}%)`), row.warnings.join(', ')]);
  const table = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map(markdownCell).join(' | ')} |`);
  return [`# ${markdownCell(title)}`, '', ...table, ''].join('\n');
}
