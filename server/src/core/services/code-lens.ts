import { Analysis } from '../types';
import { Locale, text } from '../findings';
import { Span } from '../text/span';
import { subjectsLabel, tierLine } from '../text/figures';

export interface QuotaLens {
  span: Span;
  title: string;
  /** N of the rubric, for the simulation the lens opens. */
  subjects: number | undefined;
  documentIndex: number;
}

/** Above `tiers:`: the slot table for the rubric's N (`10 subjects: 优秀 3 · 良好 5 · 一般 2`). */
export function quotaLenses(analysis: Analysis, locale: Locale): QuotaLens[] {
  return analysis.documents.flatMap((document, documentIndex) => {
    const key = document.model.tiers.field?.keySpan;
    if (!key || document.model.tiers.items.length === 0) return [];
    const { allocation } = document;
    const title = allocation
      ? `${subjectsLabel(allocation.subjects, locale)}${text(': ', '：')[locale]}${tierLine(allocation.tiers)}`
      : text('Quota simulation (state subjects to see the slots)', '名额模拟（填写 subjects 后显示各等次名额）')[locale];
    return [{ span: key, title, subjects: allocation?.subjects, documentIndex }];
  });
}
