import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { Field } from '../../yaml/field';
import { SheetLookup } from '../types';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/**
 * A path under `rounds:` or `previous:` that leads back to a sheet being read (a year naming
 * itself, A → B → A): at the path, with the chain. The host stops at the loop; nothing hangs.
 */
export const scoresheetLoop: ScoresheetCheck = {
  code: 'scoresheet-loop',
  severity: 'error',
  run({ model, rounds, previous }) {
    const findings: Finding[] = [];
    const report = (path: Field<string>, lookup: SheetLookup) => {
      if (lookup.found || !lookup.loop) return;
      const written = path.value ?? '';
      const chain = lookup.loop.join(' → ');
      findings.push(
        scoresheetFinding(
          this,
          path.span,
          text(
            `"${written}" leads back to a sheet it is read for (${chain}): a sheet cannot count itself`,
            `“${written}”又回到了引用它的评分表（${chain}）：评分表不能计入自身`,
          ),
        ),
      );
    };
    for (const column of rounds?.columns ?? []) report(column.path, column.lookup);
    if (model.previous && previous) report(model.previous, previous);
    return findings;
  },
};
