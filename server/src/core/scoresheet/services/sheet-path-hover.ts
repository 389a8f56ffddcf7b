import type { Decimal } from '../../decimal';
import { exactText } from '../../decimal';
import type { HoverResult } from '../../service-types';
import { Locale, text } from '../../text/locale';
import { contains } from '../../text/span';
import { RoundColumn, ScoresheetAnalysis, SheetLookup } from '../types';

/**
 * Hover on a path under `rounds:` or `previous:`: what that sheet holds, so a person checking a
 * year's sheet sees which month a path is without opening it — its rubric, how many subjects it
 * gives a total, its highest and lowest total with whose they are — or why it cannot be read.
 */
export function sheetPathHover(analysis: ScoresheetAnalysis, offset: number, locale: Locale): HoverResult | undefined {
  const columns = analysis.rounds ?? [];
  const at = columns.findIndex((column) => contains(column.path.span, offset));
  if (at >= 0) {
    const column = columns[at];
    const ofIndicator = columns.filter((c) => c.indicator === column.indicator);
    const nth = ofIndicator.indexOf(column) + 1;
    const heading = text(
      `**${column.label}** — round ${nth} of ${ofIndicator.length} of ${column.indicatorName}`,
      `**${column.label}** —— ${column.indicatorName}第 ${nth} 轮（共 ${ofIndicator.length} 轮）`,
    )[locale];
    return { span: column.path.span, markdown: [heading, ...roundLines(column, locale)].join('\n\n') };
  }
  const previous = analysis.model?.previous;
  if (previous && analysis.previous && contains(previous.span, offset)) {
    const heading = text(
      `**${previous.value ?? ''}** — the previous result: rank changes are against it`,
      `**${previous.value ?? ''}** —— 上期结果：名次变化与之比较`,
    )[locale];
    return { span: previous.span, markdown: [heading, ...previousLines(analysis.previous, locale)].join('\n\n') };
  }
  return undefined;
}

function roundLines(column: RoundColumn, locale: Locale): string[] {
  if (!column.lookup.found) return [unreadable(column.lookup, locale)];
  const lines: string[] = [];
  if (column.rubric) {
    const title = column.rubric.title ?? column.rubric.location;
    const total =
      column.rubric.total === undefined ? '' : text(`, out of ${exactText(column.rubric.total)}`, `，满分 ${exactText(column.rubric.total)}`)[locale];
    lines.push(text(`Rubric: ${title}${total}`, `考核细则：${title}${total}`)[locale]);
  }
  lines.push(
    spread(
      [...column.totals].map(([subject, total]) => ({ subject, total })),
      locale,
    ),
  );
  return lines;
}

function previousLines(lookup: SheetLookup, locale: Locale): string[] {
  if (!lookup.found) return [unreadable(lookup, locale)];
  const seen = new Set<string>();
  const subjects = lookup.analysis.subjects.filter((s) => !seen.has(s.subject) && seen.add(s.subject));
  return [spread(subjects, locale)];
}

function unreadable(lookup: Extract<SheetLookup, { found: false }>, locale: Locale): string {
  return text(`Cannot be read: ${lookup.reason.en}`, `无法读取：${lookup.reason['zh-CN']}`)[locale];
}

/** "3 subjects with a total: highest 96.25 (甲), lowest 82 (丙)"; the first of equal totals named. */
function spread(subjects: { subject: string; total: Decimal | undefined }[], locale: Locale): string {
  const scored = subjects.filter((s): s is { subject: string; total: Decimal } => s.total !== undefined);
  if (scored.length === 0) return text('No subject has a total there.', '其中没有考核对象有总分。')[locale];
  let high = scored[0];
  let low = scored[0];
  for (const s of scored) {
    if (s.total.gt(high.total)) high = s;
    if (s.total.lt(low.total)) low = s;
  }
  const missing = subjects.length - scored.length;
  const without = missing === 0 ? '' : text(` (${missing} without)`, `（另有 ${missing} 个无总分）`)[locale];
  return text(
    `${scored.length} subjects with a total${without}: highest ${exactText(high.total)} (${high.subject}), lowest ${exactText(low.total)} (${low.subject})`,
    `有总分的考核对象 ${scored.length} 个${without}：最高 ${exactText(high.total)}（${high.subject}），最低 ${exactText(low.total)}（${low.subject}）`,
  )[locale];
}
