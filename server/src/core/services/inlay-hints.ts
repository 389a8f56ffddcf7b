import { Analysis } from '../types';
import { formatDecimal } from '../decimal';
import { Locale, text } from '../findings';
import { sumKnown } from '../model/build-model';
import { Span } from '../text/span';
import { percentLabel, sumLabel } from '../text/figures';

export interface InlayHintItem {
  offset: number;
  label: string;
  tooltip: string;
}

/**
 * The live totals: beside `indicators:` and each group's `items:` the sum against its target,
 * beside every weight its share of the whole, and a group's derived weight where it is omitted.
 */
export function inlayHints(analysis: Analysis, visible: Span, locale: Locale): InlayHintItem[] {
  const lines = analysis.source.lines;
  const endOfLine = (offset: number) => lines.lineEnd(lines.positionAt(offset).line);
  const hints: InlayHintItem[] = [];
  for (const { model } of analysis.documents) {
    if (model.span.end < visible.start || model.span.start > visible.end) continue;
    const indicatorsKey = model.indicators.field?.keySpan;
    if (indicatorsKey) {
      const actual = sumKnown(model.indicators.items.map((i) => i.effectiveWeight));
      hints.push({
        offset: endOfLine(indicatorsKey.end),
        label: sumLabel(actual, model.total),
        tooltip: text('Top-level weights / total', '一级指标分值合计 / 总分')[locale],
      });
    }
    for (const indicator of model.allIndicators) {
      if (indicator.span.end < visible.start || indicator.span.start > visible.end) continue;
      const share = indicator.effectiveWeight && model.total ? percentLabel(indicator.effectiveWeight, model.total) : undefined;
      if (indicator.weight?.value && share) {
        hints.push({
          offset: indicator.weight.span.end,
          label: share,
          tooltip: text(
            `Share of the total (${formatDecimal(indicator.weight.value, 10)} / ${formatDecimal(model.total!, 10)})`,
            `占总分的比例（${formatDecimal(indicator.weight.value, 10)} / ${formatDecimal(model.total!, 10)}）`,
          )[locale],
        });
      }
      const itemsKey = indicator.itemsField?.keySpan;
      if (!itemsKey || !indicator.items?.length) continue;
      if (indicator.weight) {
        hints.push({
          offset: endOfLine(itemsKey.end),
          label: sumLabel(indicator.itemsSum, indicator.weight.value),
          tooltip: text("Items / this group's weight", '下级指标分值合计 / 本项分值')[locale],
        });
      } else {
        const derived = indicator.itemsSum;
        hints.push({
          offset: endOfLine(itemsKey.end),
          label: derived ? `Σ ${formatDecimal(derived, 10)}${share ? ` · ${share}` : ''}` : 'Σ ?',
          tooltip: text('No weight written: the group weighs what its items add up to', '未填写分值：本项分值取下级指标之和')[locale],
        });
      }
    }
  }
  return hints.filter((h) => h.offset >= visible.start && h.offset <= visible.end).sort((a, b) => a.offset - b.offset);
}
