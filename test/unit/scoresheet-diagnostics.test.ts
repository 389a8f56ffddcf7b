import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Finding, RubricLookup } from 'rubric-studio-server';
import { core, located, marked } from '../support/rubric-core';
import { analyzeSample, rubricLookup, SAMPLES } from '../support/scoresheet';
import { yaml } from '../support/yaml-text';

const RUBRIC = yaml`
  rubric: 林长制考评表（测试用）
  subjects: [古绛镇, 横水镇]
  indicators:
    - id: greening
      name: 国土绿化
      items:
        - {id: afforestation, name: 年度营造林任务完成, weight: 15, scoring: {levels: [{points: 15}, {points: 12}, {points: 8}, {points: 0}]}}
        - {id: logging, name: 林木采伐监管, weight: 12, scoring: {deduct: 2, per: 每起}}
    - id: river
      name: 河道保洁
      weight: 6
      scoring:
        deduct:
          - {id: litter, points: 0.5, per: 每处垃圾, max: 4}
          - {id: no-record, points: 2, when: 未建立巡河台账}
    - {id: appraisal, name: 民主测评, weight: 67}
  bonus: {cap: 5, items: [{id: award, name: 表彰, points: 3}, {id: early, name: 提前, points: 1, per: 天}]}
  penalties: {cap: 10, items: [{id: complaint, name: 投诉, points: 1, per: 次}]}
  veto: [{id: major-fire, name: 重大火灾, tier: average}]
  tiers: [{id: excellent, name: 优秀}, {id: average, name: 一般}]
`;

/**
 * The sheet's findings are exactly the `«…»` marked ranges with these codes (one code for all,
 * or one per mark); returns them for a look at the messages.
 */
function expectSheet(source: string, codes: string | readonly string[], lookup: (p: string) => RubricLookup = rubricLookup(RUBRIC).lookup): Finding[] {
  const { text, ranges } = marked(source);
  const analysis = core().analyzeScoresheet(text, lookup);
  const expected = ranges.map((range, i) => ({ code: typeof codes === 'string' ? codes : codes[i], range }));
  assert.deepEqual(located(analysis as never, analysis.findings), expected);
  for (const finding of analysis.findings) {
    assert.ok(finding.message.en.length > 0 && /[\u4e00-\u9fff]/.test(finding.message['zh-CN']), `${finding.code} in both languages`);
    assert.notEqual(finding.message.en, finding.message['zh-CN']);
  }
  return analysis.findings;
}

/** Both subjects fully scored, so a test sees only the finding it is about. */
const OTHER = '  - {subject: 横水镇, points: {afforestation: 12, appraisal: 60}}';

