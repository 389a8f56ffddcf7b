import { strict as assert } from 'assert';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { AggregateKind, evaluate, Evaluation, parseFormula, renderFormula } from 'rubric-studio-server/out/core/formula';

interface Figures {
  weight: string;
  values?: Record<string, string>;
  aggregates?: Partial<Record<`${AggregateKind}(${string})`, string>>;
  names?: Record<string, string>;
  places?: number;
}

function work(source: string, figures: Figures): Evaluation {
  const parsed = parseFormula(source);
  assert.deepEqual(
    parsed.problems.map((p) => p.message.en),
    [],
    source,
  );
  const values = figures.values ?? {};
  const aggregates: Record<string, string | undefined> = figures.aggregates ?? {};
  return evaluate(parsed.formula!, {
    weight: decimal(figures.weight),
    value: (id) => (values[id] === undefined ? undefined : decimal(values[id])),
    aggregate: (kind, id) => {
      const v = aggregates[`${kind}(${id})`];
      return v === undefined ? undefined : decimal(v);
    },
    inputName: (id) => figures.names?.[id],
    places: figures.places,
  });
}

const valueOf = (source: string, figures: Figures) => work(source, figures).value?.toFixed();

/*
 * Published formulas, each worked by hand (long divisions kept to 20 places, half-up, as the
 * contract says: 7 ÷ 9 = 0.77777777777777777778).
 */
