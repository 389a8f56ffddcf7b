import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { parseAllDocuments } from 'yaml';
import { CodeLensRequest, CompletionRequest, HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { generateDeepRubric, generateRubric, GeneratedRubric, random } from '../support/generate-rubric';
import { generateScoresheet } from '../support/generate-scoresheet';
import { LspClient, ROOT } from '../support/lsp-client';

/**
 * `npm run bench`: realistic rubrics of 1,000 and 10,000 indicators, wide (groups of ten) and
 * deep (5 or 13 areas, 3 or 4 levels, long criteria), through the real server over stdio, and
 * the command line over a folder of 1,000 rubrics. Prints figures and ratios measured in one
 * run; it asserts nothing (speed is not a unit test on shared machines).
 *
 * Options: --with-yaml-ls (yaml-language-server on the same files, at 1,000 indicators unless
 * --yaml-ls-sizes= says otherwise), --sizes=1000,10000, --shapes=wide,deep-13,deep-5,scoresheet,
 * --no-cli. `scoresheet` (also run by default) is a scoresheet of --subjects=500 subjects scoring
 * every one of about --leaves=200 leaves, beside its rubric, both open: see measureScoresheet.
 */

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const withYamlLs = args.includes('--with-yaml-ls');
const sizes = (option('sizes') ?? '100,1000,10000').split(',').map(Number);
const yamlLsSizes = (option('yaml-ls-sizes') ?? '1000').split(',').map(Number);
const shapeNames = (option('shapes') ?? 'wide,deep-13,deep-5,scoresheet').split(',');
const sheetSubjects = Number(option('subjects') ?? 500);
const sheetLeaves = Number(option('leaves') ?? 200);

interface Shape {
  name: string;
  generate(size: number): GeneratedRubric;
  /** The smallest size measured: a deep rubric of 100 indicators is not deep. */
  from: number;
}

const SHAPES: Shape[] = [
  { name: 'wide', generate: (size) => generateRubric(size), from: 0 },
  // 13 areas, 3 levels: at 10,000, 13 × ~28 sub-areas × ~28 leaves, as in issue 14.
  { name: 'deep-13', generate: (size) => generateDeepRubric({ indicators: size, areas: 13, levels: 3 }), from: 1000 },
  // 5 areas, 4 levels, as the forest scheme's 5 areas would be with sub-sub-indicators.
  { name: 'deep-5', generate: (size) => generateDeepRubric({ indicators: size, areas: 5, levels: 4 }), from: 1000 },
];

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function maximum(values: number[]): number {
  const known = values.filter((v) => !Number.isNaN(v));
  return known.length > 0 ? Math.max(...known) : NaN;
}

function p95(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0));

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** A request the other server may not support (yaml-language-server has no inlay hints): NaN then. */
async function timeRequest(work: () => Promise<unknown>): Promise<number> {
  try {
    return (await time(work))[0];
  } catch {
    return NaN;
  }
}

function fullParse(text: string): number {
  const start = performance.now();
  parseAllDocuments(text);
  return performance.now() - start;
}

