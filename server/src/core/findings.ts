import { Span } from './text/span';

export type Severity = 'error' | 'warning' | 'info';
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

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'schema'
  | 'weights-sum'
  | 'children-sum'
  | 'raters-sum'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'quota-overflow'
  | 'quota-shortfall'
  | 'quota-conflict'
  | 'quota-empty'
  | 'quota-rounding'
  | 'threshold-order'
  | 'threshold-unreachable'
  | 'rule-exceeds-weight'
  | 'unused-ignore';

export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  /** The tightest stretch of text that shows the problem. */
  span: Span;
  message: LocalizedText;
  /**
   * The text the finding was computed from (a whole list for a sum). In a document with a syntax
   * error, findings that depend on text at or after the error are held back: that text may be
   * half-typed, and a sum over it would be a guess.
   */
  dependsOn?: Span;
  /** Facts a quick fix needs (the suggested key, the expected sum…). */
  data?: Record<string, unknown>;
}
