import type ExcelJS from 'exceljs';
import { Document, isMap, isSeq, visit } from 'yaml';
import { LocalizedText, text } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { CellReading, numberInText } from './cell-values';
import { exact } from './criteria-text';
import { rangeText } from './measured-text';
import { CellProblem, columnLetter } from './import-report';
import { DraftIndicator, DraftRubric, keyOf, walkDraft } from './rubric-draft';
import { startsFull, TemplateMeta, TemplateSheetInfo } from './scoring-template';
import { SheetReader } from './sheet-reader';

/**
 * A filled scoring template back into a scoresheet (`*.scores.yaml`, the contract's Scoresheets
 * section). Each sheet's hidden key row says which leaf, bonus, penalty or veto a column holds;
 * every cell is checked against the rubric: a number from 0 to the leaf's weight (exact decimals),
 * a whole count for a per-case item, yes or blank for a veto. Each problem is reported at its cell;
 * a subject or a key the rubric does not have is reported too.
 */

export interface ScoresImport {
  /** The scoresheet's text; made even when there are errors (the caller decides whether to write it). */
  yaml: string;
  problems: CellProblem[];
  subjects: number;
}

interface SubjectEntry {
  subject?: string;
  group?: string;
  address: string;
  points: Map<string, Decimal>;
  bonus: Map<string, Decimal>;
  penalties: Map<string, Decimal>;
  veto: string[];
  by: Map<string, Map<string, Decimal>>;
  /** measured: {indicator: {input: value}} */
  measured: Map<string, Map<string, Decimal>>;
  /** deductions: {indicator: {rule: 1 | count | [amounts]}} */
  deductions: Map<string, Map<string, Decimal | Decimal[]>>;
}

const YES = /^(是|yes|y|true|1|✓|√|x|发生)$/i;
const NO = /^(否|no|n|false|0)$/i;

export interface ScoresImportOptions {
  /** The rubric's path as the scoresheet will name it (relative to the scoresheet's folder). */
  rubricReference: string;
  /** Comment lines at the top of the file. */
  header: string[];
}

