import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { DocumentAnalysis, Finding, Locale, LocalizedText, RubricCore, text } from '../core';
import { readTextFile } from '../host/read-text-file';
import { resolveRubricPath } from '../host/resolve-rubric-path';
import { readFileBytes } from '../host/write-file';
import { draftToYaml } from './draft-yaml';
import { buildAssessmentWorkbook } from './export-assessment-table';
import { AssessmentImport, importAssessmentTable } from './import-assessment-table';
import { CellProblem, problemLine } from './import-report';
import { importScores } from './import-scores';
import { CONVERTED_TO, convertWithLibreOffice, OldFormat, oldFormatOf } from './office-conversion';
import { readWorkbook } from './read-workbook';
import { DraftIndicator, DraftRubric, draftOf, walkDraft } from './rubric-draft';
import { buildScoringTemplate, templateMetaOf } from './scoring-template';
import { TableFacts } from './table-figures';
import { notesComment } from './table-notes';
import { MAX_WORKBOOK_BYTES } from './workbook-bytes';
import { readWordTables } from './word-document';

/**
 * The spreadsheet operations the command line and the language server share: rubric text in,
 * workbook bytes out; workbook bytes in, YAML text and the problems by cell out. Files are read
 * here (the rubric a template names); writing is the caller's (host/write-file.ts), so that the
 * editor can ask where first.
 */

export type Failure = { ok: false; reason: LocalizedText };

export interface RubricForSheets {
  ok: true;
  document: DocumentAnalysis;
  draft: DraftRubric;
  /** Errors the core found in the rubric: the sheet shows the file as written, and says so. */
  errors: number;
}

export function rubricForSheets(core: RubricCore, rubricText: string, documentNumber = 1): RubricForSheets | Failure {
  const analysis = core.analyze(rubricText);
  const document = analysis.documents[documentNumber - 1];
  if (!document) {
    return {
      ok: false,
      reason:
        documentNumber === 1 ? text('holds no rubric', '中没有细则') : text(`has no rubric number ${documentNumber}`, `中没有第 ${documentNumber} 份细则`),
    };
  }
  if (document.findings.some((f) => f.code === 'yaml-syntax')) {
    return {
      ok: false,
      reason: text('does not parse as YAML: fix the syntax errors first (rubric check shows them)', '存在 YAML 语法错误，请先修正（可用 rubric check 查看）'),
    };
  }
  if (document.model.indicators.items.length === 0) return { ok: false, reason: text('has no indicators', '没有考核指标（indicators）') };
  return { ok: true, document, draft: draftOf(rubricText, document), errors: document.findings.filter((f) => f.severity === 'error').length };
}

export interface WorkbookOut {
  ok: true;
  bytes: Buffer;
  /** Leaf indicators in the workbook. */
  indicators: number;
  errors: number;
}

const leafCount = (draft: DraftRubric) => [...walkDraft(draft.indicators)].filter(({ indicator }) => indicator.items.length === 0).length;

export async function assessmentTableBytes(core: RubricCore, rubricText: string, documentNumber: number, locale: Locale): Promise<WorkbookOut | Failure> {
  const rubric = rubricForSheets(core, rubricText, documentNumber);
  if (!rubric.ok) return rubric;
  const workbook = buildAssessmentWorkbook(rubric.draft, rubric.document, { locale });
  return { ok: true, bytes: Buffer.from(await workbook.xlsx.writeBuffer()), indicators: leafCount(rubric.draft), errors: rubric.errors };
}

export const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** A path as a rubric file or the template's record writes it: relative, with `/`. */
export const relativeReference = (fromFolder: string, to: string) => path.relative(fromFolder, to).split(path.sep).join('/');

export async function scoringTemplateBytes(
  core: RubricCore,
  rubricText: string,
  rubricFile: string,
  templateFile: string,
  documentNumber: number,
  locale: Locale,
): Promise<(WorkbookOut & { subjects: number; sheets: number }) | Failure> {
  const rubric = rubricForSheets(core, rubricText, documentNumber);
  if (!rubric.ok) return rubric;
  const workbook = buildScoringTemplate(rubric.draft, {
    locale,
    rubricPath: relativeReference(path.dirname(path.resolve(templateFile)), path.resolve(rubricFile)),
    sha256: sha256(rubricText),
    document: documentNumber,
  });
  const meta = templateMetaOf(workbook)!;
  const first = meta.sheets[0];
  return {
    ok: true,
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    indicators: leafCount(rubric.draft),
    errors: rubric.errors,
    subjects: first ? first.lastRow - first.firstRow + 1 : 0,
    sheets: meta.sheets.length,
  };
}

