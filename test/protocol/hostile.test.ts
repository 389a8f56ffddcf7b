import { strict as assert } from 'assert';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  Diagnostic,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  Position,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lsp-client';

const uriFor = (name: string) => `file:///hostile/${name}`;
const TIERS = 'tiers:\n  - {id: a, name: A, quota: {exactly: 30%}}\n  - {id: b, name: B}\n';
const VALID = `rubric: T\nsubjects: 10\nindicators:\n  - {name: a, weight: 60}\n  - {name: b, weight: 40}\n${TIERS}`;

function hostileDocuments(): Record<string, string> {
  let laughs = 'rubric: T\nlol:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) laughs += `  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
  let deep = 'rubric: T\nindicators:\n';
  // 2,000 levels: the depth at which V8 once aborted the whole process.
  for (let i = 0; i < 2000; i++) deep += `${' '.repeat(i + 2)}- \n`;
  return {
    'laughs.rubric.yaml': `${laughs}indicators:\n  - {name: a, weight: 100}\n${TIERS}`,
    'deep.rubric.yaml': deep,
    'flow.rubric.yaml': `rubric: T\nindicators: ${'['.repeat(5000)}\n`,
    'line.rubric.yaml': `rubric: T\nsubjects: 10\nindicators: [{name: "${'长'.repeat(500_000)}", weight: 100}]\n${TIERS}`,
    'many.rubric.yaml': Array.from({ length: 300 }, () => VALID).join('---\n'),
    'numbers.rubric.yaml': `rubric: T\nsubjects: 9007199254740993\nindicators:\n  - {name: a, weight: 1e308}\n  - {name: b, weight: .nan}\n  - {name: c, weight: -0}\n  - {name: d, weight: 0x1F}\n  - {name: e, weight: 三十}\n  - {name: "\uD800\u0000", weight: 1e-400}\n${TIERS}`,
  };
}

const everywhere = (text: string): Position => {
  const lines = text.split('\n');
  return { line: Math.floor(lines.length / 2), character: 1 };
};

describe('hostile documents through the server', function () {
  // Generous: a shared 2-core machine; what is bounded is the work, not the time.
  this.timeout(300000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'en', settings: { maxFileSize: 4 * 1024 * 1024 } });
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
  });

  for (const [name, text] of Object.entries(hostileDocuments())) {
    it(`${name}: diagnostics arrive, every request is answered, and the server keeps serving`, async () => {
      const uri = uriFor(name);
      const diagnostics = await client.open(uri, text);
      assert.ok(diagnostics.length <= 12, `${diagnostics.length} diagnostics: ${diagnostics.map((d) => d.message).join(' | ')}`);
      const at = everywhere(text);
      await Promise.all([
        client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at }),
        client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at }),
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
        client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
        client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }),
        client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: at } }),
        client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics } }),
      ]);
      // Still serving: a plain rubric right after.
      assert.deepEqual(await client.open(uriFor(`after-${name}`), VALID), []);
    });
  }

  it('the alias bomb and the deep nesting are each said once, clearly', async () => {
    const documents = hostileDocuments();
    const laughs = await client.replaceAll(uriFor('laughs.rubric.yaml'), documents['laughs.rubric.yaml']);
    assert.deepEqual(
      laughs.map((d) => [d.code, d.message]),
      [['yaml-syntax', 'The aliases (*name) of this document expand to more than 1000 copies: it is not checked against the schema']],
    );
    const deep = await client.replaceAll(uriFor('deep.rubric.yaml'), documents['deep.rubric.yaml']);
    assert.deepEqual(
      deep.map((d) => d.code),
      ['yaml-syntax'],
    );
    assert.match(String(deep[0].message), /nest more than 100 levels deep/);
  });
});

describe('files the server does not analyse', function () {
  this.timeout(300000);

  it('a rubric larger than rubric.maxFileSize gets one diagnostic at its start and no analysis; below it, the usual findings', async () => {
    const client = await LspClient.start({ locale: 'en', settings: { maxFileSize: 1000 } });
    try {
      const uri = uriFor('big.rubric.yaml');
      // 2,000 bytes of comment make it larger than 1,000; its weights (60 + 30) are off, but that is not said.
      const big = `${'#'.repeat(2000)}\n${VALID.replace('weight: 40', 'weight: 30')}`;
      // The settings are asked for after initialized: versions published before they arrive use the default limit.
      let diagnostics = await client.open(uri, big);
      for (let version = 2; diagnostics[0]?.code === 'weights-sum' && version < 100; version++) diagnostics = await client.replaceAll(uri, big);
      assert.deepEqual(
        diagnostics.map((d) => [d.range.start, d.range.end, d.message]),
        [[{ line: 0, character: 0 }, { line: 0, character: 0 }, 'This file is larger than rubric.maxFileSize (1000 bytes); it is not analysed']],
      );
      assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 4 } }), null);
      // Cut below the limit: analysed again.
      const small = await client.replaceAll(uri, VALID.replace('weight: 40', 'weight: 30'));
      assert.deepEqual(
        small.map((d) => d.code),
        ['weights-sum'],
      );
    } finally {
      await client.stop();
    }
  });

  it('the default limit is 2 MiB, counted in UTF-8 bytes: 700,000 Chinese characters (2.1 MB) are over it', async () => {
    const client = await LspClient.start({ locale: 'zh-CN' });
    try {
      // 700,000 × 3 bytes = 2,100,000 > 2,097,152; as UTF-16 it is only 700,000 units.
      const text = `rubric: "${'考'.repeat(700_000)}"\n`;
      const diagnostics = await client.open(uriFor('chinese.rubric.yaml'), text);
      assert.deepEqual(
        diagnostics.map((d) => d.message),
        ['此文件大于 rubric.maxFileSize（2097152 字节），不作分析'],
      );
    } finally {
      await client.stop();
    }
  });

  it('GBK text opened as UTF-8 (replacement characters) gets one "not UTF-8" diagnostic, not mojibake findings', async () => {
    // "rubric: 考评表\nindicators:\n  - {name: 国土绿化, weight: 100}\ntiers: [{name: 优秀}]\n" in GBK; each
    // Chinese character is two bytes that are not UTF-8, as an editor decodes them.
    const gbk = Buffer.from(
      '7275627269633a20bfbcc6c0b1ed0a696e64696361746f72733a0a20202d207b6e616d653a20b9facdc1c2ccbbaf2c207765696768743a203130307d0a74696572733a205b7b6e616d653a20d3c5d0e37d5d0a',
      'hex',
    );
    assert.equal(new TextDecoder('gbk').decode(gbk), 'rubric: 考评表\nindicators:\n  - {name: 国土绿化, weight: 100}\ntiers: [{name: 优秀}]\n');
    const asUtf8 = gbk.toString('utf8');
    assert.ok(asUtf8.includes('\uFFFD'));
    const client = await LspClient.start({ locale: 'en' });
    try {
      const diagnostics: Diagnostic[] = await client.open(uriFor('gbk.rubric.yaml'), asUtf8);
      assert.equal(diagnostics.length, 1);
      assert.match(String(diagnostics[0].message), /seems not to be UTF-8 \(perhaps GBK\)/);
      assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
    } finally {
      await client.stop();
    }
  });
});
