import { Decimal, exactText } from '../../decimal';
import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { minScoreFor } from '../model/tiers';
import { Check, finding } from './check';

/**
 * Tiers are listed best first, so each `min_score` must be below the one of the tier above; with
 * thresholds by group (`min_score: {large: 92}`), within each group.
 */
export const thresholdOrder: Check<'threshold-order'> = {
  code: 'threshold-order',
  severity: 'error',
  run({ model }) {
    const findings: Finding[] = [];
    const reported = new Set<number>();
    const byGroup = model.tiers.items.some((tier) => tier.minScoreByGroup);
    const groups = byGroup ? model.subjectGroups.flatMap((g) => (g.key === undefined ? [] : [g])) : [undefined];
    for (const group of groups) {
      let previous: { score: Decimal; name: string } | undefined;
      for (const tier of model.tiers.items) {
        const threshold = minScoreFor(tier, group?.key);
        const score = threshold?.value;
        if (!threshold || score === undefined) continue;
        const name = tier.name?.value ?? tier.key ?? '';
        if (previous && score.gte(previous.score) && !reported.has(threshold.span.start)) {
          reported.add(threshold.span.start);
          const within = group && tier.minScoreByGroup ? (group.name?.value ?? group.key ?? '') : undefined;
          findings.push(
            finding(
              thresholdOrder,
              threshold.span,
              text(
                `min_score ${exactText(score)} of "${name}"${within ? ` in ${within}` : ''} is not below ${exactText(previous.score)} of "${previous.name}", the tier above`,
                `${within ? `${within}中，` : ''}“${name}”的最低分 ${exactText(score)} 未低于上一等次“${previous.name}”的 ${exactText(previous.score)}`,
              ),
            ),
          );
        }
        previous = { score, name };
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};
