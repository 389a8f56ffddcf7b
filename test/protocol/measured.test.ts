import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { RankingRequest } from 'rubric-studio-server/out/protocol';
import { LspClient, positionOf } from '../support/lsp-client';
import { MEASURED_RUBRIC, MEASURED_SHEET } from '../support/measured';

function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`,
  );
}

/**
 * A scoresheet scored from measurements, through the real server over stdio: its measured
 * diagnostics at their ranges, fixed by keystrokes, and the ranking worked out from the formulas.
 */
describe('a measured scoresheet in the language server (stdio)', function () {
  this.timeout(60000);
  let client: LspClient;
  let workspace: string;

  before(async () => {
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-measured-')));
    fs.writeFileSync(path.join(workspace, 'measured.rubric.yaml'), MEASURED_RUBRIC);
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(workspace).href] });
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes input-out-of-range, missing-input and formula checks at their ranges; a keystroke fixes each', async () => {
    const uri = pathToFileURL(path.join(workspace, 'towns.scores.yaml')).href;
    // 古绛镇's rate 120 (above 100), 横水镇 without sections, 古绛镇's fire amount 6 (above 5).
    const text = MEASURED_SHEET.replace('rate: 87.5', 'rate: 120')
      .replace('{reached: 10, sections: 10}', '{reached: 10}')
      .replace('fire: [5, 4]', 'fire: [6, 4]');
    const rate = positionOf(text, '120');
    const fire = positionOf(text, '[6', 1);
    const town = positionOf(text, '横水镇');
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(brief(diagnostics), [
      `input-out-of-range ${rate.line}:${rate.character}-${rate.line}:${rate.character + 3} 1`,
      `input-out-of-range ${fire.line}:${fire.character}-${fire.line}:${fire.character + 1} 1`,
      `missing-input ${town.line}:${town.character}-${town.line}:${town.character + 3} 2`,
    ]);
    assert.equal(diagnostics[0].message, '120% is outside what rate (满意度) may be: from 0 to 100');
    // 120 → 12 (one character deleted), then 6 → 5: only the missing input is left.
    const left = await client.edit(uri, [
      { range: { start: { line: rate.line, character: rate.character + 2 }, end: { line: rate.line, character: rate.character + 3 } }, text: '' },
    ]);
    assert.deepEqual(
      left.map((d) => d.code),
      ['input-out-of-range', 'missing-input'],
    );
    const fixed = await client.edit(uri, [{ range: { start: fire, end: { line: fire.line, character: fire.character + 1 } }, text: '5' }]);
    assert.deepEqual(
      fixed.map((d) => d.code),
      ['missing-input'],
    );
    // The sections written back: clean, and ranked from the formulas.
    assert.deepEqual(await client.replaceAll(uri, MEASURED_SHEET), []);
    const ranking = await client.connection.sendRequest(RankingRequest, { uri });
    assert.deepEqual(
      ranking?.groups.flatMap((g) => g.rows.map((r) => `${r.subject} ${r.total} ${r.rank}`)),
      // As worked by hand in test/unit/measured-points.test.ts.
      ['横水镇 78 1', '古绛镇 74.1 2', '卫庄镇 71.43 3'],
    );
    await client.close(uri);
  });

  it("publishes the rubric's formula checks: unknown-name at the name, formula-range at the divisor", async () => {
    const uri = pathToFileURL(path.join(workspace, 'draft.rubric.yaml')).href;
    const text = MEASURED_RUBRIC.replace('reached / sections × weight × 80%', 'reched / sections × weight × 80%').replace(
      '{id: sections, name: 断面总个数, min: 1}',
      '{id: sections, name: 断面总个数, min: 0}',
    );
    const diagnostics = await client.open(uri, text);
    const name = positionOf(text, 'reched');
    assert.deepEqual(brief(diagnostics), [`unknown-name ${name.line}:${name.character}-${name.line}:${name.character + 6} 1`]);
    // The name fixed: now the range is worked out, and sections may be 0.
    const fixed = await client.edit(uri, [
      { range: { start: { line: name.line, character: name.character + 2 }, end: { line: name.line, character: name.character + 2 } }, text: 'a' },
    ]);
    // One character later than in the text opened: the a inserted before it.
    const divisor = positionOf(text, 'sections × weight', 1);
    assert.deepEqual(brief(fixed), [`formula-range ${divisor.line}:${divisor.character}-${divisor.line}:${divisor.character + 8} 2`]);
    await client.close(uri);
  });
});