export function importScores(workbook: ExcelJS.Workbook, meta: TemplateMeta, draft: DraftRubric, options: ScoresImportOptions): ScoresImport {
  const problems: CellProblem[] = [];
  const fail = (address: string, message: LocalizedText) => problems.push({ severity: 'error', address, message });
  const warn = (address: string, message: LocalizedText) => problems.push({ severity: 'warning', address, message });

  const leaves = new Map<string, DraftIndicator>();
  const groups = new Set<string>();
  for (const { indicator } of walkDraft(draft.indicators)) {
    if (indicator.items.length > 0) groups.add(keyOf(indicator));
    else leaves.set(keyOf(indicator), indicator);
  }
  const bonus = new Map((draft.bonus?.items ?? []).map((i) => [keyOf(i), i]));
  const penalties = new Map((draft.penalties?.items ?? []).map((i) => [keyOf(i), i]));
  const vetoes = new Set(draft.veto.map(keyOf));
  const raters = new Set(draft.raters.map(keyOf));
  const knownNames =
    draft.subjects?.kind === 'names'
      ? new Set(draft.subjects.names)
      : draft.subjects?.kind === 'groups'
        ? new Set(draft.subjects.groups.flatMap((g) => g.members ?? []))
        : undefined;
  const countedGroups = new Map(
    draft.subjects?.kind === 'groups' ? draft.subjects.groups.filter((g) => !g.members).map((g) => [g.name, keyOf(g)] as [string, string]) : [],
  );
  const anyCounted = draft.subjects?.kind === 'groups' && draft.subjects.groups.some((g) => !g.members);

  const entries: SubjectEntry[] = [];
  const byName = new Map<string, SubjectEntry>();

  // The sheet that names the subjects first (scores or summary), then the rater groups' sheets.
  const order = [...meta.sheets].sort((a, b) => (a.role === 'view' ? 1 : 0) - (b.role === 'view' ? 1 : 0));
  for (const info of order) {
    const sheet = workbook.getWorksheet(info.name);
    if (!sheet) {
      fail(info.name, text(`the sheet “${info.name}” the template had is missing`, `模板中的工作表“${info.name}”不见了`));
      continue;
    }
    readSheet(new SheetReader(sheet), info);
  }

  function readSheet(sheet: SheetReader, info: TemplateSheetInfo): void {
    const at = (r: number, c: number) => sheet.address(r, c);
    if (info.role === 'view' && (info.rater === undefined || !raters.has(info.rater))) {
      fail(sheet.name, text(`the rubric has no rater group “${info.rater ?? ''}” for this sheet`, `细则中没有本工作表对应的评价主体“${info.rater ?? ''}”`));
      return;
    }
    // Columns by their hidden keys; a key the rubric lacks is reported at its heading.
    const columns: { column: number; kind: string; key: string; item?: string }[] = [];
    for (let c = 1; c <= sheet.width(info.keyRow); c++) {
      const raw = String(sheet.cell(info.keyRow, c)?.value ?? '');
      const colon = raw.indexOf(':');
      if (colon < 0) continue;
      const kind = raw.slice(0, colon);
      const key = raw.slice(colon + 1);
      const heading = sheet.address(Math.max(3, info.keyRow - 1), c);
      if (kind === 'points' && !leaves.has(key)) {
        fail(
          heading,
          groups.has(key)
            ? text(`“${key}” is a group in the rubric, not a leaf: its items are scored`, `“${key}”在细则中是含下级指标的分组，应为其下级指标打分`)
            : text(`the rubric has no indicator “${key}”`, `细则中没有指标“${key}”`),
        );
        continue;
      }
      if ((kind === 'bonus' && !bonus.has(key)) || (kind === 'penalties' && !penalties.has(key)) || (kind === 'veto' && !vetoes.has(key))) {
        fail(
          heading,
          text(`the rubric has no ${kind} item “${key}”`, `细则中没有${kind === 'bonus' ? '加分项' : kind === 'penalties' ? '减分项' : '一票否决项'}“${key}”`),
        );
        continue;
      }
      if (kind === 'input' || kind === 'deduct') {
        const pair = pairOf(key);
        const leaf = pair && leaves.get(pair[0]);
        const known =
          leaf &&
          (kind === 'input'
            ? leaf.scoring?.inputs?.some((i) => i.id === pair[1])
            : leaf.scoring?.rules.some((r) => r.id === pair[1]) || leaf.scoring?.ranged?.some((r) => r.id === pair[1]));
        if (!pair || !known) {
          fail(
            heading,
            kind === 'input'
              ? text(`the rubric has no input “${pair?.[1] ?? key}” of “${pair?.[0] ?? ''}”`, `细则中“${pair?.[0] ?? ''}”没有计分数据“${pair?.[1] ?? key}”`)
              : text(
                  `the rubric has no deduction “${pair?.[1] ?? key}” of “${pair?.[0] ?? ''}”`,
                  `细则中“${pair?.[0] ?? ''}”没有扣分规则“${pair?.[1] ?? key}”`,
                ),
          );
          continue;
        }
        columns.push({ column: c, kind, key: pair[0], item: pair[1] });
        continue;
      }
      if (['points', 'bonus', 'penalties', 'veto'].includes(kind)) columns.push({ column: c, kind, key });
    }

    const seen = new Set<string>();
    for (const r of sheet.rows(info.firstRow)) {
      const nameReading = sheet.reading(r, info.subjectColumn);
      const name = nameReading.kind === 'text' ? nameReading.text.trim() : nameReading.kind === 'number' ? nameReading.value.toFixed() : '';
      const filled = columns.filter((c) => sheet.reading(r, c.column).kind !== 'empty');
      if (name === '' && filled.length === 0) continue;
      const index = r - info.firstRow;
      let entry: SubjectEntry | undefined;
      if (info.role === 'view') {
        entry = name !== '' ? byName.get(name) : entries[index];
        if (!entry) {
          fail(
            at(r, info.subjectColumn),
            name === ''
              ? text('scores on a row with no subject', '此行有分数但没有考核对象名称')
              : text(`“${name}” is not among the subjects of the summary sheet`, `“${name}”不在汇总表的考核对象中`),
          );
          continue;
        }
      } else {
        if (name === '') {
          fail(at(r, info.subjectColumn), text('scores on a row with no subject: write the name', '此行有分数但没有考核对象名称：请填写名称'));
          continue;
        }
        if (seen.has(name)) {
          fail(at(r, info.subjectColumn), text(`“${name}” is on two rows`, `“${name}”出现在两行`));
          continue;
        }
        seen.add(name);
        if (knownNames && !knownNames.has(name)) warn(at(r, info.subjectColumn), text(`the rubric has no subject “${name}”`, `细则的考核对象中没有“${name}”`));
        entry = {
          subject: name,
          address: at(r, info.subjectColumn),
          points: new Map(),
          bonus: new Map(),
          penalties: new Map(),
          veto: [],
          by: new Map(),
          measured: new Map(),
          deductions: new Map(),
        };
        if (anyCounted && info.groupColumn) {
          const groupName = sheet.reading(r, info.groupColumn);
          const label = groupName.kind === 'text' ? groupName.text.trim() : '';
          if (countedGroups.has(label)) entry.group = countedGroups.get(label);
          else if (label !== '' && !(draft.subjects?.kind === 'groups' && draft.subjects.groups.some((g) => g.name === label)))
            fail(at(r, info.groupColumn), text(`the rubric has no group “${label}”`, `细则中没有序列“${label}”`));
        }
        entries[index] = entry;
        byName.set(name, entry);
      }
      const points = info.role === 'view' ? new Map<string, Decimal>() : entry.points;
      if (info.role === 'view') entry.by.set(info.rater!, points);
      const blank: string[] = [];
      for (const column of columns) {
        const address = at(r, column.column);
        if (column.kind === 'input') {
          readInput(sheet.reading(r, column.column), address, leaves.get(column.key)!, column.item!, entry);
          continue;
        }
        if (column.kind === 'deduct') {
          readDeduction(sheet.reading(r, column.column), address, leaves.get(column.key)!, column.item!, entry);
          continue;
        }
        if (column.kind === 'veto') {
          const reading = sheet.reading(r, column.column);
          const word =
            reading.kind === 'text'
              ? reading.text.trim()
              : reading.kind === 'number'
                ? reading.value.toFixed()
                : reading.kind === 'boolean'
                  ? String(reading.value)
                  : '';
          if (reading.kind === 'empty' || NO.test(word)) continue;
          if (YES.test(word)) entry.veto.push(column.key);
          else fail(address, text(`“${word}” for a veto: write 是 / yes, or leave it blank`, `一票否决项填写了“${word}”：应填“是”或留空`));
          continue;
        }
        const value = readNumberCell(sheet.reading(r, column.column), address);
        if (value === 'blank') {
          if (column.kind === 'points' && !startsFull(leaves.get(column.key)!)) blank.push(columnLetter(column.column) + r);
          continue;
        }
        if (value === undefined) continue;
        if (column.kind === 'points') {
          const leaf = leaves.get(column.key)!;
          const weight = leaf.weight;
          if (value.lt(0)) fail(address, text(`${exact(value)} is below 0`, `${exact(value)} 小于 0`));
          else if (leaf.outOf && value.gt(leaf.outOf))
            fail(
              address,
              text(`${exact(value)} exceeds ${exact(leaf.outOf)}, the scale it is scored on`, `${exact(value)} 超过该项的 ${exact(leaf.outOf)} 分制`),
            );
          else if (!leaf.outOf && weight && value.gt(weight))
            fail(address, text(`${exact(value)} exceeds the weight ${exact(weight)}`, `${exact(value)} 超过该项分值 ${exact(weight)}`));
          else {
            const levels = leaf.scoring?.levels ?? [];
            if (levels.length > 0 && !levels.some((l) => l.points.eq(value))) {
              warn(
                address,
                text(
                  `${exact(value)} is none of the levels of “${leaf.name}” (${levels.map((l) => exact(l.points)).join(', ')})`,
                  `${exact(value)} 不是“${leaf.name}”的评分档次（${levels.map((l) => exact(l.points)).join('、')}）`,
                ),
              );
            }
            points.set(column.key, value);
          }
        } else {
          const item = (column.kind === 'bonus' ? bonus : penalties).get(column.key)!;
          const label = column.kind === 'bonus' ? text('bonus', '加分') : text('penalty', '减分');
          if (item.per !== undefined) {
            if (value.lt(0) || !value.eq(value.round(0)))
              fail(address, text(`${exact(value)} is not a count of cases (a whole number, 0 or more)`, `${exact(value)} 不是次数（应为 0 或正整数）`));
            else if (value.gt(0)) (column.kind === 'bonus' ? entry.bonus : entry.penalties).set(column.key, value);
          } else if (value.lt(0) || value.gt(item.points)) {
            fail(
              address,
              text(
                `${exact(value)} is outside 0 to ${exact(item.points)}, the ${label.en} of “${item.name}”`,
                `${exact(value)} 超出“${item.name}”的${label['zh-CN']}范围 0 至 ${exact(item.points)}`,
              ),
            );
          } else if (value.gt(0)) (column.kind === 'bonus' ? entry.bonus : entry.penalties).set(column.key, value);
        }
      }
      if (blank.length > 0) {
        warn(
          at(r, info.subjectColumn),
          text(
            `${entry.subject ?? name}: ${blank.length} indicator${blank.length === 1 ? '' : 's'} not scored (${blank.slice(0, 5).join(', ')}${blank.length > 5 ? ', …' : ''})`,
            `${entry.subject ?? name}：${blank.length} 项未打分（${blank.slice(0, 5).join('、')}${blank.length > 5 ? '等' : ''}）`,
          ),
        );
      }
    }
  }

  /** A measured input: a number within the input's min / max (else refused at its cell, as a score above the weight is). */
  function readInput(reading: CellReading, address: string, leaf: DraftIndicator, id: string, entry: SubjectEntry): void {
    const value = readNumberCell(reading, address);
    if (value === 'blank' || value === undefined) return;
    const input = leaf.scoring!.inputs!.find((i) => i.id === id)!;
    const label = input.name ?? input.id;
    if ((input.min !== undefined && value.lt(input.min)) || (input.max !== undefined && value.gt(input.max))) {
      const range = rangeText(input.min, input.max, 'en');
      const rangeZh = rangeText(input.min, input.max, 'zh-CN');
      fail(address, text(`${exact(value)} is outside ${range}, the range of “${label}”`, `${exact(value)} 超出“${label}”的范围 ${rangeZh}`));
      return;
    }
    if (input.integer && !value.eq(value.round(0))) {
      fail(address, text(`${exact(value)} is not a whole number, as “${label}” is`, `${exact(value)} 不是整数：“${label}”应为整数`));
      return;
    }
    const key = keyOf(leaf);
    if (!entry.measured.has(key)) entry.measured.set(key, new Map());
    entry.measured.get(key)!.set(id, value);
  }

  /**
   * A deduction rule's cell: 是 for a one-off rule, a count for a per-case one, the amount (within
   * its range) for a one-off rule set within a range, the amounts (`5, 12`) for a per-case one.
   */
  function readDeduction(reading: CellReading, address: string, leaf: DraftIndicator, id: string, entry: SubjectEntry): void {
    if (reading.kind === 'empty') return;
    const scoring = leaf.scoring!;
    const fixed = scoring.rules.find((r) => r.id === id);
    const record = (value: Decimal | Decimal[]) => {
      const key = keyOf(leaf);
      if (!entry.deductions.has(key)) entry.deductions.set(key, new Map());
      entry.deductions.get(key)!.set(id, value);
    };
    if (fixed && fixed.when !== undefined && fixed.per === undefined) {
      const word =
        reading.kind === 'text'
          ? reading.text.trim()
          : reading.kind === 'number'
            ? reading.value.toFixed()
            : reading.kind === 'boolean'
              ? String(reading.value)
              : '';
      if (NO.test(word)) return;
      if (YES.test(word)) record(decimal(1));
      else fail(address, text(`“${word}” for “${fixed.when}”: write 是 / yes, or leave it blank`, `“${fixed.when}”填写了“${word}”：应填“是”或留空`));
      return;
    }
    if (fixed) {
      const value = readNumberCell(reading, address);
      if (value === 'blank' || value === undefined) return;
      if (value.lt(0) || !value.eq(value.round(0)))
        fail(address, text(`${exact(value)} is not a count of cases (a whole number, 0 or more)`, `${exact(value)} 不是次数（应为 0 或正整数）`));
      else if (value.gt(0)) record(value);
      return;
    }
    const ranged = scoring.ranged!.find((r) => r.id === id)!;
    const amounts: Decimal[] = [];
    if (reading.kind === 'number') amounts.push(reading.value);
    else if (reading.kind === 'text') {
      for (const part of reading.text.split(/[,，、;；\s]+/).filter((p) => p !== '')) {
        const value = numberInText(part);
        if (!value) {
          fail(address, text(`“${part}” is not an amount: write the points taken off, as 5, 12`, `“${part}”不是扣分：请填写所扣分数，如 5, 12`));
          return;
        }
        amounts.push(value);
      }
    } else {
      readNumberCell(reading, address);
      return;
    }
    const once = ranged.when !== undefined && ranged.per === undefined;
    const what = ranged.when ?? ranged.id;
    const outside = amounts.find((a) => a.lt(ranged.min) || a.gt(ranged.max));
    if (outside) {
      const [en, zh] = [rangeText(ranged.min, ranged.max, 'en'), rangeText(ranged.min, ranged.max, 'zh-CN')];
      fail(
        address,
        once
          ? text(`${exact(outside)} is outside ${en}, the range of “${what}”`, `${exact(outside)} 超出“${what}”的扣分范围 ${zh}`)
          : text(`${exact(outside)} is outside ${en}, the range of a case of “${leaf.name}”`, `${exact(outside)} 超出“${leaf.name}”每次扣分的范围 ${zh}`),
      );
      return;
    }
    if (once && amounts.length > 1) {
      fail(address, text(`“${what}” is taken off once: one amount`, `“${what}”只扣一次：请填写一个分数`));
      return;
    }
    if (amounts.length > 0) record(amounts);
  }

  function readNumberCell(reading: CellReading, address: string): Decimal | 'blank' | undefined {
    switch (reading.kind) {
      case 'empty':
        return 'blank';
      case 'number':
        return reading.value;
      case 'text': {
        const value = numberInText(reading.text);
        if (value) {
          warn(
            address,
            text(`“${reading.text}” is a number stored as text: read as ${exact(value)}`, `“${reading.text}”是以文本保存的数字：按 ${exact(value)} 读取`),
          );
          return value;
        }
        fail(address, text(`“${reading.text}” is text in a number cell`, `数字单元格中填写了文本“${reading.text}”`));
        return undefined;
      }
      case 'date':
        fail(address, text('a date in a number cell', '数字单元格中填写了日期'));
        return undefined;
      case 'boolean':
        fail(address, text(`${reading.value} in a number cell`, `数字单元格中填写了 ${reading.value}`));
        return undefined;
      case 'error':
        fail(address, text(`the cell shows the error ${reading.error}`, `单元格显示错误 ${reading.error}`));
        return undefined;
      case 'formula':
        fail(
          address,
          text('a formula with no computed value: open and save the workbook in Excel or WPS first', '公式没有计算结果：请先在 Excel 或 WPS 中打开并保存'),
        );
        return undefined;
    }
  }

  if (knownNames) {
    for (const name of knownNames) {
      if (!byName.has(name)) warn(meta.sheets[0]?.name ?? '', text(`no row for the subject “${name}”`, `没有考核对象“${name}”的行`));
    }
  }

  const present = entries.filter((e): e is SubjectEntry => e !== undefined);
  return { yaml: scoresheetYaml(present, draft, options), problems, subjects: present.length };
}

