import { strict as assert } from 'assert';
import { generateScoresheet } from '../support/generate-scoresheet';
import { random } from '../support/generate-rubric';
import { analyze, core } from '../support/rubric-core';
import { assertSame, lookupOf, MeasuredSession, session } from '../support/scoresheet-session';

/**
 * A session ranks a keystroke from the last ranking's order, re-placing only the entries the edit
 * changed (see KeptRanking): after each edit its ranks, tiers, ties, counts and margins equal a
 * whole analysis's, in each `ties` mode, with groups, vetoes, `no_tier` and names written twice.
 */

type RankingSession = MeasuredSession & { readonly lastKeptOrders: number };

const RUBRIC = `rubric: r
subjects:
  groups:
    - {id: north, name: 北片, members: [A, B, C, D, E, F, G]}
    - {id: south, name: 南片, members: [H, I, J, K, L, M]}
indicators:
  - {id: fire, name: 火灾防控, weight: 50}
  - {id: green, name: 国土绿化, weight: 50}
veto:
  - {id: blaze, name: 重大火灾, tier: average}
  - {id: discipline, name: 受到处分, bars: [excellent]}
tiers:
  - {id: excellent, name: 优秀, quota: {exactly: 30%}, min_score: 70}
  - {id: good, name: 良好}
  - {id: average, name: 一般, quota: {exactly: 20%}}
`;

const ROWS = [
  '{subject: A, points: {fire: 45, green: 45}}',
  '{subject: B, points: {fire: 38, green: 42}}',
  '{subject: C, points: {fire: 42, green: 38}}',
  '{subject: D, points: {fire: 40, green: 40}, no_tier: true}',
  '{subject: E, points: {fire: 30, green: 30}}',
  '{subject: F, points: {fire: 35, green: 36}, veto: [discipline]}',
  '{subject: G, points: {fire: 20, green: 25}}',
  '{subject: H, points: {fire: 44, green: 41}}',
  '{subject: I, points: {fire: 41, green: 44}}',
  '{subject: J, points: {fire: 33, green: 33}}',
  '{subject: K, points: {fire: 33, green: 33}}',
  '{subject: L, points: {fire: 29, green: 40}, veto: [blaze]}',
  '{subject: M, points: {fire: 10, green: 12}}',
];

const sheetOf = (ties: string, rows: readonly string[]) =>
  ['rubric: r.rubric.yaml', `ties: ${ties}`, 'tie-break: [fire]', 'scores:', ...rows.map((r) => `  - ${r}`), ''].join('\n');

/** Edits by hand, each a keystroke or two: what crosses a tier boundary, ties, leaves the ranking and comes back. */
const EDITS: [string, (rows: string[]) => void][] = [
  ['G rises from the last tier to the first of its group', (rows) => (rows[6] = rows[6].replace('fire: 20, green: 25', 'fire: 49, green: 49'))],
  ['E ties B and C at the boundary of 优秀', (rows) => (rows[4] = rows[4].replace('fire: 30, green: 30', 'fire: 40, green: 40'))],
  ['A falls below everyone', (rows) => (rows[0] = rows[0].replace('fire: 45', 'fire: 4'))],
  ['K is vetoed into 一般', (rows) => (rows[10] = rows[10].replace('}}', '}, veto: [blaze]}'))],
  ['J loses a score: its total is unknown, it leaves the ranking', (rows) => (rows[9] = rows[9].replace(', green: 33', ''))],
  ['J scores again, tied with nobody now', (rows) => (rows[9] = rows[9].replace('fire: 33', 'fire: 33, green: 34'))],
  ['M takes the name of H: a duplicate is not ranked', (rows) => (rows[12] = rows[12].replace('subject: M', 'subject: H'))],
  ['M has its name back', (rows) => (rows[12] = rows[12].replace('subject: H', 'subject: M'))],
  ['I takes the name of a north subject no entry scores: it moves group', (rows) => (rows[8] = rows[8].replace('subject: I', 'subject: Z'))],
  ['D is placed in a tier again', (rows) => (rows[3] = rows[3].replace(', no_tier: true', ''))],
  ['B and C tie on every figure, fire too', (rows) => (rows[1] = rows[1].replace('fire: 38, green: 42', 'fire: 42, green: 38'))],
  [
    'E and G take the name of C: three entries of one name, the first counts',
    (rows) => {
      rows[4] = rows[4].replace('subject: E', 'subject: C');
      rows[6] = rows[6].replace('subject: G', 'subject: C');
    },
  ],
  ['the first C scores less: the later ones stay unranked', (rows) => (rows[2] = rows[2].replace('fire: 42, green: 38', 'fire: 12, green: 38'))],
  ['the first C is renamed: the next C counts now', (rows) => (rows[2] = rows[2].replace('subject: C', 'subject: Y'))],
];

describe('a session ranks a keystroke from the order it kept', function () {
  this.timeout(60000);

  for (const ties of ['flag', 'share', 'break']) {
    it(`ties: ${ties}: every edit by hand ranks as a whole analysis does, from the kept order`, () => {
      const lookup = lookupOf(analyze(RUBRIC));
      const sheet = session() as RankingSession;
      const rows = [...ROWS];
      sheet.update(sheetOf(ties, rows), lookup);
      for (const [what, edit] of EDITS) {
        edit(rows);
        const text = sheetOf(ties, rows);
        const analysis = sheet.update(text, lookup);
        assert.equal(sheet.lastPath, 'incremental', what);
        // Both groups from their kept order: none sorted afresh.
        assert.equal(sheet.lastKeptOrders, 2, what);
        assertSame(analysis, core().analyzeScoresheet(text, lookup), [], `${ties}: ${what}`);
      }
    });
  }

  it('random score keystrokes in a generated sheet (vetoes, ties of equal totals) rank as a whole analysis does', () => {
    const generated = generateScoresheet({ leaves: 12, subjects: 60, seed: 11 });
    const lookup = lookupOf(analyze(generated.rubric));
    const sheet = session() as RankingSession;
    let text = generated.sheet;
    sheet.update(text, lookup);
    const next = random(25);
    let kept = 0;
    for (let round = 0; round < 40; round++) {
      // A leaf's points set to a round figure: totals meet each other and cross the tiers' boundaries.
      const figures = [...text.matchAll(/: (\d+(?:\.\d+)?)(?=[,}\n])/g)];
      const hit = figures[Math.floor(next() * figures.length)];
      const at = hit.index! + 2;
      text = text.slice(0, at) + String(Math.floor(next() * 3)) + text.slice(at + hit[1].length);
      const analysis = sheet.update(text, lookup);
      kept += sheet.lastKeptOrders;
      assertSame(analysis, core().analyzeScoresheet(text, lookup), [], `round ${round}`);
    }
    // Nearly every keystroke ranked from the kept order (one that breaks the sheet's parse is analysed whole).
    assert.ok(kept >= 30, `${kept} of 40 from the kept order`);
  });
});
