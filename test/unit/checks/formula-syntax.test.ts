import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

/** One measured indicator of 100 points over one input `n` in 0..10, with this formula line. */
function measured(formulaLine: string, inputs = '[{id: n, min: 0, max: 10}]'): string {
  return yaml`
    rubric: x
    indicators:
      - id: a
        name: 甲
        weight: 100
        scoring:
          inputs: ${inputs}
          ${formulaLine}
    tiers: [{name: t}]
  `;
}

describe('formula-syntax', () => {
  it('at the token that cannot follow, in a plain scalar', () => {
    // "n ×× 2": the second × is where a value was expected.
    const [finding] = expectFindings(measured('formula: n ×«×» 2'), 'formula-syntax');
    assert.equal(finding.message.en, 'After "×", a number, an input\'s id, weight, a function or ( was expected, not "×"');
    assert.equal(finding.message['zh-CN'], '“×”之后应为数字、输入项 id、weight、函数或（，而不是“×”');
  });

  it('at the unclosed parenthesis of a double-quoted formula, placed past an escape (\\u00d7 is one character of the value, six of the text)', () => {
    const [finding] = expectFindings(measured('formula: "n \\u00d7 «(»2"'), 'formula-syntax');
    assert.equal(finding.message.en, 'This ( is not closed: ) is missing');
    assert.equal(finding.message['zh-CN'], '这个（没有闭合：缺少）');
  });

  it('at a character no formula has, on the second line of a folded scalar', () => {
    const findings = expectFindings(
      yaml`
        rubric: x
        indicators:
          - id: a
            name: 甲
            weight: 100
            scoring:
              inputs: [{id: n, min: 0, max: 10}]
              formula: >-
                n × 2
                + 3 «@» 4
        tiers: [{name: t}]
      `,
      'formula-syntax',
    );
    assert.match(findings[0].message.en, /^"@" is not part of a formula/);
    assert.match(findings[0].message['zh-CN'], /^“@”不是公式的组成部分/);
  });

  it('unquoted inside { }, a comma cuts the formula: the message says to quote it', () => {
    // `{inputs: [...], formula: weight − max(0, 90 − n)}`: YAML ends the value at the comma, so the
    // formula is `weight − max(0` (the rest is a stray key, which the schema reports).
    const findings = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {id: a, name: 甲, weight: 100, scoring: {inputs: [{id: n}], formula: weight − max«(»0, «90 − n)»}}
        tiers: [{name: t}]
      `,
      ['formula-syntax', 'schema'],
    );
    assert.match(findings[0].message.en, /put it in quotes, formula: '…'/);
    assert.match(findings[0].message['zh-CN'], /请给公式加引号/);
  });

  it('a number beyond what a formula takes (1e400), at the number', () => {
    const [finding] = expectFindings(measured("formula: 'n × «1e400»'"), 'formula-syntax');
    assert.equal(finding.message.en, '1e400 is beyond the numbers a formula takes: at most 1,000,000,000 and 20 decimal places');
    assert.match(finding.message['zh-CN'], /^1e400 超出公式可用的数值范围/);
  });

  it("an input's id with a hyphen, where the formula writes it, once (not again as an unknown name)", () => {
    // The schema says the id cannot be named; the formula says how `a-b` reads.
    const findings = expectFindings(measured('formula: 2 × «a-b»', '[{id: «a-b»}]'), ['schema', 'formula-syntax']);
    assert.match(findings[1].message.en, /^a-b reads as a calculation here: .* \(a_b\)$/);
    assert.match(findings[1].message['zh-CN'], /^a-b 在公式中会被当作算式.*（如 a_b）$/);
  });

  it("an input's id that is a number: the schema says what an id may be, and the formula reads it as the number", () => {
    const findings = expectFindings(measured("formula: '«3» × 2'", "[{id: «'3'»}]"), ['schema', 'formula-syntax']);
    assert.match(findings[0].message.en, /^"3" is not an id a formula can use/);
    assert.match(findings[1].message.en, /^3 is read as the number 3, not as the input 3/);
    assert.match(findings[1].message['zh-CN'], /^3 在公式中是数字 3，而不是输入项 3/);
  });

  it('an id written as a bare number (id: 3) is told what an id may be, not that it is a quota', () => {
    const [finding] = expectFindings(measured('formula: n', '[{id: n}, {id: «3»}]'), 'schema');
    assert.equal(
      finding.message.en,
      '"3" is not an id a formula can use: letters, digits and _, not starting with a digit, and none of weight, the functions\' names, and, or, not',
    );
    assert.match(finding.message['zh-CN'], /^“3”不能作公式中使用的编号/);
  });

  it('a formula that parses is not reported, in any of the ways it may be written', () => {
    expectFindings(measured('formula: n × weight / 10'), []);
    expectFindings(measured("formula: 'if(n >= 5, weight, n ÷ 5 × weight)'"), []);
    expectFindings(measured('formula: "min(n * 10, weight)"'), []);
  });
});
