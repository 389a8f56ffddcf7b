import { columnLetter } from 'rubric-studio-server/out/spreadsheet/import-report';
import { deflatedZeros, minimalXlsx, MinimalXlsxOptions, zipArchive, ZipInput } from './crafted-files';
import { random } from './generate-rubric';

/**
 * Hostile workbooks, generated: every spelling of a huge merge, column ranges, rows far down the
 * sheet, zip entries that lie about their sizes, ranges in defined names, sheets stored under
 * absolute or nested part names, and the archive tricks around them — with a seed, so a failing
 * case can be made again. Each says what the import must answer: a refusal whose reason matches
 * a pattern, or a workbook read (imported, or refused for its content, by cell) — never a hang or
 * a process out of memory. The soak suite runs a batch through the command line and the server.
 */

export interface CraftedWorkbook {
  name: string;
  family: 'merge' | 'columns' | 'far-row' | 'lying-size' | 'defined-name' | 'cells' | 'long-text' | 'archive' | 'control' | 'docx';
  /** The file's extension (crafted-documents.ts makes .docx); .xlsx when absent. */
  extension?: 'xlsx' | 'docx';
  bytes: Buffer;
  /** What the English reason of the refusal must match, from its start; undefined: the workbook is read (exit 0 or 1). */
  refusal?: RegExp;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

type Pick = <T>(choices: readonly T[]) => T;

/** One element written in one of the spellings XML allows (quotes, order, spaces, a prefix, character references). */
function element(pick: Pick, name: string, attributes: [string, string][], prefix: string): string {
  const quote = pick(['"', "'"]);
  const space = () => pick([' ', '\n', '\t', '  ', ' \r\n ']);
  const equals = () => pick(['=', ' = ', '=\n']);
  const escape = (value: string) => pick([value, value.replace(/:/g, '&#58;'), value.replace(/A/g, '&#65;'), value.replace(/1/g, '&#x31;')]);
  const noise: [string, string][] = [
    ['xr:uid', '{00000000-0001-0000-0000-000000000000}'],
    ['spans', '1:2'],
  ];
  const all = pick([attributes, [...noise.slice(0, 1), ...attributes], [...attributes, ...noise.slice(0, 1)]]);
  const written = all.map(([key, value]) => `${space()}${key}${equals()}${quote}${escape(value)}${quote}`).join('');
  return `<${prefix}${name}${written}${pick(['', ' '])}/>`;
}

function sheet(prefix: string, parts: { cols?: string; rows?: string; merges?: string; dimension?: string }): string {
  const p = prefix;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
    (parts.dimension ? `<${p}dimension ref="${parts.dimension}"/>` : '') +
    (parts.cols ? `<${p}cols>${parts.cols}</${p}cols>` : '') +
    `<${p}sheetData>${parts.rows ?? ''}</${p}sheetData>` +
    (parts.merges ? `<${p}mergeCells>${parts.merges}</${p}mergeCells>` : '') +
    `</${p}worksheet>`
  );
}

const inline = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;

/** A small 考评表 the import reads: a header row and three indicators adding up to 100. */
const TABLE_ROWS =
  `<row r="1">${inline('A1', '指标')}${inline('B1', '分值')}${inline('C1', '评分标准')}</row>` +
  `<row r="2">${inline('A2', '任务完成率')}${number('B2', 40)}${inline('C2', '按时完成年度任务')}</row>` +
  `<row r="3">${inline('A3', '台账规范')}${number('B3', 30)}${inline('C3', '台账规范、数据准确')}</row>` +
  `<row r="4">${inline('A4', '群众满意度')}${number('B4', 30)}${inline('C4', '满意度达到 90% 以上')}</row>`;

/** Where a sheet's XML is stored: exceljs reads any entry whose name contains xl/worksheets/sheetN.xml. */
const PART_NAMES = ['xl/worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml.bak', 'nested/xl/worksheets/sheet2.xml'];

function placed(pick: Pick, xml: string, extra: Partial<MinimalXlsxOptions> = {}): { bytes: Buffer; where: string } {
  const part = pick(PART_NAMES);
  const deflate = pick([false, true]);
  if (part === PART_NAMES[0]) return { bytes: minimalXlsx(xml, { deflate, ...extra }), where: part };
  // The normal sheet stays (a readable table); the hostile XML rides along under the other name.
  const entry: ZipInput = { name: part, data: xml, deflate };
  return { bytes: minimalXlsx(sheet('', { rows: TABLE_ROWS }), { ...extra, extra: [entry] }), where: part };
}

const HUGE_MERGES = ['A1:XFD1048576', '$A$1:$XFD$1048576', 'XFD1048576:A1', 'a1:a1048576', '1:1048576', 'A1:X$F$D1048576', 'Sheet1!A1:XFD1048576'];

