import { exactText } from '../../decimal';
import { Locale, text } from '../../text/locale';
import { BonusItemModel, IndicatorModel, NamedItem } from '../../rubric/model/rubric-model';
import { tierName } from '../../rubric/model/tiers';
import { indicatorHover } from '../../rubric/services/hover';
import type { HoverResult } from '../../service-types';
import { contains, Span } from '../../text/span';
import { displayName, groupName, RubricIndex, vetoName } from '../rubric-index';
import { labelled } from '../../text/figures';
import { RankedSubject, ScoresheetAnalysis } from '../types';
import { subjectFigures } from './inlay-hints';
import { pathAt, rubricIndexOf } from './locate';
import { measuredHover, rangedRuleText } from './measured-services';
import { sheetPathHover } from './sheet-path-hover';

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function marginLines(index: RubricIndex, subject: RankedSubject, locale: Locale): string[] {
  if (subject.tier === undefined) return [];
  const lines: string[] = [];
  const current = tierName(index.model, subject.tier);
  const { up, down } = subject.margin;
  if (subject.vetoes.length > 0 && up === undefined && down === undefined) {
    const vetoes = subject.vetoes.map((id) => vetoName(index, id));
    lines.push(
      text(`The tier is set by a veto (${vetoes.join(', ')}): no score changes it.`, `等次由一票否决（${vetoes.join('、')}）确定，得分变化不影响等次。`)[
        locale
      ],
    );
    return lines;
  }
  if (up !== undefined && subject.tier > 0) {
    const better = tierName(index.model, subject.tier - 1);
    lines.push(text(`${exactText(up)} more points would take it to ${better}.`, `再得 ${exactText(up)} 分可升至${better}。`)[locale]);
  } else if (subject.tier > 0) {
    lines.push(text('No higher score would take it to a better tier.', '得分再高也无法升至更高等次。')[locale]);
  }
  if (down !== undefined) {
    lines.push(text(`It can lose ${exactText(down)} points and stay ${current}.`, `失分不超过 ${exactText(down)} 分仍为${current}。`)[locale]);
  }
  return lines;
}

function subjectHover(analysis: ScoresheetAnalysis, index: RubricIndex, subject: RankedSubject, locale: Locale): string {
  const lines = [`**${subject.subject}** · ${subjectFigures(analysis, subject, locale)}`, ''];
  if (subject.group) {
    const group = groupName(index, subject.group);
    lines.push(text(`Ranked in ${group}`, `在${group}中排名`)[locale], '');
  }
  if (subject.steps.length > 0) {
    lines.push(text('| Step | Points | Working |', '| 项目 | 得分 | 计算 |')[locale], '|---|---:|---|');
    for (const step of subject.steps) lines.push(`| ${cell(step.label[locale])} | ${exactText(step.points)} | ${cell(step.working?.[locale] ?? '')} |`);
    const total = subject.total === undefined ? '?' : exactText(subject.total);
    lines.push(`| **${text('Total', '总分')[locale]}** | **${total}** | |`, '');
  }
  if (subject.total === undefined) {
    lines.push(
      text('The total is not known while a figure it needs is missing or wrong (see the warnings).', '有所需分数缺失或有误（见提示），总分暂无法确定。')[
        locale
      ],
      '',
    );
  }
  lines.push(...marginLines(index, subject, locale));
  return lines.join('\n').trimEnd();
}

function levelLines(indicator: IndicatorModel, locale: Locale): string[] {
  const levels = indicator.scoring?.levels ?? [];
  if (levels.length === 0) return [];
  return [
    '',
    `**${text('Levels', '评分档次')[locale]}**`,
    ...levels.map(
      (level) =>
        `- ${level.points.value === undefined ? '?' : exactText(level.points.value)}${level.when?.value ? `${text(': ', '：')[locale]}${level.when.value}` : ''}`,
    ),
  ];
}

function extraHover(item: BonusItemModel, kind: 'bonus' | 'penalty', locale: Locale): string {
  const points = item.points?.value === undefined ? '?' : exactText(item.points.value);
  const what = kind === 'bonus' ? text('Bonus', '加分') : text('Penalty', '减分');
  const per = item.per?.value ? text(` per case (${item.per.value}): write the cases`, `，按次（${item.per.value}）：填写次数`)[locale] : '';
  return namedHover(item, `${labelled(what, points, locale)}${per}`, locale);
}

/** An item of the rubric by its name, then what is said of it, then its id as the sheet writes it (not twice, when it has no name). */
function namedHover(item: NamedItem, detail: string, locale: Locale): string {
  const id =
    item.key !== undefined && item.name?.value !== undefined && item.key !== item.name.value ? labelled(text('id', '编号'), `\`${item.key}\``, locale) : '';
  return [`**${displayName(item)}**`, detail, id].filter(Boolean).join('\n\n');
}

