import { text } from '../../text/locale';
import { inputLabel, measuredOutcomes } from '../measured';
import { displayName } from '../rubric-index';
import { ScoresheetCheck, scoresheetFinding, subjectLabel } from './scoresheet-check';

/**
 * A measured input a formula uses that a subject has not recorded (not written, or written
 * blank): its indicator is then not scored. At the subject's name, one finding per subject.
 */
export const missingInput: ScoresheetCheck = {
  code: 'missing-input',
  severity: 'warning',
  entry(entry, i, { index, aggregates }) {
    if (!index || entry.strayKeys) return [];
    const gaps: { en: string; zh: string }[] = [];
    for (const outcome of measuredOutcomes(entry, index, aggregates).values()) {
      if (outcome.missing.length === 0) continue;
      const leaf = displayName(outcome.measured.leaf);
      const inputs = outcome.missing.map(inputLabel);
      gaps.push({ en: `${leaf}: ${inputs.map((n) => n.en).join(', ')}`, zh: `${leaf}：${inputs.map((n) => n['zh-CN']).join('、')}` });
    }
    if (gaps.length === 0) return [];
    const at = entry.subject?.span ?? { start: entry.span.start, end: entry.span.start };
    const name = subjectLabel(entry, i);
    return [
      scoresheetFinding(
        this,
        at,
        text(
          `${name}: not recorded under measured: ${gaps.map((g) => g.en).join('; ')}; those indicators are not scored yet`,
          `${name}：measured 中未记录 ${gaps.map((g) => g.zh).join('；')}，相应指标暂无法计分`,
        ),
      ),
    ];
  },
};
