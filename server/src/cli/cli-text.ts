import { Locale, localize, MAX_SUBJECTS } from '../core';

/** Every sentence the command line itself prints, in both languages. */
const TEXT = {
  help: {
    en: `rubric — check assessment rubrics, simulate their quotas, rank scoresheets

Usage:
  rubric check [--format text|json|sarif|github] [--locale en|zh-CN] PATH...
      Check rubric files (*.rubric.yaml, *.rubric.yml) and scoresheets
      (*.scores.yaml, *.scores.yml); folders are searched.
      Text output: file:line:col: severity code: message
      sarif: SARIF 2.1.0 for code scanning; github: GitHub Actions
      annotations (::error file=…,line=…::message).
      Exit status: 0 no errors (warnings allowed), 1 errors found,
                   2 bad usage or an unreadable path.
      --max-file-size BYTES: larger files are not checked (exit 2);
      default 2097152 (2 MiB).

  rubric simulate [--subjects N | --range A..B] [--document K]
                  [--format text|json] [--locale en|zh-CN] FILE
      Slots per tier for N subjects under the rubric's rounding; without
      --subjects or --range, for the rubric's own number of subjects.
      --document picks the K-th rubric of a multi-document file (default 1).
      JSON: {file, rows: [{subjects, tiers: [{id, name, min, max, share,
      working}], warnings: [code], problems: [{code, message}]}]}.

  rubric rank [--format text|json] [--locale en|zh-CN] FILE.scores.yaml
      Totals, ranks and tiers of a scoresheet, per group, then its
      diagnostics. Its rubric is read relative to the scoresheet, never
      outside the current folder (or the scoresheet's own folder when it
      lies elsewhere). JSON: {file, rubric, rows: [{subject, group, total,
      rank, tier, margin, vetoes, tied}], diagnostics}; with previous: each
      row adds previous_rank; with rounds the object adds rounds: [{indicator,
      label, path}] and each row round_totals and round_ranks. Exit status
      as check.
      --out FILE.xlsx [--force]: the ranking also as a workbook.
      --detail: each subject's points per scored indicator as they count in
      its total (formulas worked out); JSON rows gain points: {id: number}.
  rubric export [--out FILE.xlsx] [--force] [--document K] FILE
      The printable 考评表 (assessment table) as an Excel workbook; in
      Chinese unless --locale en. Default: FILE with .xlsx.
  rubric template [--out FILE.xlsx] [--force] [--document K] FILE
      A scoring sheet: subjects down, indicators across, each cell checked
      against its points, totals by formula. Default: FILE.scoring.xlsx.
  rubric import [--out X.scores.yaml | X.rubric.yaml] [--rubric R]
                [--force] [--allow-errors] FILE.xlsx
      A filled scoring sheet back into a scoresheet, or a 考评表 into a
      rubric. Problems are printed by cell (打分表!D7: …); with errors
      nothing is written unless --allow-errors (exit 1).
      Existing files are replaced only with --force.
  rubric notice [--out FILE.docx | FILE.md] [--date YYYY-MM-DD] [--force]
                [--allow-errors] FILE.scores.yaml
      The results notice (通报): each tier with its subjects in rank order,
      vetoes, ties and rank changes explained, signed by the rubric's issuer
      and dated today (or --date); the totals and ranks as its annex. A Word
      document typeset as an official document (GB/T 9704), or plain text
      (.md) to paste; in Chinese unless --locale en. Default:
      FILE.notice.docx. With errors in the scoresheet or its rubric nothing
      is written (exit 1) unless --allow-errors, which writes a draft that
      lists them at its top.

  rubric --help | --version

Language: --locale, else the LANG environment variable (zh* gives Chinese).`,
    'zh-CN': `rubric —— 检查考核细则并模拟等次名额

用法：
  rubric check [--format text|json|sarif|github] [--locale en|zh-CN] 路径...
      检查细则文件（*.rubric.yaml、*.rubric.yml）和评分表（*.scores.yaml、
      *.scores.yml）；文件夹会被递归查找。
      文本输出格式：文件:行:列: 严重程度 代码: 说明
      sarif：供代码扫描（code scanning）使用的 SARIF 2.1.0；github：GitHub
      Actions 注释（::error file=…,line=…::说明）。
      退出码：0 无错误（可有警告），1 发现错误，2 用法错误或路径无法读取。
      --max-file-size 字节数：更大的文件不作检查（退出码 2）；默认 2097152（2 MiB）。

  rubric simulate [--subjects N | --range A..B] [--document K]
                  [--format text|json] [--locale en|zh-CN] 文件
      按细则的取整方式计算 N 个考核对象时各等次的名额；未给出
      --subjects 或 --range 时，按细则中的考核对象数计算。
      --document 指定多文档文件中的第 K 份细则（默认第 1 份）。
      JSON：{file, rows: [{subjects, tiers: [{id, name, min, max, share,
      working}], warnings: [代码], problems: [{code, message}]}]}。

  rubric rank [--format text|json] [--locale en|zh-CN] 文件.scores.yaml
      按序列列出评分表中各考核对象的总分、名次和等次，然后列出诊断。
      细则路径相对于评分表所在文件夹，且不得超出当前文件夹（评分表不在
      当前文件夹下时，不得超出评分表所在文件夹）。JSON：{file, rubric,
      rows: [{subject, group, total, rank, tier, margin, vetoes, tied}],
      diagnostics}；有 previous: 时每行增加 previous_rank（上期名次）；有
      rounds 时增加 rounds: [{indicator, label, path}]，每行增加各轮总分
      round_totals 和各轮名次 round_ranks。退出码同 check。
      --out 文件.xlsx [--force]：同时把排名写入工作簿。
      --detail：列出各考核对象每个末级指标计入总分的得分（按公式算出）；
      JSON 的每行增加 points: {指标 id: 分数}。
  rubric export [--out 文件.xlsx] [--force] [--document K] 文件
      生成可打印的考评表（Excel 工作簿）；表格用中文，--locale en 时用英文。
      默认输出为同名 .xlsx。
  rubric template [--out 文件.xlsx] [--force] [--document K] 文件
      生成打分表：考核对象为行、各项指标为列，单元格按分值校验，总分用公式计算。
      默认输出为 文件.scoring.xlsx。
  rubric import [--out X.scores.yaml | X.rubric.yaml] [--rubric R]
                [--force] [--allow-errors] 文件.xlsx
      把填好的打分表导入为评分表（*.scores.yaml），或把考评表导入为细则。
      问题按单元格列出（打分表!D7：…）；有错误时不写入文件，除非加
      --allow-errors（退出码 1）。已存在的文件只有加 --force 才会覆盖。
  rubric notice [--out 文件.docx | 文件.md] [--date YYYY-MM-DD] [--force]
                [--allow-errors] 文件.scores.yaml
      生成考核结果通报：按等次列出考核对象（按名次排列）及个数，说明一票否决、
      同分并列和名次变化，以细则的发文单位（issuer）署名，日期为当天（或
      --date 指定）；得分及排名作为附件。Word 文档按党政机关公文格式
      （GB/T 9704）排版，或为便于粘贴的纯文本（.md）；通报用中文，--locale en
      时用英文。默认输出为 文件.notice.docx。评分表或细则有错误时不写入文件
      （退出码 1），除非加 --allow-errors：生成在开头列出错误的草稿。

  rubric --help | --version

语言：--locale 优先，其次为环境变量 LANG（zh 开头时使用中文）。`,
  },
  cannotRead: { en: 'cannot read', 'zh-CN': '无法读取' },
  /** A message about a file: `FILE: message` / `FILE：消息`. */
  about: { en: (file: string, message: string) => `${file}: ${message}`, 'zh-CN': (file: string, message: string) => `${file}：${message}` },
  /** `cannot read: no such file` / `无法读取：文件不存在`. */
  unreadable: { en: (reason: string) => `cannot read: ${reason}`, 'zh-CN': (reason: string) => `无法读取：${reason}` },
  scoresheetNotRubric: {
    en: (file: string, command: string) => `this is a scoresheet, not a rubric: rank it with "rubric rank ${file}", or ${command} the rubric it names`,
    'zh-CN': (file: string, command: string) => `这是评分表，不是考核细则：排名请用“rubric rank ${file}”；${command} 请对其所依据的考核细则使用`,
  },
  rubricNotScoresheet: {
    en: (file: string) =>
      `this is a rubric, not a scoresheet: rank takes a scoresheet (*.scores.yaml) scored under it; "rubric simulate ${file}" works out its quotas`,
    'zh-CN': (file: string) => `这是考核细则，不是评分表：rank 用于依据它评分的评分表（*.scores.yaml）；名额模拟请用“rubric simulate ${file}”`,
  },
  noFiles: {
    en: 'no rubric files (*.rubric.yaml, *.rubric.yml) or scoresheets (*.scores.yaml, *.scores.yml) found under',
    'zh-CN': '未找到细则文件（*.rubric.yaml、*.rubric.yml）或评分表（*.scores.yaml、*.scores.yml）：',
  },
  noPaths: { en: 'no path given: rubric check PATH...', 'zh-CN': '未指定路径：rubric check 路径...' },
  unknownCommand: { en: 'unknown command', 'zh-CN': '未知命令' },
  badSubjects: { en: '--subjects needs a whole number of at least 0', 'zh-CN': '--subjects 须为不小于 0 的整数' },
  badRange: { en: `--range needs A..B with whole numbers 0 ≤ A ≤ B ≤ ${MAX_SUBJECTS}`, 'zh-CN': `--range 须写作 A..B，且 0 ≤ A ≤ B ≤ ${MAX_SUBJECTS} 为整数` },
  bothSubjectsAndRange: { en: 'give --subjects or --range, not both', 'zh-CN': '--subjects 与 --range 只能选一个' },
  oneFile: { en: 'simulate takes exactly one file', 'zh-CN': 'simulate 只接受一个文件' },
  noDocument: { en: (k: string) => `has no rubric number ${k}`, 'zh-CN': (k: string) => `文件中没有第 ${k} 份细则` },
  syntaxFirst: {
    en: 'does not parse as YAML: fix the syntax errors first (rubric check shows them)',
    'zh-CN': '存在 YAML 语法错误，请先修正（可用 rubric check 查看）',
  },
  unknownOption: { en: (o: string) => `unknown option ${o}`, 'zh-CN': (o: string) => `未知选项 ${o}` },
  missingValue: { en: (o: string) => `option ${o} needs a value`, 'zh-CN': (o: string) => `选项 ${o} 需要一个值` },
  noTiers: { en: 'has no tiers to simulate', 'zh-CN': '没有可模拟的等次（tiers）' },
  noSubjects: {
    en: 'does not say how many subjects there are: pass --subjects N or --range A..B',
    'zh-CN': '未说明考核对象数量：请使用 --subjects N 或 --range A..B',
  },
  badFormat: { en: '--format must be text or json', 'zh-CN': '--format 只能为 text 或 json' },
  badCheckFormat: { en: '--format must be text, json, sarif or github', 'zh-CN': '--format 只能为 text、json、sarif 或 github' },
  badLocale: { en: '--locale must be en or zh-CN', 'zh-CN': '--locale 只能为 en 或 zh-CN' },
  summary: {
    en: (files: number, errors: number, warnings: number) =>
      `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    'zh-CN': (files: number, errors: number, warnings: number) => `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告`,
  },
  subjectsColumn: { en: 'N', 'zh-CN': '对象数' },
  warningsColumn: { en: 'problems', 'zh-CN': '问题' },
  rounding: { en: 'rounding', 'zh-CN': '取整方式' },
} as const;

export type CliText = typeof TEXT;

export function cliText(locale: Locale) {
  return localize(TEXT, locale);
}
