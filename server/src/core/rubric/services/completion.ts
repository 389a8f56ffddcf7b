import { Analysis } from '../types';
import { Locale, text } from '../../text/locale';
import type { CompletionEntry } from '../../service-types';
import { probeAt } from '../../yaml/completion-probe';
import { NamedItem } from '../model/rubric-model';
import { SchemaDocs } from '../../schema/schema-docs';
import { documentAt } from '../document-at';
import { formulaCompletion } from './formula-services';

function snippets(listKey: string | number | undefined, locale: Locale, dash: boolean): { label: string; body: string; detail: string }[] {
  const d = dash ? '- ' : '';
  if (listKey === 'indicators' || listKey === 'items') {
    return [
      {
        label: text('indicator', '新指标')[locale],
        detail: text('A scored indicator with weight and criteria', '带分值和评分标准的末级指标')[locale],
        body: `${d}name: \${1:${text('Indicator', '指标名称')[locale]}}\n  weight: \${2:10}\n  criteria: \${3}`,
      },
      {
        label: text('group with items', '分组指标')[locale],
        detail: text('A group whose weight is the sum of its items', '带下级指标的分组；分值为下级之和')[locale],
        body: `${d}name: \${1:${text('Group', '分组名称')[locale]}}\n  weight: \${2:20}\n  items:\n    - name: \${3:${text('Item', '下级指标')[locale]}}\n      weight: \${4:10}\n    - name: \${5:${text('Item', '下级指标')[locale]}}\n      weight: \${6:10}`,
      },
    ];
  }
  if (listKey === 'tiers') {
    return [
      {
        label: text('tier with a quota', '带名额的等次')[locale],
        detail: text('e.g. excellent, 30%', '例如 优秀 30%')[locale],
        body: `${d}id: \${1:excellent}\n  name: \${2:${text('Excellent', '优秀')[locale]}}\n  quota: {\${3|exactly,max,min|}: \${4:30%}}`,
      },
    ];
  }
  return [];
}

/**
 * Completion at an offset: the keys allowed there (with their descriptions), enum values,
 * references (method ids, tier ids) and snippets for a new indicator, group or tier.
 */
export function complete(analysis: Analysis, offset: number, locale: Locale, schema: SchemaDocs): CompletionEntry[] {
  const { text, lines } = analysis.source;
  const document = documentAt(analysis, offset);
  // Inside a formula: its inputs, weight and the functions.
  const inFormula = document && formulaCompletion(document, offset, locale);
  if (inFormula) return inFormula;
  // Only the text the cursor is in: its document, or its indicator block in a big file.
  const local = document?.parsed.tree.localText(offset) ?? { span: { start: 0, end: text.length }, pathPrefix: [] };
  const { probe, replace, beforeWord } = probeAt(text, lines, offset, local);
  if (!probe) return [];
  const model = document?.model;
  const entry = (e: Omit<CompletionEntry, 'replace'>): CompletionEntry => ({ ...e, replace });

  if (probe.kind === 'key') {
    const node = schema.nodeAt(probe.path);
    const parentIsList = node && (node.type === 'array' || (Array.isArray(node.type) && node.type.includes('array')));
    if (parentIsList) {
      return snippets(probe.path[probe.path.length - 1], locale, !/-\s*$/.test(beforeWord)).map((s) =>
        entry({ label: s.label, kind: 'snippet', insertText: s.body, snippet: true, detail: s.detail }),
      );
    }
    const properties = Object.entries(node?.properties ?? {}).filter(([key]) => !probe.siblings.includes(key));
    const keys = properties.map(([key, property]) =>
      entry({
        label: key,
        kind: 'key',
        insertText: `${key}: `,
        snippet: false,
        detail: schema.title(schema.nodeAt([...probe.path, key]) ?? property, locale),
        documentation: schema.description(schema.nodeAt([...probe.path, key]) ?? property, locale),
      }),
    );
    const last = probe.path[probe.path.length - 1];
    const listKey = typeof last === 'number' ? probe.path[probe.path.length - 2] : undefined;
    const fresh = probe.siblings.length === 0 && listKey !== undefined;
    const extra = fresh
      ? snippets(listKey, locale, false).map((s) => entry({ label: s.label, kind: 'snippet', insertText: s.body, snippet: true, detail: s.detail }))
      : [];
    return [...keys, ...extra];
  }

  const path = probe.path;
  const key = path[path.length - 1];
  const parentKey = typeof key === 'number' ? path[path.length - 2] : key;
  if (parentKey === 'methods' && path[0] === 'indicators' && model) {
    return model.methods.items.flatMap((m) =>
      m.key === undefined ? [] : [entry({ label: m.key, kind: 'reference', insertText: m.key, snippet: false, detail: m.name?.value })],
    );
  }
  const ids = (items: readonly NamedItem[]) =>
    items.flatMap((i) => (i.key === undefined ? [] : [entry({ label: i.key, kind: 'reference', insertText: i.key, snippet: false, detail: i.name?.value })]));
  // A veto forces `tier`, bars the tiers in `bars`, or is triggered by `when.indicator`.
  if (path[0] === 'veto' && model && (key === 'tier' || parentKey === 'bars')) return ids(model.tiers.items);
  if (path[0] === 'veto' && model && key === 'indicator' && path[path.length - 2] === 'when') return ids(model.allIndicators);
  const node = schema.nodeAt(path);
  if (node?.enum) {
    const descriptions = schema.enumDescriptions(node, locale) ?? [];
    return node.enum.map((value, i) => entry({ label: String(value), kind: 'value', insertText: String(value), snippet: false, detail: descriptions[i] }));
  }
  return [];
}
