import type { InlayHintItem } from '../../service-types';
import { Analysis } from '../types';
import { formatDecimal } from '../../decimal';
import { Locale, text } from '../../text/locale';
import { sumKnown } from '../model/build-model';
import { largestLoss, pointValue } from '../model/scoring-figures';
import { Span } from '../../text/span';
import { percentLabel, sumLabel } from '../../text/figures';
import { formulaInlayHints } from './formula-services';

/**
 * The live totals: beside `indicators:` and each group's `items:` the sum against its target,
 * beside every weight its share of the whole, and a group's derived weight where it is omitted.
 */
export function inlayHints(analysis: Analysis, visible: Span, locale: Locale): InlayHintItem[] {
  const lines = analysis.source.lines;
  const endOfLine = (offset: number) => lines.lineEnd(lines.positionAt(offset).line);
  const hints: InlayHintItem[] = [];
  for (const document of analysis.documents) {
    const { model } = document;
    if (model.span.end < visible.start || model.span.start > visible.end) continue;
    hints.push(...formulaInlayHints(document, visible, locale));
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
      // Under a composite group a point counts less: 20 on a 100-point sheet counted at 70 is 14.
      const factor = pointValue(model, indicator);
      const counted = indicator.effectiveWeight && factor ? indicator.effectiveWeight.times(factor) : undefined;
      const share = counted && model.total ? percentLabel(counted, model.total) : undefined;
      if (indicator.weight?.value && counted && share) {
        const worth = factor!.eq(1)
          ? formatDecimal(counted, 10)
          : `${formatDecimal(indicator.weight.value, 10)} × ${formatDecimal(factor!, 4)} = ${formatDecimal(counted, 4)}`;
        hints.push({
          offset: indicator.weight.span.end,
          label: share,
          tooltip: text(`Share of the total (${worth} / ${formatDecimal(model.total!, 10)})`, `占总分的比例（${worth} / ${formatDecimal(model.total!, 10)}）`)[
            locale
          ],
        });
      }
      const deductKey = indicator.scoring?.deductField?.keySpan;
      const loss = deductKey && indicator.scoring!.rules.length > 0 ? largestLoss(indicator) : undefined;
      if (deductKey && loss) {
        hints.push({
          offset: endOfLine(deductKey.end),
          label: text(`at most −${formatDecimal(loss, 10)}`, `最多扣 ${formatDecimal(loss, 10)} 分`)[locale],
          tooltip: text(
            "The most these rules can take off: their caps added up, never below the item's floor",
            '各条规则最高扣分之和，且扣分后不低于本项最低得分',
          )[locale],
        });
      }
      const itemsKey = indicator.itemsField?.keySpan;
      if (!itemsKey || !indicator.items?.length) continue;
      if (indicator.outOf?.value && indicator.weight?.value) {
        // A 100-point sheet counted at 70: `Σ 100 → 70`.
        const onSheet = indicator.itemsSum?.eq(indicator.outOf.value)
          ? `Σ ${formatDecimal(indicator.outOf.value, 10)}`
          : sumLabel(indicator.itemsSum, indicator.outOf.value);
        hints.push({
          offset: endOfLine(itemsKey.end),
          label: `${onSheet} → ${formatDecimal(indicator.weight.value, 10)}`,
          tooltip: text(
            `Items add up to out_of; the group counts ${formatDecimal(indicator.weight.value, 10)} (points × ${formatDecimal(indicator.weight.value, 10)} / ${formatDecimal(indicator.outOf.value, 10)})`,
            `下级指标按 out_of 计分，本组折算为 ${formatDecimal(indicator.weight.value, 10)} 分（得分 × ${formatDecimal(indicator.weight.value, 10)} / ${formatDecimal(indicator.outOf.value, 10)}）`,
          )[locale],
        });
      } else if (indicator.weight) {
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
