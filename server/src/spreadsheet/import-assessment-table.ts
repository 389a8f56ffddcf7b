import type ExcelJS from 'exceljs';
import { LocalizedText, RoundingMode, text } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { numberInText, representable } from './cell-values';
import { parseCriteriaCell, parseExtraItemText, parseMinScore, parseQuotaText, parseVetoText } from './criteria-text';
import { CellProblem } from './import-report';
import { DraftExtras, DraftIndicator, DraftRubric, DraftThreshold, keyOf, walkDraft } from './rubric-draft';
import { SheetReader } from './sheet-reader';
import { Columns, findTable, IdNote, idNote, isString, LevelCell, levelCell, normalizeHeading } from './table-header';
import { InfoState, readInfoRows, roundingIn } from './table-info';
import { cleanName, NUM, parseGroupLabel, splitList } from './table-labels';

/**
 * An existing 考评表 read into a rubric draft. The sheet is found by its header row (table-header.ts),
 * wherever it is: title and info lines may stand above it (table-info.ts). Below it, row by row:
 * indicator rows — groups are cells merged down their items' rows, or written once with blank
 * cells below; a leaf is the deepest name on its row — then a totals row and sections of bonus,
 * penalties, vetoes and tiers when they are there. Every cell that says something the draft
 * cannot hold is reported by its address.
 */

export interface AssessmentImport {
  /** Undefined when the sheet holds no table the import can read (the problems say why). */
  draft: DraftRubric | undefined;
  problems: CellProblem[];
  /** The sheet the table was read from. */
  sheet?: string;
  /** Where each indicator's row is, for findings about the rubric made. */
  cellOf: Map<DraftIndicator, string>;
}

/** Rows below the header a table may have: Rubric Studio is built and measured for rubrics of 10,000 indicators. */
export const MAX_TABLE_ROWS = 12_000;

export function importAssessmentTable(workbook: ExcelJS.Workbook): AssessmentImport {
  const problems: CellProblem[] = [];
  const table = findTable(
    workbook.worksheets.map((sheet) => new SheetReader(sheet)),
    problems,
  );
  if (!table) return { draft: undefined, problems, cellOf: new Map() };
  return new AssessmentTableReader(table.reader, table.row, table.columns, problems).read();
}

type Section = 'table' | 'bonus' | 'penalties' | 'veto' | 'tiers' | 'after';

const SECTION_HEADINGS: [Exclude<Section, 'table' | 'after'>, RegExp][] = [
  ['bonus', /^(?:加分(?:项目?|事项)?|奖励加分|bonus(?:points)?)/i],
  ['penalties', /^(?:减分(?:项目?|事项)?|扣分项|penalt(?:y|ies))/i],
  ['veto', /^(?:一票否决|否决事项|veto)/i],
  ['tiers', /^(?:等次|等级评定|考核等次|评定等次|tiers?)/i],
];
const TOTAL_ROW = /^(?:合计|总计|总分|total|sum)$/i;

/** One row below the header, as every section reads it. */
interface Row {
  r: number;
  /** The indicator columns, outermost first. */
  cells: LevelCell[];
  /** The first indicator column's own text ('' when it has none). */
  firstText: string;
  note: IdNote;
}

interface PendingVeto {
  name: string;
  tier?: string;
  bars: string[];
  when?: { indicator: string; below: DraftThreshold };
  id?: string;
  address: string;
}

/** The rows below the header, read one by one: each section has its method, and `finish` makes the draft. */
class AssessmentTableReader {
  private readonly cellOf = new Map<DraftIndicator, string>();
  private readonly info: InfoState = { methods: [], raters: [] };
  private readonly indicators: DraftIndicator[] = [];
  /** The open group or leaf at each depth, with the cell that named it. */
  private readonly stack: { indicator: DraftIndicator; master: string }[] = [];
  private lastLeaf: { indicator: DraftIndicator; depth: number } | undefined;
  private readonly methodNames: string[] = [];
  private section: Section = 'table';
  private tableTotal: Decimal | undefined;
  private readonly bonus: DraftExtras = { items: [] };
  private readonly penalties: DraftExtras = { items: [] };
  private sawBonus = false;
  private sawPenalties = false;
  private readonly tiers: (DraftRubric['tiers'][number] & { address: string })[] = [];
  private readonly vetoes: PendingVeto[] = [];
  private tierRounding: RoundingMode | undefined;
  private readonly levels: number[];
  private readonly firstLevel: number;
  /** The cells a problem was reported at, so that a row's missing points are not reported twice. */
  private readonly addressed = new Set<string>();

