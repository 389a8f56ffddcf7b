import ExcelJS from 'exceljs';
import { performance } from 'perf_hooks';
import { createRubricCore } from 'rubric-studio-server';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { draftToYaml } from 'rubric-studio-server/out/spreadsheet/draft-yaml';
import { importAssessmentTable } from 'rubric-studio-server/out/spreadsheet/import-assessment-table';
import { assessmentTableBytes } from 'rubric-studio-server/out/spreadsheet/operations';
import { readWorkbook } from 'rubric-studio-server/out/spreadsheet/read-workbook';
import { generateDeepRubric, generateRubric, GeneratedRubric } from '../support/generate-rubric';

/**
 * `npm run bench:sheets`: export and import of a 10,000-indicator rubric against what exceljs alone
 * needs to write and to read the same number of cells, in one run (the machine is shared: compare
 * the ratios, not the milliseconds). Export = analysis, layout, styles, merges and the .xlsx bytes;
 * its floor = a workbook of the same rows × columns of plain values written to bytes. Import =
 * reading the bytes (checked first), the table read into a rubric and its YAML; its floor = exceljs
 * loading the same bytes and reading every cell's value once.
 */

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

async function rawWrite(rows: number, columns: number, sample: (r: number, c: number) => string | number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns; c++) row.getCell(c).value = sample(r, c);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rawRead(bytes: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  let cells = 0;
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell(() => cells++));
  return cells;
}

async function measure(name: string, generated: GeneratedRubric) {
  const core = createRubricCore({ schema: loadRubricSchema() });
  const exportRuns: number[] = [];
  const analysisRuns: number[] = [];
  const rawWriteRuns: number[] = [];
  const importRuns: number[] = [];
  const rawReadRuns: number[] = [];
  let bytes: Buffer = Buffer.alloc(0);
  let rows = 0;
  let columns = 0;
  let leaves = 0;
  for (let run = 0; run < runs; run++) {
    // The rubric's own analysis (parse, model, checks), which export runs first: shown apart.
    analysisRuns.push((await time(async () => core.analyze(generated.text))).ms);
    const exported = await time(() => assessmentTableBytes(core, generated.text, 1, 'zh-CN'));
    if (!exported.result.ok) throw new Error(exported.result.reason.en);
    bytes = exported.result.bytes;
    exportRuns.push(exported.ms);
    const workbook = await readWorkbook(bytes);
    if (!workbook.ok) throw new Error(workbook.reason.en);
    const sheet = workbook.workbook.worksheets[0];
    rows = sheet.rowCount;
    columns = sheet.columnCount;
    // The floor writes as many cells, each with the text or number of the exported cell.
    const values = sheet.getSheetValues() as unknown as (unknown[] | undefined)[];
    const sample = (r: number, c: number) => {
      const value = values[r]?.[c];
      return typeof value === 'number' ? value : typeof value === 'string' ? value : '';
    };
    rawWriteRuns.push((await time(() => rawWrite(rows, columns, sample))).ms);

    const imported = await time(async () => {
      const read = await readWorkbook(bytes);
      if (!read.ok) throw new Error(read.reason.en);
      const table = importAssessmentTable(read.workbook);
      if (!table.draft) throw new Error(JSON.stringify(table.problems.slice(0, 3)));
      return { yaml: draftToYaml(table.draft, []), problems: table.problems.length };
    });
    if (imported.result.problems > 0) throw new Error(`${imported.result.problems} problems reading our own export`);
    leaves = (imported.result.yaml.match(/^\s+- (?:id|name): /gm) ?? []).length;
    importRuns.push(imported.ms);
    rawReadRuns.push((await time(() => rawRead(bytes))).ms);
  }
  const e = median(exportRuns);
  const a = median(analysisRuns);
  const w = median(rawWriteRuns);
  const i = median(importRuns);
  const r = median(rawReadRuns);
  const fmt = (ms: number) => ms.toFixed(0).padStart(6);
  console.log(
    `${name.padEnd(8)} ${String(generated.indicators).padStart(6)} ${String(rows).padStart(6)}×${columns}  ${(bytes.length / 1024).toFixed(0).padStart(5)} KiB  ` +
      `export ${fmt(e)} (analysis ${fmt(a)}) / exceljs write ${fmt(w)} = ${(e / w).toFixed(2)}× (${((e - a) / w).toFixed(2)}× without the analysis)   ` +
      `import ${fmt(i)} / exceljs read ${fmt(r)} = ${(i / r).toFixed(2)}×   (${leaves} indicators back)`,
  );
}

async function main() {
  console.log(`Spreadsheets: median of ${runs} runs, ms (Node ${process.version})`);
  await measure('wide', generateRubric(10000));
  await measure('deep-13', generateDeepRubric({ indicators: 10000, areas: 13, levels: 3 }));
  await measure('deep-5', generateDeepRubric({ indicators: 10000, areas: 5, levels: 4 }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
