import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { nearSpelling } from '../../text/near-spelling';
import { ScoresheetCheck, scoresheetFinding } from './scoresheet-check';
import { displayName, groupName, nameWithId } from '../rubric-index';

/**
 * A subject the rubric's list does not name (a typo, or one added since), and under 分序列 a
 * subject no group takes: not listed as a member, and no `group:` naming a group of the rubric.
 */
export const unknownSubject: ScoresheetCheck = {
  code: 'unknown-subject',
  severity: 'warning',
  entry(entry, _, { index }) {
    if (!index) return [];
    const findings: Finding[] = [];
    const groups = index.model.subjectGroups;
    const groupIds = [...index.groups.keys()];
    const named = groups.filter((g) => g.key !== undefined).map(nameWithId);
    const subject = entry.subject;
    const name = subject?.value;
    if (!subject || name === undefined) return [];
    const listed = index.subjects.has(name);
    if (index.subjects.size > 0 && !listed && !(groups.length > 0 && entry.group?.value !== undefined && index.groups.has(entry.group.value))) {
      const near = nearSpelling(name, [...index.subjects.keys()]);
      findings.push(
        scoresheetFinding(
          this,
          subject.span,
          near
            ? text(`"${name}" is not a subject of the rubric: did you mean "${near}"?`, `“${name}”不是考核细则中的考核对象：是否应为“${near}”？`)
            : text(`"${name}" is not a subject of the rubric`, `“${name}”不是考核细则中的考核对象`),
        ),
      );
      return findings;
    }
    if (groups.length === 0) return findings;
    const written = entry.group;
    if (written?.value !== undefined && !index.groups.has(written.value)) {
      const near = nearSpelling(written.value, groupIds);
      findings.push(
        scoresheetFinding(
          this,
          written.span,
          text(
            `No group "${written.value}" in the rubric${near ? `: did you mean "${near}"?` : `; its groups: ${named.map((g) => g.en).join(', ')}`}`,
            `考核细则中没有序列“${written.value}”${near ? `：是否应为“${near}”？` : `；现有序列：${named.map((g) => g['zh-CN']).join('、')}`}`,
          ),
        ),
      );
    } else if (!listed && !written) {
      findings.push(
        scoresheetFinding(
          this,
          subject.span,
          text(
            `"${name}" is in no group of the rubric: add group: with the id of one of ${named.map((g) => g.en).join(', ')}`,
            `“${name}”不属于考核细则的任何序列：请填写 group: 及序列编号，可选：${named.map((g) => g['zh-CN']).join('、')}`,
          ),
        ),
      );
    } else if (listed && written?.value !== undefined) {
      const member = groups[index.subjects.get(name)!];
      if (member?.key !== written.value) {
        const there = member ? displayName(member) : '?';
        const notThere = groupName(index, written.value);
        findings.push(
          scoresheetFinding(
            this,
            written.span,
            text(
              `"${name}" is a member of "${there}" in the rubric: it is ranked there, not in "${notThere}"`,
              `考核细则将“${name}”列入“${there}”：按该序列排名，而不是“${notThere}”`,
            ),
          ),
        );
      }
    }
    return findings;
  },
};