  constructor(
    private readonly reader: SheetReader,
    private readonly headerRow: number,
    private readonly columns: Columns,
    private readonly problems: CellProblem[],
  ) {
    this.levels = columns.levels;
    this.firstLevel = columns.levels[0];
  }

  read(): AssessmentImport {
    readInfoRows(this.reader, this.headerRow, this.columns, this.info, this.problems);
    const rows = this.reader.rows(this.headerRow + 1);
    if (rows.length > MAX_TABLE_ROWS) {
      this.problems.push({
        severity: 'error',
        address: this.reader.name,
        message: text(
          `the table has ${rows.length.toLocaleString('en')} rows below its header, more than the ${MAX_TABLE_ROWS.toLocaleString('en')} a rubric is read from`,
          `表格列名行下方有 ${rows.length} 行，超过导入上限 ${MAX_TABLE_ROWS} 行`,
        ),
      });
      return { draft: undefined, problems: this.problems, cellOf: this.cellOf, sheet: this.reader.name };
    }
    for (const r of rows) this.readRow(r);
    if (this.indicators.length === 0) {
      this.problems.push({
        severity: 'error',
        address: this.at(this.headerRow, this.firstLevel),
        message: text('no indicator rows below the header row', '列名行下方没有指标行'),
      });
      return { draft: undefined, problems: this.problems, cellOf: this.cellOf, sheet: this.reader.name };
    }
    return { draft: this.finish(), problems: this.problems, cellOf: this.cellOf, sheet: this.reader.name };
  }

  private readRow(r: number): void {
    const cells = this.levels.map((c) => levelCell(this.reader, r, c));
    const row: Row = { r, cells, firstText: cells[0].kind === 'own' ? cells[0].text : '', note: idNote(this.reader, r, this.columns) };
    const { weight, criteria, content, methods } = this.columns;
    const otherText = [weight, criteria, content, methods].some((c) => c !== undefined && this.textIn(r, c) !== '');
    if (cells.every((cell) => cell.kind !== 'own') && !otherText) return;
    if (this.readSectionHeading(row) || this.readTotalRow(row)) return;
    switch (this.section) {
      case 'bonus':
      case 'penalties':
        return this.readExtraItem(row, this.section);
      case 'veto':
        return this.readVeto(row);
      case 'tiers':
        return this.readTier(row);
      case 'after':
        return this.readBelowTotals(row);
      default:
        return this.readIndicatorRow(row);
    }
  }

  /** `加分项目（最高不超过3分）`, `一票否决`, `等次（按四舍五入确定名额）`: a section starts. */
  private readSectionHeading({ cells, firstText }: Row): boolean {
    const heading = SECTION_HEADINGS.find(([, pattern]) => pattern.test(normalizeHeading(firstText)) || pattern.test(firstText.trim()));
    if (!heading || !cells.slice(1).every((cell) => cell.kind !== 'own')) return false;
    this.section = heading[0];
    const cap = new RegExp(`(?:不超过|不高于|最高|最多|at most)\\s*${NUM}`, 'i').exec(firstText);
    if (this.section === 'bonus') {
      this.sawBonus = true;
      if (cap) this.bonus.cap = decimal(cap[1]);
    }
    if (this.section === 'penalties') {
      this.sawPenalties = true;
      if (cap) this.penalties.cap = decimal(cap[1]);
    }
    if (this.section === 'tiers') this.tierRounding = roundingIn(firstText);
    return true;
  }

  /** 合计 (in a 序号 column left of the indicators, merged across them or not): the table's total. */
  private readTotalRow({ r }: Row): boolean {
    if (this.section !== 'table' || !TOTAL_ROW.test(normalizeHeading(this.rowLabel(r)))) return false;
    const column = this.columns.weight;
    if (column !== undefined) {
      const reading = this.reader.reading(r, column);
      const value = reading.kind === 'number' ? reading.value : reading.kind === 'text' ? numberInText(reading.text) : undefined;
      if (value) this.tableTotal = value;
      else if (reading.kind !== 'empty') {
        const written = this.reader.text(r, column);
        this.warn(r, column, text(`the total “${written}” is not a number`, `合计“${written}”不是数字`));
      }
    }
    this.section = 'after';
    return true;
  }

