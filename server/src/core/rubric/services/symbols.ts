import { Analysis } from '../types';
import { formatDecimal } from '../../decimal';
import { IndicatorModel, NamedItem, TierModel } from '../model/rubric-model';
import { Field } from '../../yaml/field';
import { Span } from '../../text/span';

export type SymbolKind = 'rubric' | 'indicator' | 'group' | 'tier' | 'section' | 'item';

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

/** A top-level key of the rubric as an outline section, from its key to its value's end. */
function section(name: string, field: Field<unknown> | undefined, children: OutlineSymbol[]): OutlineSymbol[] {
  return field ? [{ name, kind: 'section', span: { start: field.keySpan.start, end: field.span.end }, selectionSpan: field.keySpan, children }] : [];
}

/** A named item of a list (a subject group, a bonus, penalty or veto item) with a short detail. */
function itemSymbol(item: NamedItem, detail: string | number | undefined): OutlineSymbol {
  return {
    name: item.name?.value ?? item.key ?? '?',
    detail: detail === undefined ? undefined : String(detail),
    kind: 'item',
    span: item.span,
    selectionSpan: item.keySpan,
    children: [],
  };
}

function tierSymbol(tier: TierModel): OutlineSymbol {
  const bounds = tier.quota?.bounds ?? {};
  const detail = Object.entries(bounds)
    .map(
      ([bound, field]) =>
        `${bound} ${field?.value ? (field.value.kind === 'percent' ? `${formatDecimal(field.value.percent, 10)}%` : field.value.count) : '?'}`,
    )
    .join(', ');
  return { name: tier.name?.value ?? tier.key ?? '?', detail: detail || undefined, kind: 'tier', span: tier.span, selectionSpan: tier.keySpan, children: [] };
}

/** The outline: each rubric, its indicators as a tree with weights, its tiers with quotas. */
export function documentSymbols(analysis: Analysis): OutlineSymbol[] {
  return analysis.documents.map(({ model }) => {
    const sections = [
      ...section(
        'subjects',
        model.subjectGroups.length > 0 ? model.subjectsField : undefined,
        model.subjectGroups.map((g) => itemSymbol(g, g.size)),
      ),
      ...section('indicators', model.indicators.field, model.indicators.items.map(indicatorSymbol)),
      ...section(
        'bonus',
        model.bonus?.field,
        (model.bonus?.items ?? []).map((i) => itemSymbol(i, i.points?.value && `+${formatDecimal(i.points.value, 10)}`)),
      ),
      ...section(
        'penalties',
        model.penalties?.field,
        (model.penalties?.items ?? []).map((i) => itemSymbol(i, i.points?.value && `−${formatDecimal(i.points.value, 10)}`)),
      ),
      ...section(
        'veto',
        model.veto.field,
        model.veto.items.map((v) => itemSymbol(v, v.tier?.value ?? (v.bars.length > 0 ? `≠ ${v.bars.map((b) => b.value).join(', ')}` : undefined))),
      ),
      ...section('tiers', model.tiers.field, model.tiers.items.map(tierSymbol)),
    ];
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
  const lines = analysis.source.lines;
  const byStart = new Map<number, number>();
  for (const { parsed } of analysis.documents) {
    for (const fold of parsed.tree.folds()) {
      const startLine = lines.positionAt(fold.start).line;
      const endLine = lines.positionAt(fold.end).line;
      // One fold per line: the outermost collection that starts there.
      if (endLine > startLine && !byStart.has(startLine)) byStart.set(startLine, endLine);
    }
  }
  return [...byStart.entries()].map(([startLine, endLine]) => ({ startLine, endLine })).sort((a, b) => a.startLine - b.startLine);
}
