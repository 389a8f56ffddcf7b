import ExcelJS from 'exceljs';
import { Locale, RankingTable } from '../core';
import { MARGINS } from './page-layout';
import { sheetWords } from './sheet-words';
import { BODY_FONT, BORDER, HEADER_FILL, HEADING_FONT, TITLE_FONT } from './styles';

/**
 * `rubric rank --out FILE.xlsx`: the ranking as a workbook to print or pass on — per group (分序列)
 * a table of rank, subject, total, tier, the margins to the tiers above and below, vetoes and ties,
 * then how many took each tier against the quota's slots. With `previous:` a column of rank changes
 * (↑2 ↓1 = 新) follows the rank; with rounds a column per round (its total there) follows the subject.
 */
export function buildRankingWorkbook(table: RankingTable, options: { locale: Locale; scoresheet: string; vetoNames?: Map<string, string> }): ExcelJS.Workbook {
  const { locale } = options;
  const zh = locale === 'zh-CN';
  const words = sheetWords(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rubric Studio';
  workbook.title = table.title ?? '';
  const sheet = workbook.addWorksheet(words.rankingSheet);
  const rounds = table.rounds ?? [];
  const withChange = table.groups.some((g) => g.rows.some((row) => row.previousRank !== undefined));
  const [rank, subject, ...rest] = zh
    ? ['名次', '考核对象', '总分', '等次', '距上一等次', '距下一等次', '一票否决', '分界处并列']
    : ['Rank', 'Subject', 'Total', 'Tier', 'Short of the tier above', 'Above the tier below', 'Vetoes', 'Tied at a boundary'];
  const headings = [rank, ...(withChange ? [zh ? '名次变化' : 'Change'] : []), subject, ...rounds.map((round) => round.label), ...rest];
  const widths = [8, ...(withChange ? [10] : []), 22, ...rounds.map(() => 10), 10, 12, 14, 14, 22, 12];
  sheet.columns = widths.map((width) => ({ width }));
  const last = headings.length;

  const title = sheet.getCell(1, 1);
  title.value = `${table.title ?? ''}${zh ? ' · 排名' : ' · ranking'}`;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
  sheet.mergeCells(1, 1, 1, last);
  const info = sheet.getCell(2, 1);
  info.value = zh
    ? `评分表：${options.scoresheet}\u3000\u3000满分：${table.outOf ?? '—'}`
    : `Scoresheet: ${options.scoresheet}    Out of: ${table.outOf ?? '—'}`;
  info.font = BODY_FONT;
  sheet.mergeCells(2, 1, 2, last);

  const cellStyle: Partial<ExcelJS.Style> = { font: BODY_FONT, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  const headingStyle: Partial<ExcelJS.Style> = {
    font: HEADING_FONT,
    border: BORDER,
    fill: HEADER_FILL,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  };
  const number = (value: string | null | undefined) => (value === null || value === undefined ? '' : Number(value));
  let r = 4;
  let firstHeader: number | undefined;
  for (const group of table.groups) {
    if (group.name ?? group.id) {
      const cell = sheet.getCell(r, 1);
      cell.value = group.name ?? group.id ?? '';
      cell.font = HEADING_FONT;
      sheet.mergeCells(r, 1, r, last);
      r++;
    }
    firstHeader ??= r;
    headings.forEach((text, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = text;
      cell.style = headingStyle;
    });
    sheet.getRow(r).height = 30;
    r++;
    for (const row of group.rows) {
      const values = [
        row.rank ?? '',
        ...(withChange ? [rankChange(row.rank, row.previousRank, zh)] : []),
        row.subject,
        ...rounds.map((_, i) => number(row.roundTotals?.[i])),
        number(row.total),
        row.tier?.name ?? '',
        number(row.margin.up),
        number(row.margin.down),
        row.vetoes.map((id) => options.vetoNames?.get(id) ?? id).join(zh ? '、' : ', '),
        row.tiedAtBoundary ? (zh ? '是' : 'yes') : '',
      ];
      values.forEach((value, i) => {
        const cell = sheet.getCell(r, i + 1);
        cell.value = value;
        cell.style = cellStyle;
      });
      r++;
    }
    if (group.counts.length > 0) {
      const counts = group.counts
        .map((c) => {
          const slots = c.min !== null && c.max !== null ? (c.min === c.max ? `/${c.max}` : `/${c.min}–${c.max}`) : c.max !== null ? `/≤${c.max}` : '';
          return `${c.tier.name} ${c.count}${slots}`;
        })
        .join(' · ');
      const cell = sheet.getCell(r, 1);
      cell.value = `${zh ? '各等次人数（名额）：' : 'Per tier (slots): '}${counts}`;
      cell.font = BODY_FONT;
      sheet.mergeCells(r, 1, r, last);
      r++;
    }
    r++;
  }
  sheet.views = [{ state: 'frozen', ySplit: firstHeader ?? 3, xSplit: 0 }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: MARGINS,
    printTitlesRow: firstHeader ? `${firstHeader}:${firstHeader}` : undefined,
  };
  sheet.headerFooter = { oddFooter: `&C&"宋体"&9${words.pageFooter}` };
  return workbook;
}

/** `↑2`, `↓1`, `=`, `新` (new) against the previous result; empty without a rank now. */
function rankChange(rank: number | null, previous: number | null | undefined, zh: boolean): string {
  if (previous === undefined || rank === null) return '';
  if (previous === null) return zh ? '新' : 'new';
  const moved = previous - rank;
  return moved > 0 ? `↑${moved}` : moved < 0 ? `↓${-moved}` : '=';
}
