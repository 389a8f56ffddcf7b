import * as path from 'path';
import { Locale, MAX_SUBJECTS, ROUNDING_NAMES_ZH, RubricCore, SCORES_FILE, simulate, simulateGroups, SimulationRow, slotsText } from '../core';
import { readTextFile } from '../host/read-text-file';
import { cliText } from './cli-text';
import { displayWidth, padEnd, padStart } from '../core/text/display-width';
import { Output } from './check-command';
import { SimulateFormat, UsageError } from './options';
import { jsonOutput, terminalOutput, terminalText } from './terminal-text';

export interface SimulateOptions {
  file: string;
  subjects?: string;
  range?: string;
  document?: string;
  format: SimulateFormat;
  locale: Locale;
}

function parseWhole(value: string): number | undefined {
  return /^\d+$/.test(value.trim()) && Number(value) <= MAX_SUBJECTS ? Number(value) : undefined;
}

/** The N values asked for, or undefined to use the rubric's own. */
function requestedSubjects(request: SimulateOptions): number[] | undefined {
  const t = cliText(request.locale);
  if (request.subjects !== undefined && request.range !== undefined) throw new UsageError(t.bothSubjectsAndRange);
  if (request.subjects !== undefined) {
    const n = parseWhole(request.subjects);
    if (n === undefined) throw new UsageError(t.badSubjects);
    return [n];
  }
  if (request.range !== undefined) {
    const match = /^(\d+)\.\.(\d+)$/.exec(request.range.trim());
    const from = match ? parseWhole(match[1]) : undefined;
    const to = match ? parseWhole(match[2]) : undefined;
    if (from === undefined || to === undefined || from > to) throw new UsageError(t.badRange);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return undefined;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** `3 (30%)`; a tier that shares the rest with others reads what they share together, never 100% each. */
function slotsWithShare(row: SimulationRow, tier: SimulationRow['tiers'][number], locale: Locale): string {
  const shared = row.shared?.tiers.includes(tier.id) ? row.shared : undefined;
  if (!shared) return `${slotsText(tier)} (${percent(tier.share)})`;
  const n = row.subjects;
  const shares = shared.min === shared.max || n === 0 ? percent(shared.share) : `${percent(shared.min / n)}–${percent(shared.max / n)}`;
  const together = `${slotsText(shared)} = ${shares}`;
  return locale === 'zh-CN' ? `${slotsText(tier)}（共用 ${together}）` : `${slotsText(tier)} (shared: ${together})`;
}

function renderTable(rows: SimulationRow[], locale: Locale): string[] {
  const t = cliText(locale);
  const header = [t.subjectsColumn, ...(rows[0]?.tiers.map((tier) => tier.name) ?? []), t.warningsColumn].map(terminalText);
  // The problems in words: the codes stay in the JSON output and in the Problems panel.
  const problems = (row: SimulationRow) => (row.problems?.map((p) => p.message) ?? row.warnings).join(locale === 'zh-CN' ? '；' : '; ');
  // Escaped before they are measured, so the columns line up as printed.
  const body = rows.map((row) => [String(row.subjects), ...row.tiers.map((tier) => slotsWithShare(row, tier, locale)), problems(row)].map(terminalText));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? padStart(c, widths[i]) : padEnd(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)];
}

export async function runSimulate(request: SimulateOptions, core: RubricCore, printer: Output): Promise<number> {
  const t = cliText(request.locale);
  // Titles, tier names and paths come from the files: a terminal must not obey what they hold.
  const output = request.format === 'json' ? jsonOutput(printer) : terminalOutput(printer);
  const subjects = requestedSubjects(request);
  if (SCORES_FILE.test(request.file)) {
    output.err(t.about(request.file, t.scoresheetNotRubric(request.file, 'simulate')));
    return 2;
  }
  const read = await readTextFile(request.file);
  if (!read.ok) {
    output.err(t.about(request.file, t.unreadable(read.reason[request.locale])));
    return 2;
  }
  const analysis = core.analyze(read.text);
  const index = request.document === undefined ? 1 : parseWhole(request.document);
  const document = index !== undefined && index >= 1 ? analysis.documents[index - 1] : undefined;
  if (!document) {
    output.err(t.about(request.file, t.noDocument(String(request.document ?? 1))));
    return 2;
  }
  if (document.findings.some((f) => f.code === 'yaml-syntax')) {
    output.err(t.about(request.file, t.syntaxFirst));
    return 2;
  }
  if (document.quotaInputs.length === 0) {
    output.err(t.about(request.file, t.noTiers));
    return 2;
  }
  // 分序列 without an N asked for: each group at its own N.
  const byGroup = subjects === undefined && document.groups.length > 0;
  const ns = subjects ?? (document.model.subjects !== undefined ? [document.model.subjects] : undefined);
  if (!ns && !byGroup) {
    output.err(t.about(request.file, t.noSubjects));
    return 2;
  }
  const rows = byGroup ? simulateGroups(document, request.locale) : simulate(document, ns!, request.locale);
  const file = path.normalize(request.file);
  if (request.format === 'json') {
    output.out(JSON.stringify({ file, rows }, null, 2));
  } else {
    const title = document.model.title?.value ?? file;
    const mode = document.model.rounding;
    const rounding = request.locale === 'zh-CN' ? ROUNDING_NAMES_ZH[mode] : mode;
    output.out(request.locale === 'zh-CN' ? `${file} —— ${title}（${t.rounding}：${rounding}）` : `${file} — ${title} (${t.rounding}: ${rounding})`);
    if (!byGroup) for (const line of renderTable(rows, request.locale)) output.out(line);
    // One block per group: its name, then its table.
    for (const row of byGroup ? rows : []) {
      output.out('');
      output.out(row.group!.name);
      for (const line of renderTable([row], request.locale)) output.out(line);
    }
  }
  return 0;
}
