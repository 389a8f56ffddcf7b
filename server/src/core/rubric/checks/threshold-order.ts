import { Decimal, exactText } from '../../decimal';
import { Finding } from '../../findings';
import { text } from '../../text/locale';
import { Check, finding } from './check';

/** Tiers are listed best first, so each `min_score` must be below the one of the tier above. */
export const thresholdOrder: Check<'threshold-order'> = {
  code: 'threshold-order',
  severity: 'error',
  run({ model }) {
    const findings: Finding[] = [];
    let previous: { score: Decimal; name: string } | undefined;
    for (const tier of model.tiers.items) {
      const score = tier.minScore?.value;
      if (!tier.minScore || score === undefined) continue;
      const name = tier.name?.value ?? tier.key ?? '';
      if (previous && score.gte(previous.score)) {
        findings.push(
          finding(
            thresholdOrder,
            tier.minScore.span,
            text(
              `min_score ${exactText(score)} of "${name}" is not below ${exactText(previous.score)} of "${previous.name}", the tier above`,
              `“${name}”的最低分 ${exactText(score)} 未低于上一等次“${previous.name}”的 ${exactText(previous.score)}`,
            ),
          ),
        );
      }
      previous = { score, name };
    }
    return findings;
  },
};
