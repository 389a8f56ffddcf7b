import { strict as assert } from 'assert';
import { decimal } from 'rubric-studio-server/out/core/decimal';
import { evaluate, FORMULA_LIMITS, parseFormula, tokenize } from 'rubric-studio-server/out/core/formula';
import { clean, expectProblems } from './marks';

/** The value of a formula that must parse, with these inputs' values and weight 30. */
function value(source: string, values: Record<string, string> = {}): string | undefined {
  const parsed = parseFormula(source);
  assert.deepEqual(
    parsed.problems.map((p) => p.message.en),
    [],
    source,
  );
  const result = evaluate(parsed.formula!, { weight: decimal(30), value: (id) => (values[id] === undefined ? undefined : decimal(values[id])) });
  return result.value?.toFixed();
}

function syntaxOf(source: string, codes: string | readonly string[] = 'formula-syntax') {
  return expectProblems(parseFormula(clean(source)).problems, source, codes);
}

describe('formula language: reading', () => {
  it('binds as arithmetic does: × ÷ before + −, left to right, signs and % tightest', () => {
    assert.equal(value('1 + 2 × 3'), '7');
    assert.equal(value('(1 + 2) × 3'), '9');
    assert.equal(value('10 − 2 − 3'), '5');
    assert.equal(value('12 ÷ 2 ÷ 3'), '2');
    assert.equal(value('-2 × 3'), '-6');
    assert.equal(value('2 × -3'), '-6');
    assert.equal(value('- -2'), '2');
    assert.equal(value('+2'), '2');
    assert.equal(value('50%'), '0.5');
    assert.equal(value('-5%'), '-0.05');
    assert.equal(value('(1 + 1)%'), '0.02');
    assert.equal(value('(50%)%'), '0.005');
    assert.equal(value('rate% × 60', { rate: '87.5' }), '52.5');
  });

  it('reads numbers as written, exactly: 16.4, .5, 5., exponents', () => {
    assert.equal(value('16.4 + 0.1'), '16.5');
    assert.equal(value('.5'), '0.5');
    assert.equal(value('5.'), '5');
    assert.equal(value('1e2'), '100');
    assert.equal(value('2.5E-1'), '0.25');
    assert.equal(value('0.1 + 0.2'), '0.3');
  });

  it('takes every spelling schemes use for an operator, and the full-width forms of an input method', () => {
    assert.equal(value('6 × 2 ÷ 4 − 1'), '2');
    assert.equal(value('6 * 2 / 4 - 1'), '2');
    assert.equal(value('（１＋２）×３'), '9');
    assert.equal(value('max（1，2）＋　1'), '3');
    assert.equal(value('８０％ ＊ １０'), '8');
    for (const [condition, expected] of [
      ['1 ≤ 1', '1'],
      ['1 <= 0', '0'],
      ['2 ≥ 3', '0'],
      ['2 >= 2', '1'],
      ['1 <> 2', '1'],
      ['1 != 1', '0'],
      ['1 ≠ 2', '1'],
      ['1 == 1', '1'],
      ['1 = 2', '0'],
      ['1 ＜ 2', '1'],
      ['1 ＞ 2', '0'],
    ]) {
      assert.equal(value(`if(${condition}, 1, 0)`), expected, condition);
    }
  });

  it('joins conditions with and before or, and not before both', () => {
    // (false and false) or true; read the other way it would be false.
    assert.equal(value('if(1 > 2 and 1 > 2 or 2 > 1, 1, 0)'), '1');
    assert.equal(value('if(2 > 1 or 1 > 2 and 1 > 2, 1, 0)'), '1');
    assert.equal(value('if(not 1 > 2 and 2 > 1, 1, 0)'), '1');
    assert.equal(value('if(not (1 > 2 or 2 > 1), 1, 0)'), '0');
  });

  it('names inputs in any script, digits and _ inside', () => {
    assert.equal(value('达标断面个数 / 断面总个数 × weight × 80%', { 达标断面个数: '8', 断面总个数: '10' }), '19.2');
    assert.equal(value('rate_2 + x1', { rate_2: '1', x1: '2' }), '3');
    assert.equal(value('_a + ｒａｔｅ', { _a: '1', rate: '2' }), '3');
    // A letter beyond the 16-bit range (CJK Extension B) is a letter too.
    assert.equal(value('𠀀 + 1', { '𠀀': '1' }), '2');
  });

  it('lists every name with its span, an aggregate with its input', () => {
    const parsed = parseFormula('if(best(gain) = worst(gain), weight, gain / best(gain))');
    assert.deepEqual(
      parsed.formula!.references.map((r) => [r.kind, r.span.start, r.span.end]),
      [
        ['function', 0, 2],
        ['aggregate', 3, 13],
        ['aggregate', 16, 27],
        ['weight', 29, 35],
        ['input', 37, 41],
        ['aggregate', 44, 54],
      ],
    );
  });

  it('gives tokens even of a formula that does not parse', () => {
    const tokens = tokenize('reached / （sections ×');
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ['name', 'operator', '(', 'name', 'operator', 'end'],
    );
    assert.equal(parseFormula('reached / （sections ×').tokens.length, 6);
  });
});

