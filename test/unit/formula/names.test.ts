import { strict as assert } from 'assert';
import { aggregatesUsed, checkNames, FormulaScope, isFormulaIdentifier, namesUsed, parseFormula } from 'rubric-studio-server/out/core/formula';
import { clean, expectProblems } from './marks';

const WATER: FormulaScope = {
  inputs: [
    { id: 'reached', name: '达标断面个数' },
    { id: 'sections', name: '断面总个数' },
  ],
  otherInputs: new Map([['rate', { indicator: 'satisfaction', indicatorName: '群众满意度' }]]),
  indicators: new Map([
    ['water', '断面水质达标'],
    ['satisfaction', '群众满意度'],
  ]),
};

function namesOf(source: string, codes: string | readonly string[], scope: FormulaScope = WATER) {
  const parsed = parseFormula(clean(source));
  assert.deepEqual(
    parsed.problems.map((p) => p.message.en),
    [],
    'the formula parses',
  );
  return expectProblems(checkNames(parsed.formula!, scope), source, codes);
}

describe('formula language: names', () => {
  it("resolves the indicator's inputs, weight and the functions", () => {
    namesOf('if(sections = 0, 0, max(0, reached / sections × weight × 80%))', []);
  });

  it('unknown-name with the near spelling, and the input it names', () => {
    const [problem] = namesOf('«reched» / sections', 'unknown-name');
    assert.equal(problem.suggestion, 'reached');
    assert.equal(problem.message.en, 'No input of this indicator has the id reched: did you mean reached (达标断面个数)?');
    assert.equal(problem.message['zh-CN'], '本指标没有 id 为“reched”的输入项：是否应为“reached”（达标断面个数）？');
    const [weight] = namesOf('reached × «wieght»', 'unknown-name');
    assert.equal(weight.suggestion, 'weight');
  });

  it("an input's name written for its id: the id is suggested", () => {
    const [problem] = namesOf('«达标断面个数» / sections', 'unknown-name');
    assert.equal(problem.suggestion, 'reached');
    assert.equal(problem.message['zh-CN'], '“达标断面个数”是输入项 reached 的名称：公式中须写其 id“reached”');
  });

  it("another indicator's input or an indicator: formulas cannot refer to other indicators", () => {
    const [input] = namesOf('reached / sections × «rate»', 'unknown-name');
    assert.equal(
      input.message.en,
      "rate is an input of the indicator satisfaction (群众满意度): a formula uses only its own indicator's inputs and weight (formulas cannot refer to other indicators)",
    );
    assert.match(input.message['zh-CN'], /公式不能引用其他指标/);
    const [indicator] = namesOf('«satisfaction» × 0.5', 'unknown-name');
    assert.match(indicator.message.en, /satisfaction is an indicator \(群众满意度\): a formula cannot use an indicator's points/);
    // Its own id is no better: a formula cannot refer to its own points either.
    namesOf('«water» + 1', 'unknown-name');
  });

  it('with nothing near: the inputs there are, or that there are none', () => {
    const [listed] = namesOf('«zzz» + 1', 'unknown-name');
    assert.equal(listed.message.en, 'No input of this indicator has the id zzz; its inputs: reached, sections, and weight');
    const [none] = namesOf('«zzz» + 1', 'unknown-name', { inputs: [] });
    assert.match(none.message.en, /it has no inputs a formula can use/);
  });

  it('an unknown function, with the near spelling; an input called as a function', () => {
    const [near] = namesOf('«maxx»(reached, 1)', 'unknown-name');
    assert.equal(near.suggestion, 'max');
    const [far] = namesOf('«sum»(reached, sections)', 'unknown-name');
    assert.match(far.message.en, /No function is called sum; a formula has min, max, abs/);
    const [called] = namesOf('«reached»(2)', 'unknown-name');
    assert.match(called.message.en, /reached is not a function: to multiply, put × between reached and \(/);
  });

  it("the input of best, worst, mean is checked too, at the input's id", () => {
    const [problem] = namesOf('best(«reachd»)', 'unknown-name');
    assert.equal(problem.suggestion, 'reached');
  });

  it('an input id that is a number is read as a number: said at the number', () => {
    const [problem] = namesOf('«2023» × 3', 'formula-syntax', { inputs: [{ id: '2023' }] });
    assert.match(problem.message.en, /2023 is read as the number 2023, not as the input 2023/);
  });

  it('an input id with "-" reads as a subtraction: said over the whole id', () => {
    const [problem] = namesOf('«rate-2» × 3', 'formula-syntax', { inputs: [{ id: 'rate-2' }] });
    assert.match(problem.message.en, /"-" is always minus.*\(rate_2\)/);
  });

  it('an input named as a function cannot be used: said at the name', () => {
    const problems = expectProblems(parseFormula(clean('«max» × 2')).problems, '«max» × 2', 'formula-syntax');
    assert.match(problems[0].message['zh-CN'], /输入项不能以 max 为 id/);
    assert.equal(isFormulaIdentifier('max'), false);
    assert.equal(isFormulaIdentifier('weight'), false);
    assert.equal(isFormulaIdentifier('and'), false);
    assert.equal(isFormulaIdentifier('2023'), false);
    assert.equal(isFormulaIdentifier('rate-2'), false);
    assert.equal(isFormulaIdentifier('达标断面个数'), true);
    assert.equal(isFormulaIdentifier('x_1'), true);
  });

  it('lists the inputs used and the group aggregates needed, each once, in text order', () => {
    const formula = parseFormula('if(best(gain) = worst(gain), weight, (gain − worst(gain)) / (best(gain) − worst(gain)) × base)').formula!;
    assert.deepEqual(namesUsed(formula), ['gain', 'base']);
    assert.deepEqual(aggregatesUsed(formula), [
      { aggregate: 'best', input: 'gain' },
      { aggregate: 'worst', input: 'gain' },
    ]);
  });
});