describe('formula language: published formulas, worked by hand', () => {
  it('水十条 评分细则: 达标断面个数占断面总个数的比重乘以分值的80% (max.book118.com/html/2021/0729/5123342034003321.shtm)', () => {
    const formula = 'reached / sections × weight × 80%';
    // 8 ÷ 10 = 0.8; × 30 = 24; × 0.8 = 19.2 — the contract's own working.
    const result = work(formula, { weight: '30', values: { reached: '8', sections: '10' } });
    assert.equal(result.value?.toFixed(), '19.2');
    assert.deepEqual(result.working, { en: '8 / 10 × 30 × 80% = 19.2', 'zh-CN': '8 / 10 × 30 × 80% = 19.2' });
    // 7 ÷ 9 = 0.77777777777777777778; × 20 = 15.5555555555555555556; × 0.8 = 12.44444444444444444448.
    const seven = work(formula, { weight: '20', values: { reached: '7', sections: '9' } });
    assert.equal(seven.value?.toFixed(), '12.44444444444444444448');
    assert.equal(seven.working.en, '7 / 9 × 20 × 80% ≈ 12.44');
  });

  it("a river-basin plan's 评估办法: 综合达标率 × 60, 项目个数 ÷ 规划项目总数 × 系数 × 20, 本断面 × 0.7 + 邻省 × 0.3 (lawyee.com.cn/html/text/lar/170437/17043789_2.html)", () => {
    // 综合达标率 = 达标断面数 ÷ 考核断面总数 × 100%: 17 of 20 = 85%, × 60 = 51.
    assert.equal(valueOf('达标断面数 / 考核断面总数 × 60', { weight: '60', values: { 达标断面数: '17', 考核断面总数: '20' } }), '51');
    assert.equal(valueOf('综合达标率% × 60', { weight: '60', values: { 综合达标率: '85' } }), '51');
    // 8 planned projects: 3 running × 1, 2 commissioning × 0.75, 2 building × 0.5, 1 studied × 0.25:
    // 7.5 + 3.75 + 2.5 + 0.625 = 14.375.
    const projects = 'done / planned × 1 × 20 + trial / planned × 0.75 × 20 + building / planned × 0.5 × 20 + study / planned × 0.25 × 20';
    assert.equal(valueOf(projects, { weight: '20', values: { done: '3', trial: '2', building: '2', study: '1', planned: '8' } }), '14.375');
    // 52.5 × 0.7 + 45 × 0.3 = 36.75 + 13.5 = 50.25.
    assert.equal(valueOf('own × 0.7 + neighbour × 0.3', { weight: '60', values: { own: '52.5', neighbour: '45' } }), '50.25');
  });

  it('满意度低于90%每降低1%扣1分, 每低3个百分点扣0.5分, 每超过两个百分点加1分，加分10分封顶 (as issue 21 quotes them)', () => {
    const satisfaction = 'weight − max(0, 90 − rate) × 1';
    assert.equal(valueOf(satisfaction, { weight: '20', values: { rate: '87.5' } }), '17.5');
    assert.equal(valueOf(satisfaction, { weight: '20', values: { rate: '95' } }), '20');
    // 扣完为止 is the total's business: the formula gives −10, the points are limited to the floor there.
    assert.equal(valueOf(satisfaction, { weight: '20', values: { rate: '60' } }), '-10');
    // 90 − 83 = 7 points below: two whole steps of 3, 0.5 each: 20 − 1 = 19.
    assert.equal(valueOf('weight − floor(max(0, 90 − rate) / 3) × 0.5', { weight: '20', values: { rate: '83' } }), '19');
    // 97 − 90 = 7 above: three whole steps of 2, 1 each; and 130 − 90 = 40: 20 steps, capped at 10.
    const bonus = 'min(10, floor(max(0, rate − target) / 2) × 1)';
    assert.equal(valueOf(bonus, { weight: '10', values: { rate: '97', target: '90' } }), '3');
    assert.equal(valueOf(bonus, { weight: '10', values: { rate: '130', target: '90' } }), '10');
  });

  it('功效系数法: (5.81 − 6) ÷ (12 − 6) × 40 + 60 = 58.73 (an exam worked example, 222.198.130.40:8081 …showsubject.aspx?id=1c13cd4fae1f452c8701976b21b4b93f)', () => {
    // −0.19 ÷ 6 = −0.03166666666666666667 (half-up away from zero); × 40 = −1.2666666666666666668; + 60.
    const formula = '(x − low) / (high − low) × 40 + 60';
    const figures = { weight: '100', values: { x: '5.81', low: '6', high: '12' } };
    assert.equal(valueOf(formula, figures), '58.7333333333333333332');
    assert.equal(work(formula, figures).working.en, '(5.81 − 6) / (12 − 6) × 40 + 60 ≈ 58.73');
    assert.equal(valueOf(`round(${formula}, 2)`, figures), '58.73');
  });

  it("功效系数法 between the group's worst and best, as the contract writes it (绿色发展涉林指标考评细则)", () => {
    const formula = 'if(best(gain) = worst(gain), weight, 60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight)';
    // 0.7 ÷ 2.6 = 0.26923076923076923077; × 0.4 = 0.107692307692307692308; × 10 = 1.07692307692307692308; + 6.
    const placed = work(formula, { weight: '10', values: { gain: '1.2' }, aggregates: { 'best(gain)': '3.1', 'worst(gain)': '0.5' } });
    assert.equal(placed.value?.toFixed(), '7.07692307692307692308');
    assert.equal(placed.working.en, 'if(3.1 = 0.5, 10, 60% × 10 + (1.2 − 0.5) / (3.1 − 0.5) × 40% × 10) ≈ 7.08');
    // The best of the group gets the whole weight, the worst 60% of it.
    assert.equal(valueOf(formula, { weight: '10', values: { gain: '3.1' }, aggregates: { 'best(gain)': '3.1', 'worst(gain)': '0.5' } }), '10');
    assert.equal(valueOf(formula, { weight: '10', values: { gain: '0.5' }, aggregates: { 'best(gain)': '3.1', 'worst(gain)': '0.5' } }), '6');
    // A group where all are equal: the first branch; the division is never worked out.
    assert.equal(valueOf(formula, { weight: '10', values: { gain: '2' }, aggregates: { 'best(gain)': '2', 'worst(gain)': '2' } }), '10');
  });

  it("缺项比率计分法: 88 ÷ 90 × 100 = 97.78 (a city's 河长制湖长制考核方案, m.beiweimall.com/fangan/1519753.html)", () => {
    // 88 ÷ 90 = 0.97777777777777777778; × 100 = 97.777777777777777778.
    const result = work('got ÷ applicable × 100', { weight: '100', values: { got: '88', applicable: '90' } });
    assert.equal(result.value?.toFixed(), '97.777777777777777778');
    assert.equal(result.working.en, '88 ÷ 90 × 100 ≈ 97.78');
    assert.equal(valueOf('round(got ÷ applicable × 100, 2)', { weight: '100', values: { got: '88', applicable: '90' } }), '97.78');
  });

  it('蓝田县大学生村官日常考核: 优秀票数 / 总票数 × 25 + 称职票数 / 总票数 × 20 (lantian-village-graduates-daily)', () => {
    // 18 of 30: 0.6 × 25 = 15; 10 of 30: 0.33333333333333333333 × 20 = 6.6666666666666666666.
    const result = work('优秀票数 / 总票数 × 25 + 称职票数 / 总票数 × 20', { weight: '45', values: { 优秀票数: '18', 称职票数: '10', 总票数: '30' } });
    assert.equal(result.value?.toFixed(), '21.6666666666666666666');
    assert.equal(result.working['zh-CN'], '18 / 30 × 25 + 10 / 30 × 20 ≈ 21.67');
  });

  it("bands by a measured value: population 5,000 / 20,000 (the contract's example after 7 CFR 3570.67)", () => {
    const formula = 'if(people <= 5000, 30, if(people <= 20000, 20, 10))';
    assert.equal(valueOf(formula, { weight: '30', values: { people: '5000' } }), '30');
    assert.equal(valueOf(formula, { weight: '30', values: { people: '12000' } }), '20');
    assert.equal(valueOf(formula, { weight: '30', values: { people: '20001' } }), '10');
    assert.equal(work(formula, { weight: '30', values: { people: '12000' } }).working.en, 'if(12000 <= 5000, 30, if(12000 <= 20000, 20, 10)) = 20');
  });
});

