import * as path from 'path';
import { Locale, localize, RankingRow, rankingTable, RubricCore, SCORES_FILE, ScoresheetAnalysis, subjectLeafPoints } from '../core';
import { exactText } from '../core/decimal';
import { readTextFile } from '../host/read-text-file';
import { ReportedDiagnostic } from './check-report';
import { analyzeScoresheetFile, diagnosticsOf } from './analyze-file';
import { Output } from './output';
import { cliText } from './cli-text';
import { displayWidth, padEnd, padStart } from '../core/text/display-width';
import { SIMULATE_FORMATS, UsageError } from './options';
import { summaryLine } from './report-text';
import { writeFileAtomically } from '../host/write-file';
import { jsonOutput, terminalOutput, terminalText } from './terminal-text';
import type * as RankingWorkbook from '../spreadsheet/ranking-workbook';
import { sheetText, shownPath } from './sheet-text';

/** One row of `rubric rank --format json`: the contract's keys, then the extras. */
export interface RankJsonRow {
  subject: string;
  /** The 分序列 group id; null without groups. */
  group: string | null;
  /** A number, rounded to the rubric's precision; null while a figure it needs is missing. */
  total: number | null;
  rank: number | null;
  /** The tier's id; null without tiers (or without a total). */
  tier: string | null;
  /** Points short of the tier above and that may be lost before the tier below, as numbers. */
  margin: { up?: number; down?: number };
  vetoes: string[];
  tied: boolean;
  /** With --detail: each scored indicator's points as they count in the total (null: unknown, or not applicable). */
  points?: Record<string, number | null>;
}

export interface RankJson {
  file: string;
  /** The rubric's path (relative to the current folder when below it); null when not found. */
  rubric: string | null;
  rows: RankJsonRow[];
  diagnostics: ReportedDiagnostic[];
}

/** A path as a person typed it: relative to the current folder when below it. */
function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

const asNumber = (value: string | null | undefined) => (value === null || value === undefined ? undefined : Number(value));

function jsonRow(row: RankingRow): RankJsonRow {
  const margin: RankJsonRow['margin'] = {};
  if (row.margin.up !== undefined) margin.up = asNumber(row.margin.up);
  if (row.margin.down !== undefined) margin.down = asNumber(row.margin.down);
  return {
    subject: row.subject,
    group: row.group ?? null,
    total: asNumber(row.total) ?? null,
    rank: row.rank,
    tier: row.tier?.id ?? null,
    margin,
    vetoes: row.vetoes,
    tied: row.tiedAtBoundary,
  };
}

const TEXT = {
  rank: { en: 'rank', 'zh-CN': '名次' },
  subject: { en: 'subject', 'zh-CN': '考核对象' },
  total: { en: 'total', 'zh-CN': '总分' },
  tier: { en: 'tier', 'zh-CN': '等次' },
  margin: { en: 'margin', 'zh-CN': '分差' },
  notes: { en: 'notes', 'zh-CN': '说明' },
  vetoed: { en: (ids: string) => `vetoed (${ids})`, 'zh-CN': (ids: string) => `一票否决（${ids}）` },
  tied: { en: 'tied at a tier boundary', 'zh-CN': '等次分界处并列' },
  legend: {
    en: 'margin: ↑ points short of the tier above, ↓ points that may be lost before the tier below',
    'zh-CN': '分差：↑ 距上一等次还差的分数，↓ 降为下一等次前还可失去的分数',
  },
  detail: { en: 'Points per indicator, as they count in the total', 'zh-CN': '各指标计入总分的得分' },
  notFound: { en: 'rubric not found: no ranking (see the diagnostics below)', 'zh-CN': '未找到考核细则，无法排名（见下方诊断）' },
  noSubjects: { en: 'no subjects scored', 'zh-CN': '尚未给任何考核对象评分' },
  oneScoresheet: { en: 'rank takes exactly one scoresheet (*.scores.yaml)', 'zh-CN': 'rank 只接受一个评分表（*.scores.yaml）' },
  notScoresheet: {
    en: 'is not a scoresheet: its name must end in .scores.yaml or .scores.yml',
    'zh-CN': '不是评分表：文件名须以 .scores.yaml 或 .scores.yml 结尾',
  },
} as const;

