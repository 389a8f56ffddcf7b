import { fileName, Finding, LineIndex, LocalizedText, Locale, RankingGroup, rankingTable, ScoresheetAnalysis, text } from '../core';
import { NoticeDate, formatNoticeDate } from './notice-date';
import { NoticeAnnex, NoticeBlock, NoticeDocument, NoticeDraft, NoticeTable } from './notice-document';
import { NoticeFacts, NoticeGroup, NoticeRow } from './notice-facts';
import { explainTies } from './notice-ties';
import { NoticeWords, noticeWords, RankChanges } from './notice-words';

/**
 * A results notice (通报) from a scoresheet's analysis: what the ranking says, worded as an office
 * writes it. Pure: the date is given, nothing is read; the writers typeset what this returns.
 */

/**
 * The one place the notice reads a row's rank in the previous result: a number, null for a
 * subject new since then, undefined when the scoresheet names no previous result. (When ranking
 * rows carry `previousRank` themselves, NoticeRow becomes RankingRow and only this changes.)
 */
function previousRankOf(row: NoticeRow): number | null | undefined {
  return row.previousRank;
}

const hasPreviousRanks = (groups: NoticeGroup[]) => groups.some((g) => g.rows.some((r) => previousRankOf(r) !== undefined));

export interface NoticeOptions {
  locale: Locale;
  date: NoticeDate;
  /** The scoresheet's file name, for the errors' lines. */
  scoresheet: string;
}

export type { NoticeFacts, NoticeGroup, NoticeRow };

export type BuiltNotice = { ok: true; notice: NoticeDocument; errors: ErrorLine[] } | { ok: false; reason: LocalizedText };

export function buildNotice(analysis: ScoresheetAnalysis, options: NoticeOptions): BuiltNotice {
  return noticeFromTable(analysis, rankingTable(analysis), options);
}

/** The same, from a ranking table given apart: what the tests use to give rows a `previousRank`. */
export function noticeFromTable(analysis: ScoresheetAnalysis, table: NoticeFacts['table'], options: NoticeOptions): BuiltNotice {
  const lookup = analysis.rubric;
  if (!lookup?.found) {
    const why = lookup?.reason ?? text('the scoresheet names no rubric', '评分表未指明考核细则');
    return { ok: false, reason: text(`rubric not found: ${why.en}`, `未找到考核细则：${why['zh-CN']}`) };
  }
  const rubric = lookup.analysis.documents[0];
  if (!rubric) return { ok: false, reason: text('its rubric file holds no rubric', '所指的细则文件中没有考核细则') };
  if (table.groups.every((g) => g.rows.length === 0)) return { ok: false, reason: text('no subject is scored', '评分表中没有任何考核对象的评分') };

  const errors = [
    ...errorLines(analysis.findings, analysis.source.lines, options.scoresheet),
    ...errorLines(lookup.analysis.findings, lookup.analysis.source.lines, fileName(lookup.location)),
  ];
  const facts: NoticeFacts = {
    table,
    rubric,
    ties: analysis.model?.ties ?? 'flag',
    tieBreak: (analysis.model?.tieBreak.items ?? []).flatMap((key) => {
      if (key.value === undefined) return [];
      const indicator = rubric.model.allIndicators.find((i) => i.key === key.value);
      return [indicator?.name?.value ?? key.value];
    }),
    vetoNames: new Map(rubric.model.veto.items.flatMap((v) => (v.key === undefined ? [] : [[v.key, v.name?.value ?? v.key] as [string, string]]))),
  };
  return { ok: true, notice: noticeOf(facts, errors, options), errors };
}

/** An error of the scoresheet or its rubric: where, and what. */
export interface ErrorLine {
  file: string;
  /** 1-based. */
  line: number;
  message: LocalizedText;
}

function errorLines(findings: readonly Finding[], lines: LineIndex, file: string): ErrorLine[] {
  return findings.filter((f) => f.severity === 'error').map((f) => ({ file, line: lines.rangeOf(f.span).start.line + 1, message: f.message }));
}

