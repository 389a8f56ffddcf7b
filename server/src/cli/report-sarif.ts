import { DiagnosticCode, Severity } from '../core';
import { cliText } from './cli-text';
import { FileReport, relativeUri, ReportContext } from './check-report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What each code checks, in English: code-scanning shows it as the rule's name. */
const RULE_DESCRIPTIONS: Record<DiagnosticCode, string> = {
  'yaml-syntax': 'The text is not valid YAML',
  schema: 'The structure breaks the rubric schema (wrong type, missing or unknown key)',
  'weights-sum': 'Top-level weights do not add up to the total',
  'children-sum': "A group's item weights do not add up to its weight",
  'raters-sum': 'Rater weights do not add up to 100',
  'duplicate-id': 'An id is used twice in its kind, or a subject is listed twice',
  'unknown-reference': 'A method or veto tier that names nothing',
  'quota-overflow': 'Fixed and minimum quotas need more than N subjects or more than 100%',
  'quota-shortfall': 'Every tier is capped and the caps together place fewer than N subjects',
  'quota-conflict': 'Contradictory bounds on one tier (exactly with min or max, min above max)',
  'quota-empty': 'An exactly percentage gives a tier 0 slots for this N',
  'quota-rounding': 'Rounding breaks a stated share (a max rounded above its cap, a min below its floor)',
  'quota-range': 'Without subjects: the sizes 5–40 at which a quota rule breaks',
  'threshold-order': 'min_score does not fall from the best tier to the worst',
  'threshold-unreachable': 'A min_score above total plus the bonus cap',
  'rule-exceeds-weight': 'A scoring level or deduction worth more than its indicator',
  'bonus-exceeds-cap': 'A bonus item alone worth more than the bonus cap',
  'veto-best-tier': 'A veto that forces the best tier',
  'unused-ignore': 'A # rubric-ignore comment that silences nothing',
  'formula-syntax': 'A formula that does not parse',
  'unknown-name': 'A formula name that is no input of its indicator, weight or function',
  'formula-range': 'A formula that can give more than its weight, or divide by zero',
  'rubric-not-found': "A scoresheet's rubric path does not resolve to a readable rubric inside the workspace",
  'score-out-of-range': "Points below 0 or above the indicator's weight, negative cases, a bonus above its item's points",
  'score-not-a-level': "Points that are none of the indicator's levels",
  'unknown-indicator': 'A score for an id the rubric does not have, or for a group instead of a leaf',
  'missing-score': 'A leaf indicator left unscored, or a subject of the rubric not scored',
  'unknown-subject': "A subject not in the rubric's subjects list",
  'tie-at-boundary': 'Tied totals straddle a tier boundary',
  'quota-above-target': "A tier's count for N is above its quota's target (it informs; max binds)",
  'scoresheet-not-found': 'A rounds: or previous: path does not resolve to a readable scoresheet inside the workspace',
  'scoresheet-loop': 'A rounds: or previous: path leads back to a sheet it is read for',
  'round-rubric-differs': "A round scored under another rubric than the indicator's first round",
  'missing-input': 'A measured input not recorded for a subject',
  'input-out-of-range': 'A recorded input outside its min/max, or a per-case deduction outside its range',
  'formula-undefined': 'A formula that cannot be worked out for a subject (a division by zero)',
};

const LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * One SARIF 2.1.0 run for code scanning. Regions are 1-based; `endColumn` is the column just past
 * the range; columns count UTF-16 code units, as the JSON output's characters do, and the run says
 * so. A file that could not be read is a tool execution notification, not a result.
 */
export function sarifReport(reports: FileReport[], context: ReportContext): string[] {
  const t = cliText(context.locale);
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)));
  const ruleIds = (Object.keys(RULE_DESCRIPTIONS) as string[]).filter((code) => used.has(code));
  // A code this table does not know yet still gets a rule, so every ruleIndex resolves.
  for (const code of used) if (!ruleIds.includes(code)) ruleIds.push(code);
  const rules = ruleIds.map((id) => ({ id, shortDescription: { text: RULE_DESCRIPTIONS[id as DiagnosticCode] ?? id } }));

  const results = reports.flatMap((report) =>
    report.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIds.indexOf(d.code),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(report.file, context.cwd) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );

  const notifications = reports
    .filter((r) => r.error !== undefined)
    .map((r) => ({
      level: 'error',
      message: { text: t.unreadable(r.error ?? '') },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(r.file, context.cwd) } } }],
    }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rubric', version: context.toolVersion, rules } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return [JSON.stringify(log, null, 2)];
}
