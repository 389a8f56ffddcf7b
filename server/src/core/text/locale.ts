/**
 * The languages a person reads the product in, and the one way every message is written in all
 * of them: a sentence as `text(en, zh)`, a table of sentences (some of them functions of their
 * figures) picked for one language with `localize`. Findings, services, the command line and the
 * spreadsheets all take their words from here; nothing else knows how many languages there are.
 */

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Every message exists in each supported language; the edge picks one. */
export type LocalizedText = Record<Locale, string>;

export function text(en: string, zhCN: string): LocalizedText {
  return { en, 'zh-CN': zhCN };
}

/** Maps `zh`, `zh-cn`, `zh-Hans-CN`, `zh_CN.UTF-8`… to zh-CN and everything else to English. */
export function normalizeLocale(value: string | undefined): Locale {
  return value && /^zh([-_.@]|$)/i.test(value) ? 'zh-CN' : 'en';
}

/** A table of messages: each entry in every language, a sentence or a function that words its figures. */
export type MessageTable = Record<string, Record<Locale, unknown>>;

/** A message table's entries in one language: `localize(TEXT, 'zh-CN').noFiles`. */
export type Localized<T extends MessageTable> = { [K in keyof T]: T[K]['en'] };

export function localize<T extends MessageTable>(table: T, locale: Locale): Localized<T> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(table)) picked[key] = table[key][locale];
  return picked as Localized<T>;
}
