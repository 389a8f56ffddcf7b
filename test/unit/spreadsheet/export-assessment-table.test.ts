import { strict as assert } from 'assert';
import type ExcelJS from 'exceljs';
import Big from 'big.js';
import { buildAssessmentWorkbook, LAYOUT_MARKER, slotsWords } from 'rubric-studio-server/out/spreadsheet/export-assessment-table';
import { draftOfText, mergesOf, roundTripBytes, rowBreaksOf, SAMPLE_NAMES, sampleText } from '../../support/sheets';

async function exported(text: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { document, draft } = draftOfText(text);
  const { bytes, read } = await roundTripBytes(buildAssessmentWorkbook(draft, document, { locale }));
  return { bytes, sheet: read.worksheets[0] };
}

const cellText = (sheet: ExcelJS.Worksheet, address: string) => String(sheet.getCell(address).value ?? '');

/** The row whose first cell reads `text`. */
function rowStarting(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (String(sheet.getCell(r, 1).value ?? '') === text) return r;
  return -1;
}

describe('export: the 考评表 of the forest-chief appraisal (samples/forest-chief-2022)', () => {
  let sheet: ExcelJS.Worksheet;
  let bytes: Buffer;
  before(async () => ({ sheet, bytes } = await exported(sampleText('forest-chief-2022'))));

  it('has the title, the issuer and period, and the header row after the info lines', () => {
    assert.equal(sheet.name, '考评表');
    assert.equal(cellText(sheet, 'A1'), '绛县2022年度林长制工作考评表');
    assert.ok(mergesOf(sheet).includes('A1:E1'), 'the title spans the visible columns');
    assert.match(cellText(sheet, 'A2'), /^考核单位：绛县林长制办公室\s+考核年度：2022\s+总分：100分$/);
    assert.match(cellText(sheet, 'A3'), /^考核对象（10）：古绛镇、横水镇、卫庄镇/);
    // Title, then four info lines (issuer, subjects, methods, precision): the header is row 6.
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((c) => String(sheet.getCell(6, c).value)),
      ['一级指标', '二级指标', '分值', '评分标准', '考核方式'],
    );
    assert.equal(cellText(sheet, 'F1'), LAYOUT_MARKER);
    assert.equal(sheet.getColumn(6).hidden, true, 'the id column does not print');
  });

  it('writes one row per leaf with its points, and merges a group down its leaves', () => {
    // Leaves in file order: 15, 8 | 8, 12 | 22, 3 | 13, 1.5 | 14, 3.5; 15+8+8+12+22+3+13+1.5+14+3.5 = 100.
    const points = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((r) => sheet.getCell(r, 3).value);
    assert.deepEqual(points, [15, 8, 8, 12, 22, 3, 13, 1.5, 14, 3.5]);
    assert.equal(cellText(sheet, 'B7'), '年度营造林任务完成');
    assert.ok(mergesOf(sheet).includes('A7:A8'));
    assert.equal(cellText(sheet, 'A7'), '国土绿化\n（23分）');
    // 林长制机制建设 has no weight in the file: the sheet states its items' sum, 14 + 3.5 = 17.5.
    const mechanism = mergesOf(sheet).find((m) => m.startsWith('A15:') || m === 'A15:A16');
    assert.ok(mechanism, 'the last group is merged');
    assert.equal(cellText(sheet, 'A15'), '林长制机制建设\n（17.5分）');
    assert.equal(cellText(sheet, 'A17'), '合计');
    assert.equal(sheet.getCell('C17').value, 100);
  });

  it('states levels and deductions in words, and names the methods', () => {
    assert.equal(
      cellText(sheet, 'D7'),
      [
        '按时完成县下达的年度营造林任务，造林地块全部落地上图，苗木质量和栽植密度符合技术规程。',
        '15分：任务完成率 100% 且核查合格率 95% 以上',
        '12分：任务完成率 90% 以上',
        '8分：任务完成率 80% 以上',
        '0分：任务完成率不足 80%',
      ].join('\n'),
    );
    assert.match(cellText(sheet, 'D10'), /\n每发现一起无证采伐或超证采伐扣2分，扣完为止$/);
    assert.equal(cellText(sheet, 'E7'), '综合核查、现地督查');
  });

  it('lists bonus with its cap, vetoes, and tiers with quota and the slots for N = 10', () => {
    const bonus = rowStarting(sheet, '加分项（合计不超过5分）');
    assert.ok(bonus > 17);
    assert.equal(cellText(sheet, `A${bonus + 1}`), '经验做法被省级推广');
    assert.equal(sheet.getCell(bonus + 1, 3).value, 3);
    assert.equal(cellText(sheet, `D${bonus + 1}`), '加3分');
    const veto = rowStarting(sheet, '一票否决事项');
    assert.equal(cellText(sheet, `D${veto + 1}`), '直接确定为“一般”等次');
    const tiers = rowStarting(sheet, '等次（10个考核对象，名额四舍五入）');
    assert.ok(tiers > veto);
    // 10 × 30% = 3 → 3 (优秀), 10 × 20% = 2 → 2 (一般), 良好 takes the other 5.
    assert.deepEqual(
      [1, 2, 3].map((i) => [
        cellText(sheet, `A${tiers + i}`),
        cellText(sheet, `C${tiers + i}`),
        cellText(sheet, `D${tiers + i}`),
        cellText(sheet, `E${tiers + i}`),
      ]),
      [
        ['优秀', '85分以上', '按30%确定\n10 × 30% = 3 → 3', '3名'],
        ['良好', '70分以上', '', '5名'],
        ['一般', '', '按20%确定\n10 × 20% = 2 → 2', '2名'],
      ],
    );
  });

  it('prints on A4 landscape with the header row repeated, fitted to the width, in Chinese fonts with borders', () => {
    const setup = sheet.pageSetup;
    assert.equal(setup.paperSize, 9);
    assert.equal(setup.orientation, 'landscape');
    assert.equal(setup.printTitlesRow, '6:6');
    assert.ok(setup.scale! > 50 && setup.scale! <= 100, `scale ${setup.scale}`);
    assert.equal(sheet.getCell('D7').font.name, '宋体');
    assert.equal(sheet.getCell('A6').font.name, '黑体');
    assert.equal(sheet.getCell('D7').alignment.wrapText, true);
    assert.deepEqual(Object.keys(sheet.getCell('D7').border).sort(), ['bottom', 'left', 'right', 'top']);
    assert.equal(sheet.views[0].state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 6);
    assert.ok(rowBreaksOf(bytes).length >= 1, 'page breaks are set between rows');
  });
});

