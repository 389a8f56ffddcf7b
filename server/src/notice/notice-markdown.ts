import { NoticeDocument, NoticeTable } from './notice-document';

/**
 * A results notice as plain text to paste into a message or an office system: no markup but the
 * annex's tables (Markdown pipe tables, readable as they are). Chinese paragraphs open with two
 * full-width spaces, as a 通报 pasted as text does; English paragraphs are set apart by blank lines.
 */
export function noticeMarkdown(notice: NoticeDocument): string {
  const indent = notice.locale === 'zh-CN' ? '\u3000\u3000' : '';
  const paragraph = (value: string) => `${indent}${value}`;
  const lines: string[] = [];
  const push = (...values: string[]) => lines.push(...values, '');
  if (notice.draft) push(notice.draft.summary, ...notice.draft.errors);
  push(notice.title);
  push(paragraph(notice.opening));
  for (const block of notice.body) push(paragraph(block.kind === 'heading' ? block.text : `${block.lead ?? ''}${block.text}`));
  push(paragraph(notice.annex.mention));
  lines.push(...(notice.issuer === undefined ? [] : [notice.issuer]), notice.date, '', '');
  push(notice.annex.label);
  push(notice.annex.title);
  for (const table of notice.annex.tables) {
    if (table.caption !== undefined) push(table.caption);
    push(...pipeTable(table));
  }
  for (const note of notice.annex.notes) push(note);
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A table cell: a `|` or a line break in a name would end the cell or the row. */
function cell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

function pipeTable(table: NoticeTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${table.figures.map((figure) => (figure ? ' :-: ' : ' --- ')).join('|')}|`;
  return [row(table.header), rule, ...table.rows.map(row)];
}
