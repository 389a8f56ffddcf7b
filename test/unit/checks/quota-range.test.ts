import { strict as assert } from 'assert';
import { analyze } from '../../support/rubric-core';
import { yaml } from '../../support/yaml-text';
import { codeActions } from 'rubric-studio-server';
import { expectFindings } from '../../support/expect-findings';

describe('quota-range', () => {
  it('says nothing when subjects are given: the other quota checks speak for that N', () => {
    expectFindings(
      yaml`
        rubric: x
        subjects: 10
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {min: 20%}}
          - {name: B}
      `,
      [],
    );
  });

  it('says nothing about a rule that holds at every size: exactly 30% rounded half-up is never empty from 5 on', () => {
    // 30% of 5 = 1.5 → 2, and more from there: never 0; `exactly` has no cap or floor to break.
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 30%}}
          - {name: B}
      `,
      [],
    );
  });

  it('leaves percentages above 100% to quota-overflow, and a value the schema rejects to the schema', () => {
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {exactly: 60%}}
          - {name: B, quota: {min: «50%»}}
          - {name: C}
      `,
      'quota-overflow',
    );
    expectFindings(
      yaml`
        rubric: x
        indicators:
          - {name: a, weight: 100}
        tiers:
          - {name: A, quota: {max: «30 %»}}
          - {name: B}
      `,
      'schema',
    );
  });

  it('offers the rounding that keeps the rule at every size, and applied it is silent', () => {
    const text = yaml`
      rubric: x
      indicators:
        - {name: a, weight: 100}
      tiers:
        - {name: A, quota: {max: 30%}}
        - {name: B}
    `;
    const analysis = analyze(text);
    const [fix] = codeActions(analysis, analysis.findings, 'en');
    assert.ok(fix, 'a quick fix');
    const edit = fix.edits[0];
    const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    assert.match(fixed, /max: 30%, rounding: floor/);
    expectFindings(fixed, []);
  });

  it('offers rubric-wide largest-remainder where every share is fixed and they add up to 100%', () => {
    const text = yaml`
      rubric: x
      indicators:
        - {name: a, weight: 100}
      tiers:
        - {name: A, quota: {exactly: 25%}}
        - {name: B, quota: {exactly: 65%}}
        - {name: C, quota: {exactly: 10%}}
    `;
    const analysis = analyze(text);
    const [fix] = codeActions(analysis, analysis.findings, 'en');
    assert.match(fix.title, /largest-remainder/);
    const edit = fix.edits[0];
    expectFindings(text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end), []);
  });
});
