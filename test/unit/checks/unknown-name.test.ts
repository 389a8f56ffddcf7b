import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { dataOf } from '../../support/rubric-core';
import { expectFindings } from '../../support/expect-findings';

/** The 水十条 ratio and a 满意度 deduction, with one formula to vary. */
function water(formula: string): string {
  return yaml`
    rubric: 水污染防治考核（测试用）
    indicators:
      - id: water
        name: 断面水质达标
        weight: 80
        scoring:
          inputs:
            - {id: reached, name: 达标断面个数, min: 0}
            - {id: sections, name: 断面总个数, min: 1}
          formula: ${formula}
      - id: satisfaction
        name: 群众满意度
        weight: 20
        scoring:
          inputs: [{id: rate, name: 满意度, unit: '%', min: 0, max: 100}]
          formula: 'weight − max(0, 90 − rate) × 1'
    tiers: [{name: 优秀}]
  `;
}

describe('unknown-name', () => {
  it('at a misspelt input, with the near spelling and its name, in both languages', () => {
    const [finding] = expectFindings(water('«reched» / sections × weight × 80%'), 'unknown-name');
    assert.equal(finding.message.en, 'No input of this indicator has the id reched: did you mean reached (达标断面个数)?');
    assert.equal(finding.message['zh-CN'], '本指标没有 id 为“reched”的输入项：是否应为“reached”（达标断面个数）？');
    assert.equal(dataOf(finding, 'unknown-name')?.suggestion, 'reached');
  });

  it("at an input's name written for its id: the id is suggested", () => {
    const [finding] = expectFindings(water('«达标断面个数» / sections × weight'), 'unknown-name');
    assert.equal(finding.message['zh-CN'], '“达标断面个数”是输入项 reached 的名称：公式中须写其 id“reached”');
    assert.equal(dataOf(finding, 'unknown-name')?.suggestion, 'reached');
  });

  it("at another indicator's input, and at an indicator's id: formulas cannot refer to other indicators", () => {
    const [input, indicator] = expectFindings(water("'reached / sections × weight − «rate» + «satisfaction»'"), 'unknown-name');
    assert.equal(
      input.message.en,
      "rate is an input of the indicator satisfaction (群众满意度): a formula uses only its own indicator's inputs and weight (formulas cannot refer to other indicators)",
    );
    assert.match(input.message['zh-CN'], /^rate 是指标“群众满意度”（satisfaction）的输入项/);
    assert.match(indicator.message.en, /^satisfaction is an indicator \(群众满意度\): a formula cannot use an indicator's points/);
    assert.match(indicator.message['zh-CN'], /公式不能引用其他指标/);
  });

  it('at a misspelt weight and inside a group figure, each at its own token, through a double-quoted scalar', () => {
    const findings = expectFindings(water('"reached / best(«sectons») × «wieght»"'), 'unknown-name');
    assert.equal(dataOf(findings[0], 'unknown-name')?.suggestion, 'sections');
    assert.equal(dataOf(findings[1], 'unknown-name')?.suggestion, 'weight');
  });

  it('not for the inputs, weight and functions of the formula itself', () => {
    expectFindings(water("'if(sections = 0, 0, min(weight, reached / sections × weight × 80%))'"), []);
  });
});