  private readExtraItem({ r, firstText, note }: Row, section: 'bonus' | 'penalties'): void {
    const name = cleanName(firstText);
    if (name === '') return;
    const parsed = parseExtraItemText(this.textIn(r, this.columns.criteria));
    const points = this.weightIn(r, name) ?? parsed.points;
    if (!points) {
      this.fail(r, this.columns.weight ?? this.firstLevel, text(`no points for “${name}”`, `“${name}”没有分值`));
      return;
    }
    (section === 'bonus' ? this.bonus : this.penalties).items.push({ id: ownId(note.id, name), name, points, per: parsed.per });
  }

  private readVeto({ r, firstText, note }: Row): void {
    const name = cleanName(firstText);
    if (name === '') return;
    const column = this.columns.criteria ?? this.firstLevel;
    const effect = parseVetoText(this.textIn(r, this.columns.criteria));
    if (effect.tier === undefined && effect.bars.length === 0) {
      this.warn(
        r,
        column,
        text(
          `what the veto “${name}” does is not said as “直接确定为“X”等次” or “不得评为“X””: set its tier in the rubric`,
          `一票否决“${name}”的结果未写明（如“直接确定为“一般”等次”“不得评为“优秀””）：请在细则中补上`,
        ),
      );
    }
    this.vetoes.push({ ...effect, name, id: ownId(note.id, name), address: this.at(r, column) });
  }

  private readTier({ r, firstText, note }: Row): void {
    const name = cleanName(firstText);
    if (name === '') return;
    const minText = this.textIn(r, this.columns.weight);
    const minScore = minText === '' ? undefined : parseMinScore(minText);
    if (minText !== '' && minScore === undefined) {
      this.warn(r, this.columns.weight!, text(`the minimum score “${minText}” is not a number`, `分数线“${minText}”不是数字`));
    }
    const quotaWords = this.textIn(r, this.columns.criteria);
    const quota = parseQuotaText(quotaWords);
    const firstLine = quotaWords.split(/\r?\n/)[0];
    if (!quota && firstLine.trim() !== '' && !/[×x]/.test(firstLine)) {
      this.warn(
        r,
        this.columns.criteria!,
        text(
          `the quota “${firstLine}” is not read (write 按30%确定, 不超过30%, 不低于20%, 不超过3名)`,
          `比例“${firstLine}”无法识别（可写作“按30%确定”“不超过30%”“不低于20%”“不超过3名”）`,
        ),
      );
    }
    this.tiers.push({ id: ownId(note.id, name), name, quota, minScore, address: this.at(r, this.firstLevel) });
  }

  /** A row after the totals row (notes, signatures): not part of the rubric, and said so. */
  private readBelowTotals({ r, cells }: Row): void {
    const where = cells.findIndex((cell) => cell.kind === 'own');
    const column = where >= 0 ? this.levels[where] : (this.columns.criteria ?? this.firstLevel);
    this.warn(r, column, text(`row ${r} below the totals row is not read into the rubric`, `合计行下方的第 ${r} 行未导入细则`));
  }

  /** A row of the indicator table: more criteria for the leaf above, or a leaf under its groups. */
  private readIndicatorRow(row: Row): void {
    const { r, cells } = row;
    const deepestOwn = cells.map((cell) => cell.kind).lastIndexOf('own');
    if (deepestOwn < 0) return this.readContinuationRow(r);
    const own = cells[deepestOwn] as Extract<LevelCell, { kind: 'own' }>;
    // The rows a merged leaf name spans, after its first.
    if (this.lastLeaf && this.stack[deepestOwn]?.master === own.master) return;
    if (!this.openGroups(row, deepestOwn)) return;
    this.addLeaf(row, deepestOwn, own);
  }

  /** Nothing named on this row: more criteria for the leaf above (its cells merged or left blank). */
  private readContinuationRow(r: number): void {
    if (this.lastLeaf) this.addCriteria(this.lastLeaf.indicator, r, this.lastLeaf.depth);
    else
      this.warn(
        r,
        this.columns.criteria ?? this.firstLevel,
        text('text before the first indicator is not read into the rubric', '第一个指标之前的内容未导入细则'),
      );
    const column = this.columns.weight;
    if (column !== undefined && !this.reader.mergedFromAbove(r, column) && this.reader.reading(r, column).kind !== 'empty') {
      this.warn(r, column, text('points on a row with no indicator name are left out', '没有指标名称的行上的分值未导入'));
    }
  }

