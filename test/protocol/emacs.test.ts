import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installEditors } from '../support/lsp-editors';
import { ROOT } from '../support/lsp-client';

/**
 * The Emacs configuration of docs/editors/emacs.md, run as written (only its
 * `/path/to/rubric-studio` replaced) in `emacs --batch` with eglot against the real server, with
 * a rubric and with a scoresheet. Skipped, saying why, where Emacs or eglot is not installed
 * (`apt-get install emacs-nox elpa-eglot`: Debian 12 has Emacs 28.2 and eglot 1.9).
 */

const RUBRIC_SAMPLE = 'samples/broken/weights-sum.rubric.yaml';
/** Its rubric is in the folder above (`../forest-chief-2022.rubric.yaml`). */
const SCORESHEET_SAMPLE = 'samples/broken/tie-at-boundary.scores.yaml';

function documentedElisp(): string {
  const page = fs.readFileSync(path.join(ROOT, 'docs/editors/emacs.md'), 'utf8');
  const block = /```elisp\n([\s\S]*?)```/.exec(page);
  assert.ok(block, 'the page has its elisp block');
  return block[1].replace(/\/path\/to\/rubric-studio/g, ROOT);
}

/**
 * Visits the file, starts eglot as the hook would after the first command (batch Emacs runs no
 * commands), waits for flymake's diagnostics, then runs the lens's command through eglot as a code
 * action would, and writes what it saw as JSON.
 */
const DRIVER = String.raw`
(require 'json)
(let ((result (list)) (kind (getenv "RUBRIC_EMACS_KIND")))
  (condition-case err
      (progn
        (find-file (getenv "RUBRIC_EMACS_FILE"))
        (push (cons 'mode (symbol-name major-mode)) result)
        (run-hooks 'post-command-hook)
        (with-timeout (60 (push (cons 'timeout "no diagnostics") result))
          (while (null (and (eglot-current-server) (flymake-diagnostics)))
            (accept-process-output nil 0.05)))
        (push (cons 'diagnostics
                    (vconcat (mapcar (lambda (d) (vector (line-number-at-pos (flymake-diagnostic-beg d))
                                                         (symbol-name (flymake-diagnostic-type d))
                                                         (flymake-diagnostic-text d)))
                                     (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))
              result)
        (push (cons 'root (project-root (eglot--project (eglot-current-server)))) result)
        (push (cons 'printed
                    (if (equal kind "rubric")
                        (eglot-execute-command (eglot-current-server) 'rubric.showSimulation (vector (rubric--uri) 0))
                      (eglot-execute-command (eglot-current-server) 'rubric.showRanking (vector (rubric--uri)))))
              result)
        ;; Hover where RUBRIC_EMACS_HOVER is first written, as eldoc asks for it at point.
        (goto-char (point-min))
        (search-forward (getenv "RUBRIC_EMACS_HOVER"))
        (backward-char 1)
        (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
          (push (cons 'hover (plist-get (plist-get hover :contents) :value)) result))
        ;; Completion just after RUBRIC_EMACS_COMPLETE, through eglot's completion-at-point function:
        ;; where it is written, else typed as a new last line (eglot sends the change first).
        (goto-char (point-min))
        (unless (search-forward (getenv "RUBRIC_EMACS_COMPLETE") nil t)
          (goto-char (point-max))
          (insert (getenv "RUBRIC_EMACS_COMPLETE")))
        (let ((capf (eglot-completion-at-point)))
          (push (cons 'completions (vconcat (all-completions "" (nth 2 capf)))) result)))
    (error (push (cons 'error (format "%S" err)) result)))
  (with-temp-file (getenv "RUBRIC_EMACS_RESULT")
    (insert (json-encode result))))
(kill-emacs 0)
`;

interface EmacsResult {
  error?: string;
  timeout?: string;
  mode?: string;
  root?: string;
  /** [line (1-based), flymake type, text]. */
  diagnostics?: [number, string, string][];
  /** What running the lens's command showed: the simulation or the ranking. */
  printed?: string;
  /** The hover's markdown at RUBRIC_EMACS_HOVER, and the completion labels after RUBRIC_EMACS_COMPLETE. */
  hover?: string;
  completions?: string[];
}

