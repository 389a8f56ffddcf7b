import { DEFAULT_MAX_FILE_SIZE, DiagnosticCode, Locale, LocalizedText, normalizeLocale, Severity, text } from '../core';

export type CheckLevel = Severity | 'off';

/** The `rubric.*` settings the server reads (the VS Code client contributes the same keys). */
export interface RubricSettings {
  /** Extra globs of rubric files, beyond `*.rubric.yaml|yml`. */
  files: string[];
  /** `auto` follows the editor's display language, else the environment's (LANG). */
  locale: 'auto' | Locale;
  checks: Partial<Record<DiagnosticCode, CheckLevel>>;
  /** Files larger than this many bytes (UTF-8) are not analysed: said once, no freeze. */
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: RubricSettings = { files: [], locale: 'auto', checks: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };

/** What the editor and the command line say of a file over the limit (it is not analysed). */
export function tooLargeText(limit: number): LocalizedText {
  return text(`This file is larger than rubric.maxFileSize (${limit} bytes); it is not analysed`, `此文件大于 rubric.maxFileSize（${limit} 字节），不作分析`);
}

const LEVELS: readonly CheckLevel[] = ['error', 'warning', 'info', 'off'];

/** Settings arrive as untyped JSON from any editor: keep what is valid, ignore the rest. */
export function readSettings(raw: unknown): RubricSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const files = Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string') : [];
  const locale = value.locale === 'en' || value.locale === 'zh-CN' ? value.locale : 'auto';
  const checks: RubricSettings['checks'] = {};
  if (value.checks && typeof value.checks === 'object') {
    for (const [code, level] of Object.entries(value.checks as Record<string, unknown>)) {
      if (LEVELS.includes(level as CheckLevel)) checks[code as DiagnosticCode] = level as CheckLevel;
    }
  }
  const maxFileSize = Number.isSafeInteger(value.maxFileSize) && (value.maxFileSize as number) > 0 ? (value.maxFileSize as number) : DEFAULT_MAX_FILE_SIZE;
  return { files, locale, checks, maxFileSize };
}

/** The language of the server's environment, as a terminal program reads it: LC_ALL, LC_MESSAGES, then LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
}

/**
 * `rubric.locale`, and for `auto` the language the client says it shows (initialize's `locale`,
 * which VS Code sends and Neovim and Emacs do not), else the language of the environment the
 * editor started the server in (`LANG=zh_CN.UTF-8 nvim`).
 */
export function effectiveLocale(settings: RubricSettings, clientLocale: string | undefined, envLocale?: string): Locale {
  return settings.locale === 'auto' ? normalizeLocale(clientLocale || envLocale) : settings.locale;
}