function mergeCase(pick: Pick, index: number): CraftedWorkbook {
  const prefix = pick(['', 'x:']);
  if (index % 3 === 2) {
    // Many small merges: each is two cells, but exceljs compares every merge with every other.
    const merges = Array.from({ length: 6_000 }, (_, i) => element(pick, 'mergeCell', [['ref', `A${2 * i + 1}:A${2 * i + 2}`]], prefix)).join('');
    const { bytes, where } = placed(pick, sheet(prefix, { merges }));
    return { name: `6,000 two-cell merges in ${where}`, family: 'merge', bytes, refusal: /^has more than 5,000 merged ranges/ };
  }
  const ref = pick(HUGE_MERGES);
  const { bytes, where } = placed(pick, sheet(prefix, { rows: TABLE_ROWS, merges: element(pick, 'mergeCell', [['ref', ref]], prefix) }));
  return { name: `a merge over ${ref} (prefix “${prefix}”) in ${where}`, family: 'merge', bytes, refusal: /^merges [\d,]+ cells at once/ };
}

function columnsCase(pick: Pick): CraftedWorkbook {
  const prefix = pick(['', 'x:']);
  const [min, max] = pick([
    ['1', '100000000'],
    ['100000000', '100000000'],
    ['20000', '1'],
    ['1', ' 20000'],
    ['2', '4294967295'],
  ]);
  const cols = element(
    pick,
    'col',
    [
      ['min', min],
      ['max', max],
      ['width', '9'],
    ],
    prefix,
  );
  const { bytes, where } = placed(pick, sheet(prefix, { rows: TABLE_ROWS, cols }));
  return { name: `<col min="${min}" max="${max}"> in ${where}`, family: 'columns', bytes, refusal: /^defines columns up to [\d,]+/ };
}

function farRowCase(pick: Pick, index: number): CraftedWorkbook {
  const row = pick([1_048_576, 1_048_000]);
  const column = pick(['A', 'C', 'Z']);
  const beyond = index % 2 === 1;
  const far = beyond ? pick([50_000_000, 1_048_577, 2 ** 31]) : row;
  const rows = TABLE_ROWS + `<row r="${far}">${inline(`${column}${far}`, '备注')}</row>`;
  // The sheet declares a small used range: it is not believed.
  const { bytes, where } = placed(pick, sheet('', { rows, dimension: pick(['A1:C4', `A1:${column}${far}`]) }));
  return {
    name: `a table and one cell at ${column}${far} in ${where}`,
    family: 'far-row',
    bytes,
    refusal: beyond ? /^has a row numbered [\d,]+ in .*beyond the 1,048,576 rows/ : undefined,
  };
}

function lyingSizeCase(pick: Pick, index: number): CraftedWorkbook {
  const name = pick(['xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/media/image1.png', 'docProps/custom.xml']);
  if (index % 2 === 0) {
    // Declares a kilobyte, inflates to 600 MiB.
    const bytes = minimalXlsx(sheet('', { rows: TABLE_ROWS }), { extra: [{ name, data: '', deflated: deflatedZeros(600), declaredSize: 1024 }] });
    return { name: `${name} declares 1 KiB and inflates to 600 MiB`, family: 'lying-size', bytes, refusal: /^unpacks to more than 32 MB/ };
  }
  const declared = pick([600 * 1024 * 1024, 1, 0]);
  const bytes = minimalXlsx(sheet('', { rows: TABLE_ROWS }), { deflate: pick([false, true]), declaredSheetSize: declared });
  return {
    name: `the sheet declares ${declared} bytes it does not have`,
    family: 'lying-size',
    bytes,
    refusal: /^is damaged: .* declares \d+ bytes but unpacks to/,
  };
}

function definedNameCase(pick: Pick): CraftedWorkbook {
  const formula = pick(['Sheet1!$A$1:$XFD$1048576', "'Sheet1'!$A$1:$XFD$1048576", "x'A1:,X'$F$D$1048576", 'Sheet1!$A$1,Sheet1!$A$1:$Z$1048576']);
  const name = `<definedNames><definedName name="${pick(['data', '_xlnm._FilterDatabase', 'x'])}">${formula.replace(/'/g, '&apos;')}</definedName></definedNames>`;
  const bytes = minimalXlsx(sheet('', { rows: TABLE_ROWS }), { workbookTail: name });
  return { name: `a defined name for ${formula}`, family: 'defined-name', bytes, refusal: /^names [\d,]+ cells at once/ };
}

