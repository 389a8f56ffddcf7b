import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Locale, RubricCore } from '../core';
import type { ExportSpreadsheetParams, ExportSpreadsheetResult, ImportSpreadsheetParams, ImportSpreadsheetResult } from '../protocol';
import { readTextFile } from '../host/read-text-file';
import { writeFileAtomically } from '../host/write-file';
import type * as Operations from '../spreadsheet/operations';

/**
 * The editor's spreadsheet commands, answered with the command line's own operations. exceljs is
 * loaded on the first request, not when the server starts.
 */
export class SpreadsheetRequests {
  constructor(
    private readonly core: RubricCore,
    /** Where a template's recorded rubric may be read from, and how large it may be: as for a scoresheet's `rubric:`. */
    private readonly files: { workspaceRoots: () => readonly string[]; maxFileSize: () => number },
  ) {}

  private get operations(): typeof Operations {
    return require('../spreadsheet/operations') as typeof Operations;
  }

  /** Never throws to the connection: a failure is an answer with its message. */
  async export(params: ExportSpreadsheetParams, rubricText: string | undefined, locale: Locale): Promise<ExportSpreadsheetResult> {
    try {
      return await this.exportUnsafe(params, rubricText, locale);
    } catch (error) {
      return { ok: false, message: String(error instanceof Error ? error.message : error) };
    }
  }

  async import(params: ImportSpreadsheetParams, locale: Locale): Promise<ImportSpreadsheetResult> {
    try {
      return await this.importUnsafe(params, locale);
    } catch (error) {
      return { ok: false, message: String(error instanceof Error ? error.message : error), problems: [] };
    }
  }

  private async exportUnsafe(params: ExportSpreadsheetParams, rubricText: string | undefined, locale: Locale): Promise<ExportSpreadsheetResult> {
    const zh = locale === 'zh-CN';
    const rubricFile = fileURLToPath(params.uri);
    const text = rubricText ?? (await this.readRubric(rubricFile));
    if (text === undefined) return { ok: false, message: zh ? `无法读取 ${rubricFile}` : `cannot read ${rubricFile}` };
    const target = fileURLToPath(params.target);
    const number = (params.document ?? 0) + 1;
    const made =
      params.kind === 'template'
        ? await this.operations.scoringTemplateBytes(this.core, text, rubricFile, target, number, params.sheetLocale)
        : await this.operations.assessmentTableBytes(this.core, text, number, params.sheetLocale);
    if (!made.ok) return { ok: false, message: `${path.basename(rubricFile)}${zh ? '' : ' '}${made.reason[locale]}` };
    const written = await writeFileAtomically(target, made.bytes, { force: true });
    if (!written.ok) return { ok: false, message: `${target}: ${written.reason[locale]}` };
    const name = path.basename(written.file);
    const message =
      params.kind === 'template'
        ? zh
          ? `已生成打分表 ${name}`
          : `Wrote the scoring template ${name}`
        : zh
          ? `已导出考评表 ${name}（${made.indicators} 个指标）`
          : `Wrote the 考评表 ${name} (${made.indicators} indicators)`;
    return { ok: true, file: pathToFileURL(written.file).href, indicators: made.indicators, message };
  }

  private async importUnsafe(params: ImportSpreadsheetParams, locale: Locale): Promise<ImportSpreadsheetResult> {
    const file = fileURLToPath(params.file);
    const imported = await this.operations.importWorkbook(this.core, {
      file,
      kind: params.kind,
      outFile: fileURLToPath(params.target),
      rubricRoots: this.files.workspaceRoots(),
      maxRubricBytes: this.files.maxFileSize(),
      locale,
    });
    if (!imported.ok) return { ok: false, message: `${path.basename(file)} ${imported.reason[locale]}`, problems: [] };
    const problems = imported.problems.map((p) => ({ severity: p.severity, address: p.address, message: p.message[locale] }));
    if (imported.text === '') return { ok: false, message: locale === 'zh-CN' ? '没有可读取的表格' : 'no table could be read', problems };
    return { ok: true, kind: imported.kind, text: imported.text, problems, count: imported.count };
  }

  private async readRubric(file: string): Promise<string | undefined> {
    const read = await readTextFile(file);
    return read.ok ? read.text : undefined;
  }
}
