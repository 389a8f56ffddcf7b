import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { PrepareRenameRequest, Range, RenameRequest, ResponseError, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, LspClient, positionOf } from '../support/lsp-client';

/**
 * Two measured indicators whose inputs share an id (`reached`): the 水十条 ratio and a 满意度 share
 * of households asked. A rename of water's `reached` must leave satisfaction's alone.
 */
const RUBRIC = `rubric: 水质与满意度考核
not_applicable: rescale
indicators:
  - id: water
    name: 断面水质达标
    weight: 60
    scoring:
      inputs:
        - {id: reached, name: 达标断面个数, min: 0}
        - {id: sections, name: 断面总个数, min: 1}
      formula: reached / sections × weight × 80%
  - id: satisfaction
    name: 群众满意度
    weight: 40
    scoring:
      inputs:
        - {id: reached, name: 满意户数, min: 0}
        - {id: asked, name: 受访户数, min: 1}
      formula: reached / asked × weight
tiers: [{name: 优秀}]
`;

/** Flow style. */
const SHEET_2023 = `rubric: water.rubric.yaml
scores:
  - subject: 甲镇
    measured: {water: {reached: 8, sections: 10}, satisfaction: {reached: 45, asked: 50}}
  - subject: 乙镇
    measured:
      water: {reached: 10, sections: 10}
      satisfaction: {reached: 40, asked: 50}
`;

/** Block style, and a town where water does not apply. */
const SHEET_2024 = `rubric: water.rubric.yaml
scores:
  - subject: 甲镇
    measured:
      water:
        reached: 9
        sections: 10
      satisfaction: {reached: 48, asked: 50}
  - subject: 乙镇
    measured: {satisfaction: {reached: 50, asked: 50}}
    not_applicable: [water]
`;

/** The range of `length` characters at `needle` + `delta` in `text`. */
function rangeAt(text: string, needle: string, delta: number, length: number): Range {
  const start = positionOf(text, needle, delta);
  return { start, end: { line: start.line, character: start.character + length } };
}

