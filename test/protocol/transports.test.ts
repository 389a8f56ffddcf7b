import { strict as assert } from 'assert';
import { fork } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../support/lsp-client';

describe('language server over node IPC', function () {
  this.timeout(30000);

  it('answers initialize and publishes diagnostics, as the VS Code client uses it', async () => {
    const child = fork(path.join(ROOT, 'server/bin/rubric-language-server.js'), ['--node-ipc'], { silent: true });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'rubric-language-server');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: 'file:///ipc/a.rubric.yaml',
        languageId: 'yaml',
        version: 1,
        text: 'rubric: x\nindicators: [{name: a, weight: 90}]\ntiers: [{name: t}]\n',
      },
    });
    const diagnostics = await published;
    assert.deepEqual(
      diagnostics.diagnostics.map((d) => d.code),
      ['weights-sum'],
    );
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
  });
});
