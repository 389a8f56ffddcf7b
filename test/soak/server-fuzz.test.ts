import { strict as assert } from 'assert';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
} from 'vscode-languageserver-protocol/node';
import { mutate, readSamples } from '../fuzz/mutate';
import { random } from '../support/generate-rubric';
import { LspClient, ROOT } from '../support/lsp-client';
import { scaled, seedFor } from '../support/seeds';

const uriFor = (name: string) => `file:///hostile/${name}`;

describe('fuzzed edits through the server', function () {
  this.timeout(600000);
  const EDITS = scaled(200);

  it(`${EDITS} random edits of the samples with requests in between: every request answered, every version's diagnostics published`, async () => {
    const rand = random(seedFor(2));
    const samples = readSamples(ROOT);
    const texts = samples.map((s) => s.text);
    const client = await LspClient.start({ locale: 'zh-CN' });
    // A request that throws is answered empty and logged: the log is where a crash would show.
    const logged: string[] = [];
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logged.push(params.message);
    });
    try {
      const uri = uriFor('fuzzed.rubric.yaml');
      await client.open(uri, samples[0].text);
      for (let n = 0; n < EDITS; n++) {
        const base = n % 25 === 0 ? samples[Math.floor(rand() * samples.length)].text : client.text(uri);
        const { text, steps } = mutate(base, texts, rand);
        const lines = text.split('\n');
        const at = { line: Math.floor(rand() * lines.length), character: Math.floor(rand() * 20) };
        // Requests sent while the edit is on its way: the server answers them all, in any order.
        const published = client.replaceAll(uri, text);
        const answers = Promise.all([
          client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at }),
          client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at }),
          client.connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          }),
          client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }),
          client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
          client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
          client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } }),
        ]);
        try {
          await Promise.all([published, answers]);
        } catch (error) {
          assert.fail(`edit ${n} (${steps.join('; ')}): ${String(error)}\ntext: ${JSON.stringify(text)}\nstderr: ${client.stderr}`);
        }
        assert.equal(client.exited, undefined, `the server died at edit ${n}: ${client.stderr}`);
      }
      assert.deepEqual(
        logged.filter((m) => /failed/i.test(m)),
        [],
      );
    } finally {
      await client.stop();
    }
  });
});
