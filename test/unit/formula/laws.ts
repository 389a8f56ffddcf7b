import { strict as assert } from 'assert';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { checkNames, evaluate, EvaluationContext, Formula, FormulaInput, formulaRange, parseFormula } from 'rubric-studio-server/out/core/formula';
import { cmpQ, Figures, parseQ, print, q, Tree, work } from '../../oracle/formula-oracle';
import { INPUT_IDS, InputFigures } from './arbitraries';

/** The laws the property runs hold the formula language to; the unit suite runs each a few hundred times, the soak run far more. */

type Subject = { weight: string; inputs: Record<string, InputFigures> };

const CODES = new Set(['formula-syntax', 'unknown-name', 'formula-range']);

function context(subject: Subject): EvaluationContext {
  // Names come from the text: `valueOf` or `constructor` must find nothing, not Object's own.
  const of = (id: string) => (Object.hasOwn(subject.inputs, id) ? subject.inputs[id] : undefined);
  return {
    weight: decimal(subject.weight),
    value: (id) => (of(id) ? decimal(of(id)!.value) : undefined),
    aggregate: (kind, id) => (of(id) ? decimal(of(id)![kind]) : undefined),
  };
}

function declared(subject: Subject): FormulaInput[] {
  return INPUT_IDS.map((id) => {
    const i = subject.inputs[id];
    return { id, min: i.min === undefined ? undefined : decimal(i.min), max: i.max === undefined ? undefined : decimal(i.max) };
  });
}

/** A formula the printer wrote must read whole, and name nothing unknown. */
function read(text: string): Formula {
  const parsed = parseFormula(text);
  assert.deepEqual(
    parsed.problems.map((p) => p.message.en),
    [],
    text,
  );
  assert.deepEqual(checkNames(parsed.formula!, { inputs: INPUT_IDS.map((id) => ({ id })) }), [], text);
  return parsed.formula!;
}

/** Any text gives a formula or problems inside the text, worded in both languages; whatever follows never throws. */
export function anyTextLaw(text: string, subject: Subject): void {
  const parsed = parseFormula(text);
  assert.equal(parsed.formula === undefined, parsed.problems.length > 0);
  const problems = [...parsed.problems];
  if (parsed.formula) {
    problems.push(...checkNames(parsed.formula, { inputs: INPUT_IDS.map((id) => ({ id })) }));
    const range = formulaRange(parsed.formula, declared(subject), decimal(subject.weight));
    problems.push(...range.problems);
    const result = evaluate(parsed.formula, context(subject));
    assert.ok(result.working.en.length > 0 && result.working['zh-CN'].length > 0);
    assert.equal(result.value === undefined, result.undefined !== undefined);
  }
  for (const problem of problems) {
    assert.ok(CODES.has(problem.code), problem.code);
    assert.ok(problem.span.start >= 0 && problem.span.start <= problem.span.end && problem.span.end <= text.length, JSON.stringify(problem.span));
    assert.ok(problem.message.en.length > 0 && problem.message['zh-CN'].length > 0);
  }
}

/**
 * The range holds every value the formula gives for inputs within their bounds; a division by
 * zero happens only where one was reported; values named as exceeding the weight do exceed it.
 */
export function rangeLaw(tree: Tree, subject: Subject, seed: number): void {
  const text = print(tree, seed);
  const formula = read(text);
  const range = formulaRange(formula, declared(subject), decimal(subject.weight));
  const result = evaluate(formula, context(subject));
  if (result.value !== undefined) {
    if (range.min) assert.ok(range.min.lte(result.value), `${text}: ${result.value} below ${range.min}`);
    if (range.max) assert.ok(range.max.gte(result.value), `${text}: ${result.value} above ${range.max}`);
  } else if (/divides by zero/.test(result.undefined!.reason.en)) {
    assert.ok(range.divisionsByZero.length > 0, `${text}: divides by zero, not reported`);
  }
  if (range.exceedsWeight) {
    const when = range.exceedsWeight.when;
    const again = evaluate(formula, {
      weight: decimal(subject.weight),
      value: (id) => when.find((w) => w.input === id && !w.aggregate)?.value,
      aggregate: (kind, id) => when.find((w) => w.input === id && w.aggregate === kind)?.value,
    });
    assert.ok(again.value?.eq(range.exceedsWeight.most) && again.value.gt(decimal(subject.weight)), text);
  }
}

/** The core's reading and working of the printed text equals the oracle's working of the tree, in exact rationals. */
export function oracleLaw(tree: Tree, subject: Subject, seed: number): void {
  const text = print(tree, seed);
  const formula = read(text);
  const figures: Figures = {
    weight: parseQ(subject.weight),
    values: new Map(INPUT_IDS.map((id) => [id, parseQ(subject.inputs[id].value)])),
    aggregates: new Map(
      INPUT_IDS.flatMap((id) =>
        (['best', 'worst', 'mean'] as const).map((kind): [string, ReturnType<typeof q>] => [`${kind}(${id})`, parseQ(subject.inputs[id][kind])]),
      ),
    ),
  };
  const expected = work(tree, figures);
  const actual = evaluate(formula, context(subject));
  if (expected === undefined) {
    assert.equal(actual.value, undefined, `${text}: the oracle finds a division by zero, the core ${actual.value}`);
    return;
  }
  assert.ok(actual.value, `${text}: no value (${actual.undefined?.reason.en})`);
  assert.equal(cmpQ(parseQ(actual.value.toFixed()), expected), 0, `${text}: ${actual.value.toFixed()} ≠ ${expected.n}/${expected.d}`);
}
