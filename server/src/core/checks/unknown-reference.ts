import { Finding, text } from '../findings';
import { Field } from '../model/rubric-model';
import { nearSpelling } from '../text/near-spelling';
import { Check, finding } from './check';

function unresolved(reference: Field<string>, known: string[], kind: { en: string; zh: string }): Finding[] {
  const name = reference.value;
  if (name === undefined || known.includes(name)) return [];
  const suggestion = nearSpelling(name, known);
  const message = suggestion
    ? text(`No ${kind.en} has the id "${name}": did you mean "${suggestion}"?`, `没有 id 为“${name}”的${kind.zh}：是否应为“${suggestion}”？`)
    : known.length > 0
      ? text(`No ${kind.en} has the id "${name}"; known: ${known.join(', ')}`, `没有 id 为“${name}”的${kind.zh}；已定义：${known.join('、')}`)
      : text(`No ${kind.en} has the id "${name}": none are defined`, `没有 id 为“${name}”的${kind.zh}：尚未定义任何${kind.zh}`);
  return [finding(unknownReference, reference.span, message, { data: { reference: name, suggestion } })];
}

/** Method ids on indicators and tier ids in `veto` must name something that exists. */
export const unknownReference: Check = {
  code: 'unknown-reference',
  severity: 'error',
  run({ model }) {
    const methodIds = model.methods.items.flatMap((m) => (m.key === undefined ? [] : [m.key]));
    const tierIds = model.tiers.items.flatMap((t) => (t.key === undefined ? [] : [t.key]));
    const methodFindings = model.allIndicators.flatMap((indicator) =>
      indicator.methods.flatMap((method) => unresolved(method, methodIds, { en: 'method', zh: '考核方式' })),
    );
    const vetoFindings = model.veto.items.flatMap((veto) => (veto.tier ? unresolved(veto.tier, tierIds, { en: 'tier', zh: '等次' }) : []));
    return [...methodFindings, ...vetoFindings];
  },
};