/** Edits as `line:character-line:character → text`, in text order, so that a wrong range shows which. */
function brief(edits: TextEdit[] | undefined): string[] {
  return [...(edits ?? [])]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} → ${e.newText}`);
}
const expected = (ranges: Range[], newText: string) => brief(ranges.map((range) => ({ range, newText })));

describe("rename of a measured input's id reaches the open scoresheets (stdio)", function () {
  this.timeout(60000);
  let client: LspClient;
  let workspace: string;
  const fileUri = (name: string) => pathToFileURL(path.join(workspace, name)).href;

  before(async () => {
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-input-rename-')));
    fs.writeFileSync(path.join(workspace, 'water.rubric.yaml'), RUBRIC);
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(workspace).href] });
    assert.deepEqual(await client.open(fileUri('water.rubric.yaml'), RUBRIC), []);
    assert.deepEqual(await client.open(fileUri('2023.scores.yaml'), SHEET_2023), []);
    assert.deepEqual(await client.open(fileUri('2024.scores.yaml'), SHEET_2024), []);
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('renames water’s `reached` from its formula: the rubric (definition and use) and both sheets, under water only', async () => {
    const rubricUri = fileUri('water.rubric.yaml');
    const [sheet2023, sheet2024] = [fileUri('2023.scores.yaml'), fileUri('2024.scores.yaml')];
    const inFormula = positionOf(RUBRIC, 'formula: reached / sections', 11);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: rubricUri }, position: inFormula });
    assert.deepEqual(prepared, { range: rangeAt(RUBRIC, 'formula: reached / sections', 9, 7), placeholder: 'reached' });

    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: rubricUri }, position: inFormula, newName: '达标数' });
    assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [rubricUri, sheet2023, sheet2024].sort());
    assert.deepEqual(
      brief(edit!.changes![rubricUri]),
      expected([rangeAt(RUBRIC, '{id: reached, name: 达标断面个数', 5, 7), rangeAt(RUBRIC, 'formula: reached / sections', 9, 7)], '达标数'),
    );
    assert.deepEqual(
      brief(edit!.changes![sheet2023]),
      expected([rangeAt(SHEET_2023, '{water: {reached', 9, 7), rangeAt(SHEET_2023, 'water: {reached: 10', 8, 7)], '达标数'),
    );
    assert.deepEqual(brief(edit!.changes![sheet2024]), expected([rangeAt(SHEET_2024, 'reached: 9', 0, 7)], '达标数'));

    // Applied, all three stay clean and satisfaction's `reached` is untouched.
    const rubricAfter = applyEdits(RUBRIC, edit!.changes![rubricUri]);
    const after2023 = applyEdits(SHEET_2023, edit!.changes![sheet2023]);
    const after2024 = applyEdits(SHEET_2024, edit!.changes![sheet2024]);
    assert.match(rubricAfter, /formula: 达标数 \/ sections × weight × 80%/);
    assert.match(rubricAfter, /\{id: reached, name: 满意户数/);
    assert.match(after2023, /satisfaction: \{reached: 45/);
    assert.deepEqual(await client.replaceAll(rubricUri, rubricAfter), []);
    assert.deepEqual(await client.replaceAll(sheet2023, after2023), []);
    assert.deepEqual(await client.replaceAll(sheet2024, after2024), []);

    // And back, from the definition this time: the same places.
    const atDefinition = positionOf(rubricAfter, '{id: 达标数', 6);
    const back = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: rubricUri }, position: atDefinition, newName: 'reached' });
    assert.equal(applyEdits(rubricAfter, back!.changes![rubricUri]), RUBRIC);
    assert.equal(applyEdits(after2023, back!.changes![sheet2023]), SHEET_2023);
    assert.equal(applyEdits(after2024, back!.changes![sheet2024]), SHEET_2024);
    await client.replaceAll(rubricUri, RUBRIC);
    await client.replaceAll(sheet2023, SHEET_2023);
    await client.replaceAll(sheet2024, SHEET_2024);
  });

  it('an input of another indicator with the same id is renamed under that indicator only', async () => {
    const rubricUri = fileUri('water.rubric.yaml');
    const position = positionOf(RUBRIC, 'formula: reached / asked', 10);
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: rubricUri }, position, newName: 'satisfied' });
    assert.deepEqual(
      brief(edit!.changes![fileUri('2023.scores.yaml')]),
      expected([rangeAt(SHEET_2023, 'satisfaction: {reached: 45', 15, 7), rangeAt(SHEET_2023, 'satisfaction: {reached: 40', 15, 7)], 'satisfied'),
    );
    assert.deepEqual(
      brief(edit!.changes![fileUri('2024.scores.yaml')]),
      expected([rangeAt(SHEET_2024, 'satisfaction: {reached: 48', 15, 7), rangeAt(SHEET_2024, 'satisfaction: {reached: 50', 15, 7)], 'satisfied'),
    );
  });

  it('an indicator renamed reaches its `measured` keys and `not_applicable` entries', async () => {
    const rubricUri = fileUri('water.rubric.yaml');
    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: rubricUri },
      position: positionOf(RUBRIC, 'id: water', 5),
      newName: '水质',
    });
    assert.deepEqual(
      brief(edit!.changes![fileUri('2023.scores.yaml')]),
      expected([rangeAt(SHEET_2023, '{water:', 1, 5), rangeAt(SHEET_2023, '      water: {reached: 10', 6, 5)], '水质'),
    );
    assert.deepEqual(
      brief(edit!.changes![fileUri('2024.scores.yaml')]),
      expected([rangeAt(SHEET_2024, '      water:\n', 6, 5), rangeAt(SHEET_2024, '[water]', 1, 5)], '水质'),
    );
  });

  it('prepareRename refuses `weight`, a number and an operator in a formula, saying why', async () => {
    const uri = fileUri('water.rubric.yaml');
    const refusal = async (needle: string, delta: number) => {
      try {
        const answer = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(RUBRIC, needle, delta) });
        return `answered ${JSON.stringify(answer)}`;
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        return error.message;
      }
    };
    const only = "Only an input's id can be renamed in a formula";
    assert.equal(await refusal('× weight × 80%', 3), `\`weight\` is this indicator's points, not an input. ${only}.`);
    assert.equal(await refusal('80%', 1), only);
    assert.equal(await refusal('/ sections', 0), only);
    // Outside a formula, a place with nothing to rename is the editor's plain "cannot rename".
    assert.equal(await refusal('name: 断面水质达标', 8), 'answered null');
  });

  it('prepareRename in a scoresheet on an input or an indicator says to rename it in the rubric', async () => {
    const uri = fileUri('2023.scores.yaml');
    const refusal = async (needle: string, delta: number) => {
      try {
        const answer = await client.connection.sendRequest(PrepareRenameRequest.type, {
          textDocument: { uri },
          position: positionOf(SHEET_2023, needle, delta),
        });
        return `answered ${JSON.stringify(answer)}`;
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        return error.message;
      }
    };
    assert.equal(
      await refusal('{water: {reached', 10),
      'Rename the input reached (达标断面个数) in the rubric, where it is defined: its formula and the open scoresheets follow',
    );
    assert.equal(
      await refusal('satisfaction: {reached: 45', 3),
      'Rename the indicator satisfaction (群众满意度) in the rubric, where it is defined: the open scoresheets follow',
    );
    assert.equal(await refusal('subject: 甲镇', 10), 'answered null');
  });
});
