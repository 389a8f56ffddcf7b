import { DiagnosticCode, Locale, normalizeLocale, Severity } from '../core';

export type CheckLevel = Severity | 'off';

/** The `rubric.*` settings the server reads (the VS Code client contributes the same keys). */
export interface RubricSettings {
  /** Extra globs of rubric files, beyond `*.rubric.yaml|yml`. */
  files: string[];
  /** `auto` follows the editor's display language. */
  locale: 'auto' | Locale;
  checks: Partial<Record<DiagnosticCode, CheckLevel>>;
}

export const DEFAULT_SETTINGS: RubricSettings = { files: [], locale: 'auto', checks: {} };

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
  return { files, locale, checks };
}

export function effectiveLocale(settings: RubricSettings, clientLocale: string | undefined): Locale {
  return settings.locale === 'auto' ? normalizeLocale(clientLocale) : settings.locale;
}
