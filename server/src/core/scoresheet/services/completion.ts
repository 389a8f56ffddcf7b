import { Locale, LocalizedText, text } from '../../text/locale';
import { IndicatorModel, NamedItem } from '../../rubric/model/rubric-model';
import type { CompletionEntry } from '../../service-types';
import { probeAt } from '../../yaml/completion-probe';
import { displayName, isDeductLeaf } from '../rubric-index';
import { ScoresheetAnalysis } from '../types';
import { rubricIndexOf } from './locate';

const TOP_KEYS: [string, LocalizedText][] = [
  ['rubric', text('The rubric these scores are given under (a path)', '所依据的考核细则（路径）')],
  ['ties', text('Ties at a tier boundary: flag | share | break', '等次分界处同分：flag | share | break')],
  ['tie-break', text('Indicators that order equal totals (ties: break)', '同分时依次比较的指标（ties: break）')],
  ['scores', text('One entry per subject', '每个考核对象一项')],
];

const ENTRY_KEYS: [string, LocalizedText][] = [
  ['subject', text('The subject, as in the rubric', '考核对象，与考核细则一致')],
  ['group', text('Its group (分序列, counted groups)', '所属序列（分序列且只写人数时）')],
  ['points', text('Points per leaf indicator', '各末级指标得分')],
  ['deductions', text('Cases under each deduction rule', '各扣分规则的次数')],
  ['bonus', text('Bonus points (cases for a per item)', '加分（按次的填次数）')],
  ['penalties', text('Penalties (cases for a per item)', '减分（按次的填次数）')],
  ['veto', text('Vetoes that apply', '适用的一票否决事项')],
  ['by', text("Each rater group's view", '各评价主体的评分')],
];

const TIES: [string, LocalizedText][] = [
  ['flag', text('File order decides; the tie is flagged', '按文件顺序确定并提示')],
  ['share', text('All take the better tier, beyond its quota', '均取较高等次，超出名额')],
  ['break', text('The tie-break indicators decide', '按 tie-break 指标依次比较')],
];

/**
 * Completion in a scoresheet: subject names not yet scored, leaf ids under `points`, deduction
 * leaves and their rule ids under `deductions`, bonus, penalty, veto, rater and group ids, the
 * `ties` modes, and the keys of the sheet and of an entry.
 */
export function scoresheetCompletion(analysis: ScoresheetAnalysis, offset: number, locale: Locale): CompletionEntry[] {
  const { text: source, lines } = analysis.source;
  // Only the entry around the cursor is parsed, when it reads alone as in the file (a session's
  // tree says so): a scoresheet of hundreds of subjects is not parsed whole for a completion.
  const whole = { span: { start: 0, end: source.length }, pathPrefix: [] };
  const entryText = analysis.source.documents.find((d) => !d.tree.isBlank)?.tree.localText(offset);
  const local = entryText && entryText.pathPrefix.length > 0 ? entryText : whole;
  const { probe, replace } = probeAt(source, lines, offset, local);
  if (!probe) return [];
  const entry = (label: string, kind: CompletionEntry['kind'], detail?: string, insert = label): CompletionEntry => ({
    label,
    kind,
    insertText: insert,
    snippet: false,
    detail,
    replace,
  });
  const fromList = (pairs: [string, LocalizedText][], taken: readonly string[], asKey: boolean) =>
    pairs.filter(([key]) => !taken.includes(key)).map(([key, detail]) => entry(key, asKey ? 'key' : 'value', detail[locale], asKey ? `${key}: ` : key));
  const path = probe.path;
  const index = rubricIndexOf(analysis);
  const ids = (items: readonly (NamedItem | IndicatorModel)[], taken: readonly string[], asKey: boolean) =>
    items.flatMap((item) =>
      item.key === undefined || taken.includes(item.key)
        ? []
        : [entry(item.key, 'reference', item.name?.value ?? displayName(item), asKey ? `${item.key}: ` : item.key)],
    );

  if (probe.kind === 'key') {
    const taken = probe.siblings;
    if (path.length === 0) return fromList(TOP_KEYS, taken, true);
    if (path[0] !== 'scores') return [];
    if (path.length === 2) return fromList(ENTRY_KEYS, taken, true);
    if (!index) return [];
    const section = path[2];
    const leaves = index.leaves;
    const leafEntries = (only: (leaf: IndicatorModel) => boolean) => ids(leaves.filter(only), taken, true);
    if (section === 'points' && path.length === 3) return leafEntries((leaf) => !isDeductLeaf(leaf));
    if (section === 'by' && path.length === 3) return ids(index.model.raters.items, taken, true);
    if (section === 'by' && path.length === 4) return leafEntries((leaf) => !isDeductLeaf(leaf));
    if (section === 'deductions' && path.length === 3) return leafEntries(isDeductLeaf);
    if (section === 'deductions' && path.length === 4) {
      const leaf = index.indicators.get(String(path[3]));
      return ids(leaf?.scoring?.rules ?? [], taken, true);
    }
    if (section === 'bonus' && path.length === 3) return ids(index.model.bonus?.items ?? [], taken, true);
    if (section === 'penalties' && path.length === 3) return ids(index.model.penalties?.items ?? [], taken, true);
    return [];
  }

  if (path.length === 1 && path[0] === 'ties') return fromList(TIES, [], false);
  if (!index) return [];
  if (path[0] === 'tie-break' && path.length === 2) return ids(index.model.allIndicators, [], false);
  if (path[0] !== 'scores' || path.length < 3) return [];
  const key = path[2];
  if (key === 'subject' && path.length === 3) {
    const scored = (analysis.model?.scores.items ?? []).flatMap((e) => (e.subject?.value === undefined ? [] : [e.subject.value]));
    return [...index.subjects.keys()].filter((name) => !scored.includes(name)).map((name) => entry(name, 'value'));
  }
  if (key === 'group' && path.length === 3) return ids(index.model.subjectGroups, [], false);
  if (key === 'veto' && path.length === 4) {
    const written = analysis.model?.scores.items[Number(path[1])]?.veto.flatMap((v) => (v.value === undefined ? [] : [v.value])) ?? [];
    return ids(index.model.veto.items, written, false);
  }
  return [];
}
