import { text } from '../findings';
import { NamedItem } from '../model/rubric-model';
import { Check, CheckContext, finding } from './check';

interface Kind {
  en: string;
  zh: string;
  items: (context: CheckContext) => NamedItem[];
}

/** Ids are unique within their kind; indicators across the whole tree. */
const KINDS: Kind[] = [
  { en: 'indicator', zh: '指标', items: ({ model }) => model.allIndicators },
  { en: 'tier', zh: '等次', items: ({ model }) => model.tiers.items },
  { en: 'method', zh: '考核方式', items: ({ model }) => model.methods.items },
  { en: 'rater', zh: '评价主体', items: ({ model }) => model.raters.items },
  { en: 'bonus item', zh: '加分项', items: ({ model }) => model.bonus?.items ?? [] },
  { en: 'veto item', zh: '否决项', items: ({ model }) => model.veto.items },
  { en: 'subject', zh: '考核对象', items: ({ model }) => model.subjectItems },
];

export const duplicateId: Check<'duplicate-id'> = {
  code: 'duplicate-id',
  severity: 'error',
  run(context) {
    return KINDS.flatMap((kind) => {
      const first = new Map<string, NamedItem>();
      return kind.items(context).flatMap((item) => {
        if (item.key === undefined) return [];
        const earlier = first.get(item.key);
        if (!earlier) {
          first.set(item.key, item);
          return [];
        }
        const line = context.lineOf(earlier.keySpan.start);
        const fromName = item.id?.value === undefined;
        const message =
          kind.en === 'subject'
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
    });
  },
};
