import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../support/lsp-client';

/**
 * `node test/out/bench/startup-memory.js [--rounds=5] [--baseline=DIR] [--rubric=FILE]`: the
 * language server's memory before the person has done anything, as each way of running it pays
 * it: the unbundled server (server/bin, other editors) and the bundle VS Code runs (dist/server.js),
 * of this build and of a baseline's (DIR/server/bin and DIR/dist, built). For each: resident and
 * peak resident memory (VmRSS, VmHWM from /proc) once it answers its first message, once it has
 * answered initialize (which warms the analysis up on the samples), and once a small rubric's
 * diagnostics are published. Medians of interleaved rounds; prints figures, asserts nothing.
 */

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROUNDS = Number(option('rounds') ?? 5);
const baseline = option('baseline');
const RUBRIC = path.resolve(option('rubric') ?? path.join(ROOT, 'samples/forest-chief-2022.rubric.yaml'));

interface Server {
  name: string;
  file: string;
}

const SERVERS: Server[] = [
  ...(baseline
    ? [
        { name: 'before, unbundled', file: path.resolve(baseline, 'server/bin/rubric-language-server.js') },
        { name: 'before, bundled', file: path.resolve(baseline, 'dist/server.js') },
      ]
    : []),
  { name: 'unbundled (server/bin)', file: path.join(ROOT, 'server/bin/rubric-language-server.js') },
  { name: 'bundled (dist/server.js)', file: path.join(ROOT, 'dist/server.js') },
  // A baseline may hold one of the two only (a copy of dist/ alone, beside the schemas it reads).
].filter((server) => fs.existsSync(server.file));

const STAGES = ['started', 'initialized', 'opened'] as const;
type Stage = (typeof STAGES)[number];
/** MiB at each stage: [resident, peak resident]. */
type Figures = Record<Stage, [number, number]>;

function memoryOf(pid: number): [number, number] {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return [kib('VmRSS') / 1024, kib('VmHWM') / 1024];
}

async function measure(server: Server): Promise<Figures> {
  const child = spawn(process.execPath, [server.file, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8' } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${server.file} exited (${code})`))));
  try {
    // An unknown request is refused as soon as the server listens, that is once its code is loaded:
    // the memory of a server started and idle, with no timer to guess when that is.
    await Promise.race([connection.sendRequest('$/rubric-bench/loaded').catch(() => undefined), exited]);
    const started = memoryOf(child.pid!);
    await Promise.race([connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} }), exited]);
    await connection.sendNotification(InitializedNotification.type, {});
    const initialized = memoryOf(child.pid!);
    const uri = pathToFileURL(path.join(os.tmpdir(), path.basename(RUBRIC))).href;
    const published = new Promise<void>((resolve) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri) resolve();
      }),
    );
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(RUBRIC, 'utf8') },
    });
    await Promise.race([published, exited]);
    return { started, initialized, opened: memoryOf(child.pid!) };
  } finally {
    child.kill();
    connection.dispose();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${ROUNDS} rounds; rubric ${path.relative(ROOT, RUBRIC)}`,
  );
  const results = new Map<Server, Figures[]>(SERVERS.map((server) => [server, []]));
  // Interleaved, so that a busy moment of a shared machine falls on every server alike.
  for (let round = 0; round < ROUNDS; round++) for (const server of SERVERS) results.get(server)!.push(await measure(server));
  console.log('\nMiB, resident / peak resident (medians):');
  console.log(['server'.padEnd(26), ...STAGES.map((stage) => stage.padStart(14))].join(''));
  for (const [server, figures] of results) {
    const cells = STAGES.map((stage) => {
      const [rss, peak] = [0, 1].map((i) => median(figures.map((f) => f[stage][i])).toFixed(0));
      return `${rss} / ${peak}`.padStart(14);
    });
    console.log([server.name.padEnd(26), ...cells].join(''));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
