import type { DocumentAnalysis, RankingGroup, RankingRow, RankingTable } from '../core';

/** A ranking row as the notice reads it: `previousRank` is there when the scoresheet names its last round (`previous:`). */
export type NoticeRow = RankingRow & { previousRank?: number | null };

export type NoticeGroup = Omit<RankingGroup, 'rows'> & { rows: NoticeRow[] };

/** What the notice says of a scoresheet: the ranking table, and what the rubric names. */
export interface NoticeFacts {
  table: Omit<RankingTable, 'groups'> & { groups: NoticeGroup[] };
  rubric: DocumentAnalysis;
  /** The scoresheet's `ties:` and `tie-break:` indicators by name. */
  ties: 'flag' | 'share' | 'break';
  tieBreak: string[];
  vetoNames: Map<string, string>;
}