describe('export: headings in English with --locale en, and a level column per level of the tree', () => {
  it('writes English headings and words', async () => {
    const { sheet } = await exported(sampleText('forest-chief-2022'), 'en');
    assert.equal(sheet.name, 'Assessment');
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((c) => String(sheet.getCell(6, c).value)),
      ['Level 1 indicator', 'Level 2', 'Points', 'Scoring criteria', 'Assessment method'],
    );
    assert.match(cellText(sheet, 'D10'), /\n2 points off per 每发现一起无证采伐或超证采伐, not below 0$/);
    assert.equal(cellText(sheet, 'A7'), '国土绿化\n(23 points)');
  });

  it('gives the four-level village-cadre scheme four level columns and shows its 100-point sheet counted at 70', async () => {
    const { sheet } = await exported(sampleText('village-cadre-performance'));
    const header = rowStarting(sheet, '一级指标');
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((c) => String(sheet.getCell(header, c).value)),
      ['一级指标', '二级指标', '三级指标', '四级指标', '分值'],
    );
    assert.equal(cellText(sheet, `A${header + 1}`), '工作实绩考核\n（100 → 70分）');
    // 民主测评情况 is a leaf at the top: its name spans the four level columns of its row.
    const appraisal = rowStarting(sheet, '民主测评情况');
    assert.ok(mergesOf(sheet).includes(`A${appraisal}:D${appraisal}`));
    assert.equal(sheet.getCell(appraisal, 5).value, 30);
  });
});

