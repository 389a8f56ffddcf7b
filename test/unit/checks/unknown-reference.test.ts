import { strict as assert } from 'assert';
import { yaml } from '../../support/yaml-text';
import { expectFindings } from '../../support/expect-findings';

describe('unknown-reference', () => {
  it('underlines a misspelt method and suggests the near spelling', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        methods:
          - {id: review, name: 综合核查}
          - {id: inspection, name: 现地督查}
        indicators:
          - name: 国土绿化
            weight: 100
            methods: [«reveiw», inspection]
        tiers: [{name: t}]
      `,
      'unknown-reference',
    );
    assert.match(finding.message.en, /"reveiw".*did you mean "review"/);
    assert.match(finding.message['zh-CN'], /reveiw.*是否应为“review”/);
  });

  it('underlines a misspelt veto tier and suggests the near spelling', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        veto:
          - {id: major-fire, name: 发生重大森林火灾, tier: «averge»}
        tiers:
          - {id: excellent, name: 优秀}
          - {id: average, name: 一般}
      `,
      'unknown-reference',
    );
    assert.match(finding.message.en, /tier.*did you mean "average"/);
    assert.match(finding.message['zh-CN'], /等次.*“average”/);
  });

  it('lists the known ids when nothing is spelt near', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        veto:
          - {name: 发生重大群体性事件, tier: «poor»}
        tiers:
          - {id: excellent, name: 优秀}
          - {id: average, name: 一般}
      `,
      'unknown-reference',
    );
    assert.match(finding.message.en, /known: excellent \(优秀\), average \(一般\)/);
    assert.match(finding.message['zh-CN'], /已定义：优秀（编号 excellent）、一般（编号 average）/);
  });

  it('says when no method is defined at all', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100, methods: [«review»]}
        tiers: [{name: t}]
      `,
      'unknown-reference',
    );
    assert.match(finding.message.en, /none are defined/);
    assert.match(finding.message['zh-CN'], /尚未定义/);
  });

  it('resolves references to ids that default to the name', () => {
    expectFindings(
      yaml`
        rubric: x
        methods: [{name: 综合核查}]
        indicators:
          - {name: a, weight: 100, methods: [综合核查]}
        veto:
          - {name: 重大火灾, tier: 一般}
        tiers:
          - {name: 优秀}
          - {name: 一般}
      `,
      [],
    );
  });

  it('checks methods on items deep in the tree, where a name does not stand for a written id', () => {
    const [finding] = expectFindings(
      yaml`
        rubric: x
        methods: [{id: review, name: 综合核查}]
        indicators:
          - name: g
            items:
              - name: g1
                items:
                  - {name: a, weight: 100, methods: [review, «综合核查»]}
        tiers: [{name: 优秀}]
      `,
      'unknown-reference',
    );
    assert.match(finding.message.en, /is the name of the method with id "review": refer to it by its id/);
  });
});