/** One full parse in a fresh process: the floor for a first open, which no server has warmed up for. */
function firstParse(text: string): number {
  const file = path.join(os.tmpdir(), `rubric-bench-${process.pid}.yaml`);
  fs.writeFileSync(file, text);
  try {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'parse-once.js'), file], { encoding: 'utf8' });
    return Number(result.stdout.trim());
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function peakRss(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Positions of criteria values spread over the file (not block scalars' headers): where a person types in a big rubric. */
function editPlaces(text: string, count: number, seed: number): number[] {
  const places: number[] = [];
  const pattern = /criteria: (?![>|])[^\n]*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) places.push(match.index + match[0].length);
  const next = random(seed);
  return Array.from({ length: count }, () => places[Math.floor(next() * places.length)]);
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

interface Row {
  server: string;
  shape: string;
  size: number;
  indicators: number;
  lines: number;
  /** One full parse in this process, warm: the floor for a keystroke. */
  parse: number;
  /** One full parse in a fresh process: the floor for a first open. */
  firstParse: number;
  open: number;
  keyMedian: number;
  keyP95: number;
  keyMax: number;
  /** Keystrokes typing a new key line, which leave the YAML broken until the colon. */
  newKey: number;
  inlay: number;
  lens: number;
  hover: number;
  completion: number;
  rss: number;
}

/**
 * Each first open is timed in a fresh server, next to a first parse in a fresh process and a
 * parse in this (warm) one, so the noise of a shared machine hits the figures compared alike.
 */
const OPEN_ROUNDS = 5;
const BENCH_MAX_FILE_SIZE = 64 * 1024 * 1024;

async function measure(server: string, shape: Shape, size: number, startServer: () => Promise<LspClient>, edits: number): Promise<Row> {
  const { text, indicators } = shape.generate(size);
  const uri = `file:///bench/${shape.name}-${size}.rubric.yaml`;
  const parses = [fullParse(text)];
  const firstParses: number[] = [];
  const opens: number[] = [];
  let client: LspClient | undefined;
  for (let round = 0; round < OPEN_ROUNDS; round++) {
    await client?.stop();
    client = await startServer();
    const opening = client;
    const [elapsed, diagnostics] = await time(() => opening.open(uri, text));
    // A figure of a file that was not analysed (too large, say) would measure nothing.
    if (server === 'rubric' && diagnostics.length > 0)
      throw new Error(`${server} ${shape.name} ${size}: the generated rubric has findings: ${JSON.stringify(diagnostics.slice(0, 3))}`);
    opens.push(elapsed);
    firstParses.push(firstParse(text));
    parses.push(fullParse(text));
  }
  // The last server goes on to the keystrokes with the file open.
  const editor = client!;
  const keys: number[] = [];
  const inlays: number[] = [];
  const hovers: number[] = [];
  const completions: number[] = [];
  const lenses: number[] = [];
  for (const offset of editPlaces(text, edits, size)) {
    // Type one character at the end of a criteria line, then take it back: the text is the
    // original again after each pair, so every place is found at its first offset.
    const at = positionAt(text, offset);
    const after = { line: at.line, character: at.character + 1 };
    keys.push((await time(() => editor.edit(uri, [{ range: { start: at, end: at }, text: '好' }])))[0]);
    keys.push((await time(() => editor.edit(uri, [{ range: { start: at, end: after }, text: '' }])))[0]);
    const visible = { start: { line: Math.max(0, at.line - 30), character: 0 }, end: { line: at.line + 30, character: 0 } };
    inlays.push(await timeRequest(() => editor.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: visible })));
    hovers.push(
      await timeRequest(() => editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: at.line - 2, character: 14 } })),
    );
    completions.push(
      await timeRequest(() => editor.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: at.line, character: 8 } })),
    );
    lenses.push(await timeRequest(() => editor.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })));
  }
  const newKeys = await typeNewKeys(editor, uri, text, editPlaces(text, NEW_KEY_PLACES, size + 1));
  const rss = peakRss(editor.pid);
  await editor.stop();
  return {
    server,
    shape: shape.name,
    size,
    indicators,
    lines: text.split('\n').length,
    parse: median(parses),
    firstParse: median(firstParses),
    open: median(opens),
    keyMedian: median(keys),
    keyP95: p95(keys),
    keyMax: maximum(keys),
    newKey: median(newKeys),
    inlay: median(inlays),
    lens: median(lenses),
    hover: median(hovers),
    completion: median(completions),
    rss,
  };
}

const NEW_KEY_PLACES = 5;
/** Enter (the editor indents the new line as the line above), then `note: 1` a character at a time. */
const newKeyKeystrokes = (indent: string) => [`\n${indent}`, 'n', 'o', 't', 'e', ':', ' ', '1'];

/**
 * Types a new key under an indicator at each place, then takes the line back out. Until its
 * colon the key is a syntax error: each keystroke must still be answered without a full parse.
 */
async function typeNewKeys(editor: LspClient, uri: string, text: string, places: number[]): Promise<number[]> {
  const times: number[] = [];
  for (const offset of places) {
    let typed = '';
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const indent = /^ */.exec(text.slice(lineStart, offset))![0];
    for (const keystroke of newKeyKeystrokes(indent)) {
      const at = positionAt(text.slice(0, offset) + typed, offset + typed.length);
      times.push((await time(() => editor.edit(uri, [{ range: { start: at, end: at }, text: keystroke }])))[0]);
      typed += keystroke;
    }
    const start = positionAt(text, offset);
    const end = positionAt(text.slice(0, offset) + typed, offset + typed.length);
    await editor.edit(uri, [{ range: { start, end }, text: '' }]);
  }
  return times;
}

function yamlLanguageServer(): string[] | undefined {
  const bin = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  return fs.existsSync(bin) ? [process.execPath, bin, '--stdio'] : undefined;
}

