import { performance } from 'perf_hooks';
import { parseAllDocuments } from 'yaml';
import { createRubricCore } from 'rubric-studio-server';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { loadScoresSchema } from 'rubric-studio-server/out/host/scores-schema';
import { createDocumentValidator } from 'rubric-studio-server/out/core/schema/schema-validator';
import { parseText } from 'rubric-studio-server/out/core/yaml/parse';
import { nestingBeyondLimit } from 'rubric-studio-server/out/core/yaml/nesting';
import { buildScoresheetModel } from 'rubric-studio-server/out/core/scoresheet/build-model';
import { indexRubric } from 'rubric-studio-server/out/core/scoresheet/rubric-index';
import { evaluateSubject } from 'rubric-studio-server/out/core/scoresheet/subject-total';
import { appliedVetoes } from 'rubric-studio-server/out/core/scoresheet/vetoes';
import { scaled } from 'rubric-studio-server/out/core/scoresheet/rank-groups';
import { tierRules } from 'rubric-studio-server/out/core/scoresheet/rank-groups';
import { assignTiers, compareContenders, Contender } from 'rubric-studio-server/out/core/scoresheet/assign-tiers';
import { groupMargins } from 'rubric-studio-server/out/core/scoresheet/margins';
import { SCORESHEET_CHECKS } from 'rubric-studio-server/out/core/scoresheet/checks';
import { analyzeScoresheetText } from 'rubric-studio-server/out/core/scoresheet/analyze';
import { text } from 'rubric-studio-server';
import { generateScoresheet } from '../support/generate-scoresheet';

/**
 * `node test/out/bench/profile-scoresheet.js [--subjects=500] [--leaves=200]`: where one whole
 * analysis of a generated scoresheet spends its time, stage by stage (median of several runs in
 * one warm process), against one `yaml` parse of the same text.
 */
const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const ROUNDS = option('rounds', 7);

function timed<T>(times: Map<string, number[]>, name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  const list = times.get(name) ?? [];
  list.push(performance.now() - start);
  times.set(name, list);
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main(): void {
  const generated = generateScoresheet({ leaves: option('leaves', 200), subjects: option('subjects', 500) });
  const core = createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });
  const rubric = core.analyze(generated.rubric);
  const lookup = () => ({ found: true as const, analysis: rubric, location: 'generated.rubric.yaml' });
  const validate = createDocumentValidator(loadScoresSchema(), text('not a scoresheet', '不是评分表'));
  const source = generated.sheet;
  const times = new Map<string, number[]>();
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    timed(times, 'yaml parseAllDocuments (floor)', () => parseAllDocuments(source));
    const analysis = timed(times, 'whole analyzeScoresheet', () => analyzeScoresheetText(source, lookup, validate));
    findings = analysis.findings.length;
    timed(times, '  nesting guard', () => nestingBeyondLimit(source));
    const parsed = timed(times, '  parse (parseText: yaml + line index)', () => parseText(source));
    const document = parsed.documents[0];
    const model = timed(times, '  model', () => buildScoresheetModel(document.doc, document.span));
    timed(times, '  schema validation', () => validate(document.doc, source));
    const index = timed(times, '  index the rubric', () => indexRubric(rubric.documents[0]));
    const contenders = timed(times, '  totals and vetoes', () =>
      model.scores.items.map((entry, i): Contender => {
        const outcome = evaluateSubject(index, entry);
        const vetoes = appliedVetoes(index, entry, outcome.own);
        return { index: i, score: scaled(outcome.total!, index.model.precision), tieBreak: [], forcedTier: vetoes.forcedTier, barred: vetoes.barred };
      }),
    );
    const ordered = timed(times, '  ranks (sort)', () => [...contenders].sort((a, b) => compareContenders(a, b, 'flag')));
    const rules = tierRules(index, rubric.documents[0].allocation!, undefined);
    const tiers = timed(times, '  tiers', () => assignTiers(ordered, rules, 'flag'));
    timed(times, '  margins', () => groupMargins(ordered, rules, 'flag', index.model.precision, tiers.tier));
    for (const check of SCORESHEET_CHECKS) {
      timed(times, `  check ${check.code}`, () => {
        model.scores.items.forEach((entry, i) => check.entry?.(entry, i, { index }));
        return check.run?.({
          model,
          documentStart: { start: 0, end: 0 },
          lookup: lookup(),
          index,
          subjects: analysis.subjects,
          groups: analysis.groups as never,
          rounds: undefined,
          previous: undefined,
          duplicates: new Map(),
          lineOf: (offset) => parsed.lines.positionAt(offset).line + 1,
        });
      });
    }
  }
  // A session: single-character edits in values spread over the file, then rubric edits.
  const session = core.createScoresheetSession();
  timed(times, 'session: first update', () => session.update(source, lookup));
  const values = [...source.matchAll(/: (\d)/g)].map((m) => m.index! + 2);
  for (let i = 0; i < 40; i++) {
    const at = values[Math.floor((i * 7919) % values.length)];
    const edited = source.slice(0, at) + '1' + source.slice(at);
    timed(times, 'session: keystroke in a value', () => session.update(edited, lookup));
    timed(times, 'session: keystroke taken back', () => session.update(source, lookup));
  }
  // Each kind of rubric edit in a row, so that each is measured against the one before it.
  const rubricEdits: [string, (i: number) => string][] = [
    ['criteria', (i) => generated.rubric.replace('criteria: ', `criteria: ${'好'.repeat(i + 1)}`)],
    ['name', (i) => generated.rubric.replace(/(name: [^\n（,}]*)/, `$1${'好'.repeat(i + 1)}`)],
    ['weight', (i) => generated.rubric.replace(/weight: (\d)/, `weight: ${i + 1}$1`)],
  ];
  for (const [kind, edit] of rubricEdits) {
    for (let i = 0; i < 5; i++) {
      const other = { found: true as const, analysis: core.analyze(edit(i)), location: 'generated.rubric.yaml' };
      timed(times, `session: rubric ${kind} edited`, () => session.update(source, () => other));
    }
  }
  const lines = source.split('\n').length;
  console.log(`${generated.subjects} subjects × ${generated.leaves.length} leaves: ${lines} lines, ${source.length} characters, ${findings} findings`);
  const floor = median(times.get('yaml parseAllDocuments (floor)')!);
  for (const [name, list] of times)
    console.log(`${name.padEnd(42)} ${median(list).toFixed(1).padStart(8)} ms  ${((100 * median(list)) / floor).toFixed(0).padStart(4)}%`);
}

main();
