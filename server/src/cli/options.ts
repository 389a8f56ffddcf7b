import { parseArgs } from 'util';
import { Locale, normalizeLocale } from '../core';

export type Format = 'text' | 'json';

export class UsageError extends Error {}

export interface CommonOptions {
  format: Format;
  locale: Locale;
}

export function parseCommandLine(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      locale: { type: 'string' },
      subjects: { type: 'string' },
      range: { type: 'string' },
      document: { type: 'string' },
      'max-file-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** --locale wins; else the environment's language, as a terminal user expects. */
export function localeFrom(option: string | undefined, env: NodeJS.ProcessEnv): Locale | undefined {
  if (option !== undefined) return option === 'en' || /^zh-cn$/i.test(option) ? normalizeLocale(option) : undefined;
  return normalizeLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