export type ImportKind = 'scores' | 'rubric';

export interface ImportOptions {
  /** The workbook's path (for the rubric a template names, relative to it). */
  file: string;
  /** What to make; undefined: a scoresheet from a template, else a rubric. */
  kind?: ImportKind;
  /** The rubric of the scores (`--rubric`); else the one the template names. */
  rubricFile?: string;
  /** Where the YAML will go (references are made relative to it). */
  outFile?: string;
  /**
   * The folders a template's recorded rubric may be read from, as a scoresheet's `rubric:` is
   * confined (host/resolve-rubric-path.ts): the workspace folders in the editor, the current folder
   * on the command line; the workbook's own folder when none holds it.
   */
  rubricRoots: readonly string[];
  /** The largest rubric read (rubric.maxFileSize). */
  maxRubricBytes: number;
  locale: Locale;
}

export interface Imported {
  ok: true;
  kind: ImportKind;
  text: string;
  problems: CellProblem[];
  /** Subjects (scores) or leaf indicators (rubric) read. */
  count: number;
  /** For scores: the rubric file used. */
  rubricFile?: string;
  /** For a rubric: the draft read and what was read where (the layout, the cells). */
  table?: { draft: DraftRubric; facts: TableFacts };
  /** The old format the file was converted from by LibreOffice. */
  convertedFrom?: OldFormat;
}

/** What a file to import is: by its bytes where they tell (a zip's parts, an OLE package's streams), else by its name. */
function formatOf(file: string, bytes: Buffer): 'xlsx' | 'docx' | OldFormat {
  const ole = bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  const named = oldFormatOf(file);
  // An encrypted package stays with the workbook guard, which says to remove the password: LibreOffice would wait for one.
  if (ole && !has('EncryptedPackage')) {
    if (has('WordDocument')) return 'doc';
    if (has('Workbook') || has('Book')) return named === 'et' ? 'et' : 'xls';
  }
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    if (bytes.includes(Buffer.from('word/document.xml'))) return 'docx';
    return 'xlsx';
  }
  if (/\.docx$/i.test(file)) return 'docx';
  return named && !ole ? named : 'xlsx';
}

