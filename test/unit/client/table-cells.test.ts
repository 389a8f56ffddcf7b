import { strict as assert } from 'assert';
import type { Ranking, SimulationRow } from 'rubric-studio-server/out/protocol';
import { rankingToCsv } from 'rubric-studio-client/out/ranking-export';
import { toCsv } from 'rubric-studio-client/out/simulation-export';
import { csvFigure, csvText } from 'rubric-studio-client/out/table-cells';

/**
 * CSV injection (OWASP): a cell a spreadsheet would run as a formula. Both exports, the
 * simulation's and the ranking's, write their cells through one writer.
 */
const FORMULAS = [
  '=HYPERLINK("http://x.invalid","点")',
  '+1+cmd|/c calc!A1',
  '-2+3',
  '@SUM(A1:A2)',
  // After blanks and control characters a spreadsheet may skip first.
  ' =1+1',
  '  @SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '\n-1+1',
  '\r\n+1',
  '\u3000=1+1',
  '\u0000=1',
  // A tab or CR first is refused on its own.
  '\tx',
  '\rx',
];

describe('CSV cells (both exports)', () => {
  it('puts a quote before text that could start a formula, after any leading blanks or control characters', () => {
    for (const value of FORMULAS) {
      const cell = csvText(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      assert.equal(unquoted, `'${value}`, JSON.stringify(value));
    }
  });

  it('leaves other text and every figure as they are', () => {
    for (const value of ['优秀', 'a=b', 'x-1', ' 甲镇', 'quota-empty', '']) assert.equal(csvText(value), value);
    assert.equal(csvText('a, "b"'), '"a, ""b"""');
    // A negative total is a number, not a formula.
    assert.equal(csvFigure('-3.5'), '-3.5');
    assert.equal(csvFigure('10–15'), '10–15');
  });

  it('the simulation CSV defuses tier names as the ranking CSV does', () => {
    const tier = (name: string, i: number) => ({ id: `t${i}`, name, min: 1, max: 1, share: 0.5, working: [] });
    const rows: SimulationRow[] = [{ subjects: 2, tiers: ['=1+1', ' @SUM(A1)'].map(tier), warnings: [] }];
    assert.equal(toCsv(rows), `subjects,'=1+1 slots,'=1+1 share,' @SUM(A1) slots,' @SUM(A1) share,warnings\r\n2,1,50.0%,1,50.0%,\r\n`);
    const ranking: Ranking = {
      uri: 'file:///ws/a.scores.yaml',
      rubric: 'file:///ws/a.rubric.yaml',
      title: 't',
      outOf: '100',
      tiers: [{ id: 'a', name: '\n-1' }],
      groups: [
        {
          counts: [],
          rows: [{ subject: ' =cmd', total: '-2', rank: 1, tier: { id: 'a', name: '\n-1' }, vetoes: [], tiedAtBoundary: false, margin: {} }],
        },
      ],
      errors: 0,
      warnings: 0,
    };
    const labels = { group: 'G', rank: 'R', subject: 'S', total: 'T', tier: 'Tier', up: 'U', down: 'D', vetoes: 'V', tied: 'Tied' };
    assert.equal(rankingToCsv(ranking, labels), `R,S,T,Tier,U,D,V,Tied\r\n1,' =cmd,-2,"'\n-1",,,,\r\n`);
  });
});
