import ExcelJS from 'exceljs';
import { LocalizedText, text } from '../core';
import { inspectWorkbookBytes } from './workbook-bytes';

export type WorkbookRead = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; reason: LocalizedText };

/**
 * The bytes of an .xlsx as an exceljs workbook, or why not. Data validations, conditional formats
 * and drawings are skipped: import reads values only, and exceljs would expand a validated range
 * into one object per cell.
 */
export async function readWorkbook(bytes: Buffer): Promise<WorkbookRead> {
  const problem = await inspectWorkbookBytes(bytes);
  if (problem) return { ok: false, reason: problem.message };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes as unknown as ExcelJS.Buffer,
      { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'hyperlinks'] } as never,
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: text(`is damaged and cannot be read as a workbook (${detail})`, `已损坏，无法作为工作簿读取（${detail}）`) };
  }
  if (workbook.worksheets.length === 0) return { ok: false, reason: text('has no worksheets', '没有工作表') };
  return { ok: true, workbook };
}
