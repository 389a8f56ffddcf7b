import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { IndicatorModel, NamedItem, RubricModel, SubjectGroupModel } from '../model/rubric-model';
import { Check, finding } from './check';

interface Kind {
  en: string;
  zh: string;
  /** The lists within which ids must be unique (one for most kinds; one per item for deduction rules). */
  pools: (model: RubricModel) => NamedItem[][];
  /** For a kind unique within each indicator: its list in one indicator (checked with the indicator, see runOnIndicator). */
  ofIndicator?: (indicator: IndicatorModel) => NamedItem[];
}

const rulesOf = (indicator: IndicatorModel): NamedItem[] => indicator.scoring?.rules ?? [];
const inputsOf = (indicator: IndicatorModel): NamedItem[] => indicator.scoring?.inputs ?? [];

/** Ids are unique within their kind; indicators across the whole tree, deduction rules within their item. */
export const ID_KINDS: readonly Kind[] = [
  { en: 'indicator', zh: '指标', pools: (model) => [model.allIndicators] },
  { en: 'tier', zh: '等次', pools: (model) => [model.tiers.items] },
  { en: 'method', zh: '考核方式', pools: (model) => [model.methods.items] },
  { en: 'rater', zh: '评价主体', pools: (model) => [model.raters.items] },
  { en: 'bonus item', zh: '加分项', pools: (model) => [model.bonus?.items ?? []] },
  { en: 'penalty item', zh: '减分项', pools: (model) => [model.penalties?.items ?? []] },
  { en: 'veto item', zh: '否决项', pools: (model) => [model.veto.items] },
  { en: 'deduction rule', zh: '扣分规则', pools: (model) => model.allIndicators.map(rulesOf), ofIndicator: rulesOf },
  { en: 'input', zh: '输入项', pools: (model) => model.allIndicators.map(inputsOf), ofIndicator: inputsOf },
  { en: 'subject group', zh: '考核序列', pools: (model) => [model.subjectGroups] },
  { en: 'subject', zh: '考核对象', pools: (model) => [model.subjectItems] },
];

function groupOf(model: RubricModel, subject: NamedItem): SubjectGroupModel | undefined {
  return model.subjectGroups.find((g) => g.members.includes(subject));
}

/**
 * Whether two items of `pool` have the same key: a set answers it in a third of the time a map
 * of first items takes, and the pool of indicators is the whole tree, on every keystroke.
 */
function hasDuplicate(pool: readonly NamedItem[]): boolean {
  const seen = new Set<string>();
  for (const item of pool) {
    if (item.key === undefined) continue;
    if (seen.has(item.key)) return true;
    seen.add(item.key);
  }
  return false;
}

/** The second and later items of `pool` whose key an earlier one has. */
function duplicatesIn(pool: readonly NamedItem[], kind: Kind, lineOf: (offset: number) => number, model?: RubricModel): Finding[] {
  if (!hasDuplicate(pool)) return [];
  const first = new Map<string, NamedItem>();
  const findings: Finding[] = [];
  for (const item of pool) {
    if (item.key === undefined) continue;
    const earlier = first.get(item.key);
    if (!earlier) {
      first.set(item.key, item);
      continue;
    }
    const line = lineOf(earlier.keySpan.start);
    const fromName = item.id?.value === undefined;
    const earlierGroup = kind.en === 'subject' && model ? groupOf(model, earlier) : undefined;
    const message =
      model && earlierGroup && earlierGroup !== groupOf(model, item)
        ? text(
            `"${item.key}" is already in the group "${earlierGroup.name?.value ?? earlierGroup.key}" (line ${line}): a subject belongs to one group only`,
            `“${item.key}”已在序列“${earlierGroup.name?.value ?? earlierGroup.key}”中（第 ${line} 行）：每个考核对象只能属于一个序列`,
          )
        : kind.en === 'subject'
          ? text(
              `The subject "${item.key}" is listed twice (line ${line}): it would be counted twice in N`,
              `考核对象“${item.key}”重复列出（首次在第 ${line} 行），会被重复计入考核对象总数`,
            )
          : fromName
            ? text(
                `Another ${kind.en} is already called "${item.key}" (line ${line}); without an id the name is the id: add an id to tell them apart`,
                `第 ${line} 行已有同名${kind.zh}“${item.key}”；未填写 id 时以名称作 id，请补充 id 加以区分`,
              )
            : text(`The ${kind.en} id "${item.key}" is already used (line ${line})`, `${kind.zh} id“${item.key}”重复（首次出现在第 ${line} 行）`);
    findings.push(finding(duplicateId, item.keySpan, message, { data: { kind: kind.en, key: item.key, fromName } }));
  }
  return findings;
}

const RUBRIC_WIDE_KINDS = ID_KINDS.filter((kind) => !kind.ofIndicator);
const INDICATOR_KINDS = ID_KINDS.filter((kind) => kind.ofIndicator);

export const duplicateId: Check<'duplicate-id'> = {
  code: 'duplicate-id',
  severity: 'error',
  run({ model, lineOf }) {
    return RUBRIC_WIDE_KINDS.flatMap((kind) => kind.pools(model).flatMap((pool) => duplicatesIn(pool, kind, lineOf, model)));
  },
  runOnIndicator(indicator, { lineOf }) {
    return INDICATOR_KINDS.flatMap((kind) => duplicatesIn(kind.ofIndicator!(indicator), kind, lineOf));
  },
};
