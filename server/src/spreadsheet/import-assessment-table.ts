import type ExcelJS from 'exceljs';
import { LocalizedText, RoundingMode, text } from '../core';
import { Decimal, decimal } from '../core/decimal';
import { numberInText, representable } from './cell-values';
import { OwnCellFacts, parseCriteriaCell, parseExtraItemText, parseMinScore, parseQuotaText, parseVetoText } from './criteria-text';
import { CellProblem } from './import-report';
import { DraftExtras, DraftIndicator, DraftNote, DraftRubric, DraftThreshold, keyOf, walkDraft } from './rubric-draft';
import { SheetReader } from './sheet-reader';
import { checkFigures, effectiveWeight, TableFacts } from './table-figures';
import { mergedFromAbove, originAddress, TableGrid } from './table-grid';
import { Columns, findTable, IdNote, idNote, isString, LevelCell, normalizeHeading } from './table-header';
import { InfoState, readInfoRows, roundingIn } from './table-info';
import { cleanName, NUM, parseGroupLabel, splitList } from './table-labels';
import { detectLayout, RowLevels, TableLayout } from './table-layout';
import { NOTES_HEADING, noteLines } from './table-notes';

/**
 * An existing 考评表 read into a rubric draft. The table is found by its header (table-header.ts),
 * wherever it is: title and info lines may stand above it (table-info.ts); its layout is told from
 * the header and the rows (table-layout.ts), which says where each row's levels are. Below it, row
 * by row: indicator rows — groups are cells merged down their items' rows, written once with blank
 * cells below, or named on rows of their own; a leaf is the deepest name on its row — then a
 * totals row, sections of bonus, penalties, vetoes and tiers when they are there, and closing
 * notes. Every cell that says something the draft cannot hold is reported by its address, and
 * the draft's figures are held against the table's own (table-figures.ts).
 */

export interface AssessmentImport {
  /** Undefined when the sheet holds no table the import can read (the problems say why). */
  draft: DraftRubric | undefined;
  problems: CellProblem[];
  /** The sheet or table the rubric was read from. */
  sheet?: string;
  /** Where each indicator's row is, for findings about the rubric made. */
  cellOf: Map<DraftIndicator, string>;
  /** What was read where, and the layout recognised: for the report and `--format json`. */
  facts?: TableFacts;
}

/** Rows below the header a table may have: Rubric Studio is built and measured for rubrics of 10,000 indicators. */
export const MAX_TABLE_ROWS = 12_000;

/** A workbook's sheets, or the tables of a Word document, read as a 考评表. */
export function importAssessmentTable(source: ExcelJS.Workbook | readonly TableGrid[]): AssessmentImport {
  const problems: CellProblem[] = [];
  const grids = 'worksheets' in source ? source.worksheets.map((sheet) => new SheetReader(sheet)) : source;
  const table = findTable(grids, problems);
  if (!table) return { draft: undefined, problems, cellOf: new Map() };
  return new AssessmentTableReader(detectLayout(table), problems).read();
}

type Section = 'table' | 'bonus' | 'penalties' | 'veto' | 'tiers' | 'notes';

