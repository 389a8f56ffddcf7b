import { LocalizedText, text } from '../core';
import { decodeAddress, definedNameRanges, rangeArea } from './excel-ranges';
import { XmlListener } from './xml-scan';

/**
 * How much a workbook may make exceljs build, counted from its XML before exceljs sees it.
 * exceljs turns a few small elements into very many objects: a merge into every cell it covers
 * (and it compares each merge with every other), a `<col>` into every column up to its `max` (and up
 * to its `min` too), a defined name into every cell of its range; and the import would walk every
 * row up to the last one. Each part of the archive is read whatever its name (exceljs takes any
 * entry whose name merely contains `xl/worksheets/sheetN.xml`, with or without a leading `/`), and
 * every element is counted whatever spelling its attributes take (xml-scan.ts). The `<dimension>`
 * a sheet declares is not trusted: the rows and cells that are there are counted.
 */

/** Cells a workbook may make exceljs hold: rows, cells, cells under merges and named cells, all sheets together. */
export const MAX_WORKBOOK_CELLS = 200_000;
/** Merged ranges in a workbook: exceljs checks each new merge against all before it. */
export const MAX_MERGED_RANGES = 5_000;
/** Excel's own sheet: rows 1 to 1,048,576, columns A to XFD. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
/** Excel's own limit on the characters in one cell (and a formula's are fewer). */
export const MAX_CELL_CHARACTERS = 32_767;

// exceljs keeps print areas and print titles as page settings, not as named cells.
const PAGE_SETTING_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);
const TEXT_ELEMENTS = new Set(['t', 'v', 'f', 'definedName']);

const count = (n: number) => n.toLocaleString('en');

export class WorkbookBudget {
  /** The first limit passed, in words; once set, the workbook is refused. */
  problem: LocalizedText | undefined;
  private cells = 0;
  private merges = 0;

  /** A listener for one part of the archive. */
  part(name: string): XmlListener {
    let textElement: string | undefined;
    let textLength = 0;
    let definedName: { name: string; text: string } | undefined;
    return {
      open: (element, attributes) => {
        if (this.problem) return;
        switch (element) {
          case 'row':
            this.row(name, attributes.r);
            break;
          case 'c':
            this.cell(name, attributes.r);
            break;
          case 'mergeCell':
            this.merge(name, attributes.ref ?? '');
            break;
          case 'col':
            this.columns(name, attributes.min, attributes.max);
            break;
          case 'definedName':
            definedName = { name: attributes.name ?? '', text: '' };
            break;
        }
        if (TEXT_ELEMENTS.has(element)) {
          textElement = element;
          textLength = 0;
        }
      },
      text: (value) => {
        if (this.problem || textElement === undefined) return;
        textLength += value.length;
        if (definedName) definedName.text += value.slice(0, MAX_CELL_CHARACTERS + 1);
        if (textLength > MAX_CELL_CHARACTERS) {
          this.problem = text(
            `has a cell or name in ${name} holding more than ${count(MAX_CELL_CHARACTERS)} characters, more than Excel allows`,
            `${name} 中有单元格或名称超过 ${count(MAX_CELL_CHARACTERS)} 个字符，超出 Excel 的上限`,
          );
        }
      },
      close: (element) => {
        if (element === textElement) textElement = undefined;
        if (element === 'definedName' && definedName) {
          if (!this.problem && !PAGE_SETTING_NAMES.has(definedName.name)) this.namedCells(name, definedName.name, definedName.text);
          definedName = undefined;
        }
      },
    };
  }

  private add(cells: number, what: () => LocalizedText): void {
    this.cells += cells;
    if (this.cells > MAX_WORKBOOK_CELLS) this.problem = what();
  }

  private tooMany(): LocalizedText {
    return text(
      `holds more than ${count(MAX_WORKBOOK_CELLS)} cells (rows, cells, merged and named cells together), more than a 考评表 or a scoring template has`,
      `单元格超过 ${count(MAX_WORKBOOK_CELLS)} 个（行、单元格、合并及命名的单元格合计），超出考评表或打分表的规模`,
    );
  }

  private row(part: string, r: string | undefined): void {
    // exceljs numbers a row by parseInt of its `r`.
    const number = Number.parseInt(r ?? '', 10);
    if (number > MAX_SHEET_ROWS) {
      this.problem = text(
        `has a row numbered ${count(number)} in ${part}, beyond the ${count(MAX_SHEET_ROWS)} rows a sheet has`,
        `${part} 中有第 ${count(number)} 行，超出工作表的 ${count(MAX_SHEET_ROWS)} 行`,
      );
      return;
    }
    this.add(1, () => this.tooMany());
  }

  private cell(part: string, r: string | undefined): void {
    const column = r === undefined ? undefined : decodeAddress(r).column;
    if (column !== undefined && column > MAX_SHEET_COLUMNS) {
      this.problem = text(
        `has a cell ${r} in ${part}, beyond column XFD (the ${count(MAX_SHEET_COLUMNS)} columns a sheet has)`,
        `${part} 中有单元格 ${r}，超出工作表的最后一列 XFD（共 ${count(MAX_SHEET_COLUMNS)} 列）`,
      );
      return;
    }
    this.add(1, () => this.tooMany());
  }

  private merge(part: string, ref: string): void {
    this.merges++;
    if (this.merges > MAX_MERGED_RANGES) {
      this.problem = text(
        `has more than ${count(MAX_MERGED_RANGES)} merged ranges (in ${part}): more than a table has; unmerge them and import again`,
        `合并区域超过 ${count(MAX_MERGED_RANGES)} 个（${part}）：超出表格的规模，请取消合并后再导入`,
      );
      return;
    }
    const area = rangeArea(ref);
    this.add(area, () =>
      text(
        `merges ${count(area)} cells at once (${ref} in ${part}): more than the ${count(MAX_WORKBOOK_CELLS)} cells a workbook may have; unmerge them and import again`,
        `合并单元格过大（${part} 中的 ${ref}，共 ${count(area)} 个单元格，上限 ${count(MAX_WORKBOOK_CELLS)}）：请取消合并后再导入`,
      ),
    );
  }

  private columns(part: string, min: string | undefined, max: string | undefined): void {
    // exceljs makes a column object for every column up to `max`, and for those before `min`.
    const reach = Math.max(Number.parseInt(min ?? '0', 10) - 1, Number.parseInt(max ?? '0', 10));
    if (reach > MAX_SHEET_COLUMNS) {
      this.problem = text(
        `defines columns up to ${count(reach)} (a <col> in ${part}), beyond the ${count(MAX_SHEET_COLUMNS)} columns a sheet has`,
        `${part} 中的列定义（<col>）延伸到第 ${count(reach)} 列，超出工作表的 ${count(MAX_SHEET_COLUMNS)} 列`,
      );
    }
  }

  private namedCells(part: string, name: string, formula: string): void {
    // exceljs keeps every cell of every range a name refers to.
    for (const range of definedNameRanges(formula)) {
      const area = rangeArea(range);
      this.add(area, () =>
        text(
          `names ${count(area)} cells at once (“${name}” = ${range.slice(0, 60)} in ${part}): more than the ${count(MAX_WORKBOOK_CELLS)} cells a workbook may have`,
          `名称“${name}”（${part}）指向 ${count(area)} 个单元格（${range.slice(0, 60)}），超出上限 ${count(MAX_WORKBOOK_CELLS)}`,
        ),
      );
      if (this.problem) return;
    }
  }
}
