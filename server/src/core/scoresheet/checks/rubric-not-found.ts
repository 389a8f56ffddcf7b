import { text } from '../../text/locale';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/** The rubric the sheet is scored under: named, found, and holding a rubric. Without it nothing is ranked. */
export const rubricNotFound: ScoresheetCheck = {
  code: 'rubric-not-found',
  severity: 'error',
  run({ model, lookup, documentStart }) {
    const written = model.rubric;
    if (!written) {
      return [
        scoresheetFinding(
          this,
          documentStart,
          text(
            'This scoresheet names no rubric: add rubric: with the path of its *.rubric.yaml file (relative to this file)',
            '本评分表未指明考核细则：请填写 rubric:，值为 *.rubric.yaml 文件相对于本文件的路径',
          ),
        ),
      ];
    }
    if (written.value === undefined) {
      return [
        scoresheetFinding(
          this,
          written.span,
          text('rubric: needs the path of a *.rubric.yaml file, relative to this file', 'rubric: 须填写 *.rubric.yaml 文件相对于本文件的路径'),
        ),
      ];
    }
    if (!lookup) return [];
    if (!lookup.found) {
      return [
        scoresheetFinding(
          this,
          written.span,
          text(`The rubric "${written.value}" cannot be read: ${lookup.reason.en}`, `无法读取考核细则“${written.value}”：${lookup.reason['zh-CN']}`),
        ),
      ];
    }
    if (lookup.analysis.documents.length === 0) {
      return [scoresheetFinding(this, written.span, text(`"${written.value}" holds no rubric yet`, `“${written.value}”中还没有考核细则`))];
    }
    return [];
  },
};
