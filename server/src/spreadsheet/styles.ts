import type ExcelJS from 'exceljs';

/**
 * Fonts named as Chinese offices have them (宋体 for text, 黑体 for headings, charset GB2312 so
 * Excel and WPS pick the Chinese face); LibreOffice substitutes an installed CJK font for either.
 */
export const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5, charset: 134 };
export const HEADING_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 11, bold: true, charset: 134 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 18, bold: true, charset: 134 };

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
/** Cells a scorer fills in. */
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } };
