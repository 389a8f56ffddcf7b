import { strict as assert } from 'assert';
import type { Ranking, RankingRow } from 'rubric-studio-server/out/protocol';
import { rankingToCsv, rankingToMarkdown, RankingExportLabels } from 'rubric-studio-client/out/ranking-export';
import { RankingPage, renderRanking, slotBounds } from 'rubric-studio-client/out/ranking-html';
import { scoresheetNameFor } from 'rubric-studio-client/out/scoresheet-name';

const LABELS: RankingPage['labels'] = {
  title: 'Ranking',
  rank: 'Rank',
  subject: 'Subject',
  total: 'Total',
  tier: 'Tier',
  margin: 'Margin',
  up: '{0} points short of {1}',
  down: 'may lose {0} points before dropping to {1}',
  vetoed: 'Vetoed',
  tied: 'Tied across a boundary',
  vetoMark: 'vetoed',
  tieMark: 'tied',
  noRubric: 'rubric not found',
  empty: 'nothing scored',
  problems: '{0} errors, {1} warnings',
  slots: '{0} taken; the quota gives {1}',
  chart: 'Totals',
  ofFile: 'Ranking: {0}',
  upLegend: 'short of the tier above',
  downLegend: 'may lose and keep its tier',
};

const EXPORT_LABELS: RankingExportLabels = {
  group: 'Group',
  rank: 'Rank',
  subject: 'Subject',
  total: 'Total',
  tier: 'Tier',
  up: 'Up',
  down: 'Down',
  vetoes: 'Vetoes',
  tied: 'Tied',
};

const TIERS = [
  { id: 'good', name: '优秀' },
  { id: 'fair', name: '合格' },
  { id: 'poor', name: '不合格' },
];

const row = (subject: string, total: string | null, rank: number | null, tier: number | null, extra: Partial<RankingRow> = {}): RankingRow => ({
  subject,
  total,
  rank,
  tier: tier === null ? null : TIERS[tier],
  vetoes: [],
  tiedAtBoundary: false,
  margin: {},
  ...extra,
});

function ranking(rows: RankingRow[], extra: Partial<Ranking> = {}): Ranking {
  return {
    uri: 'file:///ws/a.scores.yaml',
    rubric: 'file:///ws/a.rubric.yaml',
    title: '安全生产考评',
    outOf: '100',
    tiers: TIERS,
    vetoNames: { accident: '发生重大事故' },
    groups: [
      {
        counts: [
          { tier: TIERS[0], count: 1, min: 1, max: 1 },
          { tier: TIERS[1], count: 2, min: null, max: null },
          { tier: TIERS[2], count: 1, min: null, max: null },
        ],
        rows,
      },
    ],
    errors: 0,
    warnings: 0,
    ...extra,
  };
}

const ROWS = [
  row('丙镇', '98', 1, 2, { vetoes: ['accident'] }),
  row('甲镇', '95', 2, 0, { margin: { down: '15' } }),
  row('乙镇', '80', 3, 1, { margin: { up: '15.01', down: '80' }, tiedAtBoundary: true }),
  row('丁镇', null, null, null),
];

const page = (value: Ranking | null, labels = LABELS) =>
  renderRanking({ file: 'a.scores.yaml', ranking: value, nonce: 'n0nce', cspSource: 'vscode-resource:', labels });

describe('ranking view content (pure)', () => {
  it('has a strict policy: nothing by default, styles only by the nonce, no script at all, no inline style attribute', () => {
    const html = page(ranking(ROWS));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-n0nce';"/);
    assert.ok(!/<script/i.test(html), 'the page needs no script');
    for (const tag of html.match(/<style[^>]*>/g) ?? []) assert.match(tag, /nonce="n0nce"/);
    assert.ok(!/\sstyle=/.test(html));
    assert.ok(!/https?:\/\//.test(html));
  });

  it("is headed by the rubric's title, the view and the file below it, and ends with the margins' legend", () => {
    const html = page(ranking(ROWS));
    assert.match(html, /<h1>安全生产考评<\/h1>\n<p class="sub">Ranking: a\.scores\.yaml<\/p>/);
    assert.match(html, /<p class="marks"><span class="up">▲<\/span> short of the tier above <span class="down">▼<\/span> may lose and keep its tier<\/p>/);
    // Without its rubric's title (not found), the view and the file head it; with no margins, no legend.
    const untitled = page({ ...ranking([row('甲镇', '90', 1, 0)]), title: null });
    assert.match(untitled, /<h1>Ranking: a\.scores\.yaml<\/h1>/);
    assert.ok(!untitled.includes('class="marks"'));
  });

  it('escapes every name from the files: subjects, tiers, groups, vetoes, title, file', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const hostile: Ranking = {
      ...ranking([row(evil, '90', 1, 0, { vetoes: [evil] })]),
      title: evil,
      tiers: [{ id: 'x', name: evil }],
    };
    hostile.groups[0] = { id: evil, name: evil, counts: [{ tier: { id: 'x', name: evil }, count: 1, min: 1, max: 1 }], rows: hostile.groups[0].rows };
    hostile.groups[0].rows[0].tier = { id: 'x', name: evil };
    const html = renderRanking({ file: evil, ranking: hostile, nonce: 'n', cspSource: 'c', labels: LABELS });
    assert.ok(!html.includes('<img'), 'no element from a name');
    // Subject, its veto title, tier cell, tier count, group heading and data attribute, title, file.
    assert.ok((html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g) ?? []).length >= 7);
  });

  it('one row per subject in the given order: rank, subject, total, a bar, tier, margins; vetoed and tied marked', () => {
    const html = page(ranking(ROWS));
    const bodyRows = html.match(/<tr[^>]*><td class="num">[^<]*<\/td><td class="subject">.*?<\/tr>/g) ?? [];
    assert.equal(bodyRows.length, 4);
    assert.match(
      bodyRows[0],
      /^<tr class="vetoed"><td class="num">1<\/td><td class="subject">丙镇<span class="badge veto" title="Vetoed: 发生重大事故">vetoed<\/span>/,
    );
    assert.match(bodyRows[2], /^<tr class="tied">.*<span class="badge tie" title="Tied across a boundary">tied<\/span>/);
    // Bars against the rubric's 100 points: 98 → 98 units of 100, coloured as 不合格 (the third tier).
    assert.match(bodyRows[0], /<rect class="t2" x="0" y="1" width="98\.00" height="8"><\/rect>/);
    assert.match(bodyRows[1], /<rect class="t0" x="0" y="1" width="95\.00"/);
    // 乙镇 (合格): 15.01 short of 优秀, 80 above 不合格.
    assert.match(
      bodyRows[2],
      /<span class="up" title="15\.01 points short of 优秀">▲ 15\.01<\/span> <span class="down" title="may lose 80 points before dropping to 不合格">▼ 80<\/span>/,
    );
    // No total yet: dashes, no bar.
    assert.match(bodyRows[3], /<td class="num">—<\/td><td class="subject">丁镇<\/td><td class="num">—<\/td><td class="barcol"><\/td>/);
  });

  it('the year at a glance: a column per round (total, rank there), a line across the rounds, the change against previous:', () => {
    const rounds = [
      { indicator: 'months', indicatorName: '月度考核', path: 'm/07.scores.yaml', label: '07' },
      { indicator: 'months', indicatorName: '月度考核', path: 'm/08.scores.yaml', label: '08' },
    ];
    const rows = [
      row('文峰', '94.87', 1, 0, { previousRank: 2, roundTotals: ['94', '96'], roundRanks: [2, 1] }),
      row('中兴', '94.77', 2, 1, { previousRank: 2, roundTotals: ['95', '94'], roundRanks: [1, 2] }),
      row('城东', '90', 3, 1, { previousRank: null, roundTotals: ['90', null], roundRanks: [3, null] }),
      row('学田', '89', 4, 1, { previousRank: 3, roundTotals: [null, null], roundRanks: [null, null] }),
    ];
    const html = page(ranking(rows, { rounds }));
    assert.match(
      html,
      /<th class="num">Rank<\/th><th class="change">Change<\/th><th>Subject<\/th><th class="num round" title="m\/07\.scores\.yaml">07<\/th><th class="num round" title="m\/08\.scores\.yaml">08<\/th><th class="trendcol">Trend<\/th><th class="num">Total<\/th>/,
    );
    const bodyRows = html.match(/<tr[^>]*><td class="num">[^<]*<\/td><td class="change">.*?<\/tr>/g) ?? [];
    assert.equal(bodyRows.length, 4);
    // ↑1 (2nd then, 1st now); 94 then 96 on a scale from the lowest round total 90 to the highest 96:
    // x 0 and 100, y 9 − (94 − 90) / 6 × 8 = 3.67 and 9 − 8 = 1.
    assert.match(
      bodyRows[0],
      /<td class="change"><span class="rose">↑1<\/span><\/td><td class="subject">文峰<\/td><td class="num round" title="m\/07\.scores\.yaml: total 94, rank 2">94<small> \(2\)<\/small><\/td>/,
    );
    assert.match(bodyRows[0], /<polyline points="0\.0,3\.67 100\.0,1\.00"><\/polyline>/);
    assert.match(bodyRows[1], /<span class="same">=<\/span>/);
    // Not ranked then: "new"; no total in a round: a dash, and the line skips it.
    assert.match(bodyRows[2], /<span class="new">new<\/span>.*<td class="num round">—<\/td>/);
    assert.match(bodyRows[2], /<polyline points="0\.0,9\.00"><\/polyline>/);
    assert.match(bodyRows[3], /<span class="fell">↓1<\/span>.*<td class="trendcol"><\/td>/);
  });

  it('without rounds or previous: no round, trend or change column', () => {
    const html = page(ranking(ROWS));
    assert.doesNotMatch(html, /class="(change|round|trendcol)"/);
  });

  it('draws bars against the best total when it passes the rubric total (a bonus)', () => {
    const html = page(ranking([row('甲镇', '105', 1, 0), row('乙镇', '52.5', 2, 1)]));
    // Scale 105: 105 → 100 units, 52.5 → 50.
    assert.match(html, /width="100\.00"/);
    assert.match(html, /width="50\.00"/);
  });

  it('shows the tier counts against the quota, marking a count off it', () => {
    const value = ranking(ROWS);
    value.groups[0].counts[0] = { tier: TIERS[0], count: 2, min: 1, max: 1 };
    const html = page(value);
    assert.match(html, /<span class="key over" title="2 taken; the quota gives 1"><i class="t0"><\/i>优秀 <b>2<\/b><small>\/1<\/small><\/span>/);
    assert.match(html, /<span class="key" title="2"><i class="t1"><\/i>合格 <b>2<\/b><\/span>/);
    assert.equal(slotBounds({ min: 2, max: 4 }), '2–4');
    assert.equal(slotBounds({ min: null, max: 3 }), '≤ 3');
    assert.equal(slotBounds({ min: 2, max: null }), '≥ 2');
    assert.equal(slotBounds({ min: null, max: null }), '');
  });

  it('one section per group, headed by its name', () => {
    const value = ranking(ROWS);
    value.groups = [
      { id: 'towns', name: '乡镇', counts: [], rows: ROWS.slice(0, 2) },
      { id: 'depts', name: '部门', counts: [], rows: ROWS.slice(2) },
    ];
    const html = page(value);
    assert.match(html, /<section class="group" data-group="towns"><h2>乡镇<\/h2>.*<section class="group" data-group="depts"><h2>部门<\/h2>/s);
  });

  it('says why there is no table: no rubric, nothing scored; and counts the problems', () => {
    assert.match(page(null), /<p class="empty">rubric not found<\/p>/);
    assert.match(page(ranking([], { rubric: null })), /<p class="empty">rubric not found<\/p>/);
    assert.match(page(ranking([])), /<p class="empty">nothing scored<\/p>/);
    assert.match(page(ranking(ROWS, { errors: 2, warnings: 1 })), /<p class="problems">2 errors, 1 warnings<\/p>/);
  });

  it('exports CSV with exact figures, quoting and formula-looking names defused', () => {
    const value = ranking([
      row('=HYPERLINK("x")', '95.5', 1, 0, { margin: { down: '7.5' } }),
      row('甲, 乙', '80', 2, 1, { vetoes: ['a', 'b'], tiedAtBoundary: true }),
    ]);
    assert.equal(
      rankingToCsv(value, EXPORT_LABELS),
      'Rank,Subject,Total,Tier,Up,Down,Vetoes,Tied\r\n' + '1,"\'=HYPERLINK(""x"")",95.5,优秀,,7.5,,\r\n' + '2,"甲, 乙",80,合格,,,a b,1\r\n',
    );
    // With groups, a first column names each row's group.
    const grouped = ranking(ROWS.slice(0, 1));
    grouped.groups[0] = { ...grouped.groups[0], id: 'towns', name: '乡镇' };
    // The veto by the name the rubric gives it, not its id.
    assert.match(rankingToCsv(grouped, EXPORT_LABELS), /^Group,Rank,Subject,.*\r\n乡镇,1,丙镇,98,不合格,,,发生重大事故,\r\n$/);
  });

  it('exports the last rank (CSV) or the change (Markdown) with previous:, and each round’s total and rank', () => {
    const labels = { ...EXPORT_LABELS, previousRank: 'Last', change: 'Change', newMark: 'new', roundTotal: '{0} total', roundRank: '{0} rank' };
    const value = ranking(
      [
        row('甲镇', '94.87', 1, 0, { previousRank: 2, roundTotals: ['94.78', '94.9'], roundRanks: [2, 1] }),
        row('乙镇', '94.77', 2, 1, { previousRank: 1, roundTotals: ['94.91', null], roundRanks: [1, null] }),
        row('丙镇', '90', 3, 1, { previousRank: null, roundTotals: [null, '90'], roundRanks: [null, 2] }),
      ],
      {
        previous: 'q2.scores.yaml',
        rounds: [
          { indicator: 'months', indicatorName: '月度考核', path: 'm7.scores.yaml', label: 'm7' },
          { indicator: 'months', indicatorName: '月度考核', path: 'm8.scores.yaml', label: 'm8' },
        ],
      },
    );
    assert.equal(
      rankingToCsv(value, labels),
      'Rank,Last,Subject,Total,Tier,m7 total,m7 rank,m8 total,m8 rank,Up,Down,Vetoes,Tied\r\n' +
        '1,2,甲镇,94.87,优秀,94.78,2,94.9,1,,,,\r\n' +
        '2,1,乙镇,94.77,合格,94.91,1,,,,,,\r\n' +
        '3,,丙镇,90,合格,,,90,2,,,,\r\n',
    );
    const table = rankingToMarkdown(value, 'T', labels)
      .split('\n')
      .filter((line) => line.startsWith('|'));
    assert.deepEqual(table, [
      '| Rank | Change | Subject | Total | Tier | m7 | m8 | Up | Down | Vetoes | Tied |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 1 | ↑1 | 甲镇 | 94.87 | 优秀 | 94.78 (2) | 94.9 (1) |  |  |  |  |',
      '| 2 | ↓1 | 乙镇 | 94.77 | 合格 | 94.91 (1) | — |  |  |  |  |',
      '| 3 | new | 丙镇 | 90 | 合格 | — | 90 (2) |  |  |  |  |',
    ]);
  });

  it('exports Markdown: title, counts and one table per group, pipes and line breaks defused', () => {
    const value = ranking([row('a|b\nc', '95', 1, 0)]);
    assert.equal(
      rankingToMarkdown(value, 'T | 1', EXPORT_LABELS),
      '# T \\| 1\n\n优秀 1 · 合格 2 · 不合格 1\n\n| Rank | Subject | Total | Tier | Up | Down | Vetoes | Tied |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 1 | a\\|b c | 95 | 优秀 |  |  |  |  |\n',
    );
  });

  it('names a new scoresheet after its rubric', () => {
    assert.equal(scoresheetNameFor('forest-2022.rubric.yaml'), 'forest-2022.scores.yaml');
    assert.equal(scoresheetNameFor('Forest.RUBRIC.YML'), 'Forest.scores.yaml');
    assert.equal(scoresheetNameFor('考核.appraisal.yaml'), '考核.appraisal.scores.yaml');
  });
});
