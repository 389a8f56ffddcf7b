import { createRubricCore, Locale } from '../core';
import { loadRubricSchema } from '../host/rubric-schema';
import { loadScoresSchema } from '../host/scores-schema';
import { cliText } from './cli-text';
import { Output, runCheck } from './check-command';
import { CHECK_FORMATS, localeFrom, localeOption, parseCommandLine, SIMULATE_FORMATS, UsageError } from './options';
import { runSimulate } from './simulate-command';
import { runRank } from './rank-command';
import type * as ExportCommand from './export-command';
import type * as ImportCommand from './import-command';
import type * as NoticeCommand from './notice-command';
import type * as TemplateCommand from './template-command';

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const createCore = () => createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });

/** `rubric check …` / `rubric simulate …` / `rubric rank …`; resolves to the exit status. */
export async function main(args: string[], output: Output = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Known before parsing, so even a usage error is in the person's language.
  let locale: Locale = localeFrom(localeOption(args), env) ?? localeFrom(undefined, env) ?? 'en';
  try {
    const { values, positionals } = parseCommandLine(args);
    const chosen = localeFrom(values.locale, env);
    if (!chosen) throw new UsageError(cliText(locale).badLocale);
    locale = chosen;
    const t = cliText(locale);
    const [command, ...paths] = positionals;
    if (values.version) {
      output.out(require('../../package.json').version as string);
      return 0;
    }
    if (values.help || command === undefined || command === 'help') {
      output.out(t.help);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === 'check') {
      const format = CHECK_FORMATS.find((f) => f === values.format);
      if (!format) throw new UsageError(t.badCheckFormat);
      if (paths.length === 0) throw new UsageError(t.noPaths);
      return await runCheck(paths, format, locale, createCore(), output, values['max-file-size']);
    }
    if (command === 'simulate') {
      const format = SIMULATE_FORMATS.find((f) => f === values.format);
      if (!format) throw new UsageError(t.badFormat);
      if (paths.length !== 1) throw new UsageError(t.oneFile);
      const request = { file: paths[0], subjects: values.subjects, range: values.range, document: values.document, format, locale };
      return await runSimulate(request, createCore(), output);
    }
    if (command === 'rank') {
      const workbook = { out: values.out, force: values.force ?? false, sheetLocale: values.locale === undefined ? ('zh-CN' as const) : locale };
      return await runRank(paths, values.format, locale, createCore(), output, workbook, values.detail ?? false);
    }
    if (command === 'export' || command === 'template') {
      // The workbook speaks Chinese unless --locale en asks otherwise; messages follow LANG as usual.
      const request = {
        paths,
        out: values.out,
        force: values.force ?? false,
        document: values.document,
        locale,
        sheetLocale: values.locale === undefined ? 'zh-CN' : locale,
      } as const;
      // Loaded on demand: exceljs takes half a second to load, which `check` should not pay.
      const run =
        command === 'export'
          ? (require('./export-command') as typeof ExportCommand).runExport
          : (require('./template-command') as typeof TemplateCommand).runTemplate;
      return await run(request, createCore(), output);
    }
    if (command === 'import') {
      const request = { paths, out: values.out, rubric: values.rubric, force: values.force ?? false, allowErrors: values['allow-errors'] ?? false, locale };
      return await (require('./import-command') as typeof ImportCommand).runImport(request, createCore(), output);
    }
    if (command === 'notice') {
      // The notice speaks Chinese unless --locale en asks otherwise, as the workbooks do.
      const request = {
        paths,
        out: values.out,
        force: values.force ?? false,
        date: values.date,
        allowErrors: values['allow-errors'] ?? false,
        locale,
        noticeLocale: values.locale === undefined ? 'zh-CN' : locale,
      } as const;
      // Loaded on demand, with the docx library behind it.
      return await (require('./notice-command') as typeof NoticeCommand).runNotice(request, createCore(), output);
    }
    throw new UsageError(`${t.unknownCommand}: ${command}`);
  } catch (error) {
    output.err(`rubric: ${usageMessage(error, locale)}`);
    output.err(locale === 'zh-CN' ? '用法见 rubric --help' : 'See rubric --help');
    return 2;
  }
}

/** parseArgs throws with Node's English; say the same in the person's language. */
function usageMessage(error: unknown, locale: Locale): string {
  const t = cliText(locale);
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(--?[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t.missingValue(option);
  return message;
}
