import * as vscode from 'vscode';
import { COMMANDS } from 'rubric-studio-server/out/protocol';
import { LocaleSetting, localeSetting, t } from './localize';
import { isScoresheetDocument } from './rubric-documents';

/** The languages a person can choose, each named in its own language so either reader finds theirs. */
function languageItems(): (vscode.QuickPickItem & { locale: LocaleSetting })[] {
  const current = localeSetting();
  const items: { locale: LocaleSetting; label: string }[] = [
    { locale: 'en', label: 'English' },
    { locale: 'zh-CN', label: '简体中文' },
    { locale: 'auto', label: t("Follow VS Code's display language") },
  ];
  return items.map((item) => ({ ...item, label: `${item.locale === current ? '$(check)' : '$(blank)'} ${item.label}` }));
}

/**
 * Sets `rubric.locale`. A language is a person's preference, so it goes into the user settings;
 * when the workspace overrides it there, the workspace setting is changed instead, or the choice
 * would have no effect.
 */
export async function setLanguage(locale: LocaleSetting): Promise<void> {
  const config = vscode.workspace.getConfiguration('rubric');
  if (config.inspect('locale')?.workspaceValue !== undefined) {
    await config.update('locale', locale, vscode.ConfigurationTarget.Workspace);
  } else {
    await config.update('locale', locale === 'auto' ? undefined : locale, vscode.ConfigurationTarget.Global);
  }
}

/** `Rubric: Choose Language`; the argument (for scripts and tests) skips the question. */
export async function chooseLanguage(locale?: unknown): Promise<void> {
  const chosen =
    locale === 'auto' || locale === 'en' || locale === 'zh-CN'
      ? locale
      : (await vscode.window.showQuickPick(languageItems(), { placeHolder: t('Language of diagnostics, hovers and the simulation') }))?.locale;
  if (chosen) await setLanguage(chosen);
}

/** The status item's command: not in the palette, which has both commands already. */
export const STATUS_MENU = 'rubric.statusMenu';

/** What the status item's click offers: the simulation (the ranking on a scoresheet), then the language (one click to either). */
export async function showStatusMenu(): Promise<void> {
  const onScoresheet = isScoresheetDocument(vscode.window.activeTextEditor?.document);
  const simulation: vscode.QuickPickItem = { label: `$(graph) ${t('Show quota simulation')}` };
  const ranking: vscode.QuickPickItem = { label: `$(list-ordered) ${t('Show ranking')}` };
  const items: (vscode.QuickPickItem & { locale?: LocaleSetting })[] = [
    onScoresheet ? ranking : simulation,
    { label: t('Language'), kind: vscode.QuickPickItemKind.Separator },
    ...languageItems(),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Rubric Studio' });
  if (picked === simulation) await vscode.commands.executeCommand(COMMANDS.showSimulation);
  else if (picked === ranking) await vscode.commands.executeCommand(COMMANDS.showRanking);
  else if (picked?.locale) await setLanguage(picked.locale);
}