const num = (value: Decimal) => Number(value.toFixed());

/** `["national","ratio"]` from a column key's JSON; undefined when it is not a pair of strings. */
function pairOf(key: string): [string, string] | undefined {
  try {
    const pair: unknown = JSON.parse(key);
    return Array.isArray(pair) && pair.length === 2 && pair.every((p) => typeof p === 'string') ? (pair as [string, string]) : undefined;
  } catch {
    return undefined;
  }
}

function scoresheetYaml(entries: SubjectEntry[], draft: DraftRubric, options: ScoresImportOptions): string {
  const mapOf = (values: Map<string, Decimal>) => (values.size > 0 ? Object.fromEntries([...values].map(([k, v]) => [k, num(v)])) : undefined);
  const scores = entries.map((e) => {
    const entry: Record<string, unknown> = { subject: e.subject };
    if (e.group) entry.group = e.group;
    if (draft.raters.length > 0) {
      const by: Record<string, unknown> = {};
      for (const rater of draft.raters) {
        const points = e.by.get(keyOf(rater));
        if (points && points.size > 0) by[keyOf(rater)] = mapOf(points);
      }
      if (Object.keys(by).length > 0) entry.by = by;
    } else if (e.points.size > 0) entry.points = mapOf(e.points);
    if (e.measured.size > 0) entry.measured = Object.fromEntries([...e.measured].map(([leaf, values]) => [leaf, mapOf(values)]));
    if (e.deductions.size > 0)
      entry.deductions = Object.fromEntries(
        [...e.deductions].map(([leaf, rules]) => [leaf, Object.fromEntries([...rules].map(([rule, v]) => [rule, Array.isArray(v) ? v.map(num) : num(v)]))]),
      );
    if (e.bonus.size > 0) entry.bonus = mapOf(e.bonus);
    if (e.penalties.size > 0) entry.penalties = mapOf(e.penalties);
    if (e.veto.length > 0) entry.veto = e.veto;
    return entry;
  });
  const doc = new Document({ rubric: options.rubricReference, scores });
  // Points, bonus and vetoes on one line each, as the contract's example writes them.
  visit(doc, {
    Pair(_key, pair) {
      const key = String((pair.key as { value?: unknown })?.value ?? '');
      if (['points', 'bonus', 'penalties', 'veto'].includes(key) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
      // One line per indicator: `national: {ratio: 100, met: 1}`, `system: {incomplete: [12]}`.
      if (['measured', 'deductions'].includes(key) && isMap(pair.value)) for (const leaf of pair.value.items) if (isMap(leaf.value)) leaf.value.flow = true;
      if (key === 'by' && isMap(pair.value)) for (const view of pair.value.items) if (isMap(view.value)) view.value.flow = true;
    },
  });
  doc.commentBefore = options.header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
