import type { Ranking, RankingRow } from 'rubric-studio-server/out/protocol';
import { rankChange } from './ranking-html';
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
  /** With `previous:`: the CSV's column of last ranks ("Previous rank") and the Markdown's column of changes ("Change", ↑2 / ↓1 / =). */
  previousRank?: string;
  change?: string;
  /** A subject not ranked last time ("new"). */
  newMark?: string;
  /** With rounds: a round's columns, "{0}: total" and "{0}: rank" ({0}: the round's label). */
  roundTotal?: string;
  roundRank?: string;
}

function rowsOf(ranking: Ranking): { group: string; row: RankingRow }[] {
  return ranking.groups.flatMap((g) => g.rows.map((row) => ({ group: g.name ?? g.id ?? '', row })));
}

const fill = (format: string, value: string) => format.replace('{0}', value);

/** The vetoes by the names the rubric gives them (an id only where it has no name). */
function vetoNames(ranking: Ranking, row: RankingRow): string[] {
  return row.vetoes.map((id) => ranking.vetoNames?.[id] ?? id);
}

/** Whether the sheet names a previous result (then every row carries `previousRank`). */
function withPrevious(ranking: Ranking): boolean {
  return ranking.previous !== undefined || rowsOf(ranking).some(({ row }) => row.previousRank !== undefined);
}

/** `↑2`, `↓1`, `=`, the word for new, or nothing: the view's change column in words. */
function changeText(row: RankingRow, labels: RankingExportLabels): string {
  const change = rankChange(row);
  if (!change) return '';
  return change.cls === 'new' ? (labels.newMark ?? 'new') : change.text;
}

/**
 * One line per subject, groups one after the other; totals and margins exact, as the server
 * computed them. With `previous:` the last rank beside the rank (a number a spreadsheet can
 * compare, where an arrow could not be); with rounds each round's total and rank.
 */
export function rankingToCsv(ranking: Ranking, labels: RankingExportLabels): string {
  const grouped = ranking.groups.some((g) => g.id !== undefined);
  const previous = withPrevious(ranking);
  const rounds = ranking.rounds ?? [];
  const header = [
    ...(grouped ? [labels.group] : []),
    labels.rank,
    ...(previous ? [labels.previousRank ?? 'Previous rank'] : []),
    labels.subject,
    labels.total,
    labels.tier,
    ...rounds.flatMap((round) => [fill(labels.roundTotal ?? '{0}: total', round.label), fill(labels.roundRank ?? '{0}: rank', round.label)]),
    labels.up,
    labels.down,
    labels.vetoes,
    labels.tied,
  ];
  // Totals and margins are figures the server wrote: a negative total stays a number.
  const lines = rowsOf(ranking).map(({ group, row }) => [
    ...(grouped ? [csvText(group)] : []),
    csvFigure(row.rank === null ? '' : String(row.rank)),
    ...(previous ? [csvFigure(row.previousRank === null || row.previousRank === undefined ? '' : String(row.previousRank))] : []),
    csvText(row.subject),
    csvFigure(row.total ?? ''),
    csvText(row.tier?.name ?? ''),
    ...rounds.flatMap((_, index) => [csvFigure(row.roundTotals?.[index] ?? ''), csvFigure(row.roundRanks?.[index]?.toString() ?? '')]),
    csvFigure(row.margin.up ?? ''),
    csvFigure(row.margin.down ?? ''),
    csvText(vetoNames(ranking, row).join(' ')),
    row.tiedAtBoundary ? '1' : '',
  ]);
  return csvLines([header.map(csvText), ...lines]);
}

/** A heading, the tier counts per group, then each group's table: the view's columns, the change and each round's "total (rank)" included. */
export function rankingToMarkdown(ranking: Ranking, title: string, labels: RankingExportLabels): string {
  const out = [`# ${markdownCell(title)}`, ''];
  const previous = withPrevious(ranking);
  const rounds = ranking.rounds ?? [];
  for (const group of ranking.groups) {
    if (group.name ?? group.id) out.push(`## ${markdownCell(group.name ?? group.id ?? '')}`, '');
    if (group.counts.length > 0) {
      out.push(group.counts.map((c) => `${markdownCell(c.tier.name)} ${c.count}`).join(' · '), '');
    }
    const header = [
      labels.rank,
      ...(previous ? [labels.change ?? 'Change'] : []),
      labels.subject,
      labels.total,
      labels.tier,
      ...rounds.map((round) => round.label),
      labels.up,
      labels.down,
      labels.vetoes,
      labels.tied,
    ];
    const lines = group.rows.map((row) => [
      row.rank === null ? '—' : String(row.rank),
      ...(previous ? [changeText(row, labels)] : []),
      row.subject,
      row.total ?? '—',
      row.tier?.name ?? '',
      ...rounds.map((_, index) => {
        const total = row.roundTotals?.[index] ?? null;
        const rank = row.roundRanks?.[index] ?? null;
        return total === null ? '—' : rank === null ? total : `${total} (${rank})`;
      }),
      row.margin.up ?? '',
      row.margin.down ?? '',
      vetoNames(ranking, row).join(', '),
      row.tiedAtBoundary ? '✓' : '',
    ]);
    out.push(...[header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map(markdownCell).join(' | ')} |`), '');
  }
  return out.join('\n');
}