/** The ranking tables, one per group, for a terminal (CJK characters take two columns). */
function textTables(analysis: ScoresheetAnalysis, locale: Locale): string[] {
  const t = localize(TEXT, locale);
  const table = rankingTable(analysis);
  const lines: string[] = [];
  let anyMargin = false;
  for (const group of table.groups) {
    if (group.name ?? group.id) lines.push('', terminalText(group.name ?? group.id ?? ''));
    const header = [t.rank, t.subject, t.total, t.tier, t.margin, t.notes];
    const body = group.rows.map((row) => {
      const margin = [row.margin.up !== undefined ? `↑${row.margin.up}` : '', row.margin.down !== undefined ? `↓${row.margin.down}` : '']
        .filter(Boolean)
        .join(' ');
      if (margin) anyMargin = true;
      const notes = [row.vetoes.length > 0 ? t.vetoed(row.vetoes.join(', ')) : '', row.tiedAtBoundary ? t.tied : '']
        .filter(Boolean)
        .join(locale === 'zh-CN' ? '；' : '; ');
      // Escaped before they are measured, so the columns line up as printed.
      return [row.rank === null ? '—' : String(row.rank), row.subject, row.total ?? '—', row.tier?.name ?? '', margin, notes].map(terminalText);
    });
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]))));
    // Rank and total right-aligned (numbers), the rest left.
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 || i === 2 ? padStart(c, widths[i]) : padEnd(c, widths[i])))
        .join('  ')
        .trimEnd();
    lines.push(line(header), ...body.map(line));
    if (group.counts.length > 0) {
      lines.push(
        group.counts
          .map((c) => {
            const slots = c.min !== null && c.max !== null ? (c.min === c.max ? `/${c.max}` : `/${c.min}–${c.max}`) : c.max !== null ? `/≤${c.max}` : '';
            return `${terminalText(c.tier.name)} ${c.count}${slots}`;
          })
          .join(' · '),
      );
    }
  }
  if (anyMargin) lines.push('', t.legend);
  return lines;
}

/** `rubric rank --detail`: one line per subject, in ranking order, with each indicator's points (`water 19.2 · review 26.4`). */
function detailLines(analysis: ScoresheetAnalysis, locale: Locale): string[] {
  const points = subjectLeafPoints(analysis);
  const lines = ['', localize(TEXT, locale).detail];
  for (const group of rankingTable(analysis).groups) {
    for (const row of group.rows) {
      const leaves = points.get(row.subject) ?? [];
      const figures = leaves.map((l) => `${l.indicator} ${l.points === null ? '—' : exactText(l.points)}`).join(' · ');
      lines.push(terminalText(`${row.subject}${locale === 'zh-CN' ? '：' : ': '}${figures}`));
    }
  }
  return lines;
}

/** `rubric rank --out FILE.xlsx`: the ranking written as a workbook too. */
export interface RankWorkbookRequest {
  out?: string;
  force: boolean;
  /** The workbook's own language: Chinese unless --locale en. */
  sheetLocale: Locale;
}

