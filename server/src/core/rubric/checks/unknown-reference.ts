import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { NamedItem, RubricModel } from '../model/rubric-model';
import { Field } from '../../yaml/field';
import { nearSpelling } from '../../text/near-spelling';
import { Check, finding, keysOf } from './check';

/** The most ids a message lists: a file with thousands of them would repeat them all in every message. */
const LISTED = 20;

/** `poor (不合格)` / `不合格（编号 poor）`: ids with the names people recognise them by. */
function listed(items: readonly NamedItem[], zh: boolean): string {
  const seen = new Set<string>();
  const known = items.filter((i) => i.key !== undefined && !seen.has(i.key) && seen.add(i.key));
  const shown = known
    .slice(0, LISTED)
    .map((i) => (i.name?.value && i.name.value !== i.key ? (zh ? `${i.name.value}（编号 ${i.key}）` : `${i.key} (${i.name.value})`) : i.key!))
    .join(zh ? '、' : ', ');
  const more = known.length - LISTED;
  return more > 0 ? (zh ? `${shown} 等（另有 ${more} 个）` : `${shown} and ${more} more`) : shown;
}

function unresolved(reference: Field<string>, items: readonly NamedItem[], known: ReadonlySet<string>, kind: { en: string; zh: string }): Finding[] {
  const name = reference.value;
  if (name === undefined || known.has(name)) return [];
  // People write the name they see (不合格) where the id (poor) is needed.
  const byName = items.find((i) => i.name?.value === name && i.key !== undefined);
  const suggestion = byName?.key ?? nearSpelling(name, [...known]);
  const suggested = items.find((i) => i.key === suggestion);
  const alsoName = suggested?.name?.value && suggested.name.value !== suggestion ? suggested.name.value : undefined;
  const message = byName
    ? text(
        `"${name}" is the name of the ${kind.en} with id "${byName.key}": refer to it by its id`,
        `“${name}”是${kind.zh}的名称，其编号为“${byName.key}”：此处须填写编号`,
      )
    : suggestion
      ? text(
          `No ${kind.en} has the id "${name}": did you mean "${suggestion}"${alsoName ? ` (${alsoName})` : ''}?`,
          `没有编号为“${name}”的${kind.zh}：是否应为“${suggestion}”${alsoName ? `（${alsoName}）` : ''}？`,
        )
      : known.size > 0
        ? text(`No ${kind.en} has the id "${name}"; known: ${listed(items, false)}`, `没有编号为“${name}”的${kind.zh}；已定义：${listed(items, true)}`)
        : text(`No ${kind.en} has the id "${name}": none are defined`, `没有编号为“${name}”的${kind.zh}：尚未定义任何${kind.zh}`);
  const fullWidth = name.includes('，') ? text(' (the full-width comma "，" inside [ ] must be ",")', '（方括号内的全角逗号“，”须改为半角“,”）') : undefined;
  const withHint = fullWidth ? text(message.en + fullWidth.en, message['zh-CN'] + fullWidth['zh-CN']) : message;
  return [finding(unknownReference, reference.span, withHint, { data: { reference: name, suggestion } })];
}

/** The keys of `min_score` maps name 分序列 groups. */
function groupThresholdReferences(model: RubricModel): Finding[] {
  const maps = model.tiers.items.flatMap((tier) => tier.minScoreByGroup ?? []);
  if (maps.length === 0) return [];
  const groupKeys = keysOf(model.subjectGroups);
  return maps.flatMap((entry) => unresolved(entry.group, model.subjectGroups, groupKeys, { en: 'subject group', zh: '考核序列' }));
}

/** Method ids on indicators, tier and indicator ids in `veto`, and group ids in `min_score` must name something that exists. */
export const unknownReference: Check<'unknown-reference'> = {
  code: 'unknown-reference',
  severity: 'error',
  run({ model, indicatorIds }) {
    const thresholds = groupThresholdReferences(model);
    if (model.veto.items.length === 0) return thresholds;
    const tierKeys = keysOf(model.tiers.items);
    // Only a veto `when:` names an indicator: the ids of the whole tree are gathered for it alone.
    let indicatorKeys: Set<string> | undefined;
    const tier = { en: 'tier', zh: '等次' };
    return thresholds.concat(
      model.veto.items.flatMap((veto) => [
        ...(veto.tier ? unresolved(veto.tier, model.tiers.items, tierKeys, tier) : []),
        ...veto.bars.flatMap((barred) => unresolved(barred, model.tiers.items, tierKeys, tier)),
        // A session's ids answer for an id that exists without a walk of the tree.
        ...(veto.when?.indicator && !(veto.when.indicator.value !== undefined && indicatorIds?.has(veto.when.indicator.value))
          ? unresolved(veto.when.indicator, model.allIndicators, (indicatorKeys ??= keysOf(model.allIndicators)), { en: 'indicator', zh: '指标' })
          : []),
      ]),
    );
  },
  runOnIndicator(indicator, { methods, methodKeys }) {
    return indicator.methods.flatMap((method) => unresolved(method, methods, methodKeys, { en: 'method', zh: '考核方式' }));
  },
};
