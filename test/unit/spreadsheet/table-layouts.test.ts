import { strict as assert } from 'assert';
import { draftToYaml } from 'rubric-studio-server/out/spreadsheet/draft-yaml';
import { AssessmentImport, importAssessmentTable } from 'rubric-studio-server/out/spreadsheet/import-assessment-table';
import { describeLayout } from 'rubric-studio-server/out/spreadsheet/table-layout';
import { notesComment } from 'rubric-studio-server/out/spreadsheet/table-notes';
import { readWordTables } from 'rubric-studio-server/out/spreadsheet/word-document';
import { ARCHIVES_FIXTURE, ARCHIVES_ROWS, PUBLISHED_FIXTURES, WORK_PERFORMANCE_FIXTURE } from '../../support/published-tables';
import { analyze } from '../../support/rubric-core';
import { roundTripBytes } from '../../support/sheets';
import { DISAGREEING_FIXTURE, fixtureDocx, fixtureWorkbook, LAYOUT_FIXTURES, LayoutFixture, sheetAddress, treeLines } from '../../support/table-fixtures';

/**
 * Each layout offices publish a 考评表 in, built as a workbook with exceljs and as a Word document,
 * read to the tree worked out by hand from the published table it is modelled on; the layout
 * recognised is the one named; the rubric made checks without errors; closing notes are kept.
 */

async function fromWorkbook(fixture: LayoutFixture): Promise<AssessmentImport> {
  const { read } = await roundTripBytes(fixtureWorkbook(fixture));
  return importAssessmentTable(read);
}

async function fromDocx(fixture: LayoutFixture): Promise<AssessmentImport> {
  const word = await readWordTables(fixtureDocx(fixture), (n) => `表${n}`);
  assert.ok(word.ok, word.ok ? '' : word.reason.en);
  return importAssessmentTable(word.tables);
}

const errorsOf = (result: AssessmentImport) => result.problems.filter((p) => p.severity === 'error').map((p) => `${p.address} ${p.message.en}`);

function expectFixture(result: AssessmentImport, fixture: LayoutFixture, address: (cell: string) => string): void {
  assert.ok(result.draft, JSON.stringify(result.problems.map((p) => `${p.address} ${p.message.en}`)));
  assert.equal(result.facts?.layout.hierarchy, fixture.hierarchy);
  assert.deepEqual(treeLines(result.draft.indicators), fixture.tree);
  assert.deepEqual(
    errorsOf(result).map((line) => line.split(' ')[0]),
    (fixture.errors ?? []).map(address),
    errorsOf(result).join('\n'),
  );
  assert.equal(result.draft.total?.toFixed(), fixture.total);
  assert.deepEqual(
    result.draft.notes ?? [],
    (fixture.notes ?? []).map((n) => ({ text: n.text, address: address(n.cell) })),
  );
}