function table(rows: Row[]): void {
  const header = [
    'server',
    'shape',
    'indicators',
    'lines',
    'parse (warm)',
    'parse (fresh)',
    'first open',
    'key→diag median',
    'p95',
    'max',
    'new key typed',
    'inlay (visible)',
    'code lens',
    'hover',
    'completion',
    'peak RSS MiB',
  ];
  const body = rows.map((r) => [
    r.server,
    r.shape,
    String(r.indicators),
    String(r.lines),
    ms(r.parse),
    ms(r.firstParse),
    ms(r.open),
    ms(r.keyMedian),
    ms(r.keyP95),
    ms(r.keyMax),
    ms(r.newKey),
    ms(r.inlay),
    ms(r.lens),
    ms(r.hover),
    ms(r.completion),
    ms(r.rss),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const b of body) console.log(line(b));
  console.log('(times in ms: medians unless marked; "parse (fresh)" is the first parse in a new process, as a server first opening the file meets it)');
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

function targets(rows: Row[]): void {
  console.log('\nTargets (issues 5 and 14), measured in this run:');
  for (const row of rows.filter((r) => r.server === 'rubric')) {
    const yaml = rows.find((r) => r.server === 'yaml-ls' && r.size === row.size && r.shape === row.shape);
    const deep = row.shape !== 'wide';
    const checks: [string, boolean, string][] = [];
    if (row.size === 10000) {
      if (deep) {
        checks.push([
          'keystroke → diagnostics median ≤ 10% of a full parse',
          row.keyMedian <= row.parse / 10,
          `${ms(row.keyMedian)} = ${percent(row.keyMedian, row.parse)} of ${ms(row.parse)}`,
        ]);
        checks.push([
          'keystroke → diagnostics p95 ≤ 25% of a full parse',
          row.keyP95 <= row.parse / 4,
          `${ms(row.keyP95)} = ${percent(row.keyP95, row.parse)}`,
        ]);
      } else {
        checks.push(['keystroke → diagnostics ≤ 1/10 full parse', row.keyMedian <= row.parse / 10, `${ms(row.keyMedian)} vs ${ms(row.parse / 10)}`]);
      }
      checks.push([
        'the same while typing a new key (broken YAML until its colon)',
        row.newKey <= row.parse / 10,
        `${ms(row.newKey)} = ${percent(row.newKey, row.parse)}`,
      ]);
      checks.push(['inlay / code lens ≤ 20 ms', row.inlay <= 20 && row.lens <= 20, `${ms(row.inlay)} / ${ms(row.lens)}`]);
      checks.push(['peak memory ≤ 250 MiB', row.rss <= 250, `${ms(row.rss)} MiB`]);
    }
    if (row.size === 1000) {
      checks.push(['inlay / code lens ≤ 5 ms', row.inlay <= 5 && row.lens <= 5, `${ms(row.inlay)} / ${ms(row.lens)}`]);
      if (yaml)
        checks.push([
          'keystroke → diagnostics ≥ 10× faster than yaml-language-server',
          row.keyMedian <= yaml.keyMedian / 10,
          `${ms(row.keyMedian)} vs ${ms(yaml.keyMedian)}: ${(yaml.keyMedian / row.keyMedian).toFixed(0)}×`,
        ]);
      else
        checks.push(['keystroke → diagnostics vs yaml-language-server', false, 'not measured: run with --with-yaml-ls after installing yaml-language-server']);
    }
    if (row.size >= 1000) {
      const ratios = `${(row.open / row.firstParse).toFixed(2)}× the parse in a fresh process, ${(row.open / row.parse).toFixed(2)}× a warm one`;
      checks.push([
        'first open ≤ 1.5 × full parse (fresh process, as the server meets it)',
        row.open <= 1.5 * row.firstParse,
        `${ms(row.open)} vs ${ms(1.5 * row.firstParse)}: ${ratios}`,
      ]);
    }
    for (const [name, ok, detail] of checks) console.log(`  ${ok ? 'met    ' : 'NOT MET'} ${row.shape} ${row.size}: ${name} (${detail})`);
  }
}

/** The command line over a folder of 1,000 typical rubrics, against the `yaml` parse of the same files. */
function commandLine(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-bench-cli-'));
  const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.rubric.yaml'));
  const texts: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const text = i % 4 === 3 ? generateRubric(40, i).text : fs.readFileSync(path.join(ROOT, 'samples', samples[i % samples.length]), 'utf8');
    texts.push(text);
    fs.writeFileSync(path.join(folder, `r${i}.rubric.yaml`), text);
  }
  const start = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'server/bin/rubric.js'), 'check', '--format', 'json', folder], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const cli = performance.now() - start;
  const parseStart = performance.now();
  for (const text of texts) parseAllDocuments(text);
  const parse = performance.now() - parseStart;
  fs.rmSync(folder, { recursive: true, force: true });
  console.log(
    `\nCommand line: rubric check over 1,000 rubrics: ${ms(cli)} ms (${Math.round(1000 / (cli / 1000))} files/s, exit ${result.status}, process start included);`,
  );
  console.log(
    `  the yaml parse alone of the same files, in process: ${ms(parse)} ms (${Math.round(1000 / (parse / 1000))} files/s); ratio ${(cli / parse).toFixed(2)}×`,
  );
}

