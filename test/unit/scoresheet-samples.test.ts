import { strict as assert } from 'assert';
import { analyzeSample, exact, subjectNamed, table } from '../support/scoresheet';

/**
 * The sample scoresheets, worked by hand. The forest scheme is the seed's 绛县 appraisal of 10
 * townships (优秀 exactly 30%, 一般 exactly 20% → 3 / 5 / 2); the graduates scheme its 到村工作大学生
 * appraisal (大学生说 20% + 干部评 40% + 群众议 40%, 优秀 at least 20% and 90 points). The scores are
 * examples (the newspaper published none); the arithmetic below is done by hand from them.
 */
describe('scoresheet samples', () => {
  describe('forest-chief-2022.scores.yaml (10 townships, one vetoed, one tie at the 优秀 boundary)', () => {
    const analysis = analyzeSample('forest-chief-2022.scores.yaml');

    it('adds each township up, deductions from full weight, bonus on top', () => {
      // Leaves: afforestation 15, village-greening 8, land-use 8, logging 12 (−2 per case), fire 22,
      // fire-duty 3 (−1 per case), pests 13, quarantine 1.5 (−0.5 per case), mechanism 14, rangers 3.5.
      // 古绛镇 15+8+8+12+22+3+13+(1.5−0.5)+10+3.5 = 95.5
      // 横水镇 12+8+8+12+22+3+13+1.5+10+1.5 = 91, + bonus publicity 1 = 92
      // 卫庄镇 15+5+8+(12−2)+15+3+13+1.5+14+3.5 = 88
      // 陈村镇 12+8+5+12+22+(3−2)+9+1.5+10+3.5 = 84, + bonus innovation 3 + publicity 1 = 88
      // 南樊镇 12+5+8+12+22+3+9+1.5+10+1.5 = 84
      // 安峪镇 12+5+5+(12−4)+22+3+9+1.5+10+3.5 = 79
      // 郝庄乡 8+5+5+12+15+3+9+(1.5−0.5)+14+1.5 = 73.5
      // 大交镇 12+2+5+12+15+3+9+1.5+10+1.5 = 71
      // 冷口乡 8+2+2+(12−6)+22+3+9+1.5+10+1.5 = 65
      // 么里镇 15+8+8+12+8+3+13+1.5+14+3.5 = 86 (vetoed: major-fire)
      // Ranks by total: 95.5, 92, 88, 88, 86, 84, … → 1, 2, 3, 3, 5, 6, 7, 8, 9, 10.
      // Tiers: 么里镇 is forced to 一般 (tier 2) and takes one of its 2 slots. 优秀 takes 3 of those
      // reaching 85: 古绛镇, 横水镇, and of the tied 卫庄镇 / 陈村镇 the first in the file (flag).
      // 良好 (no quota, min 70) takes what 一般 does not reserve: 6 left − (2 − 1) = 5, all ≥ 70
      // (冷口乡's 65 is not). 一般: 冷口乡 + 么里镇.
      assert.deepEqual(table(analysis), {
        古绛镇: ['95.5', 1, 0],
        横水镇: ['92', 2, 0],
        卫庄镇: ['88', 3, 0],
        陈村镇: ['88', 3, 1],
        南樊镇: ['84', 6, 1],
        安峪镇: ['79', 7, 1],
        郝庄乡: ['73.5', 8, 1],
        大交镇: ['71', 9, 1],
        冷口乡: ['65', 10, 2],
        么里镇: ['86', 5, 2],
      });
    });

    it('counts 3 / 5 / 2 against the quota of 3 / 5 / 2', () => {
      assert.equal(analysis.groups.length, 1);
      assert.deepEqual(
        analysis.groups[0].counts.map((c) => [c.count, c.min, c.max]),
        [
          [3, 3, 3],
          [5, 5, 5],
          [2, 2, 2],
        ],
      );
    });

    it('marks the veto and the tie, and warns of the tie at both names only', () => {
      assert.deepEqual(subjectNamed(analysis, '么里镇').vetoes, ['major-fire']);
      assert.deepEqual(
        analysis.subjects.filter((s) => s.tiedAtBoundary).map((s) => s.subject),
        ['卫庄镇', '陈村镇'],
      );
      const findings = analysis.findings.map((f) => [f.code, analysis.source.text.slice(f.span.start, f.span.end)]);
      assert.deepEqual(findings, [
        ['tie-at-boundary', '卫庄镇'],
        ['tie-at-boundary', '陈村镇'],
      ]);
      assert.match(analysis.findings[1].message.en, /陈村镇 ties with 卫庄镇 at 88 .*file order leaves it out of 优秀/);
      assert.match(analysis.findings[1].message['zh-CN'], /陈村镇与卫庄镇同为 88 分.*按文件顺序未评为优秀/);
    });

    it('gives margins against everyone else', () => {
      const margin = (name: string) => {
        const m = subjectNamed(analysis, name).margin;
        return [exact(m.up), exact(m.down)];
      };
      // 陈村镇 at 88 comes after 卫庄镇 in the file: 88.01 (one step of precision 2) passes it.
      // Down: 良好 needs 70, and no one eligible below threatens its slot: 88 − 70 = 18.
      assert.deepEqual(margin('陈村镇'), ['0.01', '18']);
      // 卫庄镇 keeps 优秀 at 88 by file order; at 87.99 陈村镇 passes it: it can lose nothing.
      assert.deepEqual(margin('卫庄镇'), [undefined, '0']);
      // 古绛镇 falls out of 优秀 only below 88 (at 88 it is first in the file): 95.5 − 88 = 7.5.
      assert.deepEqual(margin('古绛镇'), [undefined, '7.5']);
      // 冷口乡 at 65 needs a 良好 slot: all 5 are taken by subjects ≥ 71; 71.01 beats 大交镇 (71 is a
      // tie that file order gives 大交镇): 71.01 − 65 = 6.01. It is at the last tier: no down.
      assert.deepEqual(margin('冷口乡'), ['6.01', undefined]);
      // 大交镇 at 71 keeps 良好 down to 70 (min_score): 71 − 70 = 1.
      assert.deepEqual(margin('大交镇'), ['17.01', '1']);
      // 么里镇's tier is forced by the veto: no score moves it.
      assert.deepEqual(margin('么里镇'), [undefined, undefined]);
    });

    it('explains a total step by step', () => {
      const steps = subjectNamed(analysis, '古绛镇').steps.map((s) => [s.label.en, exact(s.points), s.working?.en]);
      assert.deepEqual(steps, [
        ['国土绿化', '23', '15 + 8 = 23'],
        ['资源管理', '20', '8 + 12 = 20'],
        ['森林草原火灾防控', '25', '22 + 3 = 25'],
        ['林草有害生物防治', '14.5', '13 + 1.5 = 14.5'],
        ['Deductions: 检疫执法', '-0.5', '0.5 × 1 = 0.5'],
        ['林长制机制建设', '13.5', '10 + 3.5 = 13.5'],
      ]);
    });
  });

  describe('village-graduates-2022.scores.yaml (three rater groups)', () => {
    const analysis = analyzeSample('village-graduates-2022.scores.yaml');

    it('weighs the three views exactly: 16.4 + 38.2 + 35.4 reaches 优秀 at 90', () => {
      // 大学生说 82 × 20% = 16.4
      // 干部评 points: 10+10+10+6+(4.5−1.5)+4.5+7+5+10+6+4+12+8 = 95.5 × 40% = 38.2
      // 群众议 (86 + 88 + 91.5) / 3 = 88.5 × 40% = 35.4
      // 16.4 + 38.2 + 35.4 = 90 = min_score of 优秀.
      const liMing = subjectNamed(analysis, '李明');
      assert.equal(exact(liMing.total), '90');
      assert.equal(liMing.tier, 0);
      assert.deepEqual(
        liMing.steps.map((s) => [exact(s.points), s.working?.en]),
        [
          ['16.4', '20% × 82 = 16.4'],
          ['38.2', '40% × Σ 95.5 = 38.2'],
          ['35.4', '40% × (86 + 88 + 91.5) / 3 = 35.4'],
        ],
      );
      // One step below 90 and it is 称职: it can lose nothing.
      assert.equal(exact(liMing.margin.down), '0');
    });

    it('averages a list of raters and rounds the total half-up to two decimals', () => {
      // 沈振华: self 92, cadres 90, villagers [84, 91, 91]:
      // 20% × 92 = 18.4; 40% × 90 = 36; (84 + 91 + 91) / 3 = 88.666…, × 40% = 35.4666…
      // 18.4 + 36 + 35.4666… = 89.8666… → 89.87, short of 优秀 by 90 − 89.87 = 0.13.
      const subject = subjectNamed(analysis, '沈振华');
      assert.equal(exact(subject.total), '89.87');
      assert.equal(subject.tier, 1);
      assert.equal(exact(subject.margin.up), '0.13');
      const rounding = subject.steps[subject.steps.length - 1];
      assert.equal(rounding.label.en, 'Rounding');
      assert.match(rounding.working!.en, /^89\.8666\d*… → 89\.87 \(half-up to 2 decimals\)$/);
    });

    it('places everyone reaching 90 in 优秀 (at least 20% of 45 = 9), the vetoed one in 不称职', () => {
      const excellent = analysis.subjects.filter((s) => s.tier === 0);
      assert.ok(excellent.length >= 9, `${excellent.length} excellent`);
      for (const s of analysis.subjects) if (s.vetoes.length === 0) assert.equal(s.tier === 0, s.total!.gte(90), s.subject);
      const vetoed = analysis.subjects.filter((s) => s.vetoes.length > 0);
      assert.deepEqual(
        vetoed.map((s) => [s.vetoes, s.tier]),
        [[['discipline-sanction'], 3]],
      );
      assert.deepEqual(analysis.findings, []);
    });
  });

  describe('green-development-forestry.scores.yaml (分序列, 简单功效系数法 within each group, no tiers)', () => {
    const analysis = analyzeSample('green-development-forestry.scores.yaml');

    it('places each subject between its group’s worst and best (60 + 40 × position, × 0.3 ÷ 100) and ranks each group apart', () => {
      // 着力山更美 = (60 + (x − worst) ÷ (best − worst) × 40) × 0.3 ÷ 100, then + the rest, half-up to 2 places.
      // Streets: best 94 (城东), worst 82 (城南), span 12.
      //   城东 94: 100 × 0.003 = 0.3 + 1.1 = 1.4;  城西 90: (60 + 8/12 × 40) × 0.003 = 0.26 + 0.95 = 1.21;
      //   城南 82: 60 × 0.003 = 0.18 + 1.05 = 1.23; 城北 90: 0.26 + 1 = 1.26.
      // Towns: best 98 (青石), worst 72 (南溪), span 26: 0.18 + (x − 72) × 0.12 ÷ 26 = 0.18 + (x − 72) × 3/650.
      //   梅岭 92: 0.18 + 60/650 = 0.272308 + 1.15 = 1.422308 → 1.42; 白沙 90: 0.18 + 54/650 = 0.263077 + 1.15 → 1.41;
      //   桃源 88: 0.18 + 48/650 = 0.253846 + 1.15 → 1.40;   松山 97: 0.18 + 75/650 = 0.295385 + 1.05 → 1.35;
      //   南溪 72: 0.18 + 1.15 = 1.33;                       东山 87: 0.18 + 45/650 = 0.249231 + 1.05 → 1.30;
      //   柳河 79: 0.18 + 21/650 = 0.212308 + 1.05 → 1.26;   杏坪 / 云峰 92: 0.272308 + 0.95 → 1.22 (equal, both 8th);
      //   青石 98: 0.3 + 0.9 = 1.2;                          北岭 93: 0.18 + 63/650 = 0.276923 + 0.9 → 1.18;
      //   竹林 79: 0.212308 + 0.95 → 1.16;                   西山 77: 0.18 + 15/650 = 0.203077 + 0.95 → 1.15;
      //   枫林 80: 0.18 + 24/650 = 0.216923 + 0.9 → 1.12.
      assert.deepEqual(table(analysis), {
        城东街道: ['1.4', 1, undefined],
        城西街道: ['1.21', 4, undefined],
        城南街道: ['1.23', 3, undefined],
        城北街道: ['1.26', 2, undefined],
        东山镇: ['1.3', 6, undefined],
        西山镇: ['1.15', 13, undefined],
        南溪镇: ['1.33', 5, undefined],
        北岭镇: ['1.18', 11, undefined],
        青石镇: ['1.2', 10, undefined],
        白沙镇: ['1.41', 2, undefined],
        桃源镇: ['1.4', 3, undefined],
        梅岭镇: ['1.42', 1, undefined],
        竹林镇: ['1.16', 12, undefined],
        松山镇: ['1.35', 4, undefined],
        柳河镇: ['1.26', 7, undefined],
        杏坪镇: ['1.22', 8, undefined],
        枫林镇: ['1.12', 14, undefined],
        云峰镇: ['1.22', 8, undefined],
      });
      assert.deepEqual(
        analysis.groups.map((g) => [g.id, g.subjects.length]),
        [
          ['streets', 4],
          ['towns', 14],
        ],
      );
      assert.deepEqual(analysis.findings, []);
    });

    it('shows the working with the group’s best and worst put in', () => {
      const working = subjectNamed(analysis, '城西街道').steps.map((s) => s.working?.['zh-CN']);
      assert.match(working.join('\n'), /“着力山更美”落实情况：if\(94 = 82, 0\.3, \(60 \+ \(90 − 82\) ÷ \(94 − 82\) × 40\) × 0\.3 ÷ 100\) = 0\.26/); // 东山镇: 45/650 + 0.18 = 0.2492307692…, a division's 20 places cut to six in the group's sum (the total is exact).
      const east = subjectNamed(analysis, '东山镇').steps.map((s) => s.working?.en);
      assert.match(east[0]!, /^0\.249231… \+ 1\.05 = 1\.299231…; /);
      assert.equal(east[1], '1.299231… → 1.3 (half-up to 2 decimals)');
    });
  });

  describe('zhoushan-water-2021.scores.yaml (measured: 水质比例 × 分值, × 0.8 when the task is missed, per-month and per-section deductions)', () => {
    const analysis = analyzeSample('zhoushan-water-2021.scores.yaml');

    it('works each 国控 / 省控 formula out and ranks the five', () => {
      // 定海区 100% × 50 = 50; 90% × 30 = 27; + 40 = 117
      // 普陀区 80% × 50 × 0.8 = 32 − 1 × 2 = 30; 100% × 30 = 30; + 42 = 102
      // 岱山县 75% × 50 = 37.5 − 1 × 5 = 32.5; 83.3% × 30 × 0.8 = 19.992; + 38 = 90.492 → 90.49
      // 嵊泗县 50% × 50 × 0.8 = 20 − 6 × 2 − 2 × 5 = −2 → 0 (never below the floor); 66.7% × 30 = 20.01; + 35 = 55.01
      // 新城管委会 50 + 30 + 44 = 124
      assert.deepEqual(table(analysis), {
        定海区: ['117', 2, undefined],
        普陀区: ['102', 3, undefined],
        岱山县: ['90.49', 4, undefined],
        嵊泗县: ['55.01', 5, undefined],
        新城管委会: ['124', 1, undefined],
      });
      assert.deepEqual(analysis.findings, []);
    });

    it('shows the working with the figures put in, and the floor', () => {
      const steps = subjectNamed(analysis, '嵊泗县').steps.map((s) => s.working?.['zh-CN']);
      // The group's working adds the three items; the hover of the subject shows it.
      assert.match(steps.join('\n'), /0 \+ 20\.01 \+ 35 = 55\.01/);
    });
  });

  describe('fire-safety-responsibility.scores.yaml (deductions set within 5—20 / 5—10 by the assessor, 扣完为止)', () => {
    const analysis = analyzeSample('fire-safety-responsibility.scores.yaml');

    it('takes each amount as set, floors an item at 0, and ranks the four', () => {
      // 一车间 (30 − 5) + (25 − 12 + 10) + (20 − 6 + 15) = 25 + 23 + 29 = 77
      // 二车间 100
      // 三车间 (30 − 5) + (max(0, 25 − 20 − 10) + 10 − 8) + (20 − 15 + 15 − 5) = 25 + 2 + 15 = 42
      // 四车间 100 − 10 = 90
      assert.deepEqual(table(analysis), {
        一车间: ['77', 3, undefined],
        二车间: ['100', 1, undefined],
        三车间: ['42', 4, undefined],
        四车间: ['90', 2, undefined],
      });
      assert.deepEqual(analysis.findings, []);
    });
  });
});
