import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('yaml-syntax', () => {
  it('gives no finding for valid YAML', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      [],
    );
  });

  it('underlines a tab used as indentation', () => {
    const [finding] = expectFindings('rubric: x\nindicators:\n«\t»- {name: a, weight: 100}\ntiers: [{name: t}]\n', 'yaml-syntax');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message.en, /Tabs/);
    assert.match(finding.message['zh-CN'], /制表符/);
  });

  it('underlines a value that starts with a reserved character', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        issuer: «@»绛县林长制办公室
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
      `,
      'yaml-syntax',
    );
    assert.match(finding.message['zh-CN'], /请加引号/);
  });

  it('underlines the whole repeated key', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: a
            weight: 100
            «weight»: 90
        tiers: [{name: t}]
      `,
      'yaml-syntax',
    );
    assert.match(finding.message.en, /unique/);
    assert.match(finding.message['zh-CN'], /键重复/);
  });

  it('underlines the unclosed [ to the end of its line when a flow sequence is left open at the end of the file', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers: «[{name: t}»`,
      'yaml-syntax',
    );
  });

  it('the same when the file ends with a line break', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers: «[{name: t}»
      `,
      'yaml-syntax',
    );
  });

  it('underlines the unclosed [ itself, not the next line where the parser notices it', () => {
    expectFindings(
      yaml`
        rubric: x
        methods: [{id: review, name: 综合核查}]
        indicators:
          - name: a
            weight: 100
            methods: «[review»
            scoring: {deduct: 5, per: 每缺少一次规定巡护}
        tiers: [{name: t}]
      `,
      'yaml-syntax',
    );
  });

  it('an unclosed { likewise, said in Chinese too; a [ inside a text or a comment is no bracket', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - name: 完成率[80%
            weight: 100 # [注]
            scoring: «{deduct: 5, per: 每次»
          - {name: b, weight: 0}
        tiers: [{name: t}]
      `,
      'yaml-syntax',
    );
    assert.match(finding.message['zh-CN'], /^花括号 \{ 未闭合/);
  });

  it('keeps findings wholly before the error', () => {
    expectFindings(
      yaml`
        rubric: x
        «indicators»:
          - {name: a, weight: 60}
          - {name: b, weight: 30}
        tiers: [{name: t}]
        issuer: «@»绛县
      `,
      ['weights-sum', 'yaml-syntax'],
    );
  });

  it('holds back findings after the error: that text may be half-typed', () => {
    expectFindings(
      yaml`
        rubric: x
        issuer: «@»绛县
        indicators:
          - {name: a, weight: 60}
          - {name: b, weight: 30}
        tiers: [{name: t}]
      `,
      'yaml-syntax',
    );
  });

  it('holds back a sum over a half-typed flow mapping (`weight: 1` on its way to 10)', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 60}
          - {name: b, weight: 30}
          - «{name: c, weight: 1»
        tiers: [{name: t}]
      `,
      'yaml-syntax',
    );
  });

  it('holds back only within its own document', () => {
    expectFindings(
      yaml`
        rubric: x
        issuer: «@»绛县
        indicators:
          - {name: a, weight: 100}
        tiers: [{name: t}]
        ---
        rubric: y
        «indicators»:
          - {name: a, weight: 60}
          - {name: b, weight: 30}
        tiers: [{name: t}]
      `,
      ['yaml-syntax', 'weights-sum'],
    );
  });
});
