import { CHECKS } from './checks';
import { Check, CheckContext, IndicatorContext, keysOf, RubricNames } from './checks/check';
import { Finding } from '../findings';
import { text } from '../text/locale';
import { quotaInputsOf } from './model/quota-inputs';
import { IndicatorModel, RubricModel } from './model/rubric-model';
import { ParsedDocument, ParsedText } from '../yaml/parse';
import { allocate } from '../quota/allocate';
import { settleFindings, syntaxFindings } from '../settle-findings';
import type { DocumentAnalysis, GroupAllocation } from './types';

const isQuotaCheck = (check: Check) => check.code.startsWith('quota-');
/** The quota checks, which run once per group under 分序列, and the rest, which run once. */
const QUOTA_CHECKS = CHECKS.filter(isQuotaCheck);
const OTHER_CHECKS = CHECKS.filter((check) => !isQuotaCheck(check));
/** The checks with findings about single indicators (see Check.runOnIndicator). */
const INDICATOR_CHECKS = CHECKS.filter((check) => check.runOnIndicator);

/** The findings of every check about each of `indicators` alone (see Check.runOnIndicator). */
export function findingsOnIndicators(indicators: readonly IndicatorModel[], context: IndicatorContext): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of indicators) {
    for (const check of INDICATOR_CHECKS) {
      const found = check.runOnIndicator!(indicator, context);
      if (found.length > 0) findings.push(...found);
    }
  }
  return findings;
}

/** Everything an IndicatorContext holds but `lineOf`, as a key: findings kept under another key are made again. */
export function indicatorInputs(context: IndicatorContext): string {
  return JSON.stringify(context.methods.map((method) => [method.key, method.name?.value]));
}

/**
 * The findings about single indicators, given what they read. A whole analysis runs the checks
 * on every indicator; an incremental session answers with the findings it kept for indicators
 * whose text has not changed.
 */
export type IndicatorFindings = (context: IndicatorContext) => Finding[];

/**
 * The step every analysis ends with, whole or incremental: the semantic checks run on a built
 * model, findings in text that does not parse yet are held back, and what a person silenced with
 * `# rubric-ignore` is dropped.
 */
export function checkDocument(
  source: ParsedText,
  parsed: ParsedDocument,
  model: RubricModel,
  schemaFindings: Finding[],
  onIndicators: IndicatorFindings = (context) => findingsOnIndicators(model.allIndicators, context),
): DocumentAnalysis {
  const quotaInputs = quotaInputsOf(model);
  const groups: GroupAllocation[] = model.subjectGroups.map((group, index) => ({
    id: group.key ?? `#${index + 1}`,
    name: group.name?.value ?? group.key ?? `#${index + 1}`,
    subjects: group.size,
    allocation: group.size !== undefined ? allocate(quotaInputs, group.size, model.rounding) : undefined,
  }));
  const allocation = groups.length === 0 && model.subjects !== undefined ? allocate(quotaInputs, model.subjects, model.rounding) : undefined;
  const lineOf = (offset: number) => source.lines.positionAt(offset).line + 1;
  const context: CheckContext = { model, quotaInputs, allocation, lineOf, schemaFindings };
  let names: RubricNames | undefined;
  const indicatorContext: IndicatorContext = {
    methods: model.methods.items,
    methodKeys: keysOf(model.methods.items),
    lineOf,
    rubricNames: () => (names ??= rubricNames(model)),
  };
  const rubricWide = groups.length === 0 ? CHECKS : OTHER_CHECKS;
  const semantic = [
    ...schemaFindings,
    ...rubricWide.flatMap((check) => check.run(context)),
    ...onIndicators(indicatorContext),
    ...perGroupQuotaFindings(context, groups),
  ];
  const findings = settleFindings(syntaxFindings(parsed.syntaxErrors), semantic, parsed, source, parsed.span);
  return { parsed, model, quotaInputs, allocation, groups, findings };
}

/** Every input id and indicator id of the rubric, for the formulas' `unknown-name` (see IndicatorContext.rubricNames). */
function rubricNames(model: RubricModel): RubricNames {
  const inputs = new Map<string, IndicatorModel[]>();
  const indicators = new Map<string, string | undefined>();
  for (const indicator of model.allIndicators) {
    if (indicator.key !== undefined && !indicators.has(indicator.key)) indicators.set(indicator.key, indicator.name?.value);
    for (const input of indicator.scoring?.inputs ?? []) {
      if (input.key === undefined) continue;
      const owners = inputs.get(input.key);
      if (owners) owners.push(indicator);
      else inputs.set(input.key, [indicator]);
    }
  }
  return { inputs, indicators };
}

/**
 * 分序列: every quota applies to each group's N, so the quota checks run once per group. A
 * finding of some groups only names them (`… (乡镇序列)`); one every group shares is said once.
 */
function perGroupQuotaFindings(context: CheckContext, groups: readonly GroupAllocation[]): Finding[] {
  const byIdentity = new Map<string, { finding: Finding; groups: string[] }>();
  for (const group of groups) {
    for (const check of QUOTA_CHECKS) {
      for (const finding of check.run({ ...context, allocation: group.allocation, groupSubjects: group.subjects })) {
        const identity = `${finding.code}:${finding.span.start}:${finding.span.end}:${finding.message.en}`;
        const seen = byIdentity.get(identity);
        if (seen) seen.groups.push(group.name);
        else byIdentity.set(identity, { finding, groups: [group.name] });
      }
    }
  }
  return [...byIdentity.values()].map(({ finding, groups: named }) => {
    if (named.length === groups.length) return finding;
    const { en, 'zh-CN': zh } = finding.message;
    return { ...finding, message: text(`${en} (${named.join(', ')})`, `${zh}（${named.join('、')}）`) };
  });
}