/** `rubric rank [--format text|json] [--out FILE.xlsx] FILE.scores.yaml`: exit 0 (warnings allowed), 1 errors, 2 unreadable. */
export async function runRank(
  paths: string[],
  format: string | undefined,
  locale: Locale,
  core: RubricCore,
  printer: Output,
  workbook: RankWorkbookRequest = { force: false, sheetLocale: 'zh-CN' },
  detail = false,
): Promise<number> {
  const t = cliText(locale);
  const words = localize(TEXT, locale);
  const chosen = SIMULATE_FORMATS.find((f) => f === (format ?? 'text'));
  if (!chosen) throw new UsageError(t.badFormat);
  // Names, titles and paths come from the files: a terminal must not obey what they hold.
  const output = chosen === 'json' ? jsonOutput(printer) : terminalOutput(printer);
  if (paths.length !== 1) throw new UsageError(words.oneScoresheet);
  const [given] = paths;
  if (workbook.out !== undefined && !/\.xlsx$/i.test(workbook.out)) throw new UsageError(sheetText(locale).outXlsx);
  const file = path.normalize(given);
  if (!SCORES_FILE.test(file)) {
    output.err(`${file}${locale === 'zh-CN' ? '' : ': '}${words.notScoresheet}`);
    return 2;
  }
  const read = await readTextFile(file);
  if (!read.ok) {
    output.err(`${file}: ${t.cannotRead}: ${read.reason[locale]}`);
    return 2;
  }
  const cwd = process.cwd();
  const { analysis, rubricPath } = analyzeScoresheetFile(path.resolve(file), read.text, core, cwd);
  const diagnostics = diagnosticsOf(analysis, locale);
  if (workbook.out !== undefined) {
    const written = await writeRankingWorkbook(analysis, file, workbook, locale);
    if (!written.ok) {
      output.err(written.message);
      return 2;
    }
    // Beside JSON on stdout the note goes to stderr, so the JSON stays whole.
    (chosen === 'json' ? output.err : output.out)(written.message);
  }
  if (chosen === 'json') {
    const points = detail ? subjectLeafPoints(analysis) : undefined;
    const rows = rankingTable(analysis).groups.flatMap((g) =>
      g.rows.map((row) => {
        const json = jsonRow(row);
        const leaves = points?.get(row.subject);
        if (leaves) json.points = Object.fromEntries(leaves.map((l) => [l.indicator, l.points === null ? null : Number(exactText(l.points))]));
        return json;
      }),
    );
    const json: RankJson = { file, rubric: rubricPath ? shown(rubricPath, cwd) : null, rows, diagnostics };
    output.out(JSON.stringify(json, null, 2));
  } else {
    const title = analysis.rubric?.found ? analysis.rubric.analysis.documents[0]?.model.title?.value : undefined;
    const rubric = rubricPath ? shown(rubricPath, cwd) : undefined;
    output.out(rubric ? `${file} — ${title ?? rubric} (${rubric})` : file);
    if (!rubricPath) output.out(words.notFound);
    else if (analysis.subjects.length === 0) output.out(words.noSubjects);
    else {
      for (const line of textTables(analysis, locale)) output.out(line);
      if (detail) for (const line of detailLines(analysis, locale)) output.out(line);
    }
    output.out('');
    for (const d of diagnostics) output.out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    output.out(summaryLine([{ file, diagnostics }], { locale, cwd, toolVersion: '' }));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

async function writeRankingWorkbook(
  analysis: ScoresheetAnalysis,
  file: string,
  request: RankWorkbookRequest,
  locale: Locale,
): Promise<{ ok: boolean; message: string }> {
  const t = sheetText(locale);
  const target = request.out!;
  // exceljs is loaded only when a workbook is asked for.
  const { buildRankingWorkbook } = require('../spreadsheet/ranking-workbook') as typeof RankingWorkbook;
  const table = rankingTable(analysis);
  const model = analysis.rubric?.found ? analysis.rubric.analysis.documents[0]?.model : undefined;
  const vetoNames = new Map((model?.veto.items ?? []).flatMap((v) => (v.key !== undefined ? [[v.key, v.name?.value ?? v.key] as [string, string]] : [])));
  const bytes = Buffer.from(await buildRankingWorkbook(table, { locale: request.sheetLocale, scoresheet: path.basename(file), vetoNames }).xlsx.writeBuffer());
  const written = await writeFileAtomically(target, bytes, { force: request.force });
  if (!written.ok) return { ok: false, message: `${target}: ${t.cannotWrite}: ${written.reason[locale]}` };
  return {
    ok: true,
    message: t.wroteRanking(
      shownPath(written.file),
      table.groups.reduce((n, g) => n + g.rows.length, 0),
    ),
  };
}
