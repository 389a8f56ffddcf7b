import { parseArgs } from 'util';
import { Locale, normalizeLocale } from '../core';

/** Every output form of the command line; `simulate` knows only the first two. */
export type Format = 'text' | 'json' | 'sarif' | 'github';
export type SimulateFormat = Extract<Format, 'text' | 'json'>;

export const CHECK_FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];
export const SIMULATE_FORMATS: readonly SimulateFormat[] = ['text', 'json'];

export class UsageError extends Error {}

export interface CommonOptions {
  format: Format;
  locale: Locale;
}

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  locale: { type: 'string' },
  subjects: { type: 'string' },
  range: { type: 'string' },
  document: { type: 'string' },
  'max-file-size': { type: 'string' },
  // rubric export / template / import (spreadsheets)
  out: { type: 'string' },
  force: { type: 'boolean' },
  rubric: { type: 'string' },
  'allow-errors': { type: 'boolean' },
  // rubric rank --detail: points per indicator
  detail: { type: 'boolean' },
  // rubric notice
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(args: string[]) {
  return parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
}

/**
 * The --locale option read leniently (unknown options and missing values tolerated), so that
 * even the message about a bad command line is in the person's language.
 */
export function localeOption(args: string[]): string | undefined {
  try {
    const { values } = parseArgs({ args, allowPositionals: true, strict: false, options: OPTIONS });
    return typeof values.locale === 'string' ? values.locale : undefined;
  } catch {
    return undefined;
  }
}

/** --locale wins; else the environment's language, as a terminal user expects. */
export function localeFrom(option: string | undefined, env: NodeJS.ProcessEnv): Locale | undefined {
  if (option !== undefined) return option === 'en' || /^zh-cn$/i.test(option) ? normalizeLocale(option) : undefined;
  return normalizeLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