/** Reads a workbook or a Word document: a filled template back into a scoresheet, or a 考评表 into a rubric. */
export async function importWorkbook(core: RubricCore, options: ImportOptions): Promise<Imported | Failure> {
  const read = await readFileBytes(options.file, MAX_WORKBOOK_BYTES);
  if (!read.ok) return read;
  let bytes = read.bytes;
  let format = formatOf(options.file, bytes);
  let convertedFrom: OldFormat | undefined;
  if (format === 'xls' || format === 'et' || format === 'doc') {
    const converted = await convertWithLibreOffice(options.file, format);
    if (!converted.ok) return converted;
    bytes = converted.bytes;
    convertedFrom = format;
    format = CONVERTED_TO[format];
  }
  const source = path.basename(options.file);
  if (format === 'docx') {
    if (options.kind === 'scores') {
      return {
        ok: false,
        reason: text('is a Word document: scores are read from a scoring template (.xlsx) only', '是 Word 文档：分数只能从打分表（.xlsx）导入'),
      };
    }
    const word = await readWordTables(bytes, (n) => (options.locale === 'zh-CN' ? `表${n}` : `Table${n}`));
    if (!word.ok) return word;
    if (word.tables.length === 0) return { ok: false, reason: text('holds no table', '中没有表格') };
    return { ...rubricFromTable(core, importAssessmentTable(word.tables), source, options.locale), convertedFrom };
  }
  const workbook = await readWorkbook(bytes);
  if (!workbook.ok) return workbook;
  const meta = templateMetaOf(workbook.workbook);
  const kind: ImportKind = options.kind ?? (meta ? 'scores' : 'rubric');
  const date = new Date().toISOString().slice(0, 10);

  if (kind === 'scores') {
    if (!meta) {
      return {
        ok: false,
        reason: text(
          'is not a scoring template made by `rubric template` (it has no hidden _rubric sheet); to read a 考评表 into a rubric, give --out NAME.rubric.yaml',
          '不是由 `rubric template` 生成的打分表（缺少隐藏的 _rubric 工作表）；如要把考评表导入为细则，请用 --out 名称.rubric.yaml',
        ),
      };
    }
    const rubric = await readTemplateRubric(options, meta.rubric);
    if (!rubric.ok) return rubric;
    const { file: rubricFile, text: rubricText } = rubric;
    const forSheets = rubricForSheets(core, rubricText, options.rubricFile ? 1 : meta.document);
    if (!forSheets.ok) return { ok: false, reason: text(`the rubric ${rubricFile} ${forSheets.reason.en}`, `细则 ${rubricFile} ${forSheets.reason['zh-CN']}`) };
    const out = path.resolve(options.outFile ?? defaultImportTarget(options.file, 'scores'));
    const reference = relativeReference(path.dirname(out), path.resolve(rubricFile));
    const header =
      options.locale === 'zh-CN'
        ? [`由 rubric import 从 ${source} 导入（${date}）`, `细则：${forSheets.draft.title}`]
        : [`Imported by rubric import from ${source} (${date})`, `Rubric: ${forSheets.draft.title}`];
    const result = importScores(workbook.workbook, meta, forSheets.draft, { rubricReference: reference, header });
    const problems = [...result.problems];
    if (meta.sha256 !== '' && meta.sha256 !== sha256(rubricText)) {
      problems.unshift({
        severity: 'warning',
        address: meta.sheets[0]?.name ?? '',
        message: text(
          `the rubric has changed since this template was made from it: scores are checked against the rubric as it is now`,
          `生成此打分表后细则已修改：按细则的当前内容检查分数`,
        ),
      });
    }
    return { ok: true, kind, text: result.yaml, problems, count: result.subjects, rubricFile, convertedFrom };
  }
  return { ...rubricFromTable(core, importAssessmentTable(workbook.workbook), source, options.locale), convertedFrom };
}

/**
 * A 考评表 read into a rubric file: the draft as YAML (the table's closing notes as a comment block
 * at its end), checked as any rubric is, a finding about an indicator placed at its row. When the
 * import found errors, they head the file as comments, so that a file written anyway with
 * --allow-errors says what to look at.
 */
function rubricFromTable(core: RubricCore, table: AssessmentImport, source: string, locale: Locale): Imported {
  if (!table.draft) return { ok: true, kind: 'rubric', text: '', problems: table.problems, count: 0 };
  const date = new Date().toISOString().slice(0, 10);
  const header =
    locale === 'zh-CN'
      ? [`由 rubric import 从 ${source}（“${table.sheet}”）导入（${date}）`, '请用 rubric check 检查，并核对评分标准的文字']
      : [`Imported by rubric import from ${source} (“${table.sheet}”) on ${date}`, 'Check it with rubric check, and read the scoring criteria over'];
  const yaml = draftToYaml(table.draft, header, notesComment(table.draft, locale));
  const analysis = core.analyze(yaml);
  const document = analysis.documents[0];
  const problems = [...table.problems];
  if (document) {
    const cells = indicatorCellsOf(document.findings, document, table.draft, table.cellOf);
    document.findings.forEach((finding, index) => {
      problems.push({ severity: 'warning', address: cells[index] ?? table.sheet ?? '', message: findingText(finding) });
    });
  }
  const errors = problems.filter((p) => p.severity === 'error');
  const findingsAtTop =
    errors.length === 0
      ? ''
      : [
          locale === 'zh-CN'
            ? `# 导入时发现 ${errors.length} 个错误：本文件的数字与表格不一致，请逐条核对表格后修正，再删除本段`
            : `# The import found ${errors.length} error${errors.length === 1 ? '' : 's'}: this file's figures disagree with the table; check each against the table, correct, then delete these lines`,
          ...errors.map((p) => `#   ${problemLine(p, locale).replace(/\n/g, ' ')}`),
          '',
        ].join('\n');
  const facts = table.facts!;
  return { ok: true, kind: 'rubric', text: findingsAtTop + yaml, problems, count: leafCount(table.draft), table: { draft: table.draft, facts } };
}

/**
 * The rubric a template is read against: the one given (`--rubric`), else the one the template
 * records. That path was written by whoever made the workbook, so it is confined as a scoresheet's
 * `rubric:` is (resolveRubricPath: inside the roots, a regular *.rubric.yaml file, never through a
 * link that leads out); either way a FIFO, a device or a file above the size limit is not read.
 */