interface SheetRow {
  subjects: number;
  leaves: number;
  lines: number;
  characters: number;
  parse: number;
  firstParse: number;
  open: number;
  /** Keystrokes in the scoresheet's values → its diagnostics. */
  keys: number[];
  /** A keystroke in the rubric → the scoresheet's diagnostics published again, by where it is typed. */
  rubricKeys: { kind: string; times: number[] }[];
  rss: number;
}

/** A digit typed into a score (after `: `), spread over the file: where a person types in a scoresheet. */
function scorePlaces(text: string, count: number, seed: number): number[] {
  const places = [...text.matchAll(/: (?=\d)/g)].map((m) => m.index! + 2);
  const next = random(seed);
  return Array.from({ length: count }, () => places[Math.floor(next() * places.length)]);
}

/** Where a keystroke in the rubric lands: at the end of a criteria text, of a name, or in a weight's first digit. */
function rubricPlaces(text: string, pattern: RegExp, count: number, seed: number): number[] {
  const places = [...text.matchAll(pattern)].map((m) => m.index! + m[0].length);
  const next = random(seed);
  return Array.from({ length: count }, () => places[Math.floor(next() * places.length)]);
}

/**
 * A scoresheet of `subjects` × about `leaves` leaves (test/support/generate-scoresheet.ts: flow
 * and block maps, deductions, bonus, penalties, vetoes) and its rubric, written to a folder that
 * is the workspace, both opened in the real server: keystrokes in the scoresheet's scores (a digit
 * typed, then taken back) until its diagnostics arrive, and keystrokes in the rubric until the
 * scoresheet's diagnostics are published again; against one full `yaml` parse of the scoresheet.
 */
