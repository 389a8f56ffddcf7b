import type ExcelJS from 'exceljs';
import { LocalizedText, ROUNDING_NAMES_ZH, RoundingMode, text } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { cellText, numberInText, readCell, representable } from './cell-values';
import { parseCriteriaCell, parseExtraItemText, parseMinScore, parseQuotaText, parseVetoText } from './criteria-text';
import { cellAddress, CellProblem } from './import-report';
import { DraftExtras, DraftIndicator, DraftRubric, DraftSubjectGroup, DraftSubjects, DraftThreshold, keyOf, walkDraft } from './rubric-draft';

/**
 * An existing 考评表 read into a rubric draft. The sheet is found by its header row (指标 / 一级指标 /
 * 二级指标 / 分值 / 评分标准 / 考核内容 / 考核方式, or the English words), wherever it is: title and
 * info lines may stand above it. Groups are cells merged down their items' rows, or written once
 * with blank cells below; a leaf is the deepest name on its row. Below the table, a totals row and
 * sections of bonus, penalties, vetoes and tiers are read when they are there. Every cell that
 * says something the draft cannot hold is reported by its address.
 */

type Role = 'level' | 'weight' | 'criteria' | 'content' | 'methods' | 'id' | 'ignore';

const normalizeHeading = (value: string) =>
  value
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[)）]$/, '')
    .replace(/[:：]$/, '')
    .toLowerCase();

const ROLES: [Role, RegExp][] = [
  ['id', /^id$/],
  [
    'level',
    /^(?:[一二三四五六七八]级(?:指标|项目)?|(?:考核|评价|评分|考评)?(?:指标|项目)(?:名称)?|level\d+(?:indicator)?|indicators?|sub-?indicators?|areas?|dimensions?|items?)$/,
  ],
  ['weight', /^(?:分值|分数|权重|标准分|满分|计分|分值分|points|weights?|maxpoints|maximumpoints|marks|maxscore|weighting)$/],
  [
    'criteria',
    /^(?:评分标准|评分细则|计分标准|评分办法|考核标准|扣分标准|评分方法|评分依据|评分规则|scoringcriteria|scoring|criteria|scoringrules|scoringguide|rubric)$/,
  ],
  ['content', /^(?:考核内容|考核要点|工作内容|指标说明|指标内涵|内容|content|description|details|whatisassessed)$/],
  ['methods', /^(?:考核方式|考核方法|评价方式|核查方式|考核途径|assessmentmethods?|methods?|evidence|verification)$/],
  ['ignore', /^(?:序号|编号|备注|得分|自评分|实得分|评分|no\.?|#|notes?|remarks?|score)$/],
];

function roleOf(value: string): Role | undefined {
  const heading = normalizeHeading(value);
  return heading === '' ? undefined : ROLES.find(([, pattern]) => pattern.test(heading))?.[0];
}

interface Columns {
  levels: number[];
  weight?: number;
  criteria?: number;
  content?: number;
  methods?: number;
  id?: number;
}

/** The header row of a sheet: the first row naming an indicator column and a points or criteria column. */
function findHeader(sheet: ExcelJS.Worksheet, problems: CellProblem[]): { row: number; columns: Columns } | undefined {
  const last = Math.min(sheet.rowCount, 60);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const columns: Columns = { levels: [] };
    const unknown: number[] = [];
    const width = Math.min(row.cellCount, 200);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const horizontalSlave = cell.isMerged && cell.master.address !== cell.address && Number(cell.master.row) === r;
      const value = horizontalSlave ? '' : cellText(cell);
      // A heading merged across columns (考核指标 over 一级 and 二级) names as many level columns.
      if (horizontalSlave && columns.levels.at(-1) === c - 1) {
        columns.levels.push(c);
        continue;
      }
      if (value === '') continue;
      const role = roleOf(value);
      if (role === undefined) unknown.push(c);
      else if (role === 'level') columns.levels.push(c);
      else if (role !== 'ignore' && columns[role] === undefined) columns[role] = c;
    }
    if (columns.levels.length > 0 && (columns.weight !== undefined || columns.criteria !== undefined || columns.content !== undefined)) {
      for (const c of unknown) {
        problems.push({
          severity: 'warning',
          address: cellAddress(sheet, r, c),
          message: text(`column “${cellText(row.getCell(c))}” is not one the import knows: left out`, `列“${cellText(row.getCell(c))}”无法识别，未导入`),
        });
      }
      return { row: r, columns };
    }
  }
  return undefined;
}

