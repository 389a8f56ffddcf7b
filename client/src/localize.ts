import * as fs from 'fs';
import * as vscode from 'vscode';

/** The values of the `rubric.locale` setting. */
export type LocaleSetting = 'auto' | 'en' | 'zh-CN';

export function localeSetting(): LocaleSetting {
  const value = vscode.workspace.getConfiguration('rubric').get<string>('locale', 'auto');
  return value === 'en' || value === 'zh-CN' ? value : 'auto';
}

/** The Chinese bundle (l10n/bundle.l10n.zh-cn.json), read once at activation. */
let chinese: Record<string, string> = {};

export function loadTranslations(context: vscode.ExtensionContext): void {
  try {
    chinese = JSON.parse(fs.readFileSync(context.asAbsolutePath('l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  } catch {
    chinese = {};
  }
}

function format(message: string, args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/**
 * Localizes a message the client shows. The `rubric.locale` setting wins over VS Code's display
 * language, as it does for the server's diagnostics, hovers and lenses, so a person who chose
 * 简体中文 sees one language in the whole extension; `auto` is VS Code's own l10n.
 */
export function t(message: string, ...args: (string | number)[]): string {
  switch (localeSetting()) {
    case 'en':
      return format(message, args);
    case 'zh-CN':
      return format(chinese[message] ?? message, args);
    default:
      return vscode.l10n.t(message, ...args);
  }
}
