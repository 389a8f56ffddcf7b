import type { Ranking, RankingRow } from 'rubric-studio-server/out/protocol';

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

/**
 * A CSV cell. Text from a file that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) is
 * prefixed with `'` so a spreadsheet shows it rather than runs it (CSV injection); figures are
 * written by the server and never start so, except a negative total, which is a number.
 */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return csvCell(safe);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
  const lines = rowsOf(ranking).map(({ group, row }) => [
    ...(grouped ? [csvText(group)] : []),
    row.rank === null ? '' : String(row.rank),
    csvText(row.subject),
    row.total ?? '',
    csvText(row.tier?.name ?? ''),
    row.margin.up ?? '',
    row.margin.down ?? '',
    csvText(row.vetoes.join(' ')),
    row.tiedAtBoundary ? '1' : '',
  ]);
  return [header.map(csvText), ...lines].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** A Markdown cell: pipes escaped, line breaks folded (a name may hold one). */
function mdCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

/** A heading, the tier counts per group, then each group's table. */
export function rankingToMarkdown(ranking: Ranking, title: string, labels: RankingExportLabels): string {
  const out = [`# ${mdCell(title)}`, ''];
  for (const group of ranking.groups) {
    if (group.name ?? group.id) out.push(`## ${mdCell(group.name ?? group.id ?? '')}`, '');
    if (group.counts.length > 0) {
      out.push(group.counts.map((c) => `${mdCell(c.tier.name)} ${c.count}`).join(' · '), '');
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
    out.push(...[header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map(mdCell).join(' | ')} |`), '');
  }
  return out.join('\n');
}