  /** The groups above the row's leaf: continued (merged), filled down (blank), or newly named. False when the row cannot be placed. */
  private openGroups({ r, cells, note }: Row, deepestOwn: number): boolean {
    const stack = this.stack;
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
        this.cellOf.set(group, this.at(r, this.levels[d]));
        (d === 0 ? this.indicators : stack[d - 1].indicator.items).push(group);
        stack.length = d;
        stack.push({ indicator: group, master: cell.master });
      } else if (cell.kind === 'spanned') {
        return false;
      } else {
        const open = stack[d];
        if (!open || (cell.kind === 'continued' && open.master !== cell.master && !stack.some((entry) => entry.master === cell.master))) {
          this.fail(
            r,
            this.levels[d],
            text(`the ${d + 1}. level is blank here and no group above it to belong to`, `此处第 ${d + 1} 级指标为空，且上方没有可归属的指标`),
          );
          return false;
        }
        if (open.indicator.items.length === 0 && open.indicator === this.lastLeaf?.indicator) {
          // A name merged down into rows that name items below it: it is a group after all.
          open.indicator.scoring = undefined;
        }
      }
    }
    return true;
  }

  private addLeaf({ r, note }: Row, depth: number, own: Extract<LevelCell, { kind: 'own' }>): void {
    const label = parseGroupLabel(own.text);
    const leaf: DraftIndicator = { name: label.name, methods: [], items: [] };
    const id = note.path?.[depth];
    if (isString(id) && id !== label.name) leaf.id = id;
    leaf.weight = this.weightIn(r, label.name) ?? label.weight;
    if (leaf.weight === undefined) this.reportMissingPoints(r, depth, label.name);
    leaf.methods = this.methodsIn(r);
    this.addCriteria(leaf, r, depth, Array.isArray(note.rules) ? note.rules : []);
    this.cellOf.set(leaf, this.at(r, this.levels[depth]));
    (depth === 0 ? this.indicators : this.stack[depth - 1].indicator.items).push(leaf);
    this.stack.length = depth;
    this.stack.push({ indicator: leaf, master: own.master });
    this.lastLeaf = { indicator: leaf, depth };
  }

  private reportMissingPoints(r: number, depth: number, name: string): void {
    const where = this.columns.weight ?? this.levels[depth];
    const merged = this.columns.weight !== undefined && !!this.reader.cell(r, this.columns.weight)?.isMerged;
    if (this.addressed.has(this.at(r, where))) return;
    this.fail(
      r,
      where,
      merged
        ? text(
            `points of “${name}” are merged with the rows above: give each indicator its own points`,
            `“${name}”的分值单元格与上方合并：请为每个指标单独填写分值`,
          )
        : text(`no points for “${name}”`, `“${name}”没有分值`),
    );
  }

  private addCriteria(leaf: DraftIndicator, r: number, depth: number, ruleIds: (string | null)[] = []): void {
    const content = this.textIn(r, this.columns.content);
    // `【国土绿化】…` opening a leaf's criteria is its group's own (the export writes it so).
    const criteria = this.textIn(r, this.columns.criteria).replace(/^【([^】]+)】(.*)(?:\r?\n|$)/gm, (line, name: string, words: string) => {
      const group = this.stack.slice(0, depth).find((entry) => entry.indicator.name === name);
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
  }

  /** The points on a row: a number above 0 (or a number written as text), else reported. */
  private weightIn(r: number, subject: string): Decimal | undefined {
    const column = this.columns.weight;
    if (column === undefined) return undefined;
    const reading = this.reader.reading(r, column);
    if (reading.kind === 'empty' || this.reader.mergedFromAbove(r, column)) return undefined;
    if (reading.kind === 'number') {
      if (reading.value.gt(0)) return reading.value;
      this.fail(
        r,
        column,
        text(`points of “${subject}” must be above 0, not ${reading.value.toFixed()}`, `“${subject}”的分值须大于 0，不能为 ${reading.value.toFixed()}`),
      );
      return undefined;
    }
    const value = reading.kind === 'text' ? numberInText(reading.text) : undefined;
    if (value && value.gt(0) && representable(value)) return value;
    const written = this.reader.text(r, column);
    this.fail(r, column, text(`points of “${subject}” are not a number: “${written}”`, `“${subject}”的分值不是数字：“${written}”`));
    return undefined;
  }

  /** A cell's text; a cell merged down several rows belongs to its first row. */
  private textIn(r: number, c: number | undefined): string {
    if (c === undefined || this.reader.mergedFromAbove(r, c)) return '';
    return this.reader.text(r, c);
  }

  private methodsIn(r: number): string[] {
    const names = splitList(this.textIn(r, this.columns.methods));
    for (const name of names) if (!this.methodNames.includes(name)) this.methodNames.push(name);
    return names;
  }

  /** The first text of a row up to the last indicator column. */
  private rowLabel(r: number): string {
    for (let c = 1; c <= this.levels[this.levels.length - 1]; c++) {
      const value = this.reader.text(r, c);
      if (value !== '') return value;
    }
    return '';
  }

  // ---- the draft, once every row is read.

  private finish(): DraftRubric {
    this.resolveMethods();
    const veto = this.resolveVetoes();
    const title = this.info.title ?? this.reader.name;
    if (this.info.title === undefined) {
      this.problems.push({
        severity: 'warning',
        address: this.at(1, this.firstLevel),
        message: text(`no title above the table: the sheet's name “${this.reader.name}” is used`, `表格上方没有标题：使用工作表名称“${this.reader.name}”`),
      });
    }
    const info = this.info;
    return {
      title,
      issuer: info.issuer,
      period: info.period,
      total: this.total(),
      precision: info.precision,
      rounding: info.rounding ?? this.tierRounding,
      subjects: info.subjects,
      methods: info.methods,
      raters: info.raters,
      indicators: this.indicators,
      bonus: this.sawBonus ? this.bonus : undefined,
      penalties: this.sawPenalties ? this.penalties : undefined,
      veto,
      tiers: this.tiers.map(({ address: _address, ...tier }) => tier),
    };
  }

  /** Methods: the info line's order (with its ids), then any other named in the table; indicators name them by key. */
  private resolveMethods(): void {
    const methods = this.info.methods;
    for (const name of this.methodNames) if (!methods.some((m) => m.name === name || m.id === name)) methods.push({ name });
    const methodKey = new Map(methods.map((m) => [m.name, keyOf(m)]));
    for (const { indicator } of walkDraft(this.indicators)) indicator.methods = indicator.methods.map((name) => methodKey.get(name) ?? name);
  }

  /** Vetoes name their tiers and the indicator of their threshold by key; a name not found is reported and left out. */
  private resolveVetoes(): DraftRubric['veto'] {
    const tierKey = (name: string, address: string): string | undefined => {
      const tier = this.tiers.find((t) => t.name === name || t.id === name);
      if (tier) return keyOf(tier);
      this.problems.push({
        severity: 'warning',
        address,
        message: text(`no tier “${name}” in the tiers below the table: left out`, `表格下方的等次中没有“${name}”，未导入`),
      });
      return undefined;
    };
    const indicatorKey = (name: string, address: string): string | undefined => {
      for (const { indicator } of walkDraft(this.indicators)) if (indicator.name === name || indicator.id === name) return keyOf(indicator);
      this.problems.push({
        severity: 'warning',
        address,
        message: text(`no indicator “${name}” in the table: the veto's threshold is left out`, `表中没有指标“${name}”，一票否决的分数条件未导入`),
      });
      return undefined;
    };
    return this.vetoes.map((v) => {
      const tier = v.tier !== undefined ? tierKey(v.tier, v.address) : undefined;
      const bars = v.bars.flatMap((b) => tierKey(b, v.address) ?? []);
      const indicator = v.when ? indicatorKey(v.when.indicator, v.address) : undefined;
      return { id: v.id, name: v.name, tier, bars, when: v.when && indicator !== undefined ? { indicator, below: v.when.below } : undefined };
    });
  }

  /** The totals row, else the info line's total, else — when the top-level points do not add up to 100 — their sum (a part of a scheme). */
  private total(): Decimal | undefined {
    const stated = this.tableTotal ?? this.info.total;
    if (stated !== undefined) return stated;
    const weights = this.indicators.map((i) => i.weight ?? sumOfItems(i));
    if (!weights.every((w) => w !== undefined)) return undefined;
    const sum = weights.reduce((a, b) => a!.plus(b!), decimal(0))!;
    return sum.eq(100) ? undefined : sum;
  }

  private at(r: number, c: number): string {
    return this.reader.address(r, c);
  }

  private warn(r: number, c: number, message: LocalizedText): void {
    this.addressed.add(this.at(r, c));
    this.problems.push({ severity: 'warning', address: this.at(r, c), message });
  }

  private fail(r: number, c: number, message: LocalizedText): void {
    this.addressed.add(this.at(r, c));
    this.problems.push({ severity: 'error', address: this.at(r, c), message });
  }
}

/** An id the export noted for an item, when it differs from the item's name. */
const ownId = (id: unknown, name: string) => (isString(id) && id !== name ? id : undefined);

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
