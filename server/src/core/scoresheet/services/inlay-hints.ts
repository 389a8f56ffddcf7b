import { exactText } from '../../decimal';
import { Locale, text } from '../../text/locale';
import { tierName } from '../../rubric/model/tiers';
import type { InlayHintItem } from '../../service-types';
import { RankedSubject, ScoresheetAnalysis } from '../types';
import { rubricIndexOf } from './locate';
import { measuredInlayHints } from './measured-services';

/** `93.5 · rank 1 · 优秀` / `93.5 · 第 1 名 · 优秀`, with a veto or a boundary tie marked. */
export function subjectFigures(analysis: ScoresheetAnalysis, subject: RankedSubject, locale: Locale): string {
  const index = rubricIndexOf(analysis);
  const parts: string[] = [subject.total === undefined ? text('total ?', '总分待定')[locale] : exactText(subject.total)];
  if (subject.rank !== undefined) parts.push(text(`rank ${subject.rank}`, `第 ${subject.rank} 名`)[locale]);
  if (subject.tier !== undefined && index) parts.push(tierName(index.model, subject.tier));
  if (subject.vetoes.length > 0) parts.push(text(`vetoed (${subject.vetoes.join(', ')})`, `一票否决（${subject.vetoes.join('、')}）`)[locale]);
  if (subject.tiedAtBoundary) parts.push(text('tied at the boundary', '分界同分')[locale]);
  return parts.join(' · ');
}

/** Beside each subject's name: its total, rank and tier. */
export function scoresheetInlayHints(analysis: ScoresheetAnalysis, locale: Locale): InlayHintItem[] {
  const entries = analysis.model?.scores.items ?? [];
  if (!rubricIndexOf(analysis)) return [];
  const subjects = analysis.subjects.flatMap((subject) => {
    const span = entries[subject.index]?.subject?.span;
    if (!span) return [];
    const group = subject.group ? text(` in group ${subject.group}`, `（序列 ${subject.group}）`)[locale] : '';
    return [
      {
        offset: span.end,
        label: subjectFigures(analysis, subject, locale),
        tooltip: text(`Total, rank and tier${group}; hover the name for the working`, `总分、排名与等次${group}；悬停名称查看计算过程`)[locale],
      },
    ];
  });
  // Beside each measured indicator: the points its figures come to.
  return [...subjects, ...measuredInlayHints(analysis, locale)].sort((a, b) => a.offset - b.offset);
}
