import { RubricCore } from '../core';
import { scoringTemplateBytes } from '../spreadsheet/operations';
import { Output } from './check-command';
import { WorkbookRequest, writeWorkbookFromRubric } from './export-command';
import { sheetText } from './sheet-text';

/** `rubric template [--out FILE.xlsx] [--force] [--document K] FILE.rubric.yaml`: the scoring sheet. */
export function runTemplate(request: WorkbookRequest, core: RubricCore, output: Output): Promise<number> {
  return writeWorkbookFromRubric(
    request,
    'template',
    output,
    (text, rubric, target, number) => scoringTemplateBytes(core, text, rubric, target, number, request.sheetLocale),
    (file, made) => sheetText(request.locale).wroteTemplate(file, made.subjects, made.sheets),
  );
}