describe('the Emacs eglot configuration of docs/editors/emacs.md (emacs --batch)', function () {
  this.timeout(90000);
  let scratch: string;

  before(function () {
    // Installed on first run where apt-get runs as root (scripts/setup-lsp-editors.sh).
    this.timeout(900000);
    const setup = installEditors();
    const probe = spawnSync('emacs', ['--batch', '--eval', '(progn (require \'eglot) (princ "eglot"))'], { encoding: 'utf8', timeout: 60000 });
    if (probe.error || probe.stdout !== 'eglot') {
      console.log(`    (skipped: emacs with eglot is not installed and could not be: ${setup})`);
      this.skip();
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-emacs-'));
    fs.writeFileSync(path.join(scratch, 'init.el'), documentedElisp());
    fs.writeFileSync(path.join(scratch, 'driver.el'), DRIVER);
  });
  after(() => scratch && fs.rmSync(scratch, { recursive: true, force: true }));

  function runEmacs(sample: string, kind: 'rubric' | 'scoresheet', at: { hover: string; complete: string }): EmacsResult {
    const resultFile = path.join(scratch, `${kind}.json`);
    const run = spawnSync('emacs', ['--batch', '-l', path.join(scratch, 'init.el'), '-l', path.join(scratch, 'driver.el')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 80000,
      env: {
        ...process.env,
        // The locale comes from the settings, not from the environment.
        LANG: 'C.UTF-8',
        LC_ALL: '',
        LC_MESSAGES: '',
        HOME: scratch,
        RUBRIC_EMACS_FILE: path.join(ROOT, sample),
        RUBRIC_EMACS_KIND: kind,
        RUBRIC_EMACS_RESULT: resultFile,
        RUBRIC_EMACS_HOVER: at.hover,
        RUBRIC_EMACS_COMPLETE: at.complete,
      },
    });
    assert.ok(fs.existsSync(resultFile), `emacs wrote no result: ${run.stderr}${run.error ?? ''}`);
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EmacsResult;
  }

  it('a rubric: its own mode, the Chinese diagnostic from the settings, the simulation the lens opens, hover and completion', () => {
    const result = runEmacs(RUBRIC_SAMPLE, 'rubric', { hover: 'id: sewage', complete: 'methods: [' });
    assert.equal(result.error, undefined);
    assert.equal(result.timeout, undefined);
    assert.equal(result.mode, 'rubric-mode');
    assert.equal(path.resolve(result.root ?? ''), ROOT);
    // Line 10 `indicators:`: 30 + 35 + 30 = 95, 5 short of 100.
    assert.deepEqual(result.diagnostics, [[10, 'eglot-error', 'rubric [weights-sum]: 一级指标分值合计 95，应为 100：还差 5']]);
    const rows = (result.printed ?? '').split('\n');
    assert.equal(rows.length, 30);
    // 10 subjects: 30% → 3 优秀, 20% → 2 一般, the other 5 良好.
    assert.equal(rows[9], ' 10  优秀 3 (30%)  良好 5 (50%)  一般 2 (20%)');
    // Hover on the id of 污水治理 (35 of 100), by its name, in Chinese.
    assert.deepEqual((result.hover ?? '').split('\n\n').slice(0, 3), ['**污水治理**', '分值：35', '占总分：35%（35 / 100）']);
    // Completion in `methods: [`: the rubric's two methods.
    assert.deepEqual(result.completions, ['review', 'inspection']);
  });

  it('a scoresheet: its rubric read from the folder above, the Chinese tie warnings, the ranking, hover and completion', () => {
    const result = runEmacs(SCORESHEET_SAMPLE, 'scoresheet', { hover: 'subject: 卫庄', complete: '  - {subject: 新镇, points: {' });
    assert.equal(result.error, undefined);
    assert.equal(result.timeout, undefined);
    assert.equal(result.mode, 'rubric-mode');
    // 卫庄镇 (line 7) and 陈村镇 (line 8) both at 90 across the third and last slot of 优秀.
    assert.deepEqual(
      (result.diagnostics ?? []).map(([line, type, message]) => [line, type, message]),
      [
        [7, 'eglot-warning', 'rubric [tie-at-boundary]: 卫庄镇与陈村镇同为 90 分，跨越优秀（3 个名额）的分界：按文件顺序评为优秀'],
        [8, 'eglot-warning', 'rubric [tie-at-boundary]: 陈村镇与卫庄镇同为 90 分，跨越优秀（3 个名额）的分界：按文件顺序未评为优秀'],
      ],
    );
    const lines = (result.printed ?? '').split('\n');
    assert.equal(lines[0], '绛县2022年度林长制工作考评表');
    assert.equal(lines.length, 11);
    assert.match(lines[1], /^ {2}1 {2}\S+ {2}\d+(\.\d+)? {2}优秀$/);
    // Hover on 卫庄镇: its figures, then the working down to the total of 90.
    const hover = (result.hover ?? '').split('\n');
    assert.equal(hover[0], '**卫庄镇** · 90 · 第 3 名 · 优秀 · 分界同分');
    assert.ok(hover.includes('| **总分** | **90** | |'), result.hover);
    // Completion in a new entry's `points: {`, typed after the ranking ran: the rubric's seven scored leaves.
    assert.deepEqual(result.completions, ['afforestation', 'village-greening', 'land-use', 'fire', 'pests', 'mechanism', 'rangers']);
  });
});
