import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { confinementOf, RUBRIC_PATH_REASONS, resolveRubricPath } from 'rubric-studio-server/out/host/resolve-rubric-path';
import { RubricFiles } from 'rubric-studio-server/out/host/rubric-files';
import { core } from '../../support/rubric-core';

/**
 * The scoresheet's `rubric:` path on a real file system: temporary folders, real symbolic links.
 * Layout (all under one temporary folder, `outside/` beside the workspace):
 *   ws/rubrics/forest.rubric.yaml        the rubric
 *   ws/sheets/2022.scores.yaml           the scoresheet
 *   ws/sheets/forest.rubric.yaml/        a folder named like a rubric
 *   ws/sheets/notes.yaml                 a YAML file that is not a rubric
 *   outside/secret.rubric.yaml           a rubric outside the workspace
 */
describe('resolveRubricPath (real files, real symbolic links)', () => {
  let top: string;
  let ws: string;
  let sheet: string;
  let outside: string;
  const write = (file: string, content = 'rubric: T\n') => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  const reasonOf = (written: string, roots: string[] = [ws]) => {
    const result = resolveRubricPath(sheet, written, roots);
    return 'reason' in result ? result.reason : undefined;
  };

  before(() => {
    // Real paths throughout: on some systems the temporary folder is itself behind a link.
    top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-resolve-')));
    ws = path.join(top, 'ws');
    outside = path.join(top, 'outside');
    write(path.join(ws, 'rubrics/forest.rubric.yaml'));
    sheet = write(path.join(ws, 'sheets/2022.scores.yaml'), 'rubric: ../rubrics/forest.rubric.yaml\n');
    fs.mkdirSync(path.join(ws, 'sheets/forest.rubric.yaml'));
    write(path.join(ws, 'sheets/notes.yaml'));
    write(path.join(outside, 'secret.rubric.yaml'));
  });
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  it('resolves a path relative to the scoresheet to the real file', () => {
    assert.deepEqual(resolveRubricPath(sheet, '../rubrics/forest.rubric.yaml', [ws]), { path: path.join(ws, 'rubrics/forest.rubric.yaml') });
    // `./` and a detour that stays inside are the same file.
    assert.deepEqual(resolveRubricPath(sheet, './../sheets/../rubrics/forest.rubric.yaml', [ws]), { path: path.join(ws, 'rubrics/forest.rubric.yaml') });
  });

  it('accepts an absolute path inside the workspace folder', () => {
    const absolute = path.join(ws, 'rubrics/forest.rubric.yaml');
    assert.deepEqual(resolveRubricPath(sheet, absolute, [ws]), { path: absolute });
  });

  it('refuses ../../etc/passwd, an absolute path elsewhere and a climb to a real rubric beside the workspace', () => {
    assert.equal(reasonOf('../../etc/passwd'), RUBRIC_PATH_REASONS.outside);
    assert.equal(reasonOf('/etc/passwd'), RUBRIC_PATH_REASONS.outside);
    assert.equal(reasonOf(path.join(outside, 'secret.rubric.yaml')), RUBRIC_PATH_REASONS.outside);
    assert.equal(reasonOf('../../outside/secret.rubric.yaml'), RUBRIC_PATH_REASONS.outside);
    // A file that does not exist outside is refused the same way: nothing outside is probed.
    assert.equal(reasonOf('../../outside/none.rubric.yaml'), RUBRIC_PATH_REASONS.outside);
    assert.equal(RUBRIC_PATH_REASONS.outside['zh-CN'], '在工作区文件夹之外');
  });

  it('refuses a symbolic link inside the workspace whose target is outside, file or folder', () => {
    fs.symlinkSync(path.join(outside, 'secret.rubric.yaml'), path.join(ws, 'sheets/linked.rubric.yaml'));
    fs.symlinkSync(outside, path.join(ws, 'sheets/elsewhere'));
    assert.equal(reasonOf('linked.rubric.yaml'), RUBRIC_PATH_REASONS.outside);
    assert.equal(reasonOf('elsewhere/secret.rubric.yaml'), RUBRIC_PATH_REASONS.outside);
  });

  it('answers a path through a link to / alike whether the file there exists or not: no existence oracle', () => {
    fs.symlinkSync('/', path.join(ws, 'sheets/root'));
    fs.symlinkSync(path.join(outside, 'nowhere'), path.join(ws, 'sheets/dangling-out'));
    fs.symlinkSync('../../outside', path.join(ws, 'sheets/relative-out'));
    const probes = [
      // Through the link to /: a file that exists, one that does not, in a folder that does not.
      'root/etc/passwd',
      'root/etc/no-such-file.rubric.yaml',
      'root/no-such-folder/x.rubric.yaml',
      `root${path.join(outside, 'secret.rubric.yaml')}`,
      `root${path.join(outside, 'none.rubric.yaml')}`,
      // A link to a folder outside that does not exist, and one written relative that does.
      'dangling-out/x.rubric.yaml',
      'dangling-out',
      'relative-out/secret.rubric.yaml',
      'relative-out/none.rubric.yaml',
    ];
    for (const probe of probes) assert.equal(reasonOf(probe), RUBRIC_PATH_REASONS.outside, probe);
    // As the editor and the command line report it: the same code and the same message.
    const rubrics = new RubricFiles(core(), () => 1_000_000);
    const said = probes.map((probe) => {
      const analysis = core().analyzeScoresheet(`rubric: ${probe}\nscores: []\n`, (written) => rubrics.lookup(sheet, written, [ws]).lookup);
      return analysis.findings.map((f) => `${f.code}: ${f.message.en.replace(probe, 'PATH')}`).join('; ');
    });
    assert.match(said[0], /^rubric-not-found: /);
    assert.deepEqual(new Set(said), new Set([said[0]]));
  });

  it('follows a symbolic link whose target stays inside', () => {
    fs.symlinkSync(path.join(ws, 'rubrics/forest.rubric.yaml'), path.join(ws, 'sheets/here.rubric.yaml'));
    assert.deepEqual(resolveRubricPath(sheet, 'here.rubric.yaml', [ws]), { path: path.join(ws, 'rubrics/forest.rubric.yaml') });
    // A link to a folder inside, written relative, then a link through it.
    fs.symlinkSync('../rubrics', path.join(ws, 'sheets/shelf'));
    fs.symlinkSync('shelf/forest.rubric.yaml', path.join(ws, 'sheets/via-shelf.rubric.yaml'));
    assert.deepEqual(resolveRubricPath(sheet, 'shelf/forest.rubric.yaml', [ws]), { path: path.join(ws, 'rubrics/forest.rubric.yaml') });
    assert.deepEqual(resolveRubricPath(sheet, 'via-shelf.rubric.yaml', [ws]), { path: path.join(ws, 'rubrics/forest.rubric.yaml') });
    // Two links naming each other: a loop, said as such.
    fs.symlinkSync('loop-b.rubric.yaml', path.join(ws, 'sheets/loop-a.rubric.yaml'));
    fs.symlinkSync('loop-a.rubric.yaml', path.join(ws, 'sheets/loop-b.rubric.yaml'));
    assert.equal(reasonOf('loop-a.rubric.yaml')?.en, 'cannot be read (ELOOP)');
  });

  it('names each other failure: missing, a folder, not a rubric, a link to a non-rubric, a dangling link, no path', () => {
    assert.equal(reasonOf('missing.rubric.yaml'), RUBRIC_PATH_REASONS.missing);
    assert.equal(reasonOf('forest.rubric.yaml'), RUBRIC_PATH_REASONS.folder);
    assert.equal(reasonOf('notes.yaml'), RUBRIC_PATH_REASONS.notRubric);
    fs.symlinkSync(path.join(ws, 'sheets/notes.yaml'), path.join(ws, 'sheets/disguised.rubric.yaml'));
    assert.equal(reasonOf('disguised.rubric.yaml'), RUBRIC_PATH_REASONS.notRubric);
    fs.symlinkSync(path.join(ws, 'sheets/gone.rubric.yaml'), path.join(ws, 'sheets/dangling.rubric.yaml'));
    assert.equal(reasonOf('dangling.rubric.yaml'), RUBRIC_PATH_REASONS.missing);
    assert.equal(reasonOf('  '), RUBRIC_PATH_REASONS.empty);
    // Each reason is a different sentence, in both languages.
    const reasons = Object.values(RUBRIC_PATH_REASONS);
    assert.equal(new Set(reasons.map((r) => r.en)).size, reasons.length);
    assert.equal(new Set(reasons.map((r) => r['zh-CN'])).size, reasons.length);
  });

  it('names an unreadable rubric (permissions; not testable as root, who reads everything)', function () {
    if (process.getuid?.() === 0) this.skip();
    const locked = write(path.join(ws, 'sheets/locked.rubric.yaml'));
    fs.chmodSync(locked, 0o000);
    try {
      assert.equal(reasonOf('locked.rubric.yaml'), RUBRIC_PATH_REASONS.unreadable);
    } finally {
      fs.chmodSync(locked, 0o644);
    }
  });

  it('without a workspace folder, or outside every one, confines the scoresheet to its own folder', () => {
    assert.equal(confinementOf(sheet, []), path.join(ws, 'sheets'));
    assert.equal(confinementOf(sheet, [outside]), path.join(ws, 'sheets'));
    assert.equal(reasonOf('../rubrics/forest.rubric.yaml', []), RUBRIC_PATH_REASONS.outside);
    write(path.join(ws, 'sheets/beside.rubric.yaml'));
    assert.deepEqual(resolveRubricPath(sheet, 'beside.rubric.yaml', []), { path: path.join(ws, 'sheets/beside.rubric.yaml') });
  });

  it('takes the innermost workspace folder that holds the scoresheet', () => {
    assert.equal(confinementOf(sheet, [top, ws, path.join(ws, 'sheets')]), path.join(ws, 'sheets'));
    assert.equal(reasonOf('../rubrics/forest.rubric.yaml', [ws, path.join(ws, 'sheets')]), RUBRIC_PATH_REASONS.outside);
  });

  it('holds a scoresheet opened through a linked workspace folder to the real folder', () => {
    const alias = path.join(top, 'alias');
    fs.symlinkSync(ws, alias);
    const throughAlias = path.join(alias, 'sheets/2022.scores.yaml');
    assert.deepEqual(resolveRubricPath(throughAlias, '../rubrics/forest.rubric.yaml', [alias]), { path: path.join(ws, 'rubrics/forest.rubric.yaml') });
    assert.ok('reason' in resolveRubricPath(throughAlias, '../../outside/secret.rubric.yaml', [alias]));
  });
});
