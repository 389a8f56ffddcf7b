import { strict as assert } from 'assert';
import { analyze, dataOf } from '../support/rubric-core';

/** Messages people meet first: what they say, in both languages (key phrases, not whole strings). */
describe('messages for common slips', () => {
  const only = (text: string) => analyze(text).findings;

  it('names the full-width colon typed with a Chinese input method', () => {
    const [finding] = only('rubric: x\nrounding： half-up\nindicators: [{name: a, weight: 100}]\ntiers: [{name: t}]\n').filter((f) => f.code === 'yaml-syntax');
    assert.match(finding.message.en, /full-width colon/);
    assert.match(finding.message['zh-CN'], /全角冒号/);
  });

  it('says an unclosed quote in Chinese as an unclosed quote', () => {
    const [finding] = only('rubric: "x\nindicators: [{name: a, weight: 100}]\n').filter((f) => f.code === 'yaml-syntax');
    assert.match(finding.message['zh-CN'], /引号未闭合/);
  });

  it('reports only the syntax error, not missing keys, while the text does not parse', () => {
    const findings = only('rubric: x\nindicators:\n  - {name: a, weight: 100\ntiers: [{name: t}]\n');
    assert.deepEqual([...new Set(findings.map((f) => f.code))], ['yaml-syntax']);
  });

  it('tells a tier name used where its id belongs', () => {
    const [finding] = only(
      'rubric: x\nindicators: [{name: a, weight: 100}]\nveto: [{name: v, tier: 不合格}]\ntiers:\n  - {id: pass, name: 合格}\n  - {id: fail, name: 不合格}\n',
    );
    assert.equal(finding.code, 'unknown-reference');
    assert.match(finding.message.en, /"不合格" is the name of the tier with id "fail"/);
    assert.equal(dataOf(finding, 'unknown-reference')?.suggestion, 'fail');
  });

  it('maps 四舍五入 to half-up', () => {
    const [finding] = only('rubric: x\nrounding: 四舍五入\nindicators: [{name: a, weight: 100}]\ntiers: [{name: t}]\n');
    assert.match(finding.message['zh-CN'], /是否应为“half-up”/);
  });

  it('names a full-width percent sign in a quota', () => {
    const [finding] = only('rubric: x\nsubjects: 10\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: t, quota: {max: 30％}}\n  - {name: u}\n');
    assert.match(finding.message['zh-CN'], /半角百分号/);
    assert.equal(dataOf(finding, 'schema')?.suggestion, '30%');
  });

  it('reports a subject listed twice', () => {
    const [finding] = only('rubric: x\nsubjects: [甲镇, 乙镇, 甲镇]\nindicators: [{name: a, weight: 100}]\ntiers: [{name: t}]\n');
    assert.equal(finding.code, 'duplicate-id');
    assert.match(finding.message['zh-CN'], /考核对象“甲镇”重复列出/);
  });

  it('reports a file that holds no rubric', () => {
    for (const text of ['', '# 只有注释\n', '---\n---\n']) {
      const findings = only(text);
      assert.equal(findings.length, 1, JSON.stringify(text));
      assert.match(findings[0].message.en, /holds no rubric yet/);
    }
  });

  it('lists which tiers need how many when quotas overflow', () => {
    const [finding] = only(
      'rubric: x\nsubjects: 8\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: 优秀, quota: {exactly: 5}}\n  - {name: 良好, quota: {exactly: 4}}\n',
    );
    assert.equal(finding.code, 'quota-overflow');
    assert.match(finding.message.en, /need 9 of the 8 subjects \(优秀 5 \+ 良好 4\)/);
  });

  it('gives no rounding advice on a tier whose bounds contradict each other', () => {
    const findings = only('rubric: x\nsubjects: 7\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: t, quota: {min: 30%, max: 20%}}\n  - {name: u}\n');
    assert.deepEqual(
      findings.map((f) => f.code),
      ['quota-conflict'],
    );
  });

  it('gives no rounding advice that breaks the other bound of a tier', () => {
    const findings = only('rubric: x\nsubjects: 10\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: t, quota: {min: 15%, max: 25%}}\n  - {name: u}\n');
    assert.deepEqual(
      findings.map((f) => f.code),
      ['quota-rounding'],
    );
    assert.match(findings[0].message.en, /no rounding keeps both bounds/);
    assert.equal(dataOf(findings[0], 'quota-rounding')?.keeps, undefined);
  });

  it('says how large a cap must be when it rounds to no slot', () => {
    const [finding] = only('rubric: x\nsubjects: 10\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: t, quota: {max: 4%}}\n  - {name: u}\n');
    assert.equal(finding.code, 'quota-empty');
    assert.match(finding.message.en, /a cap of at least 10% \(or a count\) allows one/);
  });

  it('does not suggest renaming a misspelt key to one the mapping already has', () => {
    const findings = only('rubric: x\nindicators: [{name: a, weight: 100, wieght: 100}]\ntiers: [{name: t}]\n');
    assert.equal(findings.length, 1);
    assert.equal(dataOf(findings[0], 'schema')?.suggestion, undefined);
  });
});
