import type { RankingGroup, RankingRow } from '../core';
import type { NoticeFacts } from './notice-facts';
import type { NoticeWords } from './notice-words';

/**
 * Equal totals the reader must have explained: those that straddle a tier boundary (flagged,
 * shared, or still equal after the tie-break), and those a tie-break split across two tiers.
 * Equal totals inside one tier need no sentence: the annex shows the shared rank.
 */
export function explainTies(group: RankingGroup, facts: NoticeFacts, w: NoticeWords, grouped: boolean): string[] {
  const sentences = [...boundaryTies(group, facts, w), ...brokenTies(group, facts, w)];
  return grouped ? sentences.map((s) => `${group.name ?? group.id ?? ''}${w.groupSeparator}${s}`) : sentences;
}

/** Rows with the same total, in rank order, each run of two or more. */
function byTotal(rows: RankingRow[]): RankingRow[][] {
  const runs = new Map<string, RankingRow[]>();
  for (const row of rows) {
    if (row.total === null) continue;
    runs.set(row.total, [...(runs.get(row.total) ?? []), row]);
  }
  return [...runs.values()].filter((run) => run.length > 1);
}

const tierIndex = (facts: NoticeFacts, row: RankingRow) => (row.tier === null ? Infinity : facts.table.tiers.findIndex((t) => t.id === row.tier!.id));

function boundaryTies(group: RankingGroup, facts: NoticeFacts, w: NoticeWords): string[] {
  return byTotal(group.rows.filter((r) => r.tiedAtBoundary)).map((run) => {
    const best = run.reduce((a, b) => (tierIndex(facts, b) < tierIndex(facts, a) ? b : a));
    const count = group.counts.find((c) => c.tier.id === best.tier?.id);
    const slots = count && count.max !== null && (count.min === null || count.min === count.max) ? count.max : undefined;
    const tie = {
      subjects: run.map((r) => r.subject),
      total: run[0].total!,
      rank: run[0].rank ?? 0,
      tier: best.tier?.name ?? '',
      ...(slots !== undefined ? { slots } : {}),
      compared: facts.ties === 'break' ? facts.tieBreak : [],
    };
    if (run.every((r) => r.tier?.id === best.tier?.id)) return w.sharedTie(tie, count?.count ?? run.length);
    return w.boundaryTie(
      tie,
      run.map((r) => ({ subject: r.subject, tier: r.tier?.name })),
    );
  });
}

/** Under `ties: break`: equal totals the tie-break ranked apart and into different tiers. */
function brokenTies(group: RankingGroup, facts: NoticeFacts, w: NoticeWords): string[] {
  if (facts.ties !== 'break' || facts.tieBreak.length === 0) return [];
  return byTotal(group.rows.filter((r) => !r.tiedAtBoundary))
    .filter((run) => new Set(run.map((r) => r.tier?.id)).size > 1)
    .map((run) =>
      w.brokenTie(
        run.map((r) => r.subject),
        run[0].total!,
        facts.tieBreak,
        run.map((r) => ({ subject: r.subject, tier: r.tier?.name, rank: r.rank ?? undefined })),
      ),
    );
}
