import { strict as assert } from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CancellationTokenSource,
  createProtocolConnection,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  InitializeRequest,
  InlayHintRequest,
  LSPErrorCodes,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SummaryRequest } from 'rubric-studio-server/out/protocol';
import { LspClient, positionOf, ROOT } from '../support/lsp-client';

const SERVER = path.join(ROOT, 'node_modules/.bin/rubric-language-server');
const TIERS = 'tiers:\n  - {id: a, name: A, quota: {exactly: 30%}}\n  - {id: b, name: B}\n';
const rubric = (a: number, b: number) => `rubric: T\nsubjects: 10\nindicators:\n  - {name: a, weight: ${a}}\n  - {name: b, weight: ${b}}\n${TIERS}`;

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/** A bare connection to a server process: what a misbehaving client does is up to the test. */
function rawServer(args: string[] = []) {
  const child = spawn(process.execPath, [SERVER, '--stdio', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  return { child, connection, stderr: () => stderr };
}

async function initialize(connection: ProtocolConnection, processId: number | null) {
  await connection.sendRequest(InitializeRequest.type, {
    processId,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
}

/** Whether a process runs: it exists and is not a zombie nobody has reaped yet (a container's init may not reap). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !(fs.existsSync(stat) && /^\d+ \(.*\) Z/.test(fs.readFileSync(stat, 'utf8')));
}

describe('server faults', function () {
  // Generous: spawning processes on a shared machine; the watchdog polls every 3 s.
  this.timeout(120000);

  it('a client that disconnects in the middle of a request: the server exits by itself', async () => {
    const { child, connection } = rawServer();
    await initialize(connection, null);
    const uri = 'file:///faults/gone.rubric.yaml';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: rubric(60, 40) } });
    // The request is on its way when the pipe closes; nobody will read the answer.
    void connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).catch(() => undefined);
    child.stdin!.end();
    child.stdout!.destroy();
    // Not asked to shut down first: the LSP exit code for that is 1. What matters is that it exits.
    assert.equal(await exited(child), 1);
    connection.dispose();
  });

  describe('with a well-behaved connection', () => {
    let client: LspClient;
    const logged: string[] = [];
    before(async () => {
      client = await LspClient.start({ locale: 'en' });
      client.connection.onNotification('window/logMessage', (params: { message: string }) => {
        logged.push(params.message);
      });
    });
    after(async () => {
      await client.stop();
      assert.equal(client.exited, 0, client.stderr);
      assert.deepEqual(
        logged.filter((m) => /failed/i.test(m)),
        [],
      );
    });

    it('a request cancelled at once is answered "cancelled" (or with its result), and the next one is answered', async () => {
      const uri = 'file:///faults/cancel.rubric.yaml';
      const text = rubric(60, 40);
      await client.open(uri, text);
      const answers = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const source = new CancellationTokenSource();
          const pending = client.connection.sendRequest(
            InlayHintRequest.type,
            { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } },
            source.token,
          );
          source.cancel();
          try {
            return (await pending) === null ? 'null' : 'answered';
          } catch (error) {
            assert.ok(error instanceof ResponseError, String(error));
            assert.equal(error.code, LSPErrorCodes.RequestCancelled);
            return 'cancelled';
          }
        }),
      );
      // The server yields before each request's work, so the cancellation it has read by then wins.
      assert.ok(answers.includes('cancelled'), answers.join(' '));
      assert.ok(!answers.includes('null'), answers.join(' '));
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'weight: 60', 9) });
      assert.ok(hover, 'a request after the cancelled ones is answered');
    });

    it('requests for a document never opened are answered empty, not with an error', async () => {
      const uri = 'file:///faults/never-opened.rubric.yaml';
      assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
      assert.equal(await client.connection.sendRequest(SummaryRequest, { uri }), null);
    });

    it('a closed document: its diagnostics are cleared, and requests on it are answered empty', async () => {
      const uri = 'file:///faults/closed.rubric.yaml';
      const diagnostics = await client.open(uri, rubric(60, 30));
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['weights-sum'],
      );
      const cleared = new Promise<PublishDiagnosticsParams>((resolve) => {
        const registration = client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (params.uri !== uri) return;
          registration.dispose();
          resolve(params);
        });
      });
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      assert.deepEqual((await cleared).diagnostics, []);
      assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 25 } }), null);
      assert.equal(await client.connection.sendRequest(SummaryRequest, { uri }), null);
    });

    it("versions sent back to back: every diagnostics carries the version it describes, never another version's findings", async () => {
      const uri = 'file:///faults/versions.rubric.yaml';
      // Version 1: 60 + 40 = 100, nothing wrong. Then even versions 60 + 30 = 90 (weights-sum), odd ones 100 again.
      const published: PublishDiagnosticsParams[] = [];
      const last = 21;
      const done = new Promise<void>((resolve) => {
        const registration = client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (params.uri !== uri) return;
          published.push(params);
          if (params.version === last) {
            registration.dispose();
            resolve();
          }
        });
      });
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: rubric(60, 40) },
      });
      for (let version = 2; version <= last; version++) {
        // Sent without waiting: the server may analyse some versions after newer ones have arrived.
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ text: rubric(60, version % 2 === 0 ? 30 : 40) }],
        });
      }
      await done;
      assert.ok(published.length > 0);
      for (const params of published) {
        assert.equal(typeof params.version, 'number', 'every diagnostics names its version');
        const expected = params.version! % 2 === 0 ? ['weights-sum'] : [];
        assert.deepEqual(
          params.diagnostics.map((d) => d.code),
          expected,
          `version ${params.version}`,
        );
      }
      // Versions only go forward.
      const versions = published.map((p) => p.version!);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
      );
    });
  });

  describe('when the parent process dies', () => {
    /**
     * An intermediate process (the "editor") starts the server with the test's pipes as its
     * stdio, so killing the intermediate closes no pipe: only the server's watch on its parent's
     * process id can make it exit. The test then sees the server's stdout close: the server is gone.
     */
    async function orphan(how: 'argument' | 'initialize'): Promise<void> {
      const intermediate = spawn(
        process.execPath,
        [
          '-e',
          `const { spawn } = require('child_process');
           const args = [${JSON.stringify(SERVER)}, '--stdio'${how === 'argument' ? ", '--clientProcessId=' + process.pid" : ''}];
           const server = spawn(process.execPath, args, { stdio: 'inherit' });
           process.send(server.pid);
           setInterval(() => {}, 1000);`,
        ],
        { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] },
      );
      const serverPid = await new Promise<number>((resolve) => intermediate.once('message', (pid) => resolve(Number(pid))));
      const connection = createProtocolConnection(new StreamMessageReader(intermediate.stdout!), new StreamMessageWriter(intermediate.stdin!));
      connection.onNotification('window/logMessage', () => undefined);
      connection.listen();
      // The server answers through the pipes the intermediate handed down.
      await initialize(connection, how === 'initialize' ? intermediate.pid! : null);
      const closed = new Promise<void>((resolve) => intermediate.stdout!.once('close', () => resolve()));
      intermediate.kill('SIGKILL');
      await exited(intermediate);
      // The pipe's write end closes only when every holder is gone: the intermediate and the server.
      await closed;
      const alive = isRunning(serverPid);
      connection.dispose();
      if (alive) process.kill(serverPid, 'SIGKILL');
      assert.equal(alive, false, `the server (pid ${serverPid}) outlived its parent`);
    }

    it('started with --clientProcessId: the server exits by itself', async () => {
      await orphan('argument');
    });

    it('told its parent in initialize (processId): the server exits by itself', async () => {
      await orphan('initialize');
    });
  });
});
