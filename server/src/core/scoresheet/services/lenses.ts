import { Locale, text } from '../../text/locale';
import { targetWording } from '../../text/figures';
import { tierCountLine } from '../../text/slot-text';
import { Span } from '../../text/span';
import { ScoresheetAnalysis } from '../types';
import { rubricIndexOf } from './locate';
import { rankingTable } from './ranking';

/**
 * Above `scores:`, per group: how many took each tier against the slots of its quota, for the
 * subjects ranked (`已定等次 10 个：优秀 3/3 · 良好 5 · 一般 2/2`); a count off its quota is marked.
 * A tier without a quota of its own takes what is left: no slots are shown for it, as in the
 * status bar and the ranking view. A tier's target for the N ranked follows its count
 * (`优秀 3/3（一般掌握 2.4） ⚠`), marked when the count is above it.
 */
export function scoresheetLenses(analysis: ScoresheetAnalysis, locale: Locale): { span: Span; title: string }[] {
  const key = analysis.model?.scores.field?.keySpan;
  const index = rubricIndexOf(analysis);
  if (!key || !index || index.model.tiers.items.length === 0) return [];
  const table = rankingTable(analysis);
  return analysis.groups.map((group, g) => {
    const ranked = group.subjects.filter((s) => s.tier !== undefined).length;
    const counts = table.groups[g].counts.map((c) => ({ ...c, name: c.tier.name }));
    const head = text(`${ranked} ranked`, `已定等次 ${ranked} 个`)[locale];
    const title = `${group.name ? `${group.name} · ` : ''}${head}${text(': ', '：')[locale]}${tierCountLine(counts, targetWording(locale))}`;
    return { span: key, title };
  });
}
