import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CancellationTokenSource,
  CodeAction,
  CodeActionRequest,
  CodeLensRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  DefinitionRequest,
  HoverRequest,
  InlayHint,
  InlayHintRequest,
  LSPErrorCodes,
  Location,
  MarkupContent,
  ReferencesRequest,
  RenameRequest,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { generateRubric } from '../support/generate-rubric';
import { applyEdits, LspClient, positionOf, ROOT } from '../support/lsp-client';

const sample = (name: string) => fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');
const FOREST = sample('forest-chief-2022.rubric.yaml');
const uriFor = (name: string) => `file:///rubrics/${name}`;

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

async function inlayLabels(client: LspClient, uri: string): Promise<string[]> {
  const lines = client.text(uri).split('\n').length;
  const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
  })) as InlayHint[];
  return hints.map((h) => String(h.label));
}

async function completionLabels(client: LspClient, uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  return Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
}

async function quickFixes(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return ((await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) ?? []) as CodeAction[];
}

describe('language server over stdio', function () {
  this.timeout(60000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
  });
  after(async () => {
    await client.stop();
    assert.equal(client.exited, 0, client.stderr);
  });

  it('publishes nothing for a valid sample and the exact codes and ranges for a broken one', async () => {
    assert.deepEqual(await client.open(uriFor('forest.rubric.yaml'), FOREST), []);
    const broken = fs.readFileSync(path.join(ROOT, 'samples/broken/weights-sum.rubric.yaml'), 'utf8');
    const diagnostics = await client.open(uriFor('weights-sum.rubric.yaml'), broken);
    assert.deepEqual(codes(diagnostics), ['weights-sum']);
    assert.deepEqual(diagnostics[0].range, { start: { line: 9, character: 0 }, end: { line: 9, character: 10 } });
    assert.equal(diagnostics[0].source, 'rubric');
    assert.match(diagnostics[0].codeDescription?.href ?? '', /^file:\/\/.*\/docs\/diagnostics\.md#weights-sum$/);
  });

  it('updates diagnostics and inlay totals after incremental edits', async () => {
    const uri = uriFor('edit.rubric.yaml');
    const text = 'rubric: 考评表\nindicators:\n  - {name: 甲, weight: 30}\n  - {name: 乙, weight: 70}\ntiers: [{name: 优秀}]\n';
    assert.deepEqual(await client.open(uri, text), []);
    assert.deepEqual(await inlayLabels(client, uri), ['Σ 100 ✓', '30%', '70%']);
    // Type "5" over the "0" of 70: one character, as a keystroke.
    const at = positionOf(text, 'weight: 70', 9);
    const after = await client.edit(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '5' }]);
    assert.deepEqual(codes(after), ['weights-sum']);
    assert.deepEqual(await inlayLabels(client, uri), ['Σ 105 / 100 (+5)', '30%', '75%']);
    assert.deepEqual(await client.edit(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '0' }]), []);
  });

  it('shows the quota table above tiers: as a code lens', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriFor('forest.rubric.yaml') } });
    assert.equal(lenses?.length, 1);
    assert.equal(lenses![0].command?.title, '10 subjects: 优秀 3 · 良好 5 · 一般 2');
    assert.equal(lenses![0].command?.command, 'rubric.showSimulation');
    assert.equal(lenses![0].range.start.line, positionOf(FOREST, '\ntiers:', 1).line);
  });

  it('hovers a quota with its working and the other roundings', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriFor('forest.rubric.yaml') },
      position: positionOf(FOREST, 'exactly: 30%', 10),
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /10 × 30% = 3 → 3/);
    assert.match(value, /half-up/);
    assert.match(value, /floor 3 · ceil 3 · min-one 3/);
  });

  it('hovers an indicator with its path, weight and share', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriFor('forest.rubric.yaml') },
      position: positionOf(FOREST, '年度营造林任务完成', 2),
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /国土绿化 › 年度营造林任务完成/);
    assert.match(value, /Weight: 15/);
    assert.match(value, /15%/);
  });

  it('hovers a key with the schema description', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriFor('forest.rubric.yaml') },
      position: positionOf(FOREST, 'rounding: half-up', 2),
    });
    assert.match((hover?.contents as MarkupContent).value, /\*\*Rounding/);
  });

  describe('completion', () => {
    const uri = uriFor('complete.rubric.yaml');
    const text = [
      'rubric: 考评表',
      'subjects: 10',
      'rounding: ',
      'methods: [{id: review, name: 综合核查}]',
      'indicators:',
      '  ',
      '  - name: 甲',
      '    weight: 100',
      '    methods: [review]',
      '    ',
      'veto:',
      '  - {name: 重大火灾, tier: }',
      'tiers:',
      '  - {id: excellent, name: 优秀, quota: {exactly: 30%}}',
      '  - {id: average, name: 一般}',
      '',
    ].join('\n');
    before(async () => {
      await client.open(uri, text);
    });

    it('offers the rounding modes after `rounding: `', async () => {
      const items = await completionLabels(client, uri, { line: 2, character: 10 });
      assert.deepEqual(
        items.map((i) => i.label),
        ['half-up', 'floor', 'ceil', 'min-one', 'largest-remainder'],
      );
      assert.ok(items[0].detail);
    });

    it('offers snippets for a new indicator on an empty line under `indicators:`', async () => {
      const items = await completionLabels(client, uri, { line: 5, character: 2 });
      assert.deepEqual(
        items.map((i) => i.label),
        ['indicator', 'group with items'],
      );
      assert.match(items[0].textEdit ? (items[0].textEdit as TextEdit).newText : '', /^- name: /);
    });

    it('offers the keys an indicator may still take, with descriptions', async () => {
      const labels = (await completionLabels(client, uri, { line: 9, character: 4 })).map((i) => i.label);
      assert.ok(labels.includes('criteria') && labels.includes('items') && labels.includes('scoring'), labels.join());
      assert.ok(!labels.includes('name') && !labels.includes('weight'), 'keys already present are not offered');
    });

    it('offers the tier ids inside veto `tier:`', async () => {
      const items = await completionLabels(client, uri, { line: 11, character: 23 });
      assert.deepEqual(
        items.map((i) => i.label),
        ['excellent', 'average'],
      );
    });
  });

  describe('quick fixes', () => {
    const cases: { name: string; code: string; text: string; pick?: RegExp }[] = [
      {
        name: 'weights-sum: set the last weight',
        code: 'weights-sum',
        pick: /last weight/,
        text: 'rubric: x\nindicators:\n  - {name: a, weight: 30}\n  - {name: b, weight: 65}\ntiers: [{name: t}]\n',
      },
      {
        name: 'weights-sum: scale proportionally',
        code: 'weights-sum',
        pick: /Scale/,
        text: 'rubric: x\nindicators:\n  - {name: a, weight: 30}\n  - {name: b, weight: 65}\n  - {name: c, weight: 0.5}\ntiers: [{name: t}]\n',
      },
      {
        name: 'children-sum: scale proportionally',
        code: 'children-sum',
        pick: /Scale/,
        text: 'rubric: x\nindicators:\n  - name: g\n    weight: 100\n    items:\n      - {name: a, weight: 33.3}\n      - {name: b, weight: 33.3}\n      - {name: c, weight: 33.3}\ntiers: [{name: t}]\n',
      },
      { name: 'schema: rename to the near spelling', code: 'schema', text: 'rubric: x\nindicators:\n  - {name: a, wieght: 100}\ntiers: [{name: t}]\n' },
      {
        name: 'duplicate-id: make unique (block style)',
        code: 'duplicate-id',
        text: 'rubric: x\nindicators:\n  - name: a\n    weight: 50\n  - name: a\n    weight: 50\ntiers: [{name: t}]\n',
      },
      {
        name: 'duplicate-id: make unique, quoted when the name needs it',
        code: 'duplicate-id',
        text: 'rubric: x\nindicators:\n  - name: "Fire: prevention"\n    weight: 50\n  - name: "Fire: prevention"\n    weight: 50\ntiers: [{name: t}]\n',
      },
      {
        name: 'duplicate-id: make unique (explicit id)',
        code: 'duplicate-id',
        text: 'rubric: x\nindicators:\n  - {id: k, name: a, weight: 50}\n  - {id: k, name: b, weight: 50}\ntiers: [{name: t}]\n',
      },
      {
        name: 'quota-rounding: use the rounding that keeps the rule',
        code: 'quota-rounding',
        text: 'rubric: x\nsubjects: 15\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: top, quota: {max: 30%}}\n  - {name: rest}\n',
      },
      {
        name: 'quota-rounding in a block quota',
        code: 'quota-rounding',
        text: 'rubric: x\nsubjects: 15\nindicators: [{name: a, weight: 100}]\ntiers:\n  - name: top\n    quota:\n      max: 30%\n  - name: rest\n',
      },
      {
        name: 'quota-empty: min-one',
        code: 'quota-empty',
        text: 'rubric: x\nsubjects: 10\nindicators: [{name: a, weight: 100}]\ntiers:\n  - {name: top, quota: {exactly: 4%}}\n  - {name: rest}\n',
      },
      {
        name: 'unknown-reference: the near spelling',
        code: 'unknown-reference',
        text: 'rubric: x\nmethods: [{id: review, name: r}]\nindicators: [{name: a, weight: 100, methods: [reveiw]}]\ntiers: [{name: t}]\n',
      },
    ];
    for (const [index, testCase] of cases.entries()) {
      it(`${testCase.name}: the fixed document has no such finding`, async () => {
        const uri = uriFor(`fix-${index}.rubric.yaml`);
        const diagnostics = await client.open(uri, testCase.text);
        const diagnostic = diagnostics.find((d) => d.code === testCase.code);
        assert.ok(diagnostic, `expected ${testCase.code} in ${JSON.stringify(codes(diagnostics))}`);
        const actions = await quickFixes(client, uri, diagnostic);
        const action = testCase.pick ? actions.find((a) => testCase.pick!.test(a.title)) : actions[0];
        assert.ok(action?.edit?.changes?.[uri], `no fix among ${actions.map((a) => a.title).join(' | ')}`);
        const fixed = applyEdits(testCase.text, action.edit.changes[uri]);
        const after = await client.replaceAll(uri, fixed);
        assert.deepEqual(codes(after), [], `${fixed}\n→ ${JSON.stringify(after.map((d) => d.message))}`);
      });
    }
  });

  describe('which quick fixes are offered', () => {
    // Two groups whose items do not add up: two children-sum findings on two lines.
    const TWO_GROUPS =
      'rubric: x\nindicators:\n  - name: g1\n    weight: 50\n    items:\n      - {name: a, weight: 20}\n      - {name: b, weight: 20}\n' +
      '  - name: g2\n    weight: 50\n    items:\n      - {name: c, weight: 30}\n      - {name: d, weight: 30}\ntiers: [{name: t}]\n';

    it('attaches to a fix only the diagnostic it fixes, not every one of the same code', async () => {
      const uri = uriFor('two-groups.rubric.yaml');
      const diagnostics = await client.open(uri, TWO_GROUPS);
      assert.deepEqual(codes(diagnostics), ['children-sum', 'children-sum']);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      })) as CodeAction[];
      assert.ok(actions.length > 0);
      for (const action of actions) {
        // Each fix names the one group's finding it fixes: g1's fixes name line 3, g2's line 8.
        assert.equal(action.diagnostics?.length, 1, action.title);
      }
      const lines = new Set(actions.map((a) => a.diagnostics![0].range.start.line));
      assert.deepEqual([...lines].sort(), [3, 8]);
    });

    it("offers fixes with the cursor at the line's start, as Neovim asks (the line's diagnostics in the context)", async () => {
      const uri = uriFor('cursor-at-line-start.rubric.yaml');
      const [diagnostic] = await client.open(uri, 'rubric: x\nindicators:\n  - {name: a, wieght: 100}\ntiers: [{name: t}]\n');
      assert.equal(diagnostic.code, 'schema');
      const lineStart = { line: diagnostic.range.start.line, character: 0 };
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: lineStart, end: lineStart },
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Change to "weight"'],
      );
    });

    it('offers no fix for a check the person turned off', async () => {
      const off = await LspClient.start({ settings: { checks: { 'weights-sum': 'off' } } });
      const uri = uriFor('off.rubric.yaml');
      const text = 'rubric: x\nindicators:\n  - {name: a, weight: 30}\n  - {name: b, weight: 65}\ntiers: [{name: t}]\n';
      let diagnostics = await off.open(uri, text);
      // The first publish may come before the settings arrive; the server republishes after.
      if (diagnostics.length !== 0) diagnostics = (await off.diagnostics(uri)).diagnostics;
      assert.deepEqual(codes(diagnostics), []);
      const actions = (await off.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 1, character: 0 }, end: { line: 4, character: 0 } },
        context: { diagnostics: [] },
      })) as CodeAction[];
      assert.deepEqual(actions, []);
      await off.stop();
    });
  });

  it('answers a cancelled request as cancelled and keeps serving', async () => {
    const uri = uriFor('cancel.rubric.yaml');
    await client.open(uri, FOREST);
    // A big edit keeps the server busy analysing: the hover and its cancellation both arrive
    // while it works, so the hover is still waiting when it is cancelled.
    const busy = generateRubric(3000, 2).text;
    void client.replaceAll(uri, busy);
    const position = positionOf(busy, 'weight: ', 9);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.ok(hover);
  });

  it('shows the figures of real-scheme keys: a composite sheet, a deduction list, a lens per group', async () => {
    const uri = uriFor('extensions.rubric.yaml');
    const text = [
      'rubric: x',
      'subjects:',
      '  groups:',
      '    - {id: towns, name: 乡镇序列, count: 10}',
      '    - {id: depts, name: 部门序列, count: 20}',
      'indicators:',
      '  - id: work',
      '    name: 工作实绩',
      '    out_of: 100',
      '    weight: 70',
      '    items:',
      '      - id: river',
      '        name: 河道保洁',
      '        weight: 100',
      '        scoring:',
      '          deduct:',
      '            - {id: litter, points: 0.5, per: 每处, max: 4}',
      '            - {id: no-record, points: 2, when: 未建台账}',
      '  - {name: 评议, weight: 30}',
      'tiers:',
      '  - {id: top, name: 优秀, quota: {exactly: 30%}}',
      '  - {id: rest, name: 其他}',
      '',
    ].join('\n');
    assert.deepEqual(codes(await client.open(uri, text)), []);
    const labels = await inlayLabels(client, uri);
    // The sheet: 100 counted at 70; the rules take off at most 4 + 2 = 6.
    assert.ok(labels.includes('Σ 100 → 70'), labels.join(' | '));
    assert.ok(labels.includes('at most −6'), labels.join(' | '));
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    // 10 × 30% = 3 and 20 × 30% = 6; the rest take 7 and 14.
    assert.deepEqual(
      lenses?.map((l) => l.command?.title),
      ['乡镇序列 · 10 subjects: 优秀 3 · 其他 7', '部门序列 · 20 subjects: 优秀 6 · 其他 14'],
    );
  });

  it('renames a tier id at its definition and every reference', async () => {
    const uri = uriFor('rename.rubric.yaml');
    const text =
      'rubric: x\nindicators: [{name: a, weight: 100}]\nveto:\n  - {name: v1, tier: low}\n  - {name: v2, tier: low}\ntiers:\n  - {id: top, name: 优秀}\n  - {id: low, name: 一般}\n';
    await client.open(uri, text);
    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'id: low', 5),
      newName: 'average',
    });
    const renamed = applyEdits(text, edit!.changes![uri]);
    assert.equal(renamed, text.replace(/low/g, 'average'));
    assert.deepEqual(await client.replaceAll(uri, renamed), []);
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(renamed, 'id: average', 5),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(refs.length, 3);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: positionOf(renamed, 'tier: average', 7),
    })) as Location;
    assert.equal(definition.range.start.line, 7);
  });

  it('gives an outline with weights and folding ranges', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: uriFor('forest.rubric.yaml') },
    })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const section = (name: string) => symbols[0].children!.find((s) => s.name === name)!;
    assert.deepEqual(
      symbols[0].children!.map((s) => s.name),
      ['indicators', 'bonus', 'veto', 'tiers'],
    );
    const [indicators, tiers] = [section('indicators'), section('tiers')];
    assert.deepEqual(indicators.children!.map((s) => `${s.name} ${s.detail}`).slice(0, 2), ['国土绿化 23', '资源管理 20']);
    assert.deepEqual(
      tiers.children!.map((s) => s.detail),
      ['exactly 30%', undefined, 'exactly 20%'],
    );
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uriFor('forest.rubric.yaml') } });
    assert.ok(folds && folds.length > 10);
  });

  it('answers rubric/summary and rubric/simulate as the contract says', async () => {
    const summary = await client.connection.sendRequest('rubric/summary', { uri: uriFor('forest.rubric.yaml') });
    assert.deepEqual({ total: (summary as { total: number }).total, expected: (summary as { expected: number }).expected }, { total: 100, expected: 100 });
    const rows = (await client.connection.sendRequest('rubric/simulate', { uri: uriFor('forest.rubric.yaml'), subjects: [10, 15, 37] })) as {
      subjects: number;
      tiers: { id: string; min: number; max: number; share: number }[];
      warnings: string[];
    }[];
    assert.deepEqual(
      rows.map((r) => [r.subjects, r.tiers.map((t) => t.max)]),
      [
        [10, [3, 5, 2]],
        [15, [5, 7, 3]],
        [37, [11, 19, 7]],
      ],
    );
    assert.deepEqual(Object.keys(rows[0].tiers[0]).sort(), ['id', 'max', 'min', 'name', 'share', 'working']);
  });

  it('honours a rubric-ignore comment and reports one that silences nothing', async () => {
    const uri = uriFor('ignore.rubric.yaml');
    const text =
      'rubric: x\nsubjects: 15\nindicators: [{name: a, weight: 100}]\ntiers:\n  # rubric-ignore quota-rounding\n  - {name: top, quota: {max: 30%}}\n  # rubric-ignore weights-sum\n  - {name: rest}\n';
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(codes(diagnostics), ['unused-ignore']);
    assert.equal(diagnostics[0].range.start.line, 6);
  });

  it('leaves other YAML files alone', async () => {
    assert.deepEqual(await client.open('file:///rubrics/config.yaml', 'indicators: 3\n'), []);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: 'file:///rubrics/config.yaml' },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    });
    assert.deepEqual(hints, []);
  });

  it('never fails a request nor exits on half-typed text (every prefix of a sample)', async () => {
    const uri = uriFor('prefix.rubric.yaml');
    const text = fs.readFileSync(path.join(ROOT, 'samples/broken/children-sum.rubric.yaml'), 'utf8');
    await client.open(uri, '');
    for (let end = 0; end <= text.length; end++) {
      const prefix = text.slice(0, end);
      await client.replaceAll(uri, prefix);
      const lines = prefix.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      await Promise.all([
        client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
        client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
        client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position } }),
        client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }),
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
        client.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: position },
          context: { diagnostics: [] },
        }),
      ]);
    }
    assert.equal(client.exited, undefined);
    assert.equal(client.stderr, '');
  });
});

describe('language server settings and language', function () {
  this.timeout(30000);

  it('speaks Chinese when the editor says zh-cn', async () => {
    const client = await LspClient.start({ locale: 'zh-cn' });
    const [diagnostic] = await client.open(uriFor('zh.rubric.yaml'), 'rubric: x\nindicators: [{name: a, weight: 95}]\ntiers: [{name: t}]\n');
    assert.match(diagnostic.message as string, /一级指标分值合计 95，应为 100：还差 5/);
    await client.stop();
  });

  /** The message of the one diagnostic of a 95-point rubric, from a server started as given. */
  async function weightsMessage(options: Parameters<typeof LspClient.start>[0]): Promise<string> {
    const client = await LspClient.start(options);
    const [diagnostic] = await client.open(uriFor('auto.rubric.yaml'), 'rubric: x\nindicators: [{name: a, weight: 95}]\ntiers: [{name: t}]\n');
    await client.stop();
    return diagnostic.message as string;
  }

  it('rubric.locale auto outside VS Code: the client’s locale first, then the server’s LANG, else English', async function () {
    // Six servers started one after the other.
    this.timeout(120000);
    // Neovim and Emacs send no locale: a person who runs `LANG=zh_CN.UTF-8 nvim` reads Chinese.
    assert.match(await weightsMessage({ env: { LANG: 'zh_CN.UTF-8' } }), /^一级指标分值合计 95，应为 100：还差 5$/);
    assert.match(await weightsMessage({ env: { LANG: 'C.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' } }), /^一级指标分值合计 95/);
    // A locale the client sends wins over the environment, either way.
    assert.match(await weightsMessage({ locale: 'en', env: { LANG: 'zh_CN.UTF-8' } }), /^Top-level weights add up to 95/);
    assert.match(await weightsMessage({ locale: 'zh-cn', env: { LANG: 'en_US.UTF-8' } }), /^一级指标/);
    // So does the setting, sent as Neovim 0.7 can: in initializationOptions.
    assert.match(await weightsMessage({ env: { LANG: 'zh_CN.UTF-8' }, initializationOptions: { settings: { locale: 'en' } } }), /^Top-level weights/);
    assert.match(await weightsMessage({ env: { LANG: 'C.UTF-8' } }), /^Top-level weights add up to 95/);
  });

  it('applies rubric.checks overrides and rubric.locale from workspace/configuration', async () => {
    const client = await LspClient.start({ locale: 'en', settings: { locale: 'zh-CN', checks: { 'quota-rounding': 'off', 'weights-sum': 'warning' } } });
    const text = 'rubric: x\nsubjects: 15\nindicators: [{name: a, weight: 95}]\ntiers:\n  - {name: top, quota: {max: 30%}}\n  - {name: rest}\n';
    const uri = uriFor('settings.rubric.yaml');
    // The first publish may come before the settings arrive; the server republishes after.
    let diagnostics = await client.open(uri, text);
    if (diagnostics.length !== 1) diagnostics = (await client.diagnostics(uri)).diagnostics;
    assert.deepEqual(codes(diagnostics), ['weights-sum']);
    assert.equal(diagnostics[0].severity, 2);
    assert.match(diagnostics[0].message as string, /一级指标/);
    await client.stop();
  });
});