function cellsCase(pick: Pick, index: number): CraftedWorkbook {
  // Rows of empty cells: over the budget, or just under it (read, within the same time and memory).
  const over = index % 2 === 0;
  const total = over ? 300_000 : 180_000;
  const width = pick([10, 50]);
  const rows: string[] = [TABLE_ROWS];
  for (let r = 5; r < 5 + total / width; r++) {
    let cells = '';
    for (let c = 0; c < width; c++) cells += `<c r="${columnLetter(c + 1)}${r}"/>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  const bytes = minimalXlsx(sheet('', { rows: rows.join('') }), { deflate: true });
  return {
    name: `${total.toLocaleString('en')} empty cells, ${width} a row`,
    family: 'cells',
    bytes,
    refusal: over ? /^holds more than 200,000 cells/ : undefined,
  };
}

function longTextCase(pick: Pick, index: number): CraftedWorkbook {
  const over = index % 2 === 0;
  // Read ones are parentheses, which a heading pattern once tried one by one (seconds for one cell).
  const unit = over ? pick(['(', '（', '一、', 'a ', '分']) : pick(['(', '（', '（1']);
  const length = over ? 40_000 : 30_000;
  const long = unit
    .repeat(Math.ceil(length / unit.length))
    .slice(0, length)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
  const rows = TABLE_ROWS + `<row r="5">${inline('A5', long)}${number('B5', 1)}${inline('C5', long)}</row>`;
  const bytes = minimalXlsx(sheet('', { rows }), { deflate: true });
  return {
    name: `a cell of ${length.toLocaleString('en')} × “${unit}”`,
    family: 'long-text',
    bytes,
    refusal: over ? /^has a cell or name in .* holding more than 32,767 characters/ : undefined,
  };
}

function archiveCase(pick: Pick, index: number): CraftedWorkbook {
  const xml = sheet('', { rows: TABLE_ROWS, merges: '<mergeCell ref="A1:XFD1048576"/>' });
  const base = minimalXlsx(sheet('', { rows: TABLE_ROWS }));
  switch (index % 4) {
    case 0: {
      // Bytes in front: JSZip would shift every offset and read another directory than a plain reader.
      const bytes = Buffer.concat([Buffer.from('MZ'.padEnd(pick([64, 512]), '\0')), base]);
      return {
        name: 'bytes before the archive',
        family: 'archive',
        bytes,
        refusal: /^is a zip archive no spreadsheet program writes: bytes before or inside the archive/,
      };
    }
    case 1: {
      // A directory record the end record does not count: JSZip reads it anyway.
      const entries: ZipInput[] = [
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: xml },
      ];
      return {
        name: 'a directory record left out of the count',
        family: 'archive',
        bytes: zipArchive(entries, { uncountedRecords: 1 }),
        refusal: /^is damaged: the directory lists 1 entries but holds 2/,
      };
    }
    case 2: {
      const entries: ZipInput[] = Array.from({ length: 1_200 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: '<worksheet/>' }));
      return {
        name: '1,200 entries',
        family: 'archive',
        bytes: zipArchive([{ name: 'xl/workbook.xml', data: '<workbook/>' }, ...entries]),
        refusal: /^holds 1,201 files/,
      };
    }
    default: {
      // The same name twice: JSZip keeps the later entry, which is the hostile one.
      const bytes = minimalXlsx(sheet('', { rows: TABLE_ROWS }), { extra: [{ name: 'xl/worksheets/sheet1.xml', data: xml, deflate: true }] });
      return { name: 'a sheet stored twice under one name', family: 'archive', bytes, refusal: /^merges [\d,]+ cells at once/ };
    }
  }
}

function controlCase(pick: Pick): CraftedWorkbook {
  // Harmless spellings of the same elements: read, not refused.
  const prefix = '';
  const merges = element(pick, 'mergeCell', [['ref', pick(['$C$2:$C$4', 'C2:C4'])]], prefix);
  const cols = element(
    pick,
    'col',
    [
      ['min', '1'],
      ['max', '3'],
      ['width', '12'],
    ],
    prefix,
  );
  return {
    name: 'a table with small merges and columns in other spellings',
    family: 'control',
    bytes: minimalXlsx(sheet(prefix, { rows: TABLE_ROWS, merges, cols })),
  };
}

const FAMILIES: ((pick: Pick, index: number) => CraftedWorkbook)[] = [
  mergeCase,
  columnsCase,
  farRowCase,
  lyingSizeCase,
  definedNameCase,
  cellsCase,
  longTextCase,
  archiveCase,
  controlCase,
];

/** `perFamily` cases of each family, the same for the same seed. */
export function craftedWorkbooks(seed: number, perFamily: number): CraftedWorkbook[] {
  const next = random(seed);
  const pick: Pick = (choices) => choices[Math.floor(next() * choices.length)];
  const cases: CraftedWorkbook[] = [];
  for (let index = 0; index < perFamily; index++) for (const family of FAMILIES) cases.push(family(pick, index));
  return cases;
}
