import { strict as assert } from 'assert';
import { toCsv, toMarkdown } from 'rubric-studio-client/out/simulation-export';
import { renderSimulation, SimulationPage } from 'rubric-studio-client/out/simulation-html';
import { defaultRange, parseRange, subjectsBetween } from 'rubric-studio-client/out/simulation-range';

type Row = SimulationPage['rows'][number];

const row = (subjects: number, tiers: [string, number, number][], warnings: string[] = []): Row => ({
  subjects,
  tiers: tiers.map(([name, min, max], i) => ({ id: `t${i}`, name, min, max, share: subjects ? max / subjects : 0, working: [`max ${subjects} × 30% = …`] })),
  warnings,
});

const LABELS: SimulationPage['labels'] = {
  subjects: 'Subjects (N)',
  share: 'Share of N',
  warnings: 'Warnings',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  problem: 'a quota problem at this N',
  empty: 'none',
  chart: 'chart',
};

function page(rows: Row[], title = 'Forest 2022', labels = LABELS): string {
  return renderSimulation({ title, rows, from: 1, to: 30, subjects: 10, nonce: 'n0nce', cspSource: 'vscode-resource:', labels });
}

/** Rows 1..count of a two-tier rubric: 30% 优秀 rounded down, the rest 良好. */
function rowsUpTo(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const best = Math.floor(n * 0.3);
    return row(n, [
      ['优秀', best, best],
      ['良好', n - best, n - best],
    ]);
  });
}

