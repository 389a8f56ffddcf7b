import { exactText } from '../../decimal';
import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { tierName } from '../../rubric/model/tiers';
import { ScoresheetCheck, scoresheetFinding, subjectLabel } from './scoresheet-check';

/**
 * Equal totals on both sides of a tier's last slot. Under `flag` file order decided, under
 * `share` all took the better tier beyond its quota, under `break` the tie survived every
 * tie-break indicator. Shown at each tied subject's name.
 */
export const tieAtBoundary: ScoresheetCheck = {
  code: 'tie-at-boundary',
  severity: 'warning',
  run({ model, index, groups, subjects }) {
    if (!index) return [];
    const findings: Finding[] = [];
    for (const group of groups) {
      for (const tie of group.ties) {
        const tier = tierName(index.model, tie.tier);
        const names = tie.members.map((i) => subjectLabel(model.scores.items[i], i));
        const total = subjects[tie.members[0]]?.total;
        const inGroup = group.name ? text(` (${group.name})`, `（${group.name}）`) : text('', '');
        for (const member of tie.members) {
          const entry = model.scores.items[member];
          const name = subjectLabel(entry, member);
          const others = names.filter((n) => n !== name);
          const took = tie.taken.includes(member);
          const head = text(
            `${name} ties with ${others.join(', ')} at ${total ? exactText(total) : '?'} across the last of ${tie.slots} slot${tie.slots === 1 ? '' : 's'} of ${tier}${inGroup.en}`,
            `${name}与${others.join('、')}同为 ${total ? exactText(total) : '?'} 分，跨越${tier}（${tie.slots} 个名额）的分界${inGroup['zh-CN']}`,
          );
          let tail;
          if (tie.mode === 'share') {
            const count = group.subjects.filter((s) => s.tier === tie.tier).length;
            tail = text(
              `: all take ${tier}, which then holds ${count}, beyond its quota (ties: share)`,
              `：均评为${tier}，该等次共 ${count} 个，超出名额（ties: share）`,
            );
          } else {
            const after = tie.mode === 'break' ? text(' still tied after every tie-break indicator;', ' 依次比较 tie-break 指标后仍相同；') : text('', '');
            tail = took
              ? text(`:${after.en} file order puts it in ${tier}`, `：${after['zh-CN']}按文件顺序评为${tier}`)
              : text(`:${after.en} file order leaves it out of ${tier}`, `：${after['zh-CN']}按文件顺序未评为${tier}`);
          }
          if (!entry.subject) continue;
          findings.push(scoresheetFinding(this, entry.subject.span, text(head.en + tail.en, head['zh-CN'] + tail['zh-CN'])));
        }
      }
    }
    return findings;
  },
};
