import { exactText } from '../../decimal';
import { indicatorHover } from '../../rubric/services/hover';
import { inputDescription } from '../../rubric/services/formula-services';
import { DeductRuleModel } from '../../rubric/model/rubric-model';
import type { HoverResult, InlayHintItem } from '../../service-types';
import { labelled } from '../../text/figures';
import { Locale, LocalizedText, text } from '../../text/locale';
import { Span } from '../../text/span';
import { groupAggregates, measuredOutcomes, measuredWorking } from '../measured';
import { RubricIndex } from '../rubric-index';
import { ScoresheetAnalysis, SubjectScoresModel } from '../types';
import { rubricIndexOf } from './locate';

/**
 * A scoresheet's services for points from measurements: beside each measured indicator the points
 * it comes to; on its id, the rubric's indicator with the subject's working (`8 / 10 × 30 × 80% =
 * 19.2`); on an input's id, what the input is and the range it may take.
 */

/** Each measured leaf's outcome for one entry (the group figures over the whole sheet). */
function outcomesOf(analysis: ScoresheetAnalysis, index: RubricIndex, entry: SubjectScoresModel) {
  const aggregates = groupAggregates(analysis.model?.scores.items ?? [], index);
  return measuredOutcomes(entry, index, aggregates?.(entry));
}

/** Beside each measured indicator's figures: the points they come to (`= 19.2`), or `= ?`. */
export function measuredInlayHints(analysis: ScoresheetAnalysis, locale: Locale): InlayHintItem[] {
  const index = rubricIndexOf(analysis);
  if (!index) return [];
  const hints: InlayHintItem[] = [];
  for (const entry of analysis.model?.scores.items ?? []) {
    if (entry.measured.length === 0) continue;
    const outcomes = outcomesOf(analysis, index, entry);
    const ends = new Map<string, number>();
    for (const figure of entry.measured) {
      const key = figure.indicator.value;
      if (key !== undefined) ends.set(key, Math.max(ends.get(key) ?? 0, figure.indicatorValue?.end ?? figure.value.span.end));
    }
    for (const [key, end] of ends) {
      const leaf = index.indicators.get(key);
      const outcome = leaf && outcomes.get(leaf);
      if (!outcome) continue;
      hints.push({
        offset: end,
        label: `= ${outcome.points === undefined ? '?' : exactText(outcome.points)}`,
        tooltip: measuredWorking(outcome)[locale],
      });
    }
  }
  return hints;
}

/** `−5–15 per case (次), at most 8: write one amount per case, as [5]`. */
export function rangedRuleText(rule: DeductRuleModel): LocalizedText | undefined {
  const range = rule.range?.value;
  if (!range) return undefined;
  const [min, max] = [exactText(range.min), exactText(range.max)];
  const cap = rule.max?.value ? exactText(rule.max.value) : undefined;
  if (rule.when) {
    return text(
      `−${min} to ${max} once if it happened (${rule.when.value ?? ''}): write the amount set, as [${min}]`,
      `发生时一次性扣 ${min}—${max} 分（${rule.when.value ?? ''}）：填写所定扣分，如 [${min}]`,
    );
  }
  return text(
    `−${min} to ${max} per case (${rule.per?.value ?? ''})${cap ? `, at most ${cap}` : ''}: write one amount per case, as [${min}]`,
    `每次扣 ${min}—${max} 分（${rule.per?.value ?? ''}）${cap ? `，最多扣 ${cap} 分` : ''}：逐次填写扣分，如 [${min}]`,
  );
}

/** Hover on an id under `measured:`: the indicator and this subject's working, or the input. */
export function measuredHover(analysis: ScoresheetAnalysis, segments: readonly (string | number)[], span: Span, locale: Locale): HoverResult | undefined {
  const index = rubricIndexOf(analysis);
  const entry = typeof segments[1] === 'number' ? analysis.model?.scores.items[segments[1]] : undefined;
  if (!index || !entry || segments[2] !== 'measured' || segments.length < 4) return undefined;
  const leaf = index.indicators.get(String(segments[3]));
  if (!leaf) return undefined;
  if (segments.length >= 5) {
    const input = leaf.scoring?.inputs.find((i) => i.key === String(segments[4]));
    return input ? { span, markdown: inputDescription(input, locale) } : undefined;
  }
  const outcome = outcomesOf(analysis, index, entry).get(leaf);
  const working = outcome ? ['', labelled(text('**This subject**', '**本考核对象**'), measuredWorking(outcome, false)[locale], locale)] : [];
  return { span, markdown: [indicatorHover(index.document, leaf, locale), ...working].join('\n') };
}
