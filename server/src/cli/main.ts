import { createRubricCore, Locale } from '../core';
import { loadRubricSchema } from '../host/rubric-schema';
import { cliText } from './cli-text';
import { Output, runCheck } from './check-command';
import { Format, localeFrom, parseCommandLine, UsageError } from './options';
import { runSimulate } from './simulate-command';

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `rubric check …` / `rubric simulate …`; resolves to the exit status. */
export async function main(args: string[], output: Output = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let locale: Locale = localeFrom(undefined, env) ?? 'en';
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
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(t.badFormat);
    const format = values.format as Format;
    const core = createRubricCore({ schema: loadRubricSchema() });
    if (command === 'check') {
      if (paths.length === 0) throw new UsageError(t.noPaths);
      return await runCheck(paths, format, locale, core, output);
    }
    if (command === 'simulate') {
      if (paths.length !== 1) throw new UsageError(t.oneFile);
      return await runSimulate({ file: paths[0], subjects: values.subjects, range: values.range, document: values.document, format, locale }, core, output);
    }
    throw new UsageError(`${t.unknownCommand}: ${command}`);
  } catch (error) {
    // parseArgs reports unknown options as TypeErrors with a readable message: bad usage too.
    const message = error instanceof Error ? error.message : String(error);
    output.err(`rubric: ${message}`);
    output.err(locale === 'zh-CN' ? '用法见 rubric --help' : 'See rubric --help');
    return 2;
  }
}
