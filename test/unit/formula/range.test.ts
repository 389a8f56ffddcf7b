import { strict as assert } from 'assert';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { FormulaInput, formulaRange, parseFormula } from 'rubric-studio-server/out/core/formula';
import { clean, expectProblems } from './marks';

type Bounds = Record<string, [string | undefined, string | undefined, string?]>;

function inputs(bounds: Bounds): FormulaInput[] {
  return Object.entries(bounds).map(([id, [min, max, name]]) => ({
    id,
    name,
    min: min === undefined ? undefined : decimal(min),
    max: max === undefined ? undefined : decimal(max),
  }));
}

/** The range analysis of a formula that parses; its problems must be exactly the «…» marks. */
function rangeOf(source: string, bounds: Bounds, weight: string, marks = clean(source)) {
  const parsed = parseFormula(clean(source));
  assert.deepEqual(
    parsed.problems.map((p) => p.message.en),
    [],
    source,
  );
  const range = formulaRange(parsed.formula!, inputs(bounds), decimal(weight));
  const problems = expectProblems(range.problems, marks === clean(source) ? source : marks, 'formula-range');
  return { ...range, problems, shown: [range.min?.toFixed() ?? '−∞', range.max?.toFixed() ?? '+∞'] };
}

describe('formula language: the range a formula can give (formula-range)', () => {
  it('the water formula: unbounded where an input is, never reported then', () => {
    const range = rangeOf('reached / sections × weight × 80%', { reached: ['0', undefined], sections: ['1', undefined] }, '30');
    assert.deepEqual(range.shown, ['0', '+∞']);
    assert.equal(range.exceedsWeight, undefined);
  });

  it('more than the weight, with the values that reach it, only when every input has min and max', () => {
    const source = '«reached / sections × weight × 80%»';
    const range = rangeOf(source, { reached: ['0', '10', '达标断面个数'], sections: ['1', '10', '断面总个数'] }, '30');
    // 10 ÷ 1 × 30 × 0.8 = 240.
    assert.deepEqual(range.shown, ['0', '240']);
    assert.equal(range.exceedsWeight?.most.toFixed(), '240');
    assert.deepEqual(
      range.exceedsWeight?.when.map((w) => [w.input, w.value.toFixed()]),
      [
        ['reached', '10'],
        ['sections', '1'],
      ],
    );
    assert.deepEqual(range.problems[0].message, {
      en: 'The formula can give 240 points, more than the weight 30, when reached (达标断面个数) is 10 and sections (断面总个数) is 1 (a total counts at most 30)',
      'zh-CN': '当达标断面个数为 10、断面总个数为 1 时，公式得 240 分，超过本指标分值 30（计入总分时以 30 分为限）',
    });
  });

  it('"the formula can give 36 of 30 points when rate is 0" (issue 21)', () => {
    const range = rangeOf('«weight × 1.2 − rate × 0.06»', { rate: ['0', '100', '满意度'] }, '30');
    assert.deepEqual(range.shown, ['30', '36']);
    assert.equal(range.problems[0].message.en, 'The formula can give 36 points, more than the weight 30, when rate (满意度) is 0 (a total counts at most 30)');
  });

  it('a greatest value between the ends is found too', () => {
    // rate × (100 − rate) ÷ 100 is 25 at rate 50; the ends give 0.
    const range = rangeOf('«rate × (100 − rate) / 100»', { rate: ['0', '100'] }, '20');
    assert.equal(range.exceedsWeight?.most.toFixed(), '25');
    assert.equal(range.exceedsWeight?.when[0].value.toFixed(), '50');
  });

  it('a constant above the weight, without values to name', () => {
    const range = rangeOf('«40»', {}, '30');
    assert.equal(range.problems[0].message.en, 'The formula gives 40 points, more than the weight 30 (a total counts at most 30)');
  });

  it('below the floor is never reported: 扣完为止 is normal', () => {
    const range = rangeOf('weight − max(0, 90 − rate) × 1', { rate: ['0', '100', '满意度'] }, '20');
    assert.deepEqual(range.shown, ['-70', '20']);
  });

  it('a divisor that can be 0: at the divisor, with what makes it 0 and how to guard it', () => {
    const range = rangeOf('reached / «sections» × weight × 80%', { reached: ['0', undefined], sections: ['0', undefined, '断面总个数'] }, '30');
    assert.deepEqual(range.problems[0].message, {
      en: 'The formula divides by zero when sections (断面总个数) is 0 (give `sections` a `min` above 0, or say what it gives then: `if(sections = 0, …, …)`)',
      'zh-CN': '当断面总个数为 0 时，公式除以零（可为 `sections` 设大于 0 的 `min`，或写明此时的得分：`if(sections = 0, …, …)`）',
    });
    // An input without min is unbounded below: 0 is among its values.
    rangeOf('reached / «sections»', { reached: [undefined, undefined], sections: [undefined, '10'] }, '30');
    rangeOf('reached / sections', { reached: [undefined, undefined], sections: ['0.5', '10'] }, '30');
  });

  it('a compound divisor: the values that make it 0 are named', () => {
    // The divisor's span is its expression, without the parentheses around it.
    const range = rangeOf('x / (a − b)', { x: ['0', '1'], a: ['0', '10', '甲'], b: ['5', '10'] }, '30', 'x / («a − b»)');
    assert.deepEqual(
      range.divisionsByZero[0].when?.map((w) => [w.input, w.value.toFixed()]),
      [
        ['a', '5'],
        ['b', '5'],
      ],
    );
    assert.equal(
      range.problems[0].message.en,
      'The formula can divide by zero: a − b is 0 when a (甲) is 5 and b is 5 (say what it gives then: `if(a = b, …, …)`)',
    );
  });

  it("the contract's exception: the second branch of if(A = B, …) for A − B, and of if(A = 0, …) for A", () => {
    const gain = { gain: ['0', '10', '提升幅度'] as [string, string, string] };
    rangeOf('if(best(gain) = worst(gain), weight, 60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight)', gain, '10');
    rangeOf('if(worst(gain) = best(gain), weight, 1 / (best(gain) − worst(gain)))', gain, '10');
    rangeOf('if(sections = 0, 0, reached / sections)', { reached: ['0', '10'], sections: ['0', '10'] }, '10');
    rangeOf('if(0 = sections, 0, reached / sections)', { reached: ['0', '10'], sections: ['0', '10'] }, '10');
    // Not in the first branch, nor for another divisor.
    rangeOf('if(sections = 0, reached / «sections», 0)', { reached: ['0', '10'], sections: ['0', '10'] }, '10');
    rangeOf('if(sections = 1, 0, reached / «sections»)', { reached: ['0', '10'], sections: ['0', '10'] }, '10');
  });

  it('what if, and, or settle the other way round: if(A ≠ B, …), if(A > 0, …), a and b, a or b', () => {
    const both = { reached: ['0', '10'] as [string, string], sections: ['0', '10'] as [string, string] };
    rangeOf('if(sections != 0, reached / sections, 0)', both, '10');
    rangeOf('if(sections > 0, reached / sections, 0)', both, '10');
    rangeOf('if(sections <= 0, 0, reached / sections)', both, '10');
    rangeOf('if(not sections = 0, reached / sections, 0)', both, '10');
    rangeOf('if(sections = 0 or reached / sections > 0.5, 1, 0)', both, '10');
    rangeOf('if(sections > 0 and reached / sections > 0.5, 1, 0)', both, '10');
    rangeOf('if(sections = 0 and reached / «sections» > 0.5, 1, 0)', both, '10');
    rangeOf('if(sections >= 0, reached / «sections», 0)', both, '10');
  });

  it('without the guard, 功效系数 divides by zero when best and worst are equal', () => {
    const range = rangeOf(
      '60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight',
      { gain: ['0', '10', '提升幅度'] },
      '10',
      '60% × weight + (gain − worst(gain)) / («best(gain) − worst(gain)») × 40% × weight',
    );
    assert.equal(
      range.problems[0].message['zh-CN'],
      '公式可能除以零：当同组提升幅度的最高值为 0、同组提升幅度的最低值为 0 时，除数“best(gain) − worst(gain)”为 0（请写明此时的得分：`if(best(gain) = worst(gain), …, …)`）',
    );
  });

  it("功效系数 with bounded inputs: never above the weight, as the group's worst ≤ each ≤ best", () => {
    const range = rangeOf(
      'if(best(gain) = worst(gain), weight, 60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight)',
      { gain: ['0', '10'] },
      '10',
    );
    // Interval arithmetic cannot see that gain − worst ≤ best − worst: it gives no bound, and no finding.
    assert.deepEqual(range.shown, ['−∞', '+∞']);
    assert.equal(range.exceedsWeight, undefined);
  });

  it('functions and branches: the union of if, min, max, abs, floor, ceil, round, clamp, %', () => {
    assert.deepEqual(rangeOf('if(people <= 5000, 30, if(people <= 20000, 20, 10))', { people: ['0', undefined] }, '30').shown, ['10', '30']);
    assert.deepEqual(rangeOf('clamp(rate, 60, 100) / 100 × weight', { rate: [undefined, undefined] }, '10').shown, ['6', '10']);
    assert.deepEqual(rangeOf('abs(x)', { x: ['-3', '2'] }, '10').shown, ['0', '3']);
    assert.deepEqual(rangeOf('abs(x)', { x: ['-3', '-2'] }, '10').shown, ['2', '3']);
    assert.deepEqual(rangeOf('round(x / 3, 1)', { x: ['0', '10'] }, '10').shown, ['0', '3.3']);
    assert.deepEqual(rangeOf('floor(x) + ceil(x)', { x: ['0.5', '1.5'] }, '10').shown, ['1', '3']);
    assert.deepEqual(rangeOf('min(x, 5) + max(x, 2)', { x: ['0', '10'] }, '20').shown, ['2', '15']);
    assert.deepEqual(rangeOf('x% × weight', { x: ['0', '100'] }, '10').shown, ['0', '10']);
    assert.deepEqual(rangeOf('-x × y', { x: ['1', '2'], y: ['-3', '4'] }, '10').shown, ['-8', '6']);
    assert.deepEqual(rangeOf('1 / x', { x: ['2', '4'] }, '10').shown, ['0.25', '0.5']);
    assert.deepEqual(rangeOf('1 / x', { x: ['3', undefined] }, '10').shown, ['0', '0.33333333333333333333']);
    assert.deepEqual(rangeOf('1 / x', { x: ['-4', '-2'] }, '10').shown, ['-0.5', '-0.25']);
  });
});
