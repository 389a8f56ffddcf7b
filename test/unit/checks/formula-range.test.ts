import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

/** One indicator of 30 points (and a filler of 70), with its inputs and formula. */
function thirty(inputs: string, formula: string): string {
  return yaml`
    rubric: x
    indicators:
      - id: a
        name: 甲
        weight: 30
        scoring:
          inputs: ${inputs}
          formula: ${formula}
      - {id: b, name: 乙, weight: 70}
    tiers: [{name: t}]
  `;
}

describe('formula-range', () => {
  it('a formula that can give more than its weight, at the whole formula, naming the inputs that reach it', () => {
    // 36 − rate × 0.1 over rate in 0..100 is 26..36: 36 at rate 0, above the weight 30.
    const [finding] = expectFindings(thirty('[{id: rate, min: 0, max: 100}]', '«36 − rate × 0.1»'), 'formula-range');
    assert.equal(finding.message.en, 'The formula can give 36 points, more than the weight 30, when rate is 0 (a total counts at most 30)');
    assert.equal(finding.message['zh-CN'], '当“rate”为 0 时，公式得 36 分，超过本指标分值 30（计入总分时以 30 分为限）');
  });

  it('exactly the weight at its most is not reported (35 − rate × 0.05 over 100..200 is 25..30)', () => {
    expectFindings(thirty('[{id: rate, min: 100, max: 200}]', '35 − rate × 0.05'), []);
  });

  it('above the weight is reported only when every input it uses is bounded both ways', () => {
    expectFindings(thirty('[{id: rate, min: 0}]', '36 − rate × 0.1'), []);
    expectFindings(thirty('[{id: rate, max: 100}]', '36 − rate × 0.1'), []);
  });

  it('below the floor is never reported (扣完为止): 10 − (100 − rate) × 5 can be −490', () => {
    expectFindings(thirty('[{id: rate, min: 0, max: 100}]', '10 − (100 − rate) × 5'), []);
  });

  it('a divisor whose interval holds 0, at the divisor: an input with min 0 (reached has no max, so the size is not said)', () => {
    const [finding] = expectFindings(
      thirty('[{id: reached, min: 0}, {id: sections, name: 断面总个数, min: 0, max: 20}]', 'reached / «sections» × weight × 80%'),
      'formula-range',
    );
    assert.equal(
      finding.message.en,
      'The formula divides by zero when sections (断面总个数) is 0 (give `sections` a `min` above 0, or say what it gives then: `if(sections = 0, …, …)`)',
    );
    assert.equal(finding.message['zh-CN'], '当断面总个数为 0 时，公式除以零（可为 `sections` 设大于 0 的 `min`，或写明此时的得分：`if(sections = 0, …, …)`）');
  });

  it('an input without a min is unbounded below, so its interval holds 0', () => {
    expectFindings(thirty('[{id: reached, min: 0}, {id: sections}]', 'reached / «sections»'), 'formula-range');
  });

  it("a division by the group's best − worst, at the divisor, unless an if(best(x) = worst(x), …) rules it out", () => {
    const [finding] = expectFindings(thirty('[{id: gain}]', "'(gain − worst(gain)) / («best(gain) − worst(gain)») × weight'"), 'formula-range');
    assert.match(finding.message.en, /^The formula can divide by zero: best\(gain\) − worst\(gain\) is 0/);
    assert.match(finding.message['zh-CN'], /^公式可能除以零/);
    expectFindings(
      thirty('[{id: gain}]', "'if(best(gain) = worst(gain), weight, 60% × weight + (gain − worst(gain)) / (best(gain) − worst(gain)) × 40% × weight)'"),
      [],
    );
  });

  it('a divisor ruled out by if(sections = 0, …) is not reported, nor is sections with min 1', () => {
    expectFindings(
      thirty('[{id: reached, min: 0, max: 20}, {id: sections, min: 0, max: 20}]', "'if(sections = 0, 0, min(weight, reached / sections × weight))'"),
      [],
    );
    expectFindings(thirty('[{id: reached, min: 0}, {id: sections, min: 1}]', 'reached / sections × weight × 80%'), []);
  });

  it('on the own scale of a leaf with out_of: above 100 of a leaf scored out of 100 at weight 30', () => {
    const text = yaml`
      rubric: x
      indicators:
        - id: a
          name: 述职
          weight: 30
          out_of: 100
          scoring:
            inputs: [{id: votes, min: 0, max: 100}]
            formula: «votes × 1.2»
        - {id: b, name: 乙, weight: 70}
      tiers: [{name: t}]
    `;
    const [finding] = expectFindings(text, 'formula-range');
    // 100 × 1.2 = 120 > 100 (the leaf's own scale, not its weight 30).
    assert.match(finding.message.en, /can give 120 points, more than the weight 100, when votes is 100/);
    // 80 × 1.2 = 96 ≤ 100: fine on its own scale, though above the weight 30.
    expectFindings(text.replace('max: 100', 'max: 80').replace('«', '').replace('»', ''), []);
  });

  it('a whole-number input counts only whole values: n × 10 over 0.5..3.5 is 10..30 with integer, up to 35 without', () => {
    expectFindings(thirty('[{id: n, min: 0.5, max: 3.5, integer: true}]', 'n × 10'), []);
    const [finding] = expectFindings(thirty('[{id: n, min: 0.5, max: 3.5}]', '«n × 10»'), 'formula-range');
    assert.match(finding.message.en, /^The formula can give 35 points, more than the weight 30, when n is 3\.5/);
  });
});