function noticeOf(facts: NoticeFacts, errors: ErrorLine[], options: NoticeOptions): NoticeDocument {
  const w = noticeWords(options.locale);
  const { table, rubric } = facts;
  const model = rubric.model;
  const groups = table.groups.filter((g) => g.rows.length > 0);
  const title = model.title?.value;
  const issuer = model.issuer?.value;
  const opening = w.opening({
    title,
    issuer,
    methods: model.methods.items.flatMap((m) => m.name?.value ?? m.key ?? []),
    subjects: groups.reduce((n, g) => n + g.rows.length, 0),
    groups: groups.length,
  });
  const draft: NoticeDraft | undefined =
    errors.length === 0
      ? undefined
      : {
          header: w.draftHeader,
          summary: w.draftSummary(errors.length),
          errors: errors.map((e, i) => `${i + 1}. ${w.errorLine(e.file, e.line, e.message[options.locale])}`),
        };
  return {
    locale: options.locale,
    title: w.title(title).join(''),
    titleParts: w.title(title),
    ...(draft ? { draft } : {}),
    opening,
    body: [...resultBlocks(facts, groups, w), ...noteBlocks(facts, groups, w)],
    annex: annexOf(facts, groups, w),
    ...(issuer !== undefined && issuer.trim() !== '' ? { issuer } : {}),
    date: formatNoticeDate(options.date, options.locale),
  };
}

const grouped = (groups: NoticeGroup[]) => groups.some((g) => g.id !== undefined);
const groupName = (group: RankingGroup) => group.name ?? group.id ?? '';

/** 一、考核等次: each tier with its subjects in rank order and their count (or, without tiers, the order of rank), group by group. */
function resultBlocks(facts: NoticeFacts, groups: NoticeGroup[], w: NoticeWords): NoticeBlock[] {
  const tiers = facts.table.tiers;
  const blocks: NoticeBlock[] = [{ kind: 'heading', level: 1, text: w.heading(1, tiers.length > 0 ? w.tiers : w.ranking) }];
  groups.forEach((group, index) => {
    if (grouped(groups)) blocks.push({ kind: 'heading', level: 2, text: w.lead(index + 1, w.group(groupName(group), group.rows.length)) });
    if (tiers.length > 0) {
      for (const tier of tiers) {
        const names = group.rows.filter((r) => r.tier?.id === tier.id).map((r) => r.subject);
        blocks.push({ kind: 'paragraph', text: w.tierLine(tier.name, names) });
      }
    } else {
      const ranked = group.rows.filter((r) => r.rank !== null);
      const shared = (rank: number | null) => ranked.filter((r) => r.rank === rank).length > 1;
      const names = ranked.map((r) => (shared(r.rank) ? w.tiedAt(r.subject, r.rank!) : r.subject));
      if (names.length > 0) blocks.push({ kind: 'paragraph', text: w.rankingLine(names) });
    }
  });
  return blocks;
}

/** 二、有关说明: vetoes, ties, rank changes, subjects without a tier, subjects without a total; only those there are. */
function noteBlocks(facts: NoticeFacts, groups: NoticeGroup[], w: NoticeWords): NoticeBlock[] {
  const rows = groups.flatMap((g) => g.rows);
  const hasTiers = facts.table.tiers.length > 0;
  const notes: { lead: string; sentences: string[] }[] = [
    {
      lead: w.vetoLead,
      sentences: rows
        .filter((r) => r.vetoes.length > 0)
        .map((r) =>
          w.veto(
            r.subject,
            r.vetoes.map((id) => facts.vetoNames.get(id) ?? id),
            r.tier?.name,
          ),
        ),
    },
    { lead: w.tiesLead, sentences: groups.flatMap((g) => explainTies(g, facts, w, grouped(groups))) },
    { lead: w.changesLead, sentences: rankChanges(groups, w) },
    {
      lead: w.noTierLead,
      sentences: nonEmpty(
        rows.filter((r) => hasTiers && r.total !== null && r.tier === null).map((r) => r.subject),
        w.noTier,
      ),
    },
    {
      lead: w.incompleteLead,
      sentences: nonEmpty(
        rows.filter((r) => r.total === null).map((r) => r.subject),
        w.incomplete,
      ),
    },
  ].filter((n) => n.sentences.length > 0);
  if (notes.length === 0) return [];
  return [
    { kind: 'heading', level: 1, text: w.heading(2, w.notes) },
    ...notes.map((n, i): NoticeBlock => ({ kind: 'paragraph', lead: w.lead(i + 1, n.lead) + w.space, text: n.sentences.join(w.space) })),
  ];
}

