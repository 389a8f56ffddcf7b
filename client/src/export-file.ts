import * as vscode from 'vscode';

export type ExportFormat = 'csv' | 'md';

/**
 * Where a view's table goes: the format (asked when not given) and the file (a save dialog when
 * not given). Undefined when the person cancels either question.
 */
export async function chooseExportFile(
  format: ExportFormat | undefined,
  target: vscode.Uri | undefined,
  placeHolder: string,
): Promise<{ format: ExportFormat; file: vscode.Uri } | undefined> {
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'CSV', format: 'csv' as const },
          { label: 'Markdown', format: 'md' as const },
        ],
        { placeHolder },
      )
    )?.format;
  if (!chosen) return undefined;
  const file = target ?? (await vscode.window.showSaveDialog({ filters: { [chosen === 'csv' ? 'CSV' : 'Markdown']: [chosen] } }));
  return file ? { format: chosen, file } : undefined;
}