describe('formula language: evaluation', () => {
  it('a division by zero has no value: the reason at the divisor, in both languages, in the working', () => {
    const result = work('reached / sections × weight × 80%', { weight: '30', values: { reached: '8', sections: '0' }, names: { sections: '断面总个数' } });
    assert.equal(result.value, undefined);
    assert.deepEqual(result.undefined?.span, { start: 10, end: 18 });
    assert.deepEqual(result.working, {
      en: '8 / 0 × 30 × 80%: cannot be worked out, it divides by zero: sections (断面总个数) is 0',
      'zh-CN': '8 / 0 × 30 × 80%：无法计算，除数“断面总个数”为 0',
    });
    const compound = work('x / (a − b)', { weight: '30', values: { x: '1', a: '2', b: '2' } });
    assert.deepEqual(compound.undefined?.span, { start: 5, end: 10 });
    assert.equal(compound.undefined?.reason['zh-CN'], '除数“a − b”为 0');
  });

  it('only the branch taken is worked out; and / or only as far as they decide', () => {
    assert.equal(valueOf('if(sections = 0, 0, reached / sections)', { weight: '1', values: { reached: '3', sections: '0' } }), '0');
    assert.equal(valueOf('if(sections = 0 or reached / sections > 0.5, 1, 0)', { weight: '1', values: { reached: '3', sections: '0' } }), '1');
    assert.equal(valueOf('if(sections > 0 and reached / sections > 0.5, 1, 0)', { weight: '1', values: { reached: '3', sections: '0' } }), '0');
    assert.equal(work('if(sections = 0 and reached / sections > 0.5, 1, 0)', { weight: '1', values: { reached: '3', sections: '0' } }).value, undefined);
  });

  it('a value not recorded, an aggregate the caller lacks: no value, and which', () => {
    const missing = work('reached / sections', { weight: '30', values: { reached: '8' }, names: { sections: '断面总个数' } });
    assert.deepEqual(missing.undefined?.span, { start: 10, end: 18 });
    assert.equal(missing.undefined?.reason.en, 'no value of sections (断面总个数) is recorded');
    assert.equal(missing.working['zh-CN'], '8 / sections：无法计算，“断面总个数”没有数值');
    const group = work('gain / best(gain)', { weight: '30', values: { gain: '1' } });
    assert.match(group.undefined!.reason.en, /best\(gain\) has no value/);
  });

  it('functions: min max abs floor ceil round clamp, exactly', () => {
    const at = (source: string) => valueOf(source, { weight: '10' });
    assert.equal(at('min(3, 1.5, 2)'), '1.5');
    assert.equal(at('max(3, 1.5, 2)'), '3');
    assert.equal(at('abs(-2.5)'), '2.5');
    assert.equal(at('floor(-2.5)'), '-3');
    assert.equal(at('ceil(-2.5)'), '-2');
    assert.equal(at('floor(2.5)'), '2');
    assert.equal(at('ceil(2.1)'), '3');
    assert.equal(at('round(2.5)'), '3');
    assert.equal(at('round(-2.5)'), '-3');
    assert.equal(at('round(1.005, 2)'), '1.01');
    assert.equal(at('clamp(12, 0, weight)'), '10');
    assert.equal(at('clamp(-1, 0, weight)'), '0');
    assert.equal(at('clamp(5, 0, weight)'), '5');
  });

  it('the working puts negative figures in parentheses and shows rounded figures with ≈', () => {
    const negative = work('weight − max(0, 90 − rate)', { weight: '20', values: { rate: '-5' } });
    assert.equal(negative.working.en, '20 − max(0, 90 − (−5)) = −75');
    const mean = work('mean(rate) / 3', { weight: '20', aggregates: { 'mean(rate)': '1.23456789' } });
    assert.equal(mean.working.en, '1.234568 / 3 ≈ 0.41');
    // A negative figure shown as 0 is shown as 0, not as a sign alone.
    assert.equal(work('x + 1', { weight: '1', values: { x: '-0.0000001' } }).working.en, '0 + 1 ≈ 1');
    // The working keeps the total's precision.
    assert.equal(work('1 / 3', { weight: '1', places: 4 }).working.en, '1 / 3 ≈ 0.3333');
  });

  it('a figure along the way beyond 1,000 digits has no value: no formula runs for minutes', () => {
    const source = Array.from({ length: 120 }, () => 'a').join(' × ');
    const result = work(source, { weight: '1', values: { a: '999999999' } });
    assert.equal(result.value, undefined);
    assert.equal(result.undefined?.reason.en, 'a figure along the way has more than 1,000 digits');
  });

  it('renders the formula as a scheme prints it, names and weight put in', () => {
    const formula = parseFormula('reached/sections * weight * 80%').formula!;
    const names: Record<string, string> = { reached: '达标断面个数', sections: '断面总个数' };
    const printed = renderFormula(formula, {
      operators: 'scheme',
      substitute: (r) => (r.kind === 'weight' ? '30' : r.kind === 'input' ? names[r.id] : undefined),
    });
    // The author's spacing is kept; only the operators are printed as a scheme prints them.
    assert.equal(printed, '达标断面个数÷断面总个数 × 30 × 80%');
    const spaced = parseFormula('if(a >= b, a − b, best(a) - 1)').formula!;
    assert.equal(
      renderFormula(spaced, { operators: 'scheme', substitute: (r) => (r.kind === 'input' ? `[${r.id}]` : undefined) }),
      'if([a] ≥ [b], [a] − [b], best([a]) − 1)',
    );
  });
});
