import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { Field } from '../../yaml/field';
import { SheetLookup } from '../types';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/**
 * A path under `rounds:` or `previous:` that does not lead to a readable scoresheet inside the
 * workspace (no such file, not a scoresheet, outside, too large): at the path, saying why.
 */
export const scoresheetNotFound: ScoresheetCheck = {
  code: 'scoresheet-not-found',
  severity: 'error',
  run({ model, rounds, previous }) {
    const findings: Finding[] = [];
    const report = (path: Field<string>, lookup: SheetLookup, role: 'round' | 'previous') => {
      if (lookup.found || lookup.loop) return;
      const written = path.value ?? '';
      findings.push(
        scoresheetFinding(
          this,
          path.span,
          role === 'round'
            ? text(`The round "${written}" cannot be read: ${lookup.reason.en}`, `无法读取轮次评分表“${written}”：${lookup.reason['zh-CN']}`)
            : text(`The previous result "${written}" cannot be read: ${lookup.reason.en}`, `无法读取上期评分表“${written}”：${lookup.reason['zh-CN']}`),
        ),
      );
    };
    for (const column of rounds?.columns ?? []) report(column.path, column.lookup, 'round');
    if (model.previous && previous) report(model.previous, previous, 'previous');
    return findings;
  },
};
