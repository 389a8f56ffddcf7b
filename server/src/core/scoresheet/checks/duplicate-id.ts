import { text } from '../../text/locale';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';

/** A subject scored twice: the later entry is ranked nowhere (which one counts is for a person to say). */
export const duplicateSubject: ScoresheetCheck = {
  code: 'duplicate-id',
  severity: 'error',
  run({ duplicates, lineOf }) {
    return [...duplicates].flatMap(([entry, first]) => {
      const subject = entry.subject;
      if (!subject || subject.value === undefined) return [];
      const line = lineOf((first.subject ?? first).span.start);
      return [
        scoresheetFinding(
          this,
          subject.span,
          text(
            `"${subject.value}" is scored twice (first at line ${line}): this entry is not ranked`,
            `“${subject.value}”重复评分（首次在第 ${line} 行）：此项不参加排名`,
          ),
        ),
      ];
    });
  },
};
