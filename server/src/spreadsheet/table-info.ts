import { ROUNDING_NAMES_ZH, RoundingMode, text } from '../core';
import { decimal } from '../core/decimal';
import { numberInText } from './cell-values';
import { CellProblem } from './import-report';
import { DraftRubric, DraftSubjectGroup, DraftSubjects } from './rubric-draft';
import { originAddress, TableGrid } from './table-grid';
import { Columns, IdNote, idNote, isString } from './table-header';
import { joinLines, NUM, splitList } from './table-labels';

/**
 * The lines above a 考评表's header row: the title (the longest line that is nothing else), then
 * `key：value` lines — issuer, period, total, subjects, raters and their weights, methods,
 * precision, how slots are rounded. A line the import cannot read is reported at its cell.
 */

/** What the lines above the table say: the rubric's own fields, as far as they are written there. */
export type InfoState = Partial<Pick<DraftRubric, 'title' | 'issuer' | 'period' | 'total' | 'precision' | 'rounding' | 'subjects'>> &
  Pick<DraftRubric, 'methods' | 'raters'>;

const ROUNDING_WORDS: [string, RoundingMode][] = [
  ...(Object.entries(ROUNDING_NAMES_ZH).filter(([mode]) => mode !== 'count') as [RoundingMode, string][]).map(([mode, zh]): [string, RoundingMode] => [
    zh,
    mode,
  ]),
  ['largest-remainder', 'largest-remainder'],
  ['half-up', 'half-up'],
  ['min-one', 'min-one'],
  ['floor', 'floor'],
  ['ceil', 'ceil'],
];

export function roundingIn(value: string): RoundingMode | undefined {
  return ROUNDING_WORDS.find(([word]) => value.includes(word))?.[1];
}

function parseSubjects(value: string, grouped: boolean): DraftSubjects | undefined {
  const count = (v: string) => {
    const m = /^(\d+)\s*(?:个考核对象|个|名|人|subjects?)?$/i.exec(v.trim());
    return m ? Number(m[1]) : undefined;
  };
  if (grouped) {
    const groups: DraftSubjectGroup[] = value
      .split(/[；;]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const at = Math.max(part.lastIndexOf('：'), part.lastIndexOf(': '));
        const name = at < 0 ? part : part.slice(0, at).trim();
        const rest = at < 0 ? '' : part.slice(at + 1).trim();
        const n = count(rest);
        return n !== undefined ? { name, count: n } : { name, members: splitList(rest) };
      });
    return groups.length > 0 ? { kind: 'groups', groups } : undefined;
  }
  const n = count(value);
  if (n !== undefined) return { kind: 'count', count: n };
  const names = splitList(value);
  return names.length > 0 ? { kind: 'names', names } : undefined;
}

/** One `key：value` of an info line; false when the key is not one the import knows. */
function readInfo(key: string, qualifier: string, value: string, info: InfoState, note: IdNote): boolean {
  const k = key.replace(/\s+/g, '').toLowerCase();
  if (/^(考核单位|发文单位|issuer)$/.test(k)) info.issuer = value;
  else if (/^(考核年度|考核期间|年度|period)$/.test(k)) info.period = /^\d+$/.test(value) && value.length <= 6 ? Number(value) : value;
  else if (/^(总分|满分|totalpoints|total)$/.test(k)) {
    const total = numberInText(value);
    if (!total) return false;
    info.total = total;
  } else if (/^(考核对象|subjects)$/.test(k)) info.subjects = parseSubjects(value, /分序列|groups/i.test(qualifier));
  else if (/^(评价主体及权重|评价主体|ratersandweights|raters)$/.test(k)) {
    info.raters = splitList(value).flatMap((part, index) => {
      const m = new RegExp(`^(.*?)\\s*${NUM}\\s*%$`).exec(part);
      if (!m) return [];
      const id = note.raters?.[index];
      return [{ id: isString(id) && id !== m[1].trim() ? id : undefined, name: m[1].trim(), weight: decimal(m[2]) }];
    });
  } else if (/^(考核方式|考核方法|methods)$/.test(k)) {
    info.methods = splitList(value).map((name, index) => {
      const id = note.methods?.[index];
      return { id: isString(id) && id !== name ? id : undefined, name };
    });
  } else if (/^(得分精度|precision)$/.test(k)) {
    const m = /(\d+)/.exec(value);
    if (!m) return false;
    info.precision = Number(m[1]);
  } else if (/^(名额取整|取整方式|slotsrounded|rounding)$/.test(k)) {
    const mode = roundingIn(value);
    if (!mode) return false;
    info.rounding = mode;
  } else return false;
  if (info.subjects?.kind === 'groups' && note.groups) {
    info.subjects.groups.forEach((group, index) => {
      const id = note.groups?.[index];
      if (isString(id) && id !== group.name) group.id = id;
    });
  }
  return true;
}

/** The lines above the header row: the title first, then `key：value` lines. */
export function readInfoRows(reader: TableGrid, headerRow: number, columns: Pick<Columns, 'id'>, info: InfoState, problems: CellProblem[]): void {
  const lines: { text: string; whole: boolean; address: string }[] = [];
  for (const r of reader.rows(1, headerRow - 1)) {
    const seen = new Set<string>();
    const parts: { text: string; column: number }[] = [];
    for (let c = 1; c <= Math.min(reader.width(r), 200); c++) {
      if (c === columns.id || !reader.has(r, c)) continue;
      const master = originAddress(reader, r, c);
      if (seen.has(master)) continue;
      seen.add(master);
      const value = reader.text(r, c);
      if (value !== '') parts.push({ text: value, column: c });
    }
    if (parts.length === 0) continue;
    const note = idNote(reader, r, columns);
    const line = parts.map((p) => p.text).join('\u3000\u3000');
    const segments = line
      .split(/\s{2,}|\u3000+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const unread: string[] = [];
    for (const segment of segments) {
      const m = /^([^：:（(]{1,20}?)\s*(?:[（(]([^）)]*)[）)])?\s*[：:]\s*([\s\S]*)$/.exec(segment);
      if (!m || !readInfo(m[1], m[2] ?? '', m[3].trim(), info, note)) unread.push(segment);
    }
    if (unread.length === 0) continue;
    lines.push({ text: joinLines(unread.join(' ')), whole: unread.length === segments.length, address: reader.address(r, parts[0].column) });
  }
  // The title is the longest line that is nothing else (a 附件2 above it is not the title).
  const candidates = lines.filter((l) => l.whole);
  const title = candidates.reduce<(typeof lines)[number] | undefined>((best, l) => (!best || l.text.length > best.text.length ? l : best), undefined);
  if (title) info.title = title.text;
  for (const line of lines.filter((l) => l !== title)) {
    problems.push({
      severity: 'warning',
      address: line.address,
      message: text(`“${line.text}” above the table is not read into the rubric`, `表头上方的“${line.text}”未导入细则`),
    });
  }
}
