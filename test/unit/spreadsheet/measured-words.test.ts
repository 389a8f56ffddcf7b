import { strict as assert } from 'assert';
import { draftOfText, sampleText } from '../../support/sheets';

/** Every indicator of a draft, depth first. */
function flat(items: { id?: string; name: string; criteria?: string; items: unknown[] }[]): { id?: string; name: string; criteria?: string }[] {
  return items.flatMap((i) => [i, ...flat(i.items as never)]);
}

/**
 * What the 考评表 cannot hold as rules yet is kept in its 评分标准 as words, not dropped: a measured
 * leaf's formula with its inputs, and a deduction whose amount is set within a range.
 */
describe('the 考评表 keeps formulas and ranged deductions as words', () => {
  it("a measured leaf: its formula and its inputs' names and units after the scheme's own criteria", () => {
    const { draft } = draftOfText(sampleText('zhoushan-water-2021'));
    const provincial = flat(draft.indicators as never).find((i) => i.id === 'provincial');
    assert.equal(
      provincial?.criteria?.split('\n')[1],
      '计分公式：if(met = 1, ratio% × weight, ratio% × weight × 0.8)（ratio 省控断面Ⅲ类以上水质比例（%）；met 达到年度任务书要求（是 1，否 0））',
    );
  });

  it('a deduction set within a range, one line per rule', () => {
    const { draft } = draftOfText(sampleText('fire-safety-responsibility'));
    const system = flat(draft.indicators as never).find((i) => i.id === 'system');
    assert.equal(system?.criteria, '制度不完善：视情节扣 5—20 分\n制度不规范：视情节扣 5—10 分');
  });
});