/**
 * Hover: on a subject, how its total was reached (each group, deductions with their rules and
 * caps, bonus capped, raters weighted, rounding) and its margin; on an indicator, bonus, penalty,
 * veto or rater id, what the rubric says of it; on a path under `rounds:` or `previous:`, what
 * that sheet holds.
 */
export function scoresheetHover(analysis: ScoresheetAnalysis, offset: number, locale: Locale): HoverResult | undefined {
  const onSheet = sheetPathHover(analysis, offset, locale);
  if (onSheet) return onSheet;
  const index = rubricIndexOf(analysis);
  const model = analysis.model;
  if (!index || !model) return undefined;
  const entryIndex = model.scores.items.findIndex((e) => e.subject && contains(e.subject.span, offset));
  if (entryIndex >= 0) {
    const subject = analysis.subjects[entryIndex];
    if (subject) return { span: model.scores.items[entryIndex].subject!.span, markdown: subjectHover(analysis, index, subject, locale) };
  }
  const at = pathAt(analysis, offset);
  const span: Span | undefined = at?.scalar?.span;
  if (!at || !span || (typeof at.scalar?.value !== 'string' && typeof at.scalar?.value !== 'number')) return undefined;
  const id = String(at.scalar!.value);
  const segments = at.steps.map((s) => s.segment);
  const within = (key: string) => segments.includes(key);
  const top = segments[0];
  if (top === 'tie-break' || (top === 'scores' && at.inKey && (within('points') || within('deductions')) && segments.length >= 4)) {
    const indicatorKey = top === 'scores' && within('deductions') && segments.length >= 5 ? String(segments[3]) : id;
    const indicator = index.indicators.get(indicatorKey);
    if (indicator && indicatorKey !== id) {
      const rule = indicator.scoring?.rules.find((r) => r.key === id);
      if (rule) {
        const points = rule.points?.value === undefined ? '?' : exactText(rule.points.value);
        const how = rule.when
          ? text(`−${points} once if it happened (${rule.when.value ?? ''}): write 1`, `发生时一次性扣 ${points} 分（${rule.when.value ?? ''}）：填 1`)
          : text(
              `−${points} per case (${rule.per?.value ?? ''})${rule.max?.value ? `, at most ${exactText(rule.max.value)}` : ''}: write the cases`,
              `每次扣 ${points} 分（${rule.per?.value ?? ''}）${rule.max?.value ? `，最多扣 ${exactText(rule.max.value)} 分` : ''}：填写次数`,
            );
        return { span, markdown: namedHover(rule, (rangedRuleText(rule) ?? how)[locale], locale) };
      }
    }
    if (indicator && indicatorKey === id)
      return { span, markdown: [indicatorHover(index.document, indicator, locale), ...levelLines(indicator, locale)].join('\n') };
    return undefined;
  }
  if (top !== 'scores') return undefined;
  if (within('measured') && at.inKey) return measuredHover(analysis, segments, span, locale);
  if (within('by') && segments.length >= 6 && at.inKey) {
    const indicator = index.indicators.get(id);
    if (indicator) return { span, markdown: [indicatorHover(index.document, indicator, locale), ...levelLines(indicator, locale)].join('\n') };
  }
  if (within('by') && segments.length === 4 && at.inKey) {
    const rater = index.raters.get(id);
    const weight = rater?.weight?.value;
    if (rater)
      return {
        span,
        markdown: namedHover(rater, text(`Weight ${weight ? exactText(weight) : '?'}%`, `权重 ${weight ? exactText(weight) : '?'}%`)[locale], locale),
      };
  }
  if (within('bonus') && at.inKey) {
    const item = index.bonus.get(id);
    if (item) return { span, markdown: extraHover(item, 'bonus', locale) };
  }
  if (within('penalties') && at.inKey) {
    const item = index.penalties.get(id);
    if (item) return { span, markdown: extraHover(item, 'penalty', locale) };
  }
  if (within('veto') && !at.inKey) {
    const veto = index.vetoes.get(id);
    if (veto) {
      const forced = veto.tier?.value === undefined ? undefined : index.tiers.get(veto.tier.value);
      const bars = veto.bars.flatMap((b) => (b.value === undefined || !index.tiers.has(b.value) ? [] : [tierName(index.model, index.tiers.get(b.value)!)]));
      const detail =
        forced !== undefined
          ? text(`Forces ${tierName(index.model, forced)}`, `直接确定为${tierName(index.model, forced)}`)[locale]
          : text(`Bars ${bars.join(', ')}`, `不得评为${bars.join('、')}`)[locale];
      return { span, markdown: namedHover(veto, detail, locale) };
    }
  }
  return undefined;
}
