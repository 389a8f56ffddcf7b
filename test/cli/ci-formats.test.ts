import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, rubric } from '../support/cli';
import { escapeData, escapeProperty } from 'rubric-studio-server/out/cli/report-github';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'server/package.json'), 'utf8')) as { version: string }).version;

/** `rubric …` run from `cwd`: SARIF and annotation paths are relative to it. */

// Two errors after CJK text. Line 2 `indicators:`: weights-sum on the key, characters 0..10.
// Line 5 `veto: [{name: 重大火灾, tier: 优等}]`: "veto: [{name: " is 14 units, 重大火灾 4 → 18,
// ", tier: " 8 → 26, so 优等 is characters 26..28 (each CJK character one UTF-16 unit).
const BROKEN = ['rubric: 考评表', 'indicators:', '  - {name: 甲, weight: 30}', 'tiers: [{name: 优秀}]', 'veto: [{name: 重大火灾, tier: 优等}]', ''].join('\n');
// A warning only: 3 subjects × 10% = 0.3 → 0 slots (quota-empty) on `10%`. Line 5
// `  - {name: 优秀, quota: {exactly: 10%}}`: "  - {name: " 11, 优秀 → 13, ", quota: {" → 23,
// "exactly: " → 32, so `10%` is characters 32..35.
const EMPTY_TIER = [
  'rubric: 甲',
  'subjects: 3',
  'indicators: [{name: 乙, weight: 100}]',
  'tiers:',
  '  - {name: 优秀, quota: {exactly: 10%}}',
  '  - {name: 一般}',
  '',
].join('\n');

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: unknown[] }[] }[];
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
    }[];
  }[];
}

