/* eslint-disable no-control-regex -- control characters in names are what this tests */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rubric } from '../support/cli';

/**
 * Terminal control in names a file holds: an OSC 52 clipboard write (ESC ] 52 ; c ; base64 BEL),
 * a screen clear (ESC [ 2 J), an OSC 8 hyperlink, a C1 CSI (U+009B) and DEL, and a line feed that
 * would forge a line of output. In YAML's double-quoted escapes, so the file itself is plain text.
 */
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const CLEAR = '\u001b[2J';
const LINK = '\u001b]8;;https://example.invalid\u001b\\点这里\u001b]8;;\u001b\\';
const C1 = '\u009b31m红\u007f';
const FORGED = '甲\n0 errors';

/** A YAML double-quoted string with every control character as a `\\u` escape. */
const yamlQuoted = (value: string) =>
  `"${value.replace(/["\\\u0000-\u001f\u007f-\u009f]/g, (ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;

const RUBRIC_TEXT = `rubric: ${yamlQuoted(`考评${CLEAR}`)}
subjects: 4
indicators:
  - {id: work, name: 工作实绩, weight: 60}
  - {id: safety, name: 安全生产, weight: 40}
tiers:
  - {id: good, name: ${yamlQuoted(`优秀${CLIPBOARD}`)}, quota: {exactly: 25%}}
  - {id: fair, name: 合格}
`;

const SCORES_TEXT = `rubric: evil.rubric.yaml
scores:
  - {subject: ${yamlQuoted(`甲镇${CLIPBOARD}`)}, points: {work: 55, safety: 40}}
  - {subject: ${yamlQuoted(`乙镇${CLEAR}`)}, points: {work: 50, safety: 30}}
  - {subject: ${yamlQuoted(`丙镇${LINK}`)}, points: {work: 40}}
  - {subject: ${yamlQuoted(`丁镇${C1}`)}, points: {work: 30, safety: 20}}
  - {subject: ${yamlQuoted(FORGED)}, points: {work: 20, safety: 20}}
`;

/** Anything a terminal obeys: C0 but tab and the line ends of the output itself, DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function assertInert(output: string, what: string): void {
  const found = RAW_CONTROL.exec(output);
  assert.equal(found, null, `${what}: a raw U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found?.index}:\n${output}`);
}

describe('text from files reaches the terminal inert (child process)', function () {
  this.timeout(60000);
  let scratch: string;
  before(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-terminal-')));
    fs.writeFileSync(path.join(scratch, 'evil.rubric.yaml'), RUBRIC_TEXT);
    fs.writeFileSync(path.join(scratch, 'evil.scores.yaml'), SCORES_TEXT);
    fs.mkdirSync(path.join(scratch, 'named'));
    fs.writeFileSync(path.join(scratch, 'named', `a${CLEAR}.rubric.yaml`), RUBRIC_TEXT);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('rank: names, title and tier shown with their control characters escaped, each subject on its own line', () => {
    const result = rubric(['rank', 'evil.scores.yaml'], scratch);
    assert.equal(result.status, 0, result.stderr);
    assertInert(result.stdout, 'stdout');
    assertInert(result.stderr, 'stderr');
    assert.match(result.stdout, /^evil\.scores\.yaml — 考评\\x1b\[2J \(evil\.rubric\.yaml\)$/m);
    assert.match(result.stdout, /甲镇\\x1b\]52;c;cm0gLXJmIH4K\\x07 +95 +优秀\\x1b\]52;c;cm0gLXJmIH4K\\x07/);
    assert.ok(result.stdout.includes('乙镇\\x1b[2J'));
    assert.ok(result.stdout.includes('丙镇\\x1b]8;;https://example.invalid\\x1b\\点这里\\x1b]8;;\\x1b\\'));
    assert.ok(result.stdout.includes('丁镇\\x9b31m红\\x7f'));
    // The line feed in a name does not start a line of its own.
    assert.ok(result.stdout.includes('甲\\x0a0 errors'));
    assert.ok(!/^0 errors/m.test(result.stdout));
  });

  it('rank --format json: the same names exactly, nothing raw a terminal obeys', () => {
    const result = rubric(['rank', '--format', 'json', 'evil.scores.yaml'], scratch);
    assert.equal(result.status, 0, result.stderr);
    assertInert(result.stdout, 'stdout');
    const json = JSON.parse(result.stdout) as { rows: { subject: string }[] };
    assert.deepEqual(json.rows.map((r) => r.subject).sort(), [`甲镇${CLIPBOARD}`, `乙镇${CLEAR}`, `丙镇${LINK}`, `丁镇${C1}`, FORGED].sort());
  });

  it('check: messages quoting names, and a file name found in a folder, escaped', () => {
    const sheet = rubric(['check', 'evil.scores.yaml'], scratch);
    assertInert(sheet.stdout, 'stdout');
    assertInert(sheet.stderr, 'stderr');
    // 丙镇 has no score for 安全生产: the warning names the subject.
    assert.match(sheet.stdout, /missing-score: .*丙镇\\x1b\]8;;/);
    const folder = rubric(['check', 'named'], scratch);
    assert.equal(folder.status, 0, folder.stderr);
    assertInert(folder.stdout, 'stdout');
    const json = rubric(['check', '--format', 'json', 'named'], scratch);
    assertInert(json.stdout, 'stdout');
    assert.deepEqual(
      (JSON.parse(json.stdout) as { file: string }[]).map((r) => r.file),
      [path.join('named', `a${CLEAR}.rubric.yaml`)],
    );
  });

  it('simulate: title and tier names escaped in text, exact in JSON', () => {
    const text = rubric(['simulate', 'evil.rubric.yaml'], scratch);
    assert.equal(text.status, 0, text.stderr);
    assertInert(text.stdout, 'stdout');
    assert.ok(text.stdout.includes('考评\\x1b[2J'));
    assert.ok(text.stdout.includes('优秀\\x1b]52;c;cm0gLXJmIH4K\\x07'));
    const json = rubric(['simulate', '--format', 'json', 'evil.rubric.yaml'], scratch);
    assertInert(json.stdout, 'stdout');
    const rows = (JSON.parse(json.stdout) as { rows: { tiers: { name: string }[] }[] }).rows;
    assert.equal(rows[0].tiers[0].name, `优秀${CLIPBOARD}`);
  });
});