describe('scoresheet diagnostics', () => {
  describe('rubric-not-found', () => {
    it('at the path, saying why the host could not read it', () => {
      const lookup = (): RubricLookup => ({ found: false, reason: { en: 'it is outside the workspace', 'zh-CN': '该文件不在工作区内' } });
      const [finding] = expectSheet(['rubric: «../../etc/x.rubric.yaml»', 'scores:', OTHER].join('\n'), 'rubric-not-found', lookup);
      assert.equal(finding.message.en, 'The rubric "../../etc/x.rubric.yaml" cannot be read: it is outside the workspace');
      assert.equal(finding.message['zh-CN'], '无法读取考核细则“../../etc/x.rubric.yaml”：该文件不在工作区内');
    });

    it('at the first key when no rubric is named, at the key when its value is empty; the lookup is not called', () => {
      const { lookup, calls } = rubricLookup(RUBRIC);
      expectSheet(['«scores»:', OTHER].join('\n'), 'rubric-not-found', lookup);
      expectSheet(['«rubric»:', 'scores:', OTHER].join('\n'), 'rubric-not-found', lookup);
      assert.deepEqual(calls, []);
    });

    it('asks the host once, with the path as written', () => {
      const { lookup, calls } = rubricLookup(RUBRIC);
      core().analyzeScoresheet(['rubric: ./a/b.rubric.yaml', 'scores:', OTHER, OTHER.replace('横水镇', '古绛镇')].join('\n'), lookup);
      assert.deepEqual(calls, ['./a/b.rubric.yaml']);
    });
  });

  describe('score-out-of-range', () => {
    it('points above the weight or below 0, negative or broken cases, a bonus above its item, a view above the total', () => {
      const findings = expectSheet(
        yaml`
          rubric: r.rubric.yaml
          scores:
            - subject: 古绛镇
              points: {afforestation: «16», appraisal: «-1»}
              deductions: {logging: «-1», river: {litter: «2.5»}}
              bonus: {award: «4», early: «-2»}
              penalties: {complaint: «1.5»}
          ${OTHER}
        `,
        'score-out-of-range',
      );
      assert.deepEqual(
        findings.map((f) => f.message.en),
        [
          '古绛镇: 16 is above the weight of "年度营造林任务完成" (15)',
          '古绛镇: Points cannot be below 0 (-1)',
          '古绛镇: Cases cannot be negative (-1)',
          '古绛镇: Cases are counted in whole numbers, not 2.5',
          '古绛镇: 4 is above the 3 points of the bonus item "表彰"',
          '古绛镇: Cases cannot be negative (-2)',
          '古绛镇: Cases are counted in whole numbers, not 1.5',
        ],
      );
      assert.equal(findings[0].message['zh-CN'], '古绛镇：16 超过“年度营造林任务完成”的分值 15');
    });

    it("under a composite group, against the leaf's weight on its own sheet", () => {
      const rubric = yaml`
        rubric: x
        indicators:
          - {id: work, name: 工作实绩, weight: 70, out_of: 100, items: [{id: social, name: 社会发展, weight: 100}]}
          - {id: appraisal, name: 民主测评, weight: 30}
      `;
      const [finding] = expectSheet(
        yaml`
          rubric: r.rubric.yaml
          scores:
            - {subject: 甲, points: {social: «101», appraisal: 30}}
        `,
        'score-out-of-range',
        rubricLookup(rubric).lookup,
      );
      assert.equal(finding.message.en, '甲: 101 is above the weight of "社会发展" (100 on its own sheet)');
    });
  });

  it('score-not-a-level: points that are none of the levels, with the levels listed', () => {
    const [finding] = expectSheet(
      ['rubric: r.rubric.yaml', 'scores:', '  - {subject: 古绛镇, points: {afforestation: «13», appraisal: 60}}', OTHER].join('\n'),
      'score-not-a-level',
    );
    assert.equal(finding.message.en, '古绛镇: 13 is none of the levels of "年度营造林任务完成": 15, 12, 8, 0');
    assert.equal(finding.message['zh-CN'], '古绛镇：13 不是“年度营造林任务完成”的评分档次：15、12、8、0');
  });

  it('unknown-indicator: unknown and group ids under points, deduction leaves and rules, bonus, penalty and veto ids, tie-break', () => {
    const findings = expectSheet(
      yaml`
        rubric: r.rubric.yaml
        tie-break: [«fier»]
        scores:
          - subject: 古绛镇
            points: {afforestation: 15, appraisal: 60, «aforestation»: 15, «greening»: 27}
            deductions: {«afforestation»: 1, river: {«liter»: 1}, logging: {«x»: 1}}
            bonus: {«awrd»: 3}
            penalties: {«late»: 1}
            veto: [«major-fir»]
          - subject: 横水镇
            points: {afforestation: 12, appraisal: 60}
            deductions: {«river»: 2}
      `,
      'unknown-indicator',
    );
    assert.deepEqual(
      findings.map((f) => f.message.en),
      [
        'No indicator "fier" in the rubric; the rubric has 国土绿化 (id greening), 年度营造林任务完成 (id afforestation), 林木采伐监管 (id logging), 河道保洁 (id river), 民主测评 (id appraisal)',
        '古绛镇: No indicator "aforestation" in the rubric: did you mean "afforestation"?',
        '古绛镇: "国土绿化" is a group: score its items instead: 年度营造林任务完成 (id afforestation), 林木采伐监管 (id logging)',
        '古绛镇: "年度营造林任务完成" is not scored by deduction: write its points under points',
        '古绛镇: No deduction rule "liter" in the rubric: did you mean "litter"?',
        '古绛镇: "林木采伐监管" has a single deduction rule: write the cases as logging: N',
        '古绛镇: No bonus item "awrd" in the rubric: did you mean "award"?',
        '古绛镇: No penalty item "late" in the rubric; the rubric has 投诉 (id complaint)',
        '古绛镇: No veto "major-fir" in the rubric: did you mean "major-fire"?',
        '横水镇: "河道保洁" has several deduction rules: name the rule, as in river: {litter: N}',
      ],
    );
    assert.equal(findings[1].message['zh-CN'], '古绛镇：考核细则中没有指标“aforestation”：是否应为“afforestation”？');
  });

  it('unknown-indicator: a rater group the rubric does not have, and an unknown leaf in its points', () => {
    const raters = yaml`
      rubric: x
      raters: [{id: self, name: 大学生说, weight: 50}, {id: cadres, name: 干部评, weight: 50}]
      indicators: [{id: a, name: a, weight: 100}]
    `;
    const findings = expectSheet(
      ['rubric: r.rubric.yaml', 'scores:', '  - {subject: 甲, by: {self: 90, cadres: {a: 80, «xyz»: 1}, «cadre»: 85}}'].join('\n'),
      'unknown-indicator',
      rubricLookup(raters).lookup,
    );
    assert.deepEqual(
      findings.map((f) => f.message.en),
      ['甲: No indicator "xyz" in the rubric; the rubric has a', '甲: No rater group "cadre" in the rubric: did you mean "cadres"?'],
    );
  });

  it('missing-score: a leaf unscored at the subject, a subject of the rubric not scored at scores:', () => {
    const findings = expectSheet(
      yaml`
        rubric: r.rubric.yaml
        «scores»:
          - subject: «古绛镇»
            points: {afforestation: 15, appraisal: }
      `,
      'missing-score',
    );
    assert.deepEqual(
      findings.map((f) => f.message.en),
      ['Subjects of the rubric not scored: 横水镇', '古绛镇: no score yet for "民主测评"; its total is not known'],
    );
    // Deductions alone never make a score missing: 林木采伐监管 and 河道保洁 keep their weight.
    assert.ok(!findings[1].message.en.includes('logging'));
  });

  it('unknown-subject: a name not in the rubric, with the near spelling', () => {
    const [finding] = expectSheet(
      [
        'rubric: r.rubric.yaml',
        'scores:',
        '  - {subject: 古绛镇, points: {afforestation: 12, appraisal: 60}}',
        OTHER,
        '  - {subject: «古绛填», points: {afforestation: 12, appraisal: 60}}',
      ].join('\n'),
      'unknown-subject',
    );
    assert.equal(finding.message.en, '"古绛填" is not a subject of the rubric: did you mean "古绛镇"?');
    assert.equal(finding.message['zh-CN'], '“古绛填”不是考核细则中的考核对象：是否应为“古绛镇”？');
  });

  it('duplicate-id: a subject scored twice, at the second', () => {
    const [finding] = expectSheet(
      ['rubric: r.rubric.yaml', 'scores:', OTHER, OTHER.replace('横水镇', '古绛镇'), OTHER.replace('横水镇', '«横水镇»')].join('\n'),
      'duplicate-id',
    );
    assert.equal(finding.message.en, '"横水镇" is scored twice (first at line 3): this entry is not ranked');
  });

  it('schema: unknown keys with the near spelling, wrong types, points beside by; yaml-syntax', () => {
    const findings = expectSheet(
      yaml`
        rubric: r.rubric.yaml
        ties: «flg»
        scores:
          - subject: 古绛镇
            «pionts»: {afforestation: 15}
          - subject: 横水镇
            points: {afforestation: «十二», appraisal: 60}
      `,
      ['schema', 'schema', 'schema'],
    );
    assert.match(findings[0].message.en, /"flg" is not allowed for ties .*did you mean "flag"\?/);
    assert.equal(findings[1].message.en, 'Unknown key "pionts": did you mean "points"?');
    assert.match(findings[2].message.en, /must be a number or empty, not the text "十二" \(write it in digits\)/);
    const raters = yaml`
      rubric: x
      raters: [{id: self, name: 大学生说, weight: 100}]
      indicators: [{id: a, name: a, weight: 100}]
    `;
    expectSheet(['rubric: r.rubric.yaml', 'scores:', '  - {subject: 甲, «points»: {a: 90}, by: {self: 90}}'].join('\n'), 'schema', rubricLookup(raters).lookup);
    expectSheet(['rubric: r.rubric.yaml', 'scores:', OTHER, OTHER.replace('横水镇', '古绛镇'), 'ties: «[flag»'].join('\n'), 'yaml-syntax');
  });

  it('a rubric-ignore comment silences a finding on the next line', () => {
    expectSheet(
      [
        'rubric: r.rubric.yaml',
        'scores:',
        '  # rubric-ignore score-not-a-level',
        '  - {subject: 古绛镇, points: {afforestation: 13, appraisal: 60}}',
        OTHER,
      ].join('\n'),
      [],
    );
  });
});

