import * as path from 'path';
import { Locale, localize } from '../core';

/** A written file as the person can find it: relative to the current folder when inside it, else absolute. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** What `rubric export`, `template` and `import` print, in both languages. */
const TEXT = {
  oneRubric: { en: (command: string) => `${command} takes exactly one rubric file`, 'zh-CN': (command: string) => `${command} 只接受一个细则文件` },
  oneWorkbook: { en: 'import takes exactly one file (.xlsx, .docx, .xls, .et or .doc)', 'zh-CN': 'import 只接受一个文件（.xlsx、.docx、.xls、.et 或 .doc）' },
  importFormat: { en: '--format must be text or json', 'zh-CN': '--format 只能为 text 或 json' },
  converted: {
    en: (file: string, format: string) => `${file}: converted from .${format} with LibreOffice`,
    'zh-CN': (file: string, format: string) => `${file}：已用 LibreOffice 从 .${format} 转换`,
  },
  layout: { en: (described: string) => `Layout: ${described}`, 'zh-CN': (described: string) => `表格布局：${described}` },
  outXlsx: { en: '--out must name an .xlsx file', 'zh-CN': '--out 须为 .xlsx 文件' },
  outYaml: {
    en: '--out must name a scoresheet (NAME.scores.yaml) or a rubric (NAME.rubric.yaml)',
    'zh-CN': '--out 须为评分表文件（名称.scores.yaml）或细则文件（名称.rubric.yaml）',
  },
  notXlsx: {
    en: (file: string) =>
      `${file}: only .xlsx workbooks and .docx documents are read, and .xls, .et and .doc through LibreOffice (save an .ods or .csv as .xlsx first)`,
    'zh-CN': (file: string) => `${file}：只能读取 .xlsx 工作簿和 .docx 文档，.xls、.et、.doc 经 LibreOffice 转换后读取（.ods 或 .csv 请先另存为 .xlsx）`,
  },
  wroteTable: {
    en: (file: string, n: number) => `Wrote ${file}: the 考评表 (assessment table) of ${n} indicator${n === 1 ? '' : 's'}`,
    'zh-CN': (file: string, n: number) => `已写入 ${file}：考评表，${n} 个指标`,
  },
  wroteTemplate: {
    en: (file: string, subjects: number, sheets: number) =>
      `Wrote ${file}: a scoring template, ${subjects} subject row${subjects === 1 ? '' : 's'} on ${sheets} sheet${sheets === 1 ? '' : 's'}`,
    'zh-CN': (file: string, subjects: number, sheets: number) => `已写入 ${file}：打分表，${subjects} 个考核对象行，${sheets} 个工作表`,
  },
  wroteScores: {
    en: (file: string, n: number) => `Wrote ${file}: the scores of ${n} subject${n === 1 ? '' : 's'}`,
    'zh-CN': (file: string, n: number) => `已写入 ${file}：${n} 个考核对象的分数`,
  },
  wroteRubric: {
    en: (file: string, n: number) => `Wrote ${file}: a rubric of ${n} indicator${n === 1 ? '' : 's'}`,
    'zh-CN': (file: string, n: number) => `已写入 ${file}：细则，${n} 个指标`,
  },
  wroteRanking: {
    en: (file: string, n: number) => `Wrote ${file}: the ranking of ${n} subject${n === 1 ? '' : 's'}`,
    'zh-CN': (file: string, n: number) => `已写入 ${file}：${n} 个考核对象的排名`,
  },
  rubricErrors: {
    en: (n: number) => `note: the rubric has ${n} error${n === 1 ? '' : 's'} (rubric check shows them); the sheet shows it as written`,
    'zh-CN': (n: number) => `注意：细则有 ${n} 个错误（可用 rubric check 查看）；表格按文件原样生成`,
  },
  notWritten: {
    en: (errors: number) => `Nothing written: ${errors} error${errors === 1 ? '' : 's'} (pass --allow-errors to write what could be read)`,
    'zh-CN': (errors: number) => `未写入文件：${errors} 个错误（加 --allow-errors 可写入能读取的部分）`,
  },
  nothingRead: { en: 'Nothing written: no table could be read', 'zh-CN': '未写入文件：没有可读取的表格' },
  counts: {
    en: (errors: number, warnings: number) => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    'zh-CN': (errors: number, warnings: number) => `${errors} 个错误，${warnings} 个警告`,
  },
  warning: { en: 'warning: ', 'zh-CN': '警告：' },
  cannotWrite: { en: 'cannot write', 'zh-CN': '无法写入' },
} as const;

export function sheetText(locale: Locale) {
  return localize(TEXT, locale);
}