async function measureScoresheet(subjects: number, leaves: number, edits: number): Promise<SheetRow> {
  const generated = generateScoresheet({ leaves, subjects });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-bench-sheet-'));
  const rubricFile = path.join(folder, 'generated.rubric.yaml');
  const sheetFile = path.join(folder, 'generated.scores.yaml');
  fs.writeFileSync(rubricFile, generated.rubric);
  fs.writeFileSync(sheetFile, generated.sheet);
  const [rubricUri, sheetUri] = [rubricFile, sheetFile].map((f) => pathToFileURL(f).href);
  const text = generated.sheet;
  const parses = [fullParse(text)];
  const firstParses: number[] = [];
  const opens: number[] = [];
  let client: LspClient | undefined;
  try {
    for (let round = 0; round < OPEN_ROUNDS; round++) {
      await client?.stop();
      client = await LspClient.start({
        locale: 'en',
        workspaceFolders: [pathToFileURL(folder).href],
        initializationOptions: { settings: { maxFileSize: BENCH_MAX_FILE_SIZE } },
      });
      const rubricFindings = await client.open(rubricUri, generated.rubric);
      if (rubricFindings.length > 0) throw new Error(`the generated rubric has findings: ${JSON.stringify(rubricFindings.slice(0, 3))}`);
      const opening = client;
      const [elapsed, diagnostics] = await time(() => opening.open(sheetUri, text));
      // A figure of a sheet that was not ranked (its rubric not found, say) would measure nothing.
      if (diagnostics.length > 0) throw new Error(`the generated scoresheet has findings: ${JSON.stringify(diagnostics.slice(0, 3))}`);
      opens.push(elapsed);
      firstParses.push(firstParse(text));
      parses.push(fullParse(text));
    }
    const editor = client!;
    const keys: number[] = [];
    for (const offset of scorePlaces(text, edits, 17)) {
      const at = positionAt(text, offset);
      const after = { line: at.line, character: at.character + 1 };
      keys.push((await time(() => editor.edit(sheetUri, [{ range: { start: at, end: at }, text: '1' }])))[0]);
      keys.push((await time(() => editor.edit(sheetUri, [{ range: { start: at, end: after }, text: '' }])))[0]);
    }
    // The scoresheet's version stays as it is while the rubric is typed in: its diagnostics come again with it.
    const sheetVersion = 1 + keys.length;
    const rubricKeys: SheetRow['rubricKeys'] = [];
    const kinds: [string, RegExp, string][] = [
      ['criteria', /criteria: (?![>|])[^\n]*/g, '好'],
      ['name', /name: [^\n（,}]*/g, '好'],
      ['weight', /weight: (?=\d)/g, '1'],
    ];
    for (const [kind, pattern, typed] of kinds) {
      const times: number[] = [];
      for (const offset of rubricPlaces(generated.rubric, pattern, Math.max(4, edits / 4), kind.length)) {
        const at = positionAt(generated.rubric, offset);
        const after = { line: at.line, character: at.character + typed.length };
        for (const change of [
          { range: { start: at, end: at }, text: typed },
          { range: { start: at, end: after }, text: '' },
        ]) {
          const republished = editor.diagnostics(sheetUri, sheetVersion);
          times.push((await time(async () => (await editor.edit(rubricUri, [change]), await republished)))[0]);
        }
      }
      rubricKeys.push({ kind, times });
    }
    const rss = peakRss(editor.pid);
    await editor.stop();
    client = undefined;
    return {
      subjects,
      leaves: generated.leaves.length,
      lines: text.split('\n').length,
      characters: text.length,
      parse: median(parses),
      firstParse: median(firstParses),
      open: median(opens),
      keys,
      rubricKeys,
      rss,
    };
  } finally {
    await client?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function sheetReport(row: SheetRow): void {
  const line = (times: number[]) => `median ${ms(median(times))} (${percent(median(times), row.parse)}), p95 ${ms(p95(times))}, max ${ms(maximum(times))}`;
  console.log(
    `\nScoresheet: ${row.subjects} subjects × ${row.leaves} leaves (${row.lines} lines, ${row.characters} characters), times in ms:` +
      `\n  one full yaml parse of the scoresheet: ${ms(row.parse)} warm, ${ms(row.firstParse)} in a fresh process` +
      `\n  first open (rubric already open): ${ms(row.open)}; peak RSS ${ms(row.rss)} MiB` +
      `\n  keystroke in a score → the scoresheet's diagnostics: ${line(row.keys)}`,
  );
  for (const { kind, times } of row.rubricKeys) console.log(`  keystroke in a rubric ${kind} → the scoresheet's diagnostics again: ${line(times)}`);
  console.log('\nTargets (issues 12 and 14), measured in this run:');
  const checks: [string, number][] = [
    ['keystroke in the scoresheet', median(row.keys)],
    ...row.rubricKeys.map(({ kind, times }): [string, number] => [`keystroke in a rubric ${kind}`, median(times)]),
  ];
  for (const [name, value] of checks) {
    console.log(
      `  ${value <= row.parse / 10 ? 'met    ' : 'NOT MET'} ${name} → scoresheet diagnostics, median ≤ 10% of a full parse of the scoresheet (${ms(value)} = ${percent(value, row.parse)} of ${ms(row.parse)})`,
    );
  }
}

async function main(): Promise<void> {
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  const rows: Row[] = [];
  const yamlLs = withYamlLs ? yamlLanguageServer() : undefined;
  if (withYamlLs && !yamlLs)
    console.log('yaml-language-server is not installed (npm install --no-save yaml-language-server); measuring Rubric Studio alone.\n');
  for (const shape of SHAPES.filter((s) => shapeNames.includes(s.name))) {
    for (const size of sizes.filter((s) => s >= shape.from)) {
      const edits = size >= 10000 ? 20 : 40;
      // A deep 10,000-indicator rubric is over 3 MB, above the default rubric.maxFileSize (2 MiB):
      // the benchmark raises the limit as a person with such a file would.
      rows.push(
        await measure(
          'rubric',
          shape,
          size,
          () => LspClient.start({ locale: 'en', initializationOptions: { settings: { maxFileSize: BENCH_MAX_FILE_SIZE } } }),
          edits,
        ),
      );
      if (yamlLs && yamlLsSizes.includes(size)) {
        const schema = path.join(ROOT, 'schemas', 'rubric.schema.json');
        const sections = { yaml: { validate: true, hover: true, completion: true, schemas: { [schema]: '*.rubric.yaml' } } };
        rows.push(await measure('yaml-ls', shape, size, () => LspClient.start({ command: yamlLs, sections }), Math.min(edits, 10)));
      }
    }
  }
  if (rows.length > 0) {
    table(rows);
    targets(rows);
  }
  if (shapeNames.includes('scoresheet')) sheetReport(await measureScoresheet(sheetSubjects, sheetLeaves, 40));
  if (!args.includes('--no-cli')) commandLine();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