/** Offsets at which a prefix of the text is cut: every line end (before and after the break). */
function cutPoints(text: string): number[] {
  const cuts = new Set<number>([0, text.length]);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') [i, i + 1].forEach((c) => cuts.add(c));
  return [...cuts].sort((a, b) => a - b);
}

describe('scoresheet samples, broken and half-typed', () => {
  const broken = fs.readdirSync(path.join(SAMPLES, 'broken')).filter((name) => name.endsWith('.scores.yaml'));

  it('has a broken scoresheet for every scoresheet code', () => {
    assert.deepEqual(broken.map((name) => name.replace('.scores.yaml', '')).sort(), [
      'formula-undefined',
      'input-out-of-range',
      'missing-input',
      'missing-score',
      'round-rubric-differs',
      'rubric-not-found',
      'score-not-a-level',
      'score-out-of-range',
      'scoresheet-loop',
      'scoresheet-not-found',
      'tie-at-boundary',
      'unknown-indicator',
      'unknown-subject',
    ]);
  });

  for (const name of broken) {
    const code = name.replace('.scores.yaml', '');
    it(`broken/${name} gives ${code} and nothing else`, () => {
      const findings = analyzeSample(path.join('broken', name)).findings;
      assert.ok(findings.length > 0);
      assert.deepEqual(
        findings.filter((f) => f.code !== code).map((f) => `${f.code}: ${f.message.en}`),
        [],
      );
    });
  }

  const sheets = [...fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.scores.yaml')), ...broken.map((n) => path.join('broken', n))];
  for (const name of sheets) {
    it(`${name}: never throws, spans inside the text, cut at every line`, function () {
      this.timeout(120_000);
      const file = path.join(SAMPLES, name);
      const text = fs.readFileSync(file, 'utf8');
      const rubric = /^rubric: (.*)$/m.exec(text)![1].trim();
      const target = path.resolve(path.dirname(file), rubric);
      const lookup = rubricLookup(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : RUBRIC).lookup;
      for (const cut of cutPoints(text)) {
        const prefix = text.slice(0, cut);
        let findings: Finding[];
        try {
          findings = core().analyzeScoresheet(prefix, lookup).findings;
        } catch (error) {
          assert.fail(`threw on the first ${cut} characters: ${(error as Error).stack}`);
        }
        for (const f of findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= prefix.length, `${f.code} outside at ${cut}`);
      }
    });
  }
});
