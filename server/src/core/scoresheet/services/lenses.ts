import { Locale, text } from '../../text/locale';
import { tierName } from '../../rubric/model/tiers';
import { slotsText } from '../../text/slot-text';
import { Span } from '../../text/span';
import { ScoresheetAnalysis } from '../types';
import { rubricIndexOf } from './locate';

/**
 * Above `scores:`, per group: how many took each tier against its quota for the subjects ranked
 * (`10 ranked: 优秀 3/3 · 良好 5/5 · 一般 2/2`); a count off its quota is marked.
 */
export function scoresheetLenses(analysis: ScoresheetAnalysis, locale: Locale): { span: Span; title: string }[] {
  const key = analysis.model?.scores.field?.keySpan;
  const index = rubricIndexOf(analysis);
  if (!key || !index || index.model.tiers.items.length === 0) return [];
  return analysis.groups.map((group) => {
    const ranked = group.subjects.filter((s) => s.tier !== undefined).length;
    const tiers = group.counts.map((count) => {
      const quota = count.min === undefined || count.max === undefined ? '?' : slotsText({ min: count.min, max: count.max });
      const off = count.min !== undefined && count.max !== undefined && (count.count < count.min || count.count > count.max);
      return `${tierName(index.model, count.tier)} ${count.count}/${quota}${off ? ' ⚠' : ''}`;
    });
    const head = text(`${ranked} ranked`, `${ranked} 个已排名`)[locale];
    const title = `${group.name ? `${group.name} · ` : ''}${head}${text(': ', '：')[locale]}${tiers.join(' · ')}`;
    return { span: key, title };
  });
}