const SECTION_HEADINGS: [Exclude<Section, 'table' | 'notes'>, RegExp][] = [
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
  private readonly reader: TableGrid;
  private readonly columns: Columns;
  private readonly rowLevels: RowLevels;
  private readonly facts: TableFacts;
  private readonly cellOf: Map<DraftIndicator, string>;
  private readonly notes: DraftNote[] = [];
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
  private readonly headerRow: number;
  /** The leaves' points column (the last): bonus and penalty points and the tiers' minimum scores stand there too. */
  private readonly leafPoints: number | undefined;
  /** The cells a problem was reported at, so that a row's missing points are not reported twice. */
  private readonly addressed = new Set<string>();
  /** Rows that named an item without points: an error if it is still a leaf at the end. */
  private readonly missingPoints: { leaf: DraftIndicator; r: number; depth: number }[] = [];

  constructor(
    private readonly layout: TableLayout,
    private readonly problems: CellProblem[],
  ) {
    this.reader = layout.grid;
    this.columns = layout.columns;
    this.levels = layout.levelColumns;
    this.firstLevel = layout.levelColumns[0];
    this.headerRow = layout.header.rows[0];
    this.leafPoints = layout.columns.weights.at(-1);
    this.rowLevels = new RowLevels(layout);
    this.facts = {
      layout,
      cellOf: new Map(),
      pointsCellOf: new Map(),
      criteriaCellsOf: new Map(),
      usedPoints: new Set(),
      indicatorRows: [],
      leafRows: 0,
    };
    this.cellOf = this.facts.cellOf;
  }

  read(): AssessmentImport {
    readInfoRows(this.reader, this.headerRow, this.columns, this.info, this.problems);
    const rows = this.reader.rows(this.layout.firstRow);
    if (rows.length > MAX_TABLE_ROWS) {
      this.problems.push({
        severity: 'error',
        address: this.reader.name,
        message: text(
          `the table has ${rows.length.toLocaleString('en')} rows below its header, more than the ${MAX_TABLE_ROWS.toLocaleString('en')} a rubric is read from`,
          `表格列名行下方有 ${rows.length} 行，超过导入上限 ${MAX_TABLE_ROWS} 行`,
        ),
      });
      return { draft: undefined, problems: this.problems, cellOf: this.cellOf, sheet: this.reader.name, facts: this.facts };
    }
    for (const r of rows) this.readRow(r);
    for (const { leaf, r, depth } of this.missingPoints) if (leaf.items.length === 0) this.reportMissingPoints(r, depth, leaf.name);
    if (this.indicators.length === 0) {
      this.problems.push({
        severity: 'error',
        address: this.at(this.headerRow, this.firstLevel),
        message: text('no indicator rows below the header row', '列名行下方没有指标行'),
      });
      return { draft: undefined, problems: this.problems, cellOf: this.cellOf, sheet: this.reader.name, facts: this.facts };
    }
    const draft = this.finish();
    checkFigures(draft, this.facts, this.addressed, this.problems);
    return { draft, problems: this.problems, cellOf: this.cellOf, sheet: this.reader.name, facts: this.facts };
  }

  private readRow(r: number): void {
    const cells = this.rowLevels.cells(r);
    const firstOwn = cells.find((cell) => cell.kind === 'own');
    const row: Row = { r, cells, firstText: firstOwn?.kind === 'own' ? firstOwn.text : '', note: idNote(this.reader, r, this.columns) };
    const { criteria, content, methods, remarks } = this.columns;
    const otherText = [...this.columns.weights, criteria, content, methods, remarks].some((c) => c !== undefined && this.textIn(r, c) !== '');
    if (cells.every((cell) => cell.kind !== 'own') && !otherText && this.rowLabel(r) === '') return;
    if (this.readSectionHeading(row)) return;
    if (this.section === 'notes') return this.readNotesRow(r);
    if (this.readTotalRow(row) || this.readNotesHeading(r)) return;
    switch (this.section) {
      case 'bonus':
      case 'penalties':
        return this.readExtraItem(row, this.section);
      case 'veto':
        return this.readVeto(row);
      case 'tiers':
        return this.readTier(row);
      default:
        this.facts.indicatorRows.push(r);
        return this.readIndicatorRow(row);
    }
  }

  /** `加分项目（最高不超过3分）`, `一票否决`, `等次（按四舍五入确定名额）`: a section starts. */
  private readSectionHeading({ cells, firstText }: Row): boolean {
    const heading = SECTION_HEADINGS.find(([, pattern]) => pattern.test(normalizeHeading(firstText)) || pattern.test(firstText.trim()));
    if (!heading || cells.filter((cell) => cell.kind === 'own').length !== 1) return false;
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

  /** 合计 (in a 序号 column left of the indicators, merged across them or not): the table's total, in the first points column holding one. */
  private readTotalRow({ r }: Row): boolean {
    if (this.section !== 'table' || !TOTAL_ROW.test(normalizeHeading(this.rowLabel(r)))) return false;
    for (const column of this.columns.weights) {
      if (!this.ownCell(r, column)) continue;
      const reading = this.reader.reading(r, column);
      const value = reading.kind === 'number' ? reading.value : reading.kind === 'text' ? numberInText(reading.text) : undefined;
      if (value) {
        this.tableTotal = value;
        this.facts.total = { value, address: this.at(r, column) };
        break;
      } else if (reading.kind !== 'empty') {
        const written = this.reader.text(r, column);
        this.warn(r, column, text(`the total “${written}” is not a number`, `合计“${written}”不是数字`));
      }
    }
    this.section = 'notes';
    return true;
  }

  /** `说明：…`, `备注`, `注：` in the row's first text: the notes begin, and last to the table's end. */
  private readNotesHeading(r: number): boolean {
    if (!NOTES_HEADING.test(this.rowLabel(r))) return false;
    this.section = 'notes';
    this.readNotesRow(r);
    return true;
  }

  /** A row of notes (after 说明, or after the totals row): its words kept, each merged cell once. */
  private readNotesRow(r: number): void {
    const seen = new Set<string>();
    const texts: string[] = [];
    let address: string | undefined;
    for (let c = 1; c <= Math.min(this.reader.width(r), 200); c++) {
      if (c === this.columns.id || !this.reader.has(r, c)) continue;
      const origin = originAddress(this.reader, r, c);
      if (seen.has(origin) || mergedFromAbove(this.reader, r, c)) continue;
      seen.add(origin);
      const value = this.reader.text(r, c);
      if (value === '') continue;
      address ??= this.at(r, c);
      texts.push(value);
    }
    const lines = noteLines(texts);
    if (address !== undefined && lines.length > 0) this.notes.push({ text: lines.join('\n'), address });
  }

  private readExtraItem({ r, firstText, note }: Row, section: 'bonus' | 'penalties'): void {
    const name = cleanName(firstText);
    if (name === '') return;
    const parsed = parseExtraItemText(this.textIn(r, this.columns.criteria));
    const points = this.weightIn(r, this.leafPoints, name) ?? parsed.points;
    if (!points) {
      this.fail(r, this.leafPoints ?? this.firstLevel, text(`no points for “${name}”`, `“${name}”没有分值`));
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
    const minText = this.textIn(r, this.leafPoints);
    const minScore = minText === '' ? undefined : parseMinScore(minText);
    if (minText !== '' && minScore === undefined) {
      this.warn(r, this.leafPoints!, text(`the minimum score “${minText}” is not a number`, `分数线“${minText}”不是数字`));
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

  /** A row of the indicator table: more criteria for the leaf above, or a leaf under its groups. */
  private readIndicatorRow(row: Row): void {
    const { r, cells } = row;
    const deepestOwn = cells.map((cell) => cell.kind).lastIndexOf('own');
    if (deepestOwn < 0) return this.readContinuationRow(r);
    // A numbered table's name without a number and without points: more words for the item above.
    if (this.lastLeaf && this.rowLevels.unnumbered(r) && this.pointsOnRow(r) === undefined) {
      const own = cells[deepestOwn] as Extract<LevelCell, { kind: 'own' }>;
      this.appendCriteria(this.lastLeaf.indicator, own.text, this.at(r, this.levels[deepestOwn]));
      return this.readContinuationRow(r);
    }
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
    const column = this.pointsOnRow(r);
    if (column !== undefined) {
      this.fail(r, column, text('points on a row with no indicator name are left out', '没有指标名称的行上的分值未导入'));
    }
  }

  /** The first points column holding a value of this row's own (not merged from above), if any. */
  private pointsOnRow(r: number): number | undefined {
    return this.columns.weights.find((c) => this.ownCell(r, c) && this.reader.reading(r, c).kind !== 'empty');
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
        if (label.weight) this.facts.pointsCellOf.set(group, this.at(r, this.levels[d]));
        this.groupPointsCell(group, r, d, label.name);
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
    const leaf: DraftIndicator = { name: label.name, outOf: label.outOf, methods: [], items: [] };
    const id = note.path?.[depth];
    if (isString(id) && id !== label.name) leaf.id = id;
    const column = this.layout.pointsColumns[depth];
    const cellWeight = this.weightIn(r, column, label.name);
    leaf.weight = cellWeight ?? label.weight;
    if (cellWeight) this.facts.pointsCellOf.set(leaf, this.at(r, column!));
    else if (label.weight) this.facts.pointsCellOf.set(leaf, this.at(r, this.levels[depth]));
    if (cellWeight && label.weight && !cellWeight.eq(label.weight)) this.disagreeingPoints(r, column!, label.name, label.weight, cellWeight);
    // Reported once the table is read: a numbered table names a group on a row of its own, with its items below.
    if (leaf.weight === undefined) this.missingPoints.push({ leaf, r, depth });
    leaf.methods = this.methodsIn(r);
    this.addCriteria(leaf, r, depth, Array.isArray(note.rules) ? note.rules : [], ownCellFacts(note as unknown as Record<string, unknown>, leaf));
    this.cellOf.set(leaf, this.at(r, this.levels[depth]));
    (depth === 0 ? this.indicators : this.stack[depth - 1].indicator.items).push(leaf);
    this.stack.length = depth;
    this.stack.push({ indicator: leaf, master: own.master });
    this.lastLeaf = { indicator: leaf, depth };
    this.facts.leafRows++;
  }

  /** `level-points`: a group's points in its level's column (merged down its rows); held against points its name states. */
  private groupPointsCell(group: DraftIndicator, r: number, depth: number, name: string): void {
    if (this.layout.hierarchy !== 'level-points') return;
    const column = this.layout.pointsColumns[depth];
    const value = this.weightIn(r, column, name);
    if (!value) return;
    if (group.weight && !group.weight.eq(value)) this.disagreeingPoints(r, column!, name, group.weight, value);
    group.weight = value;
    this.facts.pointsCellOf.set(group, this.at(r, column!));
  }

  private disagreeingPoints(r: number, column: number, name: string, named: Decimal, cell: Decimal): void {
    this.fail(
      r,
      column,
      text(
        `“${name}” is given ${named.toFixed()} points in its name and ${cell.toFixed()} in this cell`,
        `“${name}”名称中写 ${named.toFixed()} 分，本单元格为 ${cell.toFixed()} 分`,
      ),
    );
  }

  private reportMissingPoints(r: number, depth: number, name: string): void {
    const column = this.layout.pointsColumns[depth];
    const where = column ?? this.levels[depth];
    const merged = column !== undefined && mergedFromAbove(this.reader, r, column);
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

  private addCriteria(leaf: DraftIndicator, r: number, depth: number, ruleIds: (string | null)[] = [], own?: OwnCellFacts): void {
    for (const column of [this.columns.content, this.columns.criteria, this.columns.remarks]) {
      if (column !== undefined && this.leafText(r, column) !== '') this.noteCriteriaCell(leaf, this.at(...this.originOf(r, column)));
    }
    const remarks = this.leafText(r, this.columns.remarks);
    if (remarks !== '') this.appendCriteria(leaf, `备注：${remarks}`);
    const content = this.leafText(r, this.columns.content);
    // `【国土绿化】…` opening a leaf's criteria is its group's own (the export writes it so).
    const criteria = this.leafText(r, this.columns.criteria).replace(/^【([^】]+)】(.*)(?:\r?\n|$)/gm, (line, name: string, words: string) => {
      const group = this.stack.slice(0, depth).find((entry) => entry.indicator.name === name);
      if (!group) return line;
      group.indicator.criteria = group.indicator.criteria ? `${group.indicator.criteria}\n${words}` : words;
      return '';
    });
    const parsed = parseCriteriaCell(criteria, ruleIds, own);
    const words = [leaf.criteria, content, parsed.criteria].filter((x): x is string => x !== undefined && x !== '');
    leaf.criteria = words.length > 0 ? words.join('\n') : undefined;
    if (parsed.scoring) {
      if (!leaf.scoring) leaf.scoring = parsed.scoring;
      else {
        leaf.scoring.levels.push(...parsed.scoring.levels);
        leaf.scoring.rules.push(...parsed.scoring.rules);
        if (parsed.scoring.deduct) leaf.scoring.rules.push({ points: parsed.scoring.deduct, per: parsed.scoring.per });
        if (parsed.scoring.ranged) leaf.scoring.ranged = [...(leaf.scoring.ranged ?? []), ...parsed.scoring.ranged];
        if (parsed.scoring.formula !== undefined) Object.assign(leaf.scoring, { inputs: parsed.scoring.inputs, formula: parsed.scoring.formula });
      }
    }
  }

  private noteCriteriaCell(indicator: DraftIndicator, address: string): void {
    const cells = this.facts.criteriaCellsOf.get(indicator);
    if (cells) cells.push(address);
    else this.facts.criteriaCellsOf.set(indicator, [address]);
  }

  /** Words that belong to an indicator's criteria, after what it has (the cell they came from noted). */
  private appendCriteria(indicator: DraftIndicator, words: string, address?: string): void {
    indicator.criteria = indicator.criteria ? `${indicator.criteria}\n${words}` : words;
    if (address) this.noteCriteriaCell(indicator, address);
  }

  /** The points in a cell of a row: a number above 0 (or a number written as text), else reported; a cell it is taken from is noted as used. */
  private weightIn(r: number, column: number | undefined, subject: string): Decimal | undefined {
    if (column === undefined || !this.ownCell(r, column)) return undefined;
    const reading = this.reader.reading(r, column);
    if (reading.kind === 'empty') return undefined;
    this.facts.usedPoints.add(this.at(r, column));
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

  /** A cell's text; a cell merged down several rows belongs to its first row, one merged across to its first column. */
  /**
   * The text a leaf's row has in a column: its own, or that of a cell merged down over several
   * leaves' rows (`按排名赋分` once for the three items beside it), which each of them reads.
   */
  private leafText(r: number, c: number | undefined): string {
    if (c === undefined) return '';
    return this.reader.text(...this.originOf(r, c));
  }

  /** The first cell of the merge a cell is part of (the cell itself when not merged). */
  private originOf(r: number, c: number): [number, number] {
    const origin = this.reader.mergeOrigin(r, c);
    return origin ? [origin.row, origin.column] : [r, c];
  }

  private textIn(r: number, c: number | undefined): string {
    if (c === undefined || !this.ownCell(r, c)) return '';
    return this.reader.text(r, c);
  }

  /** Whether a cell shows a value of its own: not merged, or the first cell of its merge. */
  private ownCell(r: number, c: number): boolean {
    const origin = this.reader.mergeOrigin(r, c);
    return origin === undefined || (origin.row === r && origin.column === c);
  }

  private methodsIn(r: number): string[] {
    const names = splitList(this.textIn(r, this.columns.methods));
    for (const name of names) if (!this.methodNames.includes(name)) this.methodNames.push(name);
    return names;
  }

  /** The first text of a row up to the last indicator column. */
  private rowLabel(r: number): string {
    for (let c = 1; c <= Math.max(...this.levels); c++) {
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
      notes: this.notes.length > 0 ? this.notes : undefined,
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
    const weights = this.indicators.map(effectiveWeight);
    if (!weights.every((w) => w !== undefined)) return undefined;
    const sum = weights.reduce((a, b) => a!.plus(b!), decimal(0))!;
    if (sum.eq(100)) return undefined;
    this.problems.push({
      severity: 'warning',
      address: this.at(this.headerRow, this.layout.pointsColumns[0] ?? this.firstLevel),
      message: text(
        `no 合计 row or 总分 line states the total: it is taken as ${sum.toFixed()}, what the first-level points add up to; if the scheme's total is another, say it in a 合计 row`,
        `没有合计行或“总分”说明总分：按一级指标分值之和 ${sum.toFixed()} 计；如方案总分不同，请加合计行`,
      ),
    });
    return sum;
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

/** What our own export's hidden column says of a leaf's 评分标准 cell; undefined on an office's own table. */
function ownCellFacts(note: Record<string, unknown>, leaf: DraftIndicator): OwnCellFacts | undefined {
  if (!Array.isArray(note.path)) return undefined;
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) && value.every((v): v is string => typeof v === 'string') ? value : undefined;
  return {
    criteriaLines: typeof note.criteria === 'number' ? note.criteria : 0,
    formula: typeof note.formula === 'string' ? note.formula : undefined,
    inputs: strings(note.inputs),
    ranged: strings(note.ranged),
    scale: leaf.outOf ?? leaf.weight,
  };
}
