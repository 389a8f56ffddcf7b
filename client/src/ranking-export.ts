import type { Ranking, RankingRow } from 'rubric-studio-server/out/protocol';
import { csvFigure, csvLines, csvText, markdownCell } from './table-cells';

/** Pure: a scoresheet's ranking → CSV or Markdown, for `Rubric: Export Ranking`. */

export interface RankingExportLabels {
  group: string;
  rank: string;
  subject: string;
  total: string;
  tier: string;
  up: string;
  down: string;
  vetoes: string;
  tied: string;
}

function rowsOf(ranking: Ranking): { group: string; row: RankingRow }[] {
  return ranking.groups.flatMap((g) => g.rows.map((row) => ({ group: g.name ?? g.id ?? '', row })));
}

/** One line per subject, groups one after the other; totals and margins exact, as the server computed them. */
export function rankingToCsv(ranking: Ranking, labels: RankingExportLabels): string {
  const grouped = ranking.groups.some((g) => g.id !== undefined);
  const header = [
    ...(grouped ? [labels.group] : []),
    labels.rank,
    labels.subject,
    labels.total,
    labels.tier,
    labels.up,
    labels.down,
    labels.vetoes,
    labels.tied,
  ];
  // Totals and margins are figures the server wrote: a negative total stays a number.
  const lines = rowsOf(ranking).map(({ group, row }) => [
    ...(grouped ? [csvText(group)] : []),
    csvFigure(row.rank === null ? '' : String(row.rank)),
    csvText(row.subject),
    csvFigure(row.total ?? ''),
    csvText(row.tier?.name ?? ''),
    csvFigure(row.margin.up ?? ''),
    csvFigure(row.margin.down ?? ''),
    csvText(row.vetoes.join(' ')),
    row.tiedAtBoundary ? '1' : '',
  ]);
  return csvLines([header.map(csvText), ...lines]);
}

/** A heading, the tier counts per group, then each group's table. */
export function rankingToMarkdown(ranking: Ranking, title: string, labels: RankingExportLabels): string {
  const out = [`# ${markdownCell(title)}`, ''];
  for (const group of ranking.groups) {
    if (group.name ?? group.id) out.push(`## ${markdownCell(group.name ?? group.id ?? '')}`, '');
    if (group.counts.length > 0) {
      out.push(group.counts.map((c) => `${markdownCell(c.tier.name)} ${c.count}`).join(' · '), '');
    }
    const header = [labels.rank, labels.subject, labels.total, labels.tier, labels.up, labels.down, labels.vetoes, labels.tied];
    const lines = group.rows.map((row) => [
      row.rank === null ? '—' : String(row.rank),
      row.subject,
      row.total ?? '—',
      row.tier?.name ?? '',
      row.margin.up ?? '',
      row.margin.down ?? '',
      row.vetoes.join(', '),
      row.tiedAtBoundary ? '✓' : '',
    ]);
    out.push(...[header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map(markdownCell).join(' | ')} |`), '');
  }
  return out.join('\n');
}