describe('rubric check --format sarif | github (child process)', function () {
  // Each test starts Node processes; on a loaded machine one can take seconds.
  this.timeout(30000);
  let scratch: string;
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-ci-'));
    fs.mkdirSync(path.join(scratch, 'rules'));
    fs.writeFileSync(path.join(scratch, 'rules/broken.rubric.yaml'), BROKEN);
    fs.writeFileSync(path.join(scratch, 'rules/empty-tier.rubric.yaml'), EMPTY_TIER);
    fs.writeFileSync(path.join(scratch, 'odd, name: 1.rubric.yaml'), EMPTY_TIER);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  describe('sarif', () => {
    it('is a SARIF 2.1.0 log with one rule per code used and 1-based regions computed by hand', () => {
      const result = rubric(['check', '--format', 'sarif', 'rules/broken.rubric.yaml'], scratch);
      assert.equal(result.status, 1, result.stderr);
      const log = JSON.parse(result.stdout) as SarifLog;
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.runs.length, 1);
      const [run] = log.runs;
      assert.equal(run.tool.driver.name, 'rubric');
      assert.equal(run.tool.driver.version, VERSION);
      assert.deepEqual(
        run.tool.driver.rules.map((r) => r.id),
        ['weights-sum', 'unknown-reference'],
      );
      for (const rule of run.tool.driver.rules) assert.match(rule.shortDescription.text, /^[A-Za-z#].{10,}/);
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
      assert.deepEqual(
        run.results.map((r) => [r.ruleId, run.tool.driver.rules[r.ruleIndex].id, r.level, r.locations[0].physicalLocation.artifactLocation.uri]),
        [
          ['weights-sum', 'weights-sum', 'error', 'rules/broken.rubric.yaml'],
          ['unknown-reference', 'unknown-reference', 'error', 'rules/broken.rubric.yaml'],
        ],
      );
      // LSP (0-based, end exclusive) + 1 on every number: endColumn is the column just past the range.
      assert.deepEqual(
        run.results.map((r) => r.locations[0].physicalLocation.region),
        [
          { startLine: 2, startColumn: 1, endLine: 2, endColumn: 11 },
          { startLine: 5, startColumn: 27, endLine: 5, endColumn: 29 },
        ],
      );
      assert.match(run.results[1].message.text, /优等/);
    });

    it('gives warnings the level warning and exits 0 without errors', () => {
      const result = rubric(['check', '--format', 'sarif', 'rules/empty-tier.rubric.yaml'], scratch);
      assert.equal(result.status, 0, result.stderr);
      const [run] = (JSON.parse(result.stdout) as SarifLog).runs;
      assert.deepEqual(
        run.results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region]),
        [['quota-empty', 'warning', { startLine: 5, startColumn: 33, endLine: 5, endColumn: 36 }]],
      );
    });

    it('percent-encodes the URI of an odd file name', () => {
      const result = rubric(['check', '--format', 'sarif', 'odd, name: 1.rubric.yaml'], scratch);
      const [run] = (JSON.parse(result.stdout) as SarifLog).runs;
      assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'odd%2C%20name%3A%201.rubric.yaml');
    });

    it('turns an unreadable file into a tool notification, keeps stdout JSON and exits 2', () => {
      const result = rubric(['check', '--format', 'sarif', 'rules', 'no/such.rubric.yaml'], scratch);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /no\/such\.rubric\.yaml: cannot read: no such file or folder/);
      const [run] = (JSON.parse(result.stdout) as SarifLog).runs;
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.deepEqual(run.invocations[0].toolExecutionNotifications, [
        {
          level: 'error',
          message: { text: 'cannot read: no such file or folder' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'no/such.rubric.yaml' } } }],
        },
      ]);
      // The folder's files were still checked.
      assert.deepEqual([...new Set(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))].sort(), [
        'rules/broken.rubric.yaml',
        'rules/empty-tier.rubric.yaml',
      ]);
    });
  });

  describe('github', () => {
    it('prints one workflow command per finding, then the summary', () => {
      const result = rubric(['check', '--format', 'github', 'rules/broken.rubric.yaml'], scratch);
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(result.stdout.split('\n'), [
        '::error file=rules/broken.rubric.yaml,line=2,col=1,endLine=2,endColumn=11,title=weights-sum::Top-level weights add up to 30, not 100: 70 missing',
        '::error file=rules/broken.rubric.yaml,line=5,col=27,endLine=5,endColumn=29,title=unknown-reference::No tier has the id "优等": did you mean "优秀"?',
        '1 file checked: 2 errors, 0 warnings',
        '',
      ]);
    });

    it('escapes % in the message and : , in the file property; a warning is ::warning, exit 0', () => {
      const result = rubric(['check', '--format', 'github', 'odd, name: 1.rubric.yaml'], scratch);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(
        result.stdout.split('\n')[0],
        '::warning file=odd%2C name%3A 1.rubric.yaml,line=5,col=33,endLine=5,endColumn=36,title=quota-empty::' +
          '"优秀" gets no slot for 3 subjects: 3 × 10%25 = 0.3 → 0 (half-up); "rounding: min-one" gives it at least one',
      );
    });

    it('annotates a file that cannot be read and exits 2', () => {
      const result = rubric(['check', '--format', 'github', '--locale', 'zh-CN', 'no/such.rubric.yaml'], scratch);
      assert.equal(result.status, 2);
      // No "0 files checked" beside it: the one path given was not.
      assert.deepEqual(result.stdout.split('\n'), ['::error file=no/such.rubric.yaml::无法读取：文件或文件夹不存在', '']);
    });

    it('escapes as the Actions runner reads it', () => {
      // A newline would end the command; % starts an escape; : and , end a property.
      assert.equal(escapeData('50% of 3\r\nnext: a, b'), '50%25 of 3%0D%0Anext: a, b');
      assert.equal(escapeProperty('dir:1/a,b%.rubric.yaml'), 'dir%3A1/a%2Cb%25.rubric.yaml');
    });
  });

  describe('options', () => {
    it('refuses sarif and github for simulate, and unknown formats for check', () => {
      const simulate = rubric(['simulate', '--format', 'sarif', 'rules/empty-tier.rubric.yaml'], scratch);
      assert.equal(simulate.status, 2);
      assert.match(simulate.stderr, /--format must be text or json/);
      const check = rubric(['check', '--format', 'xml', 'rules'], scratch);
      assert.equal(check.status, 2);
      assert.match(check.stderr, /--format must be text, json, sarif or github/);
    });

    it('reads --locale through parseArgs, so a usage error is in Chinese in either spelling', () => {
      for (const args of [
        ['check', '--locale=zh-CN', '--bogus', 'rules'],
        ['check', '--bogus', '--locale', 'zh-CN', 'rules'],
      ]) {
        const result = rubric(args, scratch);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /未知选项 --bogus/, args.join(' '));
      }
    });
  });
});
