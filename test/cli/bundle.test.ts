import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listZipEntries } from 'rubric-studio-server/out/spreadsheet/zip-archive';
import { bundledRubric, ROOT, rubric } from '../support/cli';
import { zipEntryText } from '../support/sheets';

/**
 * Every part of a workbook or Word document but docProps/core.xml, which records the minute it
 * was written: what two runs of the same command must agree on.
 */
function partsOf(file: string): Map<string, string> {
  const bytes = fs.readFileSync(file);
  const listing = listZipEntries(bytes);
  assert.ok(listing.ok, `${file} is not a zip archive`);
  const names = listing.entries.map((entry) => entry.name).filter((name) => name !== 'docProps/core.xml');
  return new Map(names.map((name) => [name, zipEntryText(bytes, name)]));
}

/**
 * The bundled command line (dist/rubric.js) keeps the spreadsheet, Word and notice code in files
 * of their own beside it, loaded when such a command runs (scripts/bundle.js). Each command that
 * loads one writes what the unbundled command line writes.
 */
describe('the bundled command line: its commands that load code kept beside the bundle (child process)', function () {
  this.timeout(120000);
  let scratch: string;
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-bundle-'));
    for (const name of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml'])
      fs.copyFileSync(path.join(ROOT, 'samples', name), path.join(scratch, name));
    for (const folder of ['bundled', 'unbundled']) fs.mkdirSync(path.join(scratch, folder));
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** Runs `args` (OUT stands for the output file) with both command lines; the two outputs' paths. */
  function both(args: string[], output: string): { bundled: string; unbundled: string } {
    const outputs = { bundled: path.join(scratch, 'bundled', output), unbundled: path.join(scratch, 'unbundled', output) };
    for (const [which, run] of [
      ['bundled', bundledRubric],
      ['unbundled', rubric],
    ] as const) {
      const made = run(
        args.map((arg) => (arg === 'OUT' ? outputs[which] : arg)),
        scratch,
      );
      assert.equal(made.status, 0, `${which}: ${made.stdout}${made.stderr}`);
      assert.match(made.stdout, /^Wrote /m, which);
    }
    return outputs;
  }

  it('export, template and import of a 考评表 write what the unbundled command line writes', () => {
    const table = both(['export', 'forest-chief-2022.rubric.yaml', '--out', 'OUT'], 'table.xlsx');
    assert.deepEqual(partsOf(table.bundled), partsOf(table.unbundled));
    const template = both(['template', 'forest-chief-2022.rubric.yaml', '--out', 'OUT'], 'template.xlsx');
    assert.deepEqual(partsOf(template.bundled), partsOf(template.unbundled));
    // Both read the same workbook, the one the bundle wrote.
    const back = both(['import', table.bundled, '--out', 'OUT'], 'back.rubric.yaml');
    const text = fs.readFileSync(back.bundled, 'utf8');
    assert.match(text, /^rubric: 绛县2022年度林长制工作考评表$/m);
    assert.equal(text, fs.readFileSync(back.unbundled, 'utf8'));
  });

  it('rank --out and notice write the same workbook and Word document as the unbundled command line', () => {
    const ranking = both(['rank', 'forest-chief-2022.scores.yaml', '--out', 'OUT'], 'ranking.xlsx');
    assert.deepEqual(partsOf(ranking.bundled), partsOf(ranking.unbundled));
    const notice = both(['notice', 'forest-chief-2022.scores.yaml', '--date', '2023-01-15', '--out', 'OUT'], 'notice.docx');
    const parts = partsOf(notice.bundled);
    assert.match(parts.get('word/document.xml') ?? '', /绛县林长制办公室/);
    assert.deepEqual(parts, partsOf(notice.unbundled));
  });
});

/** The files beside a bundle that it requires (`require("./x.js")`): the lazily loaded modules. */
function filesRequiredBeside(bundle: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
  return [...new Set([...source.matchAll(/require\("\.\/([^"]+)"\)/g)].map((m) => `dist/${m[1]}`))].sort();
}

/** The packages are self-contained: what a bundle loads beside it, and the schemas, are inside. */
describe('the packages carry what the bundles load (npm pack for pre-commit, the vsix)', function () {
  this.timeout(120000);

  it('the packed command line, unpacked alone (no node_modules), checks, exports and writes a notice', () => {
    const beside = filesRequiredBeside('rubric.js');
    assert.deepEqual(beside, ['dist/notice-docx.js', 'dist/ranking-workbook.js', 'dist/spreadsheet-operations.js']);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-pack-'));
    try {
      // --ignore-scripts: the package is what the suite's build made; `prepare` would build again.
      const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(packed.status, 0, packed.stderr);
      const [{ filename, files }] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
      const listed = files.map((file) => file.path);
      for (const file of [...beside, 'dist/rubric.js', 'schemas/rubric.schema.json', 'schemas/scores.schema.json'])
        assert.ok(listed.includes(file), `${file} is not packed`);
      const unpacked = spawnSync('tar', ['-xzf', path.join(scratch, filename), '-C', scratch]);
      assert.equal(unpacked.status, 0, String(unpacked.stderr));
      for (const name of ['forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml'])
        fs.copyFileSync(path.join(ROOT, 'samples', name), path.join(scratch, name));
      const packedRubric = path.join(scratch, 'package', 'dist', 'rubric.js');
      const run = (args: string[]) =>
        spawnSync(process.execPath, [packedRubric, ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
      const checked = run(['check', 'forest-chief-2022.rubric.yaml', 'forest-chief-2022.scores.yaml']);
      assert.equal(checked.status, 0, checked.stdout + checked.stderr);
      const exported = run(['export', 'forest-chief-2022.rubric.yaml']);
      assert.equal(exported.status, 0, exported.stdout + exported.stderr);
      assert.ok(partsOf(path.join(scratch, 'forest-chief-2022.xlsx')).has('xl/workbook.xml'));
      const notice = run(['notice', 'forest-chief-2022.scores.yaml', '--date', '2023-01-15']);
      assert.equal(notice.status, 0, notice.stdout + notice.stderr);
      assert.ok(partsOf(path.join(scratch, 'forest-chief-2022.notice.docx')).has('word/document.xml'));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('the vsix lists the server bundle and every file it loads beside it', () => {
    const beside = filesRequiredBeside('server.js');
    assert.deepEqual(beside, ['dist/notice-docx.js', 'dist/server-packages.js', 'dist/spreadsheet-operations.js']);
    const listing = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(listing.status, 0, listing.stderr);
    const listed = listing.stdout.split('\n').map((line) => line.trim());
    for (const file of ['dist/extension.js', 'dist/server.js', ...beside]) assert.ok(listed.includes(file), `${file} is not in the vsix`);
  });
});
