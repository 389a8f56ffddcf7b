import { performance } from 'perf_hooks';
import { createRubricCore } from 'rubric-studio-server';
import { loadRubricSchema } from 'rubric-studio-server/out/host/rubric-schema';
import { loadScoresSchema } from 'rubric-studio-server/out/host/scores-schema';
import { createSchemaValidator } from 'rubric-studio-server/out/core/schema/schema-validator';
import { createIncrementalSession } from 'rubric-studio-server/out/core/rubric/session/session';
import { SPLIT_ABOVE } from 'rubric-studio-server/out/core/rubric/session/indicator-blocks';
import { generateDeepRubric } from '../support/generate-rubric';
import { generateScoresheet } from '../support/generate-scoresheet';

/**
 * `node [--cpu-prof] test/out/bench/profile-keystrokes.js [--subjects=500] [--leaves=200] [--rounds=40]`:
 * the keystrokes of the benchmark's scoresheet stage in one process, without the server around
 * them: a digit typed into a score and taken back (the sheet's session), and one typed into a
 * rubric weight and taken back (the rubric's session, then the sheet's against it). Prints the
 * median CPU of each; run under `--cpu-prof` for where it goes. `--deep=10000`: a character typed
 * at the end of a criteria line of a deep rubric (13 areas, 3 levels) and taken back, instead.
 */
const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const ROUNDS = option('rounds', 40);

function places(text: string, pattern: RegExp, count: number): number[] {
  const all = [...text.matchAll(pattern)].map((m) => m.index! + m[0].length);
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / Math.min(count, all.length))]);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function deep(indicators: number): void {
  const core = createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });
  const { text } = generateDeepRubric({ indicators, areas: 13, levels: 3 });
  const session = createIncrementalSession(
    { validator: createSchemaValidator(loadRubricSchema()), analyzeWhole: core.analyze },
    { splitAbove: option('split-above', SPLIT_ABOVE) },
  );
  const start = process.cpuUsage();
  session.update(text);
  const open = process.cpuUsage(start);
  (globalThis as { gc?: () => void }).gc?.();
  console.log(
    `first open CPU ${((open.user + open.system) / 1000).toFixed(0)} ms; heap used after it ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB (with --expose-gc: live)`,
  );
  const keys: number[] = [];
  for (const offset of places(text, /criteria: (?![>|])[^\n]*/g, ROUNDS)) {
    for (const next of [text.slice(0, offset) + '好' + text.slice(offset), text]) {
      next.charCodeAt(0);
      keys.push(cpuMs(() => session.update(next)));
    }
  }
  console.log(`deep rubric of ${indicators}: keystroke CPU median ${median(keys).toFixed(1)} ms`);
}

function main(): void {
  if (option('deep', 0) > 0) return deep(option('deep', 0));
  const generated = generateScoresheet({ leaves: option('leaves', 200), subjects: option('subjects', 500) });
  const core = createRubricCore({ schema: loadRubricSchema(), scoresSchema: loadScoresSchema() });
  const rubricSession = core.createSession();
  let rubricText = generated.rubric;
  let rubric = rubricSession.update(rubricText);
  const lookup = () => ({ found: true as const, analysis: rubric, location: 'generated.rubric.yaml' });
  const sheet = core.createScoresheetSession();
  const sheetText = generated.sheet;
  const start = performance.now();
  sheet.update(sheetText, lookup);
  console.log(`first analysis ${(performance.now() - start).toFixed(0)} ms`);
  const scoreKeys: number[] = [];
  for (const offset of places(sheetText, /: (?=\d)/g, ROUNDS)) {
    for (const next of [sheetText.slice(0, offset) + '1' + sheetText.slice(offset), sheetText]) {
      // Flat, as the server's documents hand it over (their update reads it): the copy is not the session's.
      next.charCodeAt(0);
      scoreKeys.push(cpuMs(() => sheet.update(next, lookup)));
    }
  }
  const weightKeys: number[] = [];
  const original = rubricText;
  for (const offset of places(original, /weight: (?=\d)/g, Math.max(4, ROUNDS / 4))) {
    for (const next of [original.slice(0, offset) + '1' + original.slice(offset), original]) {
      next.charCodeAt(0);
      rubricText = next;
      weightKeys.push(
        cpuMs(() => {
          rubric = rubricSession.update(rubricText);
          sheet.update(sheetText, lookup);
        }),
      );
    }
  }
  console.log(`score keystroke CPU median ${median(scoreKeys).toFixed(1)} ms; weight keystroke (rubric and sheet) ${median(weightKeys).toFixed(1)} ms`);
}

main();