const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

/** A name written over several lines in its cell, joined back (Chinese without a space, other words with one). */
function joinLines(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .reduce((joined, line) => (joined === '' ? line : CJK.test(joined.at(-1)!) && CJK.test(line[0]) ? joined + line : `${joined} ${line}`), '');
}

const ENUMERATION = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:\.\d+)*[、.．](?!\d))\s*/;
const CONTINUED = /\s*(?:（续）|\(续\)|\(cont(?:inued|\.)?\))\s*$/i;
const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** `国土绿化（23分）`, `工作实绩考核（100 → 70分）`: the name and the points a group's cell states. */
function parseGroupLabel(value: string): { name: string; weight?: Decimal; outOf?: Decimal; continued: boolean } {
  let label = value.trim();
  let continued = false;
  let weight: Decimal | undefined;
  let outOf: Decimal | undefined;
  if (CONTINUED.test(label)) {
    continued = true;
    label = label.replace(CONTINUED, '');
  }
  const composite = new RegExp(`^([\\s\\S]*?)\\s*[（(]\\s*${NUM}\\s*(?:→|->|折合|计)\\s*${NUM}\\s*(?:分|points?)?\\s*[)）]\\s*$`, 'i').exec(label);
  const plain = new RegExp(`^([\\s\\S]*?)\\s*[（(]\\s*${NUM}\\s*(?:分|points?)\\s*[)）]\\s*$`, 'i').exec(label);
  if (composite) {
    label = composite[1];
    outOf = decimal(composite[2]);
    weight = decimal(composite[3]);
  } else if (plain) {
    label = plain[1];
    weight = decimal(plain[2]);
  }
  // `考实：为民实绩（续）` on the first line, or `…（40分）（续）` after the points.
  if (CONTINUED.test(label)) {
    continued = true;
    label = label.replace(CONTINUED, '');
  }
  return { name: cleanName(label), weight, outOf, continued };
}

const cleanName = (value: string) => joinLines(value).replace(ENUMERATION, '').trim();

type LevelCell = { kind: 'own'; text: string; master: string } | { kind: 'continued'; master: string } | { kind: 'spanned' } | { kind: 'blank' };

function levelCell(sheet: ExcelJS.Worksheet, r: number, c: number): LevelCell {
  const cell = sheet.getCell(r, c);
  if (cell.isMerged && cell.master.address !== cell.address) {
    return Number(cell.master.row) < r ? { kind: 'continued', master: cell.master.address } : { kind: 'spanned' };
  }
  const value = cellText(cell);
  return value === '' ? { kind: 'blank' } : { kind: 'own', text: value, master: cell.address };
}

type Section = 'table' | 'bonus' | 'penalties' | 'veto' | 'tiers' | 'after';

const SECTION_HEADINGS: [Exclude<Section, 'table' | 'after'>, RegExp][] = [
  ['bonus', /^(?:加分(?:项目?|事项)?|奖励加分|bonus(?:points)?)/i],
  ['penalties', /^(?:减分(?:项目?|事项)?|扣分项|penalt(?:y|ies))/i],
  ['veto', /^(?:一票否决|否决事项|veto)/i],
  ['tiers', /^(?:等次|等级评定|考核等次|评定等次|tiers?)/i],
];
const TOTAL_ROW = /^(?:合计|总计|总分|total|sum)$/i;

interface IdNote {
  path?: string[];
  rules?: (string | null)[];
  id?: string | null;
  methods?: (string | null)[];
  raters?: (string | null)[];
  groups?: (string | null)[];
}

function idNote(sheet: ExcelJS.Worksheet, r: number, columns: Columns | { id?: number }): IdNote {
  if (columns.id === undefined) return {};
  const raw = cellText(sheet.getCell(r, columns.id));
  if (!raw.startsWith('{')) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as IdNote) : {};
  } catch {
    return {};
  }
}

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

export interface AssessmentImport {
  /** Undefined when the sheet holds no table the import can read (the problems say why). */
  draft: DraftRubric | undefined;
  problems: CellProblem[];
  /** The sheet the table was read from. */
  sheet?: string;
  /** Where each indicator's row is, for findings about the rubric made. */
  cellOf: Map<DraftIndicator, string>;
}

interface InfoState {
  title?: string;
  issuer?: string;
  period?: string | number;
  total?: Decimal;
  precision?: number;
  rounding?: RoundingMode;
  subjects?: DraftSubjects;
  methods: { id?: string; name: string }[];
  raters: { id?: string; name: string; weight: Decimal }[];
}

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

function roundingIn(value: string): RoundingMode | undefined {
  return ROUNDING_WORDS.find(([word]) => value.includes(word))?.[1];
}

const splitList = (value: string) =>
  value
    .split(/[、,，;；/\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

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
function readInfoRows(sheet: ExcelJS.Worksheet, headerRow: number, columns: Columns, info: InfoState, problems: CellProblem[]): void {
  const lines: { text: string; whole: boolean; address: string }[] = [];
  for (let r = 1; r < headerRow; r++) {
    const row = sheet.getRow(r);
    const seen = new Set<string>();
    const parts: { text: string; column: number }[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 200); c++) {
      if (c === columns.id) continue;
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master.address : cell.address;
      if (seen.has(master)) continue;
      seen.add(master);
      const value = cellText(cell);
      if (value !== '') parts.push({ text: value, column: c });
    }
    if (parts.length === 0) continue;
    const note = idNote(sheet, r, columns);
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
    lines.push({ text: joinLines(unread.join(' ')), whole: unread.length === segments.length, address: cellAddress(sheet, r, parts[0].column) });
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

interface Pending {
  veto: { name: string; tier?: string; bars: string[]; when?: { indicator: string; below: DraftThreshold }; id?: string; address: string }[];
}

export function importAssessmentTable(workbook: ExcelJS.Workbook): AssessmentImport {
  const problems: CellProblem[] = [];
  const cellOf = new Map<DraftIndicator, string>();
  let found: { sheet: ExcelJS.Worksheet; row: number; columns: Columns } | undefined;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' && workbook.worksheets.length > 1) continue;
    const sheetProblems: CellProblem[] = [];
    const header = findHeader(sheet, sheetProblems);
    if (header) {
      found = { sheet, ...header };
      problems.push(...sheetProblems);
      break;
    }
  }
  if (!found) {
    problems.push({
      severity: 'error',
      address: workbook.worksheets[0]?.name ?? '',
      message: text(
        'no header row naming the columns (指标 or 一级指标, and 分值 or 评分标准; in English Indicator, Points, Scoring criteria) in the first 60 rows of any sheet',
        '任何工作表的前 60 行中都没有列名行（需有“指标”或“一级指标”，以及“分值”或“评分标准”；英文为 Indicator、Points、Scoring criteria）',
      ),
    });
    return { draft: undefined, problems, cellOf };
  }
  const { sheet, row: headerRow, columns } = found;
  promoteContentToLevel(sheet, headerRow, columns);
  const at = (r: number, c: number) => cellAddress(sheet, r, c);
  const warn = (r: number, c: number, message: LocalizedText) => problems.push({ severity: 'warning', address: at(r, c), message });
  const fail = (r: number, c: number, message: LocalizedText) => problems.push({ severity: 'error', address: at(r, c), message });

  const info: InfoState = { methods: [], raters: [] };
  readInfoRows(sheet, headerRow, columns, info, problems);

  const indicators: DraftIndicator[] = [];
  /** The open group or leaf at each depth, with the cell that named it. */
  const stack: { indicator: DraftIndicator; master: string }[] = [];
  let lastLeaf: { indicator: DraftIndicator; depth: number } | undefined;
  const methodNames: string[] = [];
  let section: Section = 'table';
  let tableTotal: Decimal | undefined;
  const bonus: DraftExtras = { items: [] };
  const penalties: DraftExtras = { items: [] };
  let sawBonus = false;
  let sawPenalties = false;
  const tiers: (DraftRubric['tiers'][number] & { address: string })[] = [];
  const pending: Pending = { veto: [] };
  let tierRounding: RoundingMode | undefined;
  const levels = columns.levels;
  const firstLevel = levels[0];

  const weightIn = (r: number, subject: string): Decimal | undefined => {
    if (columns.weight === undefined) return undefined;
    const cell = sheet.getCell(r, columns.weight);
    const reading = readCell(cell);
    if (reading.kind === 'empty') return undefined;
    if (cell.isMerged && Number(cell.master.row) < r) return undefined;
    if (reading.kind === 'number') {
      if (reading.value.lte(0)) {
        fail(
          r,
          columns.weight,
          text(`points of “${subject}” must be above 0, not ${reading.value.toFixed()}`, `“${subject}”的分值须大于 0，不能为 ${reading.value.toFixed()}`),
        );
        return undefined;
      }
      return reading.value;
    }
    const value = reading.kind === 'text' ? numberInText(reading.text) : undefined;
    if (value && value.gt(0) && representable(value)) return value;
    fail(r, columns.weight, text(`points of “${subject}” are not a number: “${cellText(cell)}”`, `“${subject}”的分值不是数字：“${cellText(cell)}”`));
    return undefined;
  };

  const textIn = (r: number, c: number | undefined): string => {
    if (c === undefined) return '';
    const cell = sheet.getCell(r, c);
    // A criteria cell merged down several rows belongs to its first row.
    if (cell.isMerged && Number(cell.master.row) < r) return '';
    return cellText(cell);
  };

  const methodsIn = (r: number): string[] => {
    const names = splitList(textIn(r, columns.methods));
    for (const name of names) if (!methodNames.includes(name)) methodNames.push(name);
    return names;
  };

  const addCriteria = (leaf: DraftIndicator, r: number, depth: number, ruleIds: (string | null)[] = []) => {
    const content = textIn(r, columns.content);
    let criteria = textIn(r, columns.criteria);
    // `【国土绿化】…` opening a leaf's criteria is its group's own (the export writes it so).
    criteria = criteria.replace(/^【([^】]+)】(.*)(?:\r?\n|$)/gm, (line, name: string, words: string) => {
      const group = stack.slice(0, depth).find((entry) => entry.indicator.name === name);
      if (!group) return line;
      group.indicator.criteria = group.indicator.criteria ? `${group.indicator.criteria}\n${words}` : words;
      return '';
    });
    const parsed = parseCriteriaCell(criteria, ruleIds);
    const words = [leaf.criteria, content, parsed.criteria].filter((x): x is string => x !== undefined && x !== '');
    leaf.criteria = words.length > 0 ? words.join('\n') : undefined;
    if (parsed.scoring) {
      if (!leaf.scoring) leaf.scoring = parsed.scoring;
      else {
        leaf.scoring.levels.push(...parsed.scoring.levels);
        leaf.scoring.rules.push(...parsed.scoring.rules);
        if (parsed.scoring.deduct) leaf.scoring.rules.push({ points: parsed.scoring.deduct, per: parsed.scoring.per });
      }
    }
  };

  const lastRow = sheet.rowCount;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = levels.map((c) => levelCell(sheet, r, c));
    const firstText = cells[0].kind === 'own' ? cells[0].text : '';
    const note = idNote(sheet, r, columns);
    const otherText = [columns.weight, columns.criteria, columns.content, columns.methods].some((c) => c !== undefined && textIn(r, c) !== '');
    if (cells.every((cell) => cell.kind !== 'own') && !otherText) continue;

    const heading = SECTION_HEADINGS.find(([, pattern]) => pattern.test(normalizeHeading(firstText)) || pattern.test(firstText.trim()));
    if (heading && cells.slice(1).every((cell) => cell.kind !== 'own')) {
      section = heading[0];
      const cap = new RegExp(`(?:不超过|不高于|最高|最多|at most)\\s*${NUM}`, 'i').exec(firstText);
      if (section === 'bonus') {
        sawBonus = true;
        if (cap) bonus.cap = decimal(cap[1]);
      }
      if (section === 'penalties') {
        sawPenalties = true;
        if (cap) penalties.cap = decimal(cap[1]);
      }
      if (section === 'tiers') tierRounding = roundingIn(firstText);
      continue;
    }
    // 合计 may stand in a 序号 column left of the indicators, merged across them or not.
    const rowName = rowLabel(sheet, r, levels[levels.length - 1]);
    if (TOTAL_ROW.test(normalizeHeading(rowName)) && section === 'table') {
      if (columns.weight !== undefined) {
        const reading = readCell(sheet.getCell(r, columns.weight));
        const value = reading.kind === 'number' ? reading.value : reading.kind === 'text' ? numberInText(reading.text) : undefined;
        if (value) tableTotal = value;
        else if (reading.kind !== 'empty')
          warn(
            r,
            columns.weight,
            text(`the total “${cellText(sheet.getCell(r, columns.weight))}” is not a number`, `合计“${cellText(sheet.getCell(r, columns.weight))}”不是数字`),
          );
      }
      section = 'after';
      continue;
    }

    if (section === 'bonus' || section === 'penalties') {
      const name = cleanName(firstText);
      if (name === '') continue;
      const rule = textIn(r, columns.criteria);
      const parsed = parseExtraItemText(rule);
      const points = weightIn(r, name) ?? parsed.points;
      if (!points) {
        fail(r, columns.weight ?? firstLevel, text(`no points for “${name}”`, `“${name}”没有分值`));
        continue;
      }
      (section === 'bonus' ? bonus : penalties).items.push({ id: isString(note.id) && note.id !== name ? note.id : undefined, name, points, per: parsed.per });
      continue;
    }
    if (section === 'veto') {
      const name = cleanName(firstText);
      if (name === '') continue;
      const effect = parseVetoText(textIn(r, columns.criteria));
      if (effect.tier === undefined && effect.bars.length === 0) {
        warn(
          r,
          columns.criteria ?? firstLevel,
          text(
            `what the veto “${name}” does is not said as “直接确定为“X”等次” or “不得评为“X””: set its tier in the rubric`,
            `一票否决“${name}”的结果未写明（如“直接确定为“一般”等次”“不得评为“优秀””）：请在细则中补上`,
          ),
        );
      }
      pending.veto.push({ ...effect, name, id: isString(note.id) && note.id !== name ? note.id : undefined, address: at(r, columns.criteria ?? firstLevel) });
      continue;
    }
    if (section === 'tiers') {
      const name = cleanName(firstText);
      if (name === '') continue;
      const minText = textIn(r, columns.weight);
      const minScore = minText === '' ? undefined : parseMinScore(minText);
      if (minText !== '' && minScore === undefined)
        warn(r, columns.weight!, text(`the minimum score “${minText}” is not a number`, `分数线“${minText}”不是数字`));
      const quotaWords = textIn(r, columns.criteria);
      const quota = parseQuotaText(quotaWords);
      if (!quota && quotaWords.split(/\r?\n/)[0].trim() !== '' && !/[×x]/.test(quotaWords.split(/\r?\n/)[0])) {
        warn(
          r,
          columns.criteria!,
          text(
            `the quota “${quotaWords.split(/\r?\n/)[0]}” is not read (write 按30%确定, 不超过30%, 不低于20%, 不超过3名)`,
            `比例“${quotaWords.split(/\r?\n/)[0]}”无法识别（可写作“按30%确定”“不超过30%”“不低于20%”“不超过3名”）`,
          ),
        );
      }
      tiers.push({ id: isString(note.id) && note.id !== name ? note.id : undefined, name, quota, minScore, address: at(r, firstLevel) });
      continue;
    }
    if (section === 'after') {
      const where = cells.findIndex((cell) => cell.kind === 'own');
      const column = where >= 0 ? levels[where] : (columns.criteria ?? firstLevel);
      warn(r, column, text(`row ${r} below the totals row is not read into the rubric`, `合计行下方的第 ${r} 行未导入细则`));
      continue;
    }

    // ---- a row of the indicator table.
    const deepestOwn = cells.map((cell) => cell.kind).lastIndexOf('own');
    if (deepestOwn < 0) {
      // Nothing named on this row: more criteria for the leaf above (its cells merged or left blank).
      if (lastLeaf) addCriteria(lastLeaf.indicator, r, lastLeaf.depth);
      else warn(r, columns.criteria ?? firstLevel, text('text before the first indicator is not read into the rubric', '第一个指标之前的内容未导入细则'));
      const weightCell = columns.weight !== undefined ? sheet.getCell(r, columns.weight) : undefined;
      if (weightCell && !(weightCell.isMerged && Number(weightCell.master.row) < r) && readCell(weightCell).kind !== 'empty') {
        warn(r, columns.weight!, text('points on a row with no indicator name are left out', '没有指标名称的行上的分值未导入'));
      }
      continue;
    }
    const continuation = cells[deepestOwn].kind === 'own' && lastLeaf && stack[deepestOwn]?.master === (cells[deepestOwn] as { master: string }).master;
    if (continuation) continue;

    // Ancestors: continued (merged), filled down (blank), or newly named.
    let broken = false;
    for (let d = 0; d < deepestOwn; d++) {
      const cell = cells[d];
      if (cell.kind === 'own') {
        const label = parseGroupLabel(cell.text);
        const open = stack[d];
        if (label.continued && open && open.indicator.name === label.name) {
          open.master = cell.master;
          continue;
        }
        const group: DraftIndicator = { name: label.name, weight: label.weight, outOf: label.outOf, methods: [], items: [] };
        const id = note.path?.[d];
        if (isString(id) && id !== label.name) group.id = id;
        cellOf.set(group, at(r, levels[d]));
        (d === 0 ? indicators : stack[d - 1].indicator.items).push(group);
        stack.length = d;
        stack.push({ indicator: group, master: cell.master });
      } else if (cell.kind === 'spanned') {
        broken = true;
        break;
      } else {
        const open = stack[d];
        if (!open || (cell.kind === 'continued' && open.master !== cell.master && !stackHasMaster(stack, cell.master))) {
          fail(
            r,
            levels[d],
            text(`the ${d + 1}. level is blank here and no group above it to belong to`, `此处第 ${d + 1} 级指标为空，且上方没有可归属的指标`),
          );
          broken = true;
          break;
        }
        if (open.indicator.items.length === 0 && open.indicator === lastLeaf?.indicator) {
          // A name merged down into rows that name items below it: it is a group after all.
          open.indicator.scoring = undefined;
        }
      }
    }
    if (broken) continue;
    const own = cells[deepestOwn] as { kind: 'own'; text: string; master: string };
    const label = parseGroupLabel(own.text);
    const leaf: DraftIndicator = { name: label.name, methods: [], items: [] };
    const id = note.path?.[deepestOwn];
    if (isString(id) && id !== label.name) leaf.id = id;
    const weight = weightIn(r, label.name);
    leaf.weight = weight ?? label.weight;
    if (leaf.weight === undefined) {
      const where = columns.weight ?? levels[deepestOwn];
      const merged = columns.weight !== undefined && sheet.getCell(r, columns.weight).isMerged;
      if (!problems.some((p) => p.address === at(r, where))) {
        fail(
          r,
          where,
          merged
            ? text(
                `points of “${label.name}” are merged with the rows above: give each indicator its own points`,
                `“${label.name}”的分值单元格与上方合并：请为每个指标单独填写分值`,
              )
            : text(`no points for “${label.name}”`, `“${label.name}”没有分值`),
        );
      }
    }
    leaf.methods = methodsIn(r);
    addCriteria(leaf, r, deepestOwn, Array.isArray(note.rules) ? note.rules : []);
    cellOf.set(leaf, at(r, levels[deepestOwn]));
    (deepestOwn === 0 ? indicators : stack[deepestOwn - 1].indicator.items).push(leaf);
    stack.length = deepestOwn;
    stack.push({ indicator: leaf, master: own.master });
    lastLeaf = { indicator: leaf, depth: deepestOwn };
  }

  if (indicators.length === 0) {
    problems.push({ severity: 'error', address: at(headerRow, firstLevel), message: text('no indicator rows below the header row', '列名行下方没有指标行') });
    return { draft: undefined, problems, cellOf, sheet: sheet.name };
  }

  // Methods: the info line's order (with its ids), then any other named in the table.
  const methods = [...info.methods];
  for (const name of methodNames) if (!methods.some((m) => m.name === name || m.id === name)) methods.push({ name });
  const methodKey = new Map(methods.map((m) => [m.name, keyOf(m)]));
  for (const { indicator } of walkDraft(indicators)) indicator.methods = indicator.methods.map((name) => methodKey.get(name) ?? name);

  const tierKey = (name: string, address: string): string | undefined => {
    const tier = tiers.find((t) => t.name === name || t.id === name);
    if (tier) return keyOf(tier);
    problems.push({
      severity: 'warning',
      address,
      message: text(`no tier “${name}” in the tiers below the table: left out`, `表格下方的等次中没有“${name}”，未导入`),
    });
    return undefined;
  };
  const indicatorKey = (name: string, address: string): string | undefined => {
    for (const { indicator } of walkDraft(indicators)) if (indicator.name === name || indicator.id === name) return keyOf(indicator);
    problems.push({
      severity: 'warning',
      address,
      message: text(`no indicator “${name}” in the table: the veto's threshold is left out`, `表中没有指标“${name}”，一票否决的分数条件未导入`),
    });
    return undefined;
  };
  const veto = pending.veto.map((v) => {
    const tier = v.tier !== undefined ? tierKey(v.tier, v.address) : undefined;
    const bars = v.bars.flatMap((b) => tierKey(b, v.address) ?? []);
    const indicator = v.when ? indicatorKey(v.when.indicator, v.address) : undefined;
    return { id: v.id, name: v.name, tier, bars, when: v.when && indicator !== undefined ? { indicator, below: v.when.below } : undefined };
  });

  // Without a totals row, the total is what the top-level points add up to (say 50 for a part of a scheme).
  let total = tableTotal ?? info.total;
  if (total === undefined) {
    const weights = indicators.map((i) => i.weight ?? sumOfItems(i));
    if (weights.every((w) => w !== undefined)) {
      const sum = weights.reduce((a, b) => a!.plus(b!), decimal(0))!;
      if (!sum.eq(100)) total = sum;
    }
  }

  const title = info.title ?? sheet.name;
  if (info.title === undefined) {
    problems.push({
      severity: 'warning',
      address: at(1, firstLevel),
      message: text(`no title above the table: the sheet's name “${sheet.name}” is used`, `表格上方没有标题：使用工作表名称“${sheet.name}”`),
    });
  }
  const draft: DraftRubric = {
    title,
    issuer: info.issuer,
    period: info.period,
    total,
    precision: info.precision,
    rounding: info.rounding ?? tierRounding,
    subjects: info.subjects,
    methods,
    raters: info.raters,
    indicators,
    bonus: sawBonus ? bonus : undefined,
    penalties: sawPenalties ? penalties : undefined,
    veto,
    tiers: tiers.map(({ address: _address, ...tier }) => tier),
  };
  return { draft, problems, cellOf, sheet: sheet.name };
}

/**
 * Tables of 考核项目 | 考核内容 | 分值 name the scored item in the 考核内容 column: where rows carry
 * their own points under a merged or blank indicator cell and a 考核内容 of their own, that column
 * is the deepest indicator level rather than a description.
 */
function promoteContentToLevel(sheet: ExcelJS.Worksheet, headerRow: number, columns: Columns): void {
  if (columns.content === undefined || columns.weight === undefined || columns.content < columns.levels[columns.levels.length - 1]) return;
  const last = Math.min(sheet.rowCount, headerRow + 2000);
  for (let r = headerRow + 1; r <= last; r++) {
    const weight = sheet.getCell(r, columns.weight);
    if (weight.isMerged && Number(weight.master.row) < r) continue;
    if (readCell(weight).kind !== 'number') continue;
    const named = columns.levels.some((c) => levelCell(sheet, r, c).kind === 'own');
    if (!named && levelCell(sheet, r, columns.content).kind === 'own') {
      columns.levels.push(columns.content);
      columns.content = undefined;
      return;
    }
  }
}

/** The first text of a row up to a column. */
function rowLabel(sheet: ExcelJS.Worksheet, r: number, through: number): string {
  for (let c = 1; c <= through; c++) {
    const value = cellText(sheet.getCell(r, c));
    if (value !== '') return value;
  }
  return '';
}

function stackHasMaster(stack: { master: string }[], master: string): boolean {
  return stack.some((entry) => entry.master === master);
}

function sumOfItems(indicator: DraftIndicator): Decimal | undefined {
  if (indicator.items.length === 0) return undefined;
  let total = decimal(0);
  for (const item of indicator.items) {
    const w = item.weight ?? sumOfItems(item);
    if (w === undefined) return undefined;
    total = total.plus(w);
  }
  return total;
}