describe('import: the layouts offices use, as workbooks (exceljs) and as Word documents', () => {
  for (const fixture of [...LAYOUT_FIXTURES, ...PUBLISHED_FIXTURES]) {
    describe(fixture.name, () => {
      it('as a workbook', async () => {
        const result = await fromWorkbook(fixture);
        expectFixture(result, fixture, (cell) => sheetAddress(cell, fixture));
        // The rubric made checks without errors: figures read right add up.
        const findings = analyze(draftToYaml(result.draft!, ['test'])).findings;
        assert.deepEqual(
          findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message.en}`),
          [],
        );
      });
      it('as a Word document', async () => {
        const result = await fromDocx(fixture);
        expectFixture(result, fixture, (cell) => `表1!${cell}`);
      });
    });
  }
});

describe('import: a table whose figures disagree gives errors at the cells, not a rubric taken silently', () => {
  for (const [format, read, address] of [
    ['workbook', fromWorkbook, (cell: string) => sheetAddress(cell, DISAGREEING_FIXTURE)],
    ['Word document', fromDocx, (cell: string) => `表1!${cell}`],
  ] as const) {
    it(`as a ${format}: the 合计 row against the first level, a group against its items`, async () => {
      const result = await read(DISAGREEING_FIXTURE);
      expectFixture(result, DISAGREEING_FIXTURE, address);
      const [total, group] = errorsOf(result);
      // 20 + 45 + 30 = 95 against the 合计 row's 100; 15 + 15 + 10 = 40 against the 45 of 二、.
      assert.match(total, /the 合计 row says 100, the 3 first-level indicators read add up to 95$/);
      assert.match(group, /“党组织建设规范化” states 45 points, its 3 items read add up to 40$/);
    });
  }

  it('a points cell on a row read as no indicator is a figure lost, named with the count', async () => {
    const fixture: LayoutFixture = {
      ...DISAGREEING_FIXTURE,
      rows: [
        ['指标', '分值', '评分标准'],
        ['任务完成', 60, '按时完成'],
        [null, 10, '另加分'],
        ['群众满意', 40, '满意度达标'],
      ],
      errors: ['B3'],
    };
    const result = await fromWorkbook(fixture);
    assert.deepEqual(errorsOf(result), [`${sheetAddress('B3', fixture)} points on a row with no indicator name are left out`]);
  });
});

describe('import: what the layouts read besides the tree', () => {
  it('a closing 说明 that speaks of 一票否决 becomes a veto commented out, for the person to confirm', async () => {
    const fixture = LAYOUT_FIXTURES[0];
    const result = await fromWorkbook(fixture);
    const yaml = draftToYaml(result.draft!, ['test'], notesComment(result.draft!, 'zh-CN'));
    assert.match(yaml, /^# 表格中的说明（未导入为指标，原文照录）：$/m);
    assert.match(yaml, /^# {3}2\. 发生重大安全生产事故的单位，实行一票否决。 {2}\[考评表!A18\]$/m);
    assert.match(yaml, /^# veto:\n# {3}- \{name: 发生重大安全生产事故, tier: 请填写等次\} {2}# 考评表!A18$/m);
    // Commented out: the rubric has no veto until the person says what it does.
    assert.equal(analyze(yaml).documents[0].model.veto.items.length, 0);
  });

  it('the layout is described in both languages, with its header rows and columns', async () => {
    const result = await fromWorkbook(LAYOUT_FIXTURES[3]);
    const described = describeLayout(result.facts!.layout);
    assert.equal(
      described.en,
      '考评表: a column per level; header in rows 2–3; indicators B、C, points D, methods F, serial A, remarks G, scores E (not read)',
    );
    assert.match(described['zh-CN'], /^考评表：各级指标分列；列名在第 2–3 行；指标 B、C，分值 D/);
  });

  it('a 备注 cell stays with its indicator', async () => {
    const result = await fromWorkbook(LAYOUT_FIXTURES[3]);
    assert.equal(result.draft!.indicators[0].items[1].criteria, '备注：每季度不少于1次');
  });
});

describe('import: published 考评表 read as printed', () => {
  it('企业档案工作等级评定标准: each item keeps its 评分细则 with the part-points in it', async () => {
    const result = await fromDocx(ARCHIVES_FIXTURE);
    const staff = result.draft!.indicators[1].items[1];
    assert.equal(staff.name, '配备了与企业档案工作实际相适应的档案人员');
    assert.equal(staff.weight?.toFixed(), '3');
    assert.match(staff.criteria ?? '', /^1\.档案部门负责人应具有中级以上专业技术职称.*3、档案人员定期接受档案业务培训（1分）。$/);
  });

  it('企业档案工作等级评定标准 copied in part: 1 组织管理 states 19 over the 7 of its items copied, an error at its 分数 cell', async () => {
    // The printed group row above 1.1 and 1.2, without 1.3 制度 (12): what a copy that stops short looks like.
    const fixture: LayoutFixture = {
      ...ARCHIVES_FIXTURE,
      rows: [ARCHIVES_ROWS[0], ['1', '组织管理', 19, null], ...ARCHIVES_ROWS.slice(1)],
      tree: ['组织管理 19', ...ARCHIVES_FIXTURE.tree.map((line) => `  ${line}`)],
      total: '19',
      errors: ['C2'],
    };
    for (const [read, address] of [
      [fromWorkbook, (cell: string) => sheetAddress(cell, fixture)],
      [fromDocx, (cell: string) => `表1!${cell}`],
    ] as const) {
      const result = await read(fixture);
      expectFixture(result, fixture, address);
      assert.match(errorsOf(result)[0], /“组织管理” states 19 points, its 2 items read add up to 7$/);
    }
  });

  it('2012年度工作绩效考核项目表: the 赋分办法 merged down a group is each item’s, a “——” cell names nothing', async () => {
    for (const read of [fromWorkbook, fromDocx]) {
      const result = await read(WORK_PERFORMANCE_FIXTURE);
      const [created, overall] = result.draft!.indicators;
      assert.deepEqual(
        created.items.map((i) => i.criteria),
        ['按排名赋分', '按排名赋分', '按排名赋分'],
      );
      assert.deepEqual(
        overall.items.map((i) => `${i.name} ${i.criteria} ${i.items.length}`),
        [
          '县四套班子领导评价 按排名赋分 0',
          '街道（乡镇）党政主要领导评价 按排名赋分 0',
          '互学互比 按实绩赋分 0',
          '督考综评 按实绩赋分 0',
          '民意调查 按实绩赋分 0',
        ],
      );
    }
  });
});