async function readTemplateRubric(options: ImportOptions, recorded: string): Promise<{ ok: true; file: string; text: string } | Failure> {
  const refused = (reason: LocalizedText): Failure =>
    options.rubricFile
      ? { ok: false, reason: text(`the rubric ${options.rubricFile}: ${reason.en}`, `细则 ${options.rubricFile}：${reason['zh-CN']}`) }
      : {
          ok: false,
          reason: text(
            `names the rubric ${recorded}: ${reason.en}; give it with --rubric FILE`,
            `记录的细则 ${recorded}：${reason['zh-CN']}；请用 --rubric 文件 指定`,
          ),
        };
  let file = options.rubricFile;
  if (file === undefined) {
    const resolved = resolveRubricPath(options.file, recorded, options.rubricRoots);
    if ('reason' in resolved) return refused(resolved.reason);
    file = resolved.path;
  }
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat && !stat.isFile()) return refused(text('is not a regular file', '不是普通文件'));
  if (stat && stat.size > options.maxRubricBytes) {
    return refused(text(`is larger than ${options.maxRubricBytes} bytes (rubric.maxFileSize)`, `大于 ${options.maxRubricBytes} 字节（rubric.maxFileSize）`));
  }
  const read = await readTextFile(file);
  return read.ok ? { ok: true, file, text: read.text } : refused(read.reason);
}

function findingText(finding: Finding): LocalizedText {
  return text(`${finding.code}: ${finding.message.en}`, `${finding.code}：${finding.message['zh-CN']}`);
}

/**
 * For each finding, the cell of the indicator it is about: the deepest indicator whose text holds
 * it. One sweep over the indicators in the order of their text (their spans nest), so that a
 * rubric of many indicators with many findings costs no more than reading them.
 */
function indicatorCellsOf(
  findings: readonly Finding[],
  document: DocumentAnalysis,
  draft: DraftRubric,
  cellOf: Map<DraftIndicator, string>,
): (string | undefined)[] {
  type Indicator = DocumentAnalysis['model']['allIndicators'][number];
  const indicators = [...document.model.allIndicators].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const order = findings.map((_, index) => index).sort((a, b) => findings[a].span.start - findings[b].span.start);
  const cells: (string | undefined)[] = new Array(findings.length);
  const open: Indicator[] = [];
  let next = 0;
  for (const index of order) {
    const span = findings[index].span;
    for (; next < indicators.length && indicators[next].span.start <= span.start; next++) {
      while (open.length > 0 && open[open.length - 1].span.end < indicators[next].span.start) open.pop();
      open.push(indicators[next]);
    }
    while (open.length > 0 && open[open.length - 1].span.end < span.start) open.pop();
    let holder = open.length - 1;
    while (holder >= 0 && open[holder].span.end < span.end) holder--;
    cells[index] = holder >= 0 ? cellOfPath(open[holder].path, draft, cellOf) : undefined;
  }
  return cells;
}

function cellOfPath(indexPath: readonly number[], draft: DraftRubric, cellOf: Map<DraftIndicator, string>): string | undefined {
  let items = draft.indicators;
  let found: DraftIndicator | undefined;
  for (const index of indexPath) {
    found = items[index];
    if (!found) return undefined;
    items = found.items;
  }
  return found && cellOf.get(found);
}

/** `forest.xlsx` → `forest.scores.yaml` / `forest.rubric.yaml` (a .docx, .xls, .et or .doc likewise). */
export function defaultImportTarget(file: string, kind: ImportKind): string {
  return path.join(path.dirname(file), `${path.basename(file).replace(/\.(?:xlsx|docx|xls|et|doc)$/i, '')}.${kind}.yaml`);
}

/** `forest.rubric.yaml` → `forest.xlsx` (export) or `forest.scoring.xlsx` (template). */
export function defaultWorkbookTarget(rubricFile: string, kind: 'export' | 'template'): string {
  const base = path
    .basename(rubricFile)
    .replace(/\.rubric\.ya?ml$/i, '')
    .replace(/\.ya?ml$/i, '');
  return path.join(path.dirname(rubricFile), `${base}${kind === 'template' ? '.scoring' : ''}.xlsx`);
}
