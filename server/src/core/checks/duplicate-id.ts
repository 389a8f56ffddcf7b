import { text } from '../findings';
import { NamedItem, RubricModel, SubjectGroupModel } from '../model/rubric-model';
import { Check, finding } from './check';

interface Kind {
  en: string;
  zh: string;
  /** The lists within which ids must be unique (one for most kinds; one per item for deduction rules). */
  pools: (model: RubricModel) => NamedItem[][];
}

/** Ids are unique within their kind; indicators across the whole tree, deduction rules within their item. */
export const ID_KINDS: readonly Kind[] = [
  { en: 'indicator', zh: '指标', pools: (model) => [model.allIndicators] },
  { en: 'tier', zh: '等次', pools: (model) => [model.tiers.items] },
  { en: 'method', zh: '考核方式', pools: (model) => [model.methods.items] },
  { en: 'rater', zh: '评价主体', pools: (model) => [model.raters.items] },
  { en: 'bonus item', zh: '加分项', pools: (model) => [model.bonus?.items ?? []] },
  { en: 'penalty item', zh: '减分项', pools: (model) => [model.penalties?.items ?? []] },
  { en: 'veto item', zh: '否决项', pools: (model) => [model.veto.items] },
  { en: 'deduction rule', zh: '扣分规则', pools: (model) => model.allIndicators.map((i) => i.scoring?.rules ?? []) },
  { en: 'subject group', zh: '考核序列', pools: (model) => [model.subjectGroups] },
  { en: 'subject', zh: '考核对象', pools: (model) => [model.subjectItems] },
];

function groupOf(model: RubricModel, subject: NamedItem): SubjectGroupModel | undefined {
  return model.subjectGroups.find((g) => g.members.includes(subject));
}

export const duplicateId: Check<'duplicate-id'> = {
  code: 'duplicate-id',
  severity: 'error',
  run(context) {
    const { model } = context;
    return ID_KINDS.flatMap((kind) =>
      kind.pools(model).flatMap((pool) => {
        const first = new Map<string, NamedItem>();
        return pool.flatMap((item) => {
          if (item.key === undefined) return [];
          const earlier = first.get(item.key);
          if (!earlier) {
            first.set(item.key, item);
            return [];
          }
          const line = context.lineOf(earlier.keySpan.start);
          const fromName = item.id?.value === undefined;
          const earlierGroup = kind.en === 'subject' ? groupOf(model, earlier) : undefined;
          const message =
            earlierGroup && earlierGroup !== groupOf(model, item)
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
          return [finding(duplicateId, item.keySpan, message, { data: { kind: kind.en, key: item.key, fromName } })];
        });
      }),
    );
  },
};
