import { Analysis } from '../types';
import { Locale, text } from '../../text/locale';
import { Allocation } from '../../quota/allocate';
import { Span } from '../../text/span';
import { subjectsLabel, targetWording, tierLine } from '../../text/figures';
import { targetAgainst } from '../../quota/target';
import { RubricModel } from '../model/rubric-model';

export interface QuotaLens {
  span: Span;
  title: string;
  /** N of the rubric (or of the group), for the simulation the lens opens. */
  subjects: number | undefined;
  documentIndex: number;
}

/** Each tier's slots, and its target for N where its quota states one (marked when the most slots are above it). */
function slotLine(allocation: Allocation, model: RubricModel, locale: Locale): string {
  const tiers = allocation.tiers.map((t, i) => ({ ...t, ...targetAgainst(model.tiers.items[i]?.quota?.target?.value, allocation.subjects, t.max) }));
  return `${subjectsLabel(allocation.subjects, locale)}${text(': ', '：')[locale]}${tierLine(tiers, targetWording(locale))}`;
}

/**
 * Above `tiers:`: the slot table for the rubric's N (`10 subjects: 优秀 3 · 良好 5 · 一般 2`, a
 * tier's target after its slots: `优秀 3 (target 2) ⚠`), or
 * one line per group under 分序列 (`乡镇序列 · 10 subjects: …`).
 */
export function quotaLenses(analysis: Analysis, locale: Locale): QuotaLens[] {
  return analysis.documents.flatMap((document, documentIndex): QuotaLens[] => {
    const key = document.model.tiers.field?.keySpan;
    if (!key || document.model.tiers.items.length === 0) return [];
    if (document.groups.length > 0) {
      return document.groups.map((group) => ({
        span: key,
        title: `${group.name} · ${group.allocation ? slotLine(group.allocation, document.model, locale) : text('state its members or count', '请填写成员或数量')[locale]}`,
        subjects: group.subjects,
        documentIndex,
      }));
    }
    const { allocation } = document;
    const title = allocation
      ? slotLine(allocation, document.model, locale)
      : text('Quota simulation (state the subjects to see the slots)', '名额模拟（填写考核对象后显示各等次名额）')[locale];
    return [{ span: key, title, subjects: allocation?.subjects, documentIndex }];
  });
}
