import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ImportSpreadsheetResult } from 'rubric-studio-server/out/protocol';
import { craftedDocuments } from '../support/crafted-documents';
import { craftedWorkbooks } from '../support/crafted-workbooks';
import { LspClient, ROOT } from '../support/lsp-client';
import { ResourceUsage } from '../support/resource-usage';

/**
 * The crafted-workbook family (issue 20), and its Word documents (issue 23), run as a generator: a batch with a fixed seed, each case
 * through `rubric import` in a process of its own, whose peak memory and processor time are held
 * to the budget — 300 MB and 5 s — and through one language server, which must answer every case
 * and stay within the same budget per request. Processor time, not the clock: the machine is
 * shared, and a case costs what it costs whatever else runs. RUBRIC_CRAFTED_SEED and
 * RUBRIC_CRAFTED_PER_FAMILY make other batches.
 */

const SEED = Number(process.env.RUBRIC_CRAFTED_SEED ?? 20);
const PER_FAMILY = Number(process.env.RUBRIC_CRAFTED_PER_FAMILY ?? 2);
const MAX_RSS_MIB = 300;
const MAX_CPU_MS = 5000;

const RUBRIC = path.join(ROOT, 'node_modules/.bin/rubric');
const USAGE_HOOK = path.join(__dirname, '../support/resource-usage.js');

const cases = [...craftedWorkbooks(SEED, PER_FAMILY), ...craftedDocuments(SEED)];
const fileOf = (index: number) => `case-${index}.${cases[index].extension ?? 'xlsx'}`;

describe(`crafted workbooks through rubric import, each in its own process (seed ${SEED}, ${cases.length} cases)`, function () {
  this.timeout(120000);
  let scratch: string;
  before(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-crafted-'))));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  for (const [index, crafted] of cases.entries()) {
    it(`#${index} ${crafted.family}: ${crafted.name}`, () => {
      const file = path.join(scratch, fileOf(index));
      const usageFile = path.join(scratch, `case-${index}.json`);
      fs.writeFileSync(file, crafted.bytes);
      const result = spawnSync(
        process.execPath,
        ['--require', USAGE_HOOK, RUBRIC, 'import', file, '--out', path.join(scratch, `case-${index}.rubric.yaml`), '--force'],
        {
          encoding: 'utf8',
          timeout: 90000,
          env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', RUBRIC_USAGE_FILE: usageFile },
        },
      );
      assert.equal(result.error, undefined, `ended by ${result.signal}: ${result.stderr}`);
      if (crafted.refusal) {
        assert.equal(result.status, 2, result.stdout + result.stderr);
        assert.match(result.stderr.trim(), new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${crafted.refusal.source.slice(1)}`));
      } else {
        assert.ok(result.status === 0 || result.status === 1, `read, with or without errors by cell: exit ${result.status}\n${result.stderr}`);
      }
      const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as ResourceUsage;
      assert.ok(usage.maxRssKiB / 1024 <= MAX_RSS_MIB, `peak memory ${Math.round(usage.maxRssKiB / 1024)} MiB`);
      assert.ok(usage.cpuMs <= MAX_CPU_MS, `processor time ${Math.round(usage.cpuMs)} ms`);
    });
  }
});

/** Peak memory (VmHWM) and processor time of a process, from /proc (Linux). */
function processUsage(pid: number): { peakMiB: number; cpuMs: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const peakKiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  // Fields 14 and 15 of /proc/PID/stat (after the command's closing parenthesis: 12 and 13) are user and system time in clock ticks.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakMiB: peakKiB / 1024, cpuMs: (ticks * 1000) / 100 };
}

describe(`crafted workbooks through rubric/importSpreadsheet, one server for all (seed ${SEED})`, function () {
  this.timeout(300000);
  let client: LspClient;
  let scratch: string;
  before(async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-crafted-lsp-'));
    client = await LspClient.start({ locale: 'en', workspaceFolders: [pathToFileURL(scratch).href] });
  });
  after(async () => {
    await client?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('answers every case within the budget, and keeps running', async () => {
    for (const [index, crafted] of cases.entries()) {
      const file = path.join(scratch, fileOf(index));
      fs.writeFileSync(file, crafted.bytes);
      const before = processUsage(client.pid!);
      const answer = (await client.connection.sendRequest('rubric/importSpreadsheet', {
        file: pathToFileURL(file).href,
        kind: 'rubric',
        target: pathToFileURL(path.join(scratch, `case-${index}.rubric.yaml`)).href,
      })) as ImportSpreadsheetResult;
      const after = processUsage(client.pid!);
      const label = `#${index} ${crafted.name}`;
      if (crafted.refusal) {
        assert.equal(answer.ok, false, label);
        assert.match(answer.ok ? '' : answer.message, new RegExp(`^${fileOf(index).replace('.', '\\.')} ${crafted.refusal.source.slice(1)}`), label);
      }
      assert.ok(after.cpuMs - before.cpuMs <= MAX_CPU_MS, `${label}: processor time ${after.cpuMs - before.cpuMs} ms`);
      assert.ok(after.peakMiB <= MAX_RSS_MIB, `${label}: the server's peak memory ${Math.round(after.peakMiB)} MiB`);
    }
    assert.equal(client.exited, undefined, 'the server is running');
  });
});
