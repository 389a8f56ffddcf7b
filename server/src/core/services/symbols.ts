import { isCollection, Node, visit } from 'yaml';
import { Analysis } from '../analyze';
import { formatDecimal } from '../decimal';
import { IndicatorModel } from '../model/rubric-model';
import { Span } from '../text/span';

export type SymbolKind = 'rubric' | 'indicator' | 'group' | 'tier' | 'section';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  span: Span;
  selectionSpan: Span;
  children: OutlineSymbol[];
}

function indicatorSymbol(indicator: IndicatorModel): OutlineSymbol {
  const weight = indicator.effectiveWeight;
  return {
    name: indicator.name?.value ?? indicator.key ?? '?',
    detail: weight ? formatDecimal(weight, 10) : undefined,
    kind: indicator.items?.length ? 'group' : 'indicator',
    span: indicator.span,
    selectionSpan: indicator.keySpan,
    children: (indicator.items ?? []).map(indicatorSymbol),
  };
}

/** The outline: each rubric, its indicators as a tree with weights, its tiers with quotas. */
export function documentSymbols(analysis: Analysis): OutlineSymbol[] {
  return analysis.documents.map(({ model }) => {
    const sections: OutlineSymbol[] = [];
    const indicators = model.indicators.field;
    if (indicators) {
      sections.push({
        name: 'indicators',
        kind: 'section',
        span: { start: indicators.keySpan.start, end: indicators.span.end },
        selectionSpan: indicators.keySpan,
        children: model.indicators.items.map(indicatorSymbol),
      });
    }
    const tiers = model.tiers.field;
    if (tiers) {
      sections.push({
        name: 'tiers',
        kind: 'section',
        span: { start: tiers.keySpan.start, end: tiers.span.end },
        selectionSpan: tiers.keySpan,
        children: model.tiers.items.map((tier) => {
          const bounds = tier.quota?.bounds ?? {};
          const detail = Object.entries(bounds)
            .map(([bound, field]) => `${bound} ${field?.value ? (field.value.kind === 'percent' ? `${formatDecimal(field.value.percent, 10)}%` : field.value.count) : '?'}`)
            .join(', ');
          return { name: tier.name?.value ?? tier.key ?? '?', detail: detail || undefined, kind: 'tier', span: tier.span, selectionSpan: tier.keySpan, children: [] };
        }),
      });
    }
    return {
      name: model.title?.value ?? 'rubric',
      kind: 'rubric',
      span: model.span,
      selectionSpan: model.title?.span ?? { start: model.span.start, end: model.span.start },
      children: sections,
    };
  });
}

/** Every mapping and list that spans more than one line folds, from its first line to its last. */
export function foldingRanges(analysis: Analysis): { startLine: number; endLine: number }[] {
  const lines = analysis.parsed.lines;
  const ranges: { startLine: number; endLine: number }[] = [];
  const seen = new Set<number>();
  for (const { parsed } of analysis.documents) {
    visit(parsed.doc, {
      Pair(_, pair) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range || !isCollection(value) || !value.range) return;
        const startLine = lines.positionAt(key.range[0]).line;
        // range[1] is the value's end: for a block collection, the start of the line after it.
        const endLine = lines.positionAt(Math.max(value.range[0], value.range[1] - 1)).line;
        if (endLine > startLine && !seen.has(startLine)) {
          seen.add(startLine);
          ranges.push({ startLine, endLine });
        }
      },
      Seq(_, seq) {
        for (const item of seq.items) {
          const node = item as Node;
          if (!isCollection(node) || !node.range) continue;
          const startLine = lines.positionAt(node.range[0]).line;
          const endLine = lines.positionAt(Math.max(node.range[0], node.range[1] - 1)).line;
          if (endLine > startLine && !seen.has(startLine)) {
            seen.add(startLine);
            ranges.push({ startLine, endLine });
          }
        }
      },
    });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