describe('export: page breaks never cut a merged cell', () => {
  /** A group of 60 leaves with long criteria: taller than a page, so it must continue on the next. */
  function tallGroup(): string {
    const items = Array.from({ length: 60 }, (_, i) => [
      `      - id: item-${i}`,
      `        name: 第${i + 1}项工作任务落实情况`,
      '        weight: 1',
      '        criteria: 按时完成年度工作任务，资料齐全、数据准确，发现问题及时整改到位，群众满意度达到百分之九十以上。',
    ]);
    return [
      'rubric: 长表',
      'indicators:',
      '  - id: big',
      '    name: 重点工作',
      '    weight: 60',
      '    items:',
      ...items.flat(),
      '  - {id: other, name: 其他工作, weight: 40}',
      '',
    ].join('\n');
  }

  it('splits a group taller than a page at the break and names it again (（续）) on the next page', async () => {
    const { sheet, bytes } = await exported(tallGroup());
    const breaks = rowBreaksOf(bytes);
    assert.ok(breaks.length >= 2, `breaks: ${breaks}`);
    const groupMerges = mergesOf(sheet).filter((m) => m.startsWith('A') && /^A\d+:A\d+$/.test(m));
    assert.ok(groupMerges.length >= 2, `the group is cut into parts: ${groupMerges}`);
    const [first, second] = groupMerges.map((m) => Number(/^A(\d+)/.exec(m)![1])).sort((a, b) => a - b);
    assert.equal(cellText(sheet, `A${first}`), '重点工作\n（60分）');
    assert.equal(cellText(sheet, `A${second}`), '重点工作（续）\n（60分）');
  });

  for (const name of [...SAMPLE_NAMES, 'tall group']) {
    it(`no merge spans a page break: ${name}`, async () => {
      const { sheet, bytes } = await exported(name === 'tall group' ? tallGroup() : sampleText(name));
      const breaks = rowBreaksOf(bytes);
      for (const merge of mergesOf(sheet)) {
        const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(merge)!;
        const [top, bottom] = [Number(m[1]), Number(m[2])];
        for (const b of breaks) assert.ok(!(top <= b && b < bottom), `${merge} is cut by the break after row ${b}`);
      }
    });
  }
});

describe('export: a tier’s slots as an office writes them, not as a range from 0 or up to all', () => {
  const tier = (min: number, max: number) => ({ id: 't', name: '优秀', min, max, share: new Big(0), workings: [] });

  it('a fixed count, a ceiling, a floor, a range — in both languages', () => {
    assert.deepEqual(
      [tier(3, 3), tier(0, 36), tier(9, 45), tier(5, 8)].map((t) => [slotsWords(t, 45, 'zh-CN'), slotsWords(t, 45, 'en')]),
      [
        ['3名', '3'],
        ['不超过36名', 'at most 36'],
        ['不少于9名', 'at least 9'],
        ['5至8名', '5 to 8'],
      ],
    );
  });

  it('the village graduates’ 优秀 (at least 20%) reads 不少于…名 in its slots cell, no en dash anywhere in the column', async () => {
    const { sheet } = await exported(sampleText('village-graduates-2022'));
    const tiers = [...Array(sheet.rowCount).keys()].map((r) => r + 1).find((r) => cellText(sheet, `A${r}`).startsWith('等次（'))!;
    const column = [...Array(8).keys()].map((c) => c + 1).find((c) => String(sheet.getCell(tiers, c).value) === '名额')!;
    const slots = [1, 2, 3, 4].map((i) => String(sheet.getCell(tiers + i, column).value ?? ''));
    // 45 × 20% = 9 at least for 优秀; the others take what is left, from 0 up to 36.
    assert.deepEqual(slots, ['不少于9名', '不超过36名', '不超过36名', '不超过36名']);
    assert.match(slots[0], /^不少于\d+名$/);
    assert.ok(
      slots.every((s) => !s.includes('–')),
      slots.join(' | '),
    );
  });
});

describe('export: the 合计 row is never alone at the top of a page', () => {
  // 19, 20 and 43 one-line indicators put the page's end just before the 合计 row (found by trying 10–60).
  for (const n of [19, 20, 43]) {
    it(`${n} indicators of one line each: the break falls before the last indicator, which goes over with the 合计 row`, async () => {
      const lines = [
        'title: 表',
        `total: ${n * 2}`,
        'indicators:',
        ...Array.from({ length: n }, (_, i) => `  - {id: i${i}, name: 指标${i}, weight: 2, criteria: 按时完成}`),
      ];
      const { bytes, sheet } = await exported(`${lines.join('\n')}\n`);
      const total = rowStarting(sheet, '合计');
      assert.equal(cellText(sheet, `A${total - 1}`), `指标${n - 1}`);
      const breaks = rowBreaksOf(bytes);
      assert.ok(breaks.length > 0, 'the table takes more than a page');
      assert.ok(!breaks.includes(total - 1), `a page ends at row ${total - 1}, the 合计 row ${total} alone after it: ${breaks.join(', ')}`);
      assert.ok(breaks.includes(total - 2), `the page ends a row earlier: ${breaks.join(', ')}`);
    });
  }
});
