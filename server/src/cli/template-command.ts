import { RubricCore } from '../core';
import { readTextFile } from '../host/read-text-file';
import { writeFileAtomically } from '../host/write-file';
import { scoringTemplateBytes } from '../spreadsheet/operations';
import { Output } from './check-command';
import { cliText } from './cli-text';
import { documentNumber, WorkbookRequest, workbookTarget } from './export-command';
import { sheetText, shownPath } from './sheet-text';

/** `rubric template [--out FILE.xlsx] [--force] [--document K] FILE.rubric.yaml`: the scoring sheet. */
export async function runTemplate(request: WorkbookRequest, core: RubricCore, output: Output): Promise<number> {
  const t = sheetText(request.locale);
  const { rubric, target } = workbookTarget(request, 'template');
  const number = documentNumber(request.document, request.locale);
  const read = await readTextFile(rubric);
  if (!read.ok) {
    output.err(`${rubric}: ${cliText(request.locale).cannotRead}: ${read.reason[request.locale]}`);
    return 2;
  }
  const made = await scoringTemplateBytes(core, read.text, rubric, target, number, request.sheetLocale);
  if (!made.ok) {
    output.err(`${rubric}: ${made.reason[request.locale]}`);
    return 2;
  }
  const written = await writeFileAtomically(target, made.bytes, { force: request.force });
  if (!written.ok) {
    output.err(`${target}: ${t.cannotWrite}: ${written.reason[request.locale]}`);
    return 2;
  }
  if (made.errors > 0) output.err(t.rubricErrors(made.errors));
  output.out(t.wroteTemplate(shownPath(written.file), made.subjects, made.sheets));
  return 0;
}