describe('formula language: formula-syntax at the offending token', () => {
  it('an empty formula', () => {
    const [problem] = syntaxOf('«»');
    assert.match(problem.message.en, /empty/);
  });

  it('a formula that ends where an operand is expected, naming what was expected', () => {
    const [problem] = syntaxOf('reached / sections «×»');
    assert.equal(problem.message.en, 'The formula ends after "×": a number, an input\'s id, weight, a function or ( was expected');
    assert.equal(problem.message['zh-CN'], '公式在“×”之后就结束了：此处应有数字、输入项 id、weight、函数或（');
  });

  it('an operator where an operand is expected', () => {
    syntaxOf('«×» 2');
    const [spreadsheet] = syntaxOf('«=»reached / sections × 30');
    assert.match(spreadsheet.message.en, /Leave out the "=" a spreadsheet formula starts with/);
    const [problem] = syntaxOf('1 + «)»');
    assert.match(problem.message.en, /After "\+", a number, .* was expected, not "\)"/);
    syntaxOf('max(1, «)»');
  });

  it('a ( never closed, and a ) that closes nothing', () => {
    syntaxOf('«(»1 + 2');
    syntaxOf('max«（»1, 2');
    syntaxOf('1 + 2«)»');
    syntaxOf('(1 + 2«]»', 'formula-syntax');
  });

  it('two operands with no operator between them', () => {
    const [problem] = syntaxOf('reached «sections»');
    assert.match(problem.message.en, /An operator .* was expected here, not "sections"/);
    syntaxOf('(1 + 2) «3»');
  });

  it('a unit typed after a number, as schemes print "30分"', () => {
    const [problem] = syntaxOf('reached / sections × 30«分»');
    assert.match(problem.message['zh-CN'], /公式中不写单位/);
  });

  it('numbers beyond what a formula takes: 1e400, 1e-400, two thousand million, 21 places', () => {
    const [problem] = syntaxOf('«1e400» + 1');
    assert.match(problem.message.en, /1e400 is beyond the numbers a formula takes/);
    syntaxOf('«1e-400»');
    syntaxOf('«2000000000»');
    syntaxOf('«0.000000000000000000001»');
    syntaxOf('«1e99999999999999999999»');
    syntaxOf('«1e400» + «1e401»');
  });

  it('characters no formula has, each with what to write instead', () => {
    const cases: [string, RegExp][] = [
      ['rate«^»2', /power/],
      ['rate«**»2', /power/],
      ['«"»a"', /quotes/],
      ['a«.»b', /inside a number/],
      ['max(a«;» b)', /separated by ","/],
      ['max(a«、» b)', /separated by ","/],
      ['a «&&» b', /and, or, not/],
      ['a «||» b', /and, or, not/],
      ['«!»a', /and, or, not/],
      ['a «[»1]', /only \( \) group/],
      ['5 «—» 1', /dash/],
      ['«$»1', /not part of a formula/],
      ['1 + «😀»', /not part of a formula/],
    ];
    for (const [source, message] of cases) {
      const [problem] = syntaxOf(source);
      assert.match(problem.message.en, message, source);
    }
  });

  it('a comparison, and, or, not outside a condition: at the operator', () => {
    const [problem] = syntaxOf('people «<=» 5000');
    assert.match(problem.message.en, /only be the condition of if/);
    syntaxOf('1 + (2 > 1 «and» 3 > 1)');
    syntaxOf('1 + «not» 2 > 1');
    syntaxOf('max(1 «=» 1, 2)');
  });

  it('a number where a condition belongs: at the number', () => {
    const [problem] = syntaxOf('if(«rate», 1, 2)');
    assert.match(problem.message.en, /A condition was expected here/);
    syntaxOf('if(rate > 1 and «2», 1, 2)');
    syntaxOf('if(not «rate», 1, 2)');
  });

  it('comparisons written in a chain', () => {
    const [problem] = syntaxOf('if(1 < 2 «<» 3, 1, 0)');
    assert.match(problem.message.en, /write a < b and b < c/);
  });

  it("a function's argument count: at its name when too few, at the extra ones when too many", () => {
    const [few] = syntaxOf('«if»(rate > 1, 2)');
    assert.equal(few.message.en, 'if takes 3 arguments: if(condition, then, else); 2 given');
    const [many] = syntaxOf('abs(1, «2, 3»)');
    assert.match(many.message.en, /abs takes 1 argument: abs\(x\); these are too many/);
    assert.match(syntaxOf('abs(1, «2»)')[0].message.en, /this is one too many/);
    const [one] = syntaxOf('«max»(rate)');
    assert.match(one.message.en, /for the group's highest rate, write best\(rate\)/);
    syntaxOf('«min»()');
    syntaxOf('clamp(1, 2, 3, «4»)');
    syntaxOf('«best»()');
    syntaxOf('round(1, 2, «3»)');
  });

  it("best, worst and mean take an input's id, nothing else", () => {
    syntaxOf('best(«rate + 1»)');
    syntaxOf('worst(«2»)');
    syntaxOf('mean(«weight»)');
  });

  it("round's places are a whole number from 0 to 20, written as it is", () => {
    syntaxOf('round(rate, «2.5»)');
    syntaxOf('round(rate, «21»)');
    syntaxOf('round(rate, «-1»)');
    syntaxOf('round(rate, «places»)');
    assert.equal(value('round(2.345, 2)'), '2.35');
    assert.equal(value('round(-2.5)'), '-3');
  });

  it('a function named without its arguments, weight called as a function', () => {
    const [bare] = syntaxOf('«max» + 1');
    assert.match(bare.message.en, /max is a function: write max\(a, b, …\) \(an input cannot be named max in a formula\)/);
    syntaxOf('«if»');
    syntaxOf('«weight»(2)');
  });

  it('a keyword where an operand belongs', () => {
    syntaxOf('«and» + 1');
    syntaxOf('1 + «or»');
  });

  it('one % per operand', () => {
    syntaxOf('5%«%»');
  });

  it('every independent problem of a formula that reads whole, in text order', () => {
    syntaxOf('«1e400» + «max»(1) + abs(1, «2»)');
  });
});

describe('formula language: hostile text, a finding and never a hang', () => {
  it(`nesting beyond ${FORMULA_LIMITS.depth} levels: at the first ( too deep`, () => {
    const depth = FORMULA_LIMITS.depth;
    syntaxOf(`${'('.repeat(depth)}«(»${'1'}${')'.repeat(depth + 1)}`);
    syntaxOf(`${'-'.repeat(depth)}«-»1`);
    syntaxOf(`${'abs('.repeat(depth)}«abs»(1${')'.repeat(depth + 1)}`);
    // Exactly the limit reads, whatever is inside: operators do not count as nesting.
    assert.equal(value(`${'('.repeat(depth)}1 + 2 × 3${')'.repeat(depth)}`), '7');
    assert.equal(value(`${'if(a > 1, '.repeat(depth)}1${', 2 × a)'.repeat(depth)}`, { a: '2' }), '1');
  });

  it('10,000 nested parentheses and a 1 MB formula: past the length a formula may have', () => {
    const nested = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    const [problem] = expectProblems(parseFormula(nested).problems, `${nested.slice(0, 4000)}«${nested.slice(4000)}»`, 'formula-syntax');
    assert.equal(problem.message.en, 'A formula is at most 4,000 characters; this one has 20,001');
    const huge = 'reached + '.repeat(104_858);
    expectProblems(parseFormula(huge).problems, `${huge.slice(0, 4000)}«${huge.slice(4000)}»`, 'formula-syntax');
  });

  it('the longest formula of the deepest shapes reads and works out', () => {
    const chain = '1+'.repeat(1999) + '1';
    assert.equal(chain.length, 3999);
    assert.equal(value(chain), '2000');
    assert.equal(value('10-'.repeat(1333) + '1'), String(10 - 10 * 1332 - 1));
    assert.equal(value('1/'.repeat(1999) + '1'), '1');
  });
});
