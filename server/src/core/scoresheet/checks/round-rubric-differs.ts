import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { RoundColumn } from '../types';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';
import { fileName } from '../../text/file-name';

/**
 * An indicator's rounds are scored under one rubric (four quarters under the quarterly
 * scheme): a round under another rubric than the first round's is said at its path. Its total is
 * still scaled by its own rubric's total, so the figures stay defined.
 */
export const roundRubricDiffers: ScoresheetCheck = {
  code: 'round-rubric-differs',
  severity: 'warning',
  run({ rounds }) {
    const findings: Finding[] = [];
    for (const columns of rounds?.byLeaf.values() ?? []) {
      const first = columns.find((c) => c.rubric);
      if (!first) continue;
      for (const column of columns) {
        if (!column.rubric || column.rubric.location === first.rubric!.location) continue;
        findings.push(scoresheetFinding(this, column.path.span, message(column, first)));
      }
    }
    return findings;
  },
};

/** A rubric by its title; by its file's name where both rubrics have the same title. */
function message(column: RoundColumn, first: RoundColumn) {
  const sameTitle = column.rubric!.title !== undefined && column.rubric!.title === first.rubric!.title;
  const name = (c: RoundColumn) => (sameTitle ? undefined : c.rubric!.title) ?? fileName(c.rubric!.location);
  return text(
    `"${column.path.value}" is scored under another rubric ("${name(column)}") than "${first.path.value}" ("${name(first)}"): its total is scaled by its own rubric's total`,
    `“${column.path.value}”所依据的考核细则（“${name(column)}”）与“${first.path.value}”（“${name(first)}”）不同：其总分按其自身细则的总分折算`,
  );
}