const nonEmpty = (names: string[], sentence: (names: string[]) => string) => (names.length > 0 ? [sentence(names)] : []);

/** Against `previousRank`, group by group; nothing when no row carries it (the scoresheet names no previous round). */
function rankChanges(groups: NoticeGroup[], w: NoticeWords): string[] {
  if (!hasPreviousRanks(groups)) return [];
  return groups.map((group) => {
    const changes: RankChanges = { ...(grouped(groups) ? { group: groupName(group) } : {}), up: [], down: [], added: [], unchanged: 0 };
    for (const row of group.rows) {
      const previous = previousRankOf(row);
      if (row.rank === null || previous === undefined) continue;
      if (previous === null) changes.added.push(row.subject);
      else if (previous > row.rank) changes.up.push({ subject: row.subject, by: previous - row.rank });
      else if (previous < row.rank) changes.down.push({ subject: row.subject, by: row.rank - previous });
      else changes.unchanged++;
    }
    // The largest moves first, as a reader looks for them.
    changes.up.sort((a, b) => b.by - a.by);
    changes.down.sort((a, b) => b.by - a.by);
    return w.changes(changes);
  });
}

function changeCell(row: NoticeRow, w: NoticeWords): string {
  const previous = previousRankOf(row);
  return row.rank === null || previous === undefined ? '' : w.change(previous, row.rank);
}

/** 附件：考核得分及排名: one table per group, rank order, every subject. */
function annexOf(facts: NoticeFacts, groups: NoticeGroup[], w: NoticeWords): NoticeAnnex {
  const hasTiers = facts.table.tiers.length > 0;
  const hasChanges = hasPreviousRanks(groups);
  const c = w.columns;
  const columns: { title: string; figure: boolean; cell: (row: NoticeRow, group: NoticeRow[]) => string }[] = [
    { title: c.rank, figure: true, cell: (r) => (r.rank === null ? '—' : String(r.rank)) },
    { title: c.subject, figure: false, cell: (r) => r.subject },
    { title: c.total, figure: true, cell: (r) => r.total ?? '—' },
    ...(hasTiers ? [{ title: c.tier, figure: false, cell: (r: NoticeRow) => r.tier?.name ?? '—' }] : []),
    ...(hasChanges ? [{ title: c.change, figure: true, cell: (r: NoticeRow) => changeCell(r, w) }] : []),
    { title: c.notes, figure: false, cell: (r, rows) => remarks(r, rows, hasTiers, w).join(w.remarkSeparator) },
  ];
  const tables = groups.map((group): NoticeTable => ({
    ...(grouped(groups) ? { caption: groupName(group) } : {}),
    header: columns.map((col) => col.title),
    figures: columns.map((col) => col.figure),
    rows: group.rows.map((row) => columns.map((col) => col.cell(row, group.rows))),
  }));
  const notes: string[] = [];
  const sharesRank = groups.some((g) => g.rows.some((r) => r.rank !== null && g.rows.some((o) => o !== r && o.rank === r.rank)));
  if (sharesRank) notes.push(w.sharedRanks);
  if (facts.ties === 'break' && facts.tieBreak.length > 0) notes.push(w.brokenRanks(facts.tieBreak));
  return { mention: w.annexMention, label: w.annexLabel, title: w.annexTitle, tables, notes };
}

function remarks(row: NoticeRow, rows: NoticeRow[], hasTiers: boolean, w: NoticeWords): string[] {
  const r = w.remark;
  return [
    row.vetoes.length > 0 ? r.veto : '',
    row.rank !== null && rows.some((o) => o !== row && o.rank === row.rank) ? r.tied : '',
    hasTiers && row.total !== null && row.tier === null ? r.noTier : '',
    row.total === null ? r.incomplete : '',
  ].filter(Boolean);
}
