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
  subjects: 'N',
  warnings: 'Warnings',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  broken: 'broken',
  empty: 'none',
  chart: 'chart',
};

function page(rows: Row[], title = 'Forest 2022'): string {
  return renderSimulation({ title, rows, from: 1, to: 30, subjects: 10, nonce: 'n0nce', cspSource: 'vscode-resource:', labels: LABELS });
}

describe('simulation view content (pure)', () => {
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
    assert.match(html, /<tr class="broken" data-subjects="15">.*⚠ quota-rounding/);
    assert.match(html, /<td title="max 15 × 30% = …">0–5 <small>\(33\.3%\)<\/small><\/td>/);
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
    assert.equal((html.match(/<rect /g) ?? []).length, 4);
    assert.match(html, /rect\.t0 \{ fill: var\(--vscode-charts-green\); \}/);
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