describe('simulation view content (pure)', () => {
  it('escapes every text from the rubric and every label', () => {
    const evil = '<b x="1">&\'';
    const labels = Object.fromEntries(Object.keys(LABELS).map((key) => [key, `${key} ${evil}`])) as SimulationPage['labels'];
    const html = page([row(10, [[evil, 3, 3]], ['quota-empty'])], evil, labels);
    assert.ok(!html.includes('<b x='), 'no raw markup from a name or a label');
    assert.ok(!html.includes(evil.slice(2)), 'no raw quote or ampersand from a name or a label');
    // The title (twice: <title> and <h1>), the tier (legend, header text and title, bar tooltip, cell) and every label.
    const escaped = '&lt;b x=&quot;1&quot;&gt;&amp;&#39;';
    for (const key of Object.keys(LABELS)) {
      if (key !== 'empty') assert.ok(html.includes(`${key} ${escaped}`), `the ${key} label is shown, escaped`);
    }
    assert.ok((html.match(new RegExp(escaped, 'g')) ?? []).length >= 2 + 5);
  });

  it('escapes every text from the rubric', () => {
    const html = page(
      [
        row(10, [
          ['<script>alert(1)</script>', 3, 3],
          ['良好 & "好"', 7, 7],
        ]),
      ],
      '<img src=x onerror=alert(1)>',
    );
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(!html.includes('<img src=x'));
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /良好 &amp; &quot;好&quot;/);
  });

  it('has a strict Content-Security-Policy: nonce on every script and style, no inline style attributes, nothing remote', () => {
    const html = page([
      row(10, [
        ['优秀', 3, 3],
        ['良好', 5, 5],
        ['一般', 2, 2],
      ]),
    ]);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
    for (const tag of html.match(/<(script|style)[^>]*>/g) ?? []) assert.match(tag, /nonce="n0nce"/, tag);
    assert.ok(!/\sstyle="/.test(html), 'the CSP blocks inline style attributes');
    assert.ok(!/https?:\/\//.test(html));
  });

  it("marks rows where rounding breaks a stated share, and the rubric's own N", () => {
    const html = page([
      row(10, [
        ['优秀', 3, 3],
        ['良好', 7, 7],
      ]),
      row(
        15,
        [
          ['优秀', 0, 5],
          ['良好', 10, 15],
        ],
        ['quota-rounding'],
      ),
    ]);
    assert.match(html, /<tr class="own" data-subjects="10">/);
    assert.match(html, /<tr class="broken" data-subjects="15">.*⚠ <span>quota-rounding/);
    // 5 / 15 = 33.3%; 3 / 10 = 30% (no decimals when there are none to show).
    assert.match(html, /<td class="num" title="max 15 × 30% = …">0–5 <small>33\.3%<\/small><\/td>/);
    assert.match(html, /<td class="num" title="max 10 × 30% = …">3 <small>30%<\/small><\/td>/);
    assert.match(html, /td\.num \{[^}]*white-space: nowrap/, 'a count and its share stay on one line');
    assert.match(html, /th \{[^}]*white-space: nowrap/, 'the header does not wrap');
    assert.match(html, /<th title="Subjects \(N\)">N<\/th>/, 'short header, the long name in its title');
    assert.match(html, /<th title="Warnings">⚠<\/th>/);
    assert.match(html, /<b>!<\/b> a quota problem at this N/, 'the legend says what the ! means');
  });

  it('draws one stacked bar per N in SVG, coloured by theme classes', () => {
    const html = page([
      row(1, [
        ['优秀', 0, 0],
        ['良好', 1, 1],
      ]),
      row(2, [
        ['优秀', 1, 1],
        ['良好', 1, 1],
      ]),
    ]);
    // Two tiers in each of two bars, plus the outline of the rubric's own N (10) which is not among them.
    assert.equal((html.match(/<rect x=/g) ?? []).length, 4);
    assert.equal((html.match(/<rect class="own"/g) ?? []).length, 0);
    assert.match(html, /rect\.t0 \{ fill: #0072B2; \}/);
  });

  it('draws a quota target as a dashed line across the bar at its share, from the tier’s own base', () => {
    const withTarget = row(10, [
      ['优秀', 2, 2],
      ['良好', 8, 8],
    ]);
    withTarget.tiers[0] = { ...withTarget.tiers[0], target: 0.15 };
    const html = page([withTarget]);
    // One bar 240 wide (80% of the 300-unit plot) from x 76; the baseline at 14 + 110 = 124, so 15%
    // of 110 is 16.5 above it: y 107.5.
    assert.match(html, /<line class="target" x1="76\.00" x2="316\.00" y1="107\.50" y2="107\.50"><title>优秀: target 15%<\/title><\/line>/);
    assert.equal((html.match(/class="target"/g) ?? []).length, 1);
    assert.doesNotMatch(page([row(10, [['优秀', 2, 2]])]), /class="target"/);
  });

  it('colours tiers with the Okabe–Ito palette through classes, never inline styles', () => {
    const html = page([
      row(10, [
        ['A', 1, 1],
        ['B', 1, 1],
        ['C', 1, 1],
        ['D', 1, 1],
        ['E', 1, 1],
        ['F', 1, 1],
        ['G', 4, 4],
      ]),
    ]);
    const okabeIto = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
    okabeIto.forEach((colour, i) => {
      assert.ok(html.includes(`rect.t${i} { fill: ${colour}; }`), `bar class t${i}`);
      assert.ok(html.includes(`i.t${i} { background: ${colour}; }`), `legend class t${i}`);
    });
    // The seventh tier wraps around to the first colour.
    assert.match(html, /<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" class="t0"><title>N = 10 · G: 4/);
    assert.ok(!/\sstyle=/.test(html), 'no inline style attribute anywhere');
  });

  it('gives the chart its axes: 0/50/100% gridlines, N labels on round numbers, axis titles', () => {
    const html = page(rowsUpTo(30));
    for (const share of ['0%', '50%', '100%']) assert.match(html, new RegExp(`<text class="tick"[^>]*>${share}</text>`));
    // 30 bars, at most about eight labels: every 5th N (ceil(30 / 8) = 4, the next round step is 5).
    const labels = [...html.matchAll(/<text class="tick" x="[^"]+" y="[^"]+" text-anchor="middle">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    assert.deepEqual(labels, [5, 10, 15, 20, 25, 30]);
    assert.match(html, /<text class="axis-label"[^>]*>Subjects \(N\)<\/text>/);
    assert.match(html, /<text class="axis-label" transform="rotate\(-90\)"[^>]*>Share of N<\/text>/);
    assert.equal((html.match(/<rect class="own"/g) ?? []).length, 1, "the rubric's own N (10) is outlined");
  });

  it('shows the problems as sentences when the server sends them, else their codes', () => {
    const tiers: [string, number, number][] = [
      ['优秀', 0, 0],
      ['良好', 1, 1],
    ];
    const coded = page([row(1, tiers, ['quota-empty'])]);
    assert.match(coded, /<td class="warn" title="quota-empty">⚠ <span>quota-empty<\/span><\/td>/);
    const withSentences = { ...row(1, tiers, ['quota-empty']), problems: [{ code: 'quota-empty', message: '优秀 has no slot at N = 1 & <more>' }] };
    const sentence = page([withSentences]);
    assert.match(
      sentence,
      /<td class="warn" title="优秀 has no slot at N = 1 &amp; &lt;more&gt;">⚠ <span>优秀 has no slot at N = 1 &amp; &lt;more&gt;<\/span><\/td>/,
    );
  });

  it('exports CSV (quoted where needed) and Markdown', () => {
    const rows = [
      row(10, [
        ['优秀, 一等', 3, 3],
        ['良好', 7, 7],
      ]),
      row(
        15,
        [
          ['优秀, 一等', 0, 5],
          ['良好', 10, 15],
        ],
        ['quota-rounding'],
      ),
    ];
    assert.equal(
      toCsv(rows),
      'subjects,"优秀, 一等 slots","优秀, 一等 share",良好 slots,良好 share,warnings\r\n10,3,30.0%,7,70.0%,\r\n15,0–5,33.3%,10–15,100.0%,quota-rounding\r\n',
    );
    assert.equal(
      toMarkdown(rows, 'A | B'),
      '# A \\| B\n\n| N | 优秀, 一等 | 良好 | ⚠ |\n| --- | --- | --- | --- |\n| 10 | 3 (30.0%) | 7 (70.0%) |  |\n| 15 | 0–5 (33.3%) | 10–15 (100.0%) | quota-rounding |\n',
    );
  });

  it('takes the range from the setting, else 1 to twice N (at least 30)', () => {
    assert.deepEqual(defaultRange(10), { from: 1, to: 30 });
    assert.deepEqual(defaultRange(37), { from: 1, to: 74 });
    assert.deepEqual(parseRange('5..60', 10), { from: 5, to: 60 });
    assert.deepEqual(parseRange('60..5', 10), { from: 1, to: 30 });
    assert.deepEqual(parseRange('', null), { from: 1, to: 30 });
    assert.equal(subjectsBetween(1, 100000).length, 2000, 'a huge range is capped');
  });
});

describe('simulation view content under 分序列', () => {
  it("marks each group's own N and names the group in its row, not the rubric's total", () => {
    const html = renderSimulation({
      title: 'g',
      rows: rowsUpTo(30),
      from: 1,
      to: 30,
      subjects: 30,
      groups: [
        { name: '乡镇<序列>', subjects: 10 },
        { name: '部门序列', subjects: 20 },
      ],
      nonce: 'n0nce',
      cspSource: 'vscode-resource:',
      labels: LABELS,
    });
    const own = [...html.matchAll(/<tr class="[^"]*\bown\b[^"]*" data-subjects="(\d+)"><td class="num">([^<]*(?:<small>[^<]*<\/small>)?)/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(own, [
      ['10', '10 <small>乡镇&lt;序列&gt;</small>'],
      ['20', '20 <small>部门序列</small>'],
    ]);
  });
});
