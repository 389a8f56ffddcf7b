import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * Documents as a reader's office suite prints them: LibreOffice (headless) turns a workbook or a
 * Word document into a PDF, whose text, pages and look poppler reads (pdftotext, pdfinfo,
 * pdftoppm). scripts/setup-office.sh installs both (apt, as root) the first time;
 * RUBRIC_SKIP_OFFICE=1 skips the suites on a machine that cannot have them.
 */

export const ROOT = path.resolve(__dirname, '../../..');

export function run(command: string, args: string[], options: { cwd?: string; timeout?: number; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: options.timeout ?? 120000, cwd: options.cwd, env: { ...process.env, ...options.env } });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

const has = (tool: string) => run('sh', ['-c', `command -v ${tool}`]).status === 0;

export interface Printed {
  pdf: string;
  text: string;
  pages: number;
}

export class Office {
  readonly scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-print-'));
  // A profile of its own: another soffice running on the machine must not take the conversion over.
  private readonly profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-soffice-'));

  /** In a suite's `before`: skipped when asked, LibreOffice installed when missing. */
  static prepare(context: Mocha.Context): void {
    if (process.env.RUBRIC_SKIP_OFFICE === '1') context.skip();
    // The script returns at once when every package is there; without apt, the tools must be.
    if (!has('dpkg') && has('soffice') && has('pdftotext') && has('pdfinfo') && has('pdftoppm')) return;
    // A fresh machine's apt install of LibreOffice can outlast the tests' own limit.
    context.timeout(1200000);
    const setup = run('bash', [path.join(ROOT, 'scripts/setup-office.sh')], { timeout: 900000 });
    assert.equal(setup.status, 0, `scripts/setup-office.sh failed (LibreOffice and poppler-utils are needed; RUBRIC_SKIP_OFFICE=1 skips): ${setup.stderr}`);
  }

  /** The file as LibreOffice prints it; `env` for the conversion (a font configuration). */
  toPdf(file: string, env: NodeJS.ProcessEnv = {}): Printed {
    const converted = run(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(this.profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', this.scratch, file],
      {
        env,
      },
    );
    const pdf = path.join(this.scratch, `${path.parse(file).name}.pdf`);
    assert.ok(fs.existsSync(pdf), `soffice made no PDF: ${converted.stdout} ${converted.stderr} ${converted.error ?? ''}`);
    const info = run('pdfinfo', [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
    return { pdf, text: run('pdftotext', ['-layout', pdf, '-']).stdout, pages };
  }

  /** One page's text (1-based). */
  pageText(pdf: string, page: number): string {
    return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']).stdout;
  }

  /** One page as a PNG, to look at; its path. */
  png(pdf: string, page: number, resolution = 80): string {
    const stem = path.join(this.scratch, `${path.parse(pdf).name}-page`);
    const made = run('pdftoppm', ['-png', '-r', String(resolution), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
    assert.equal(made.status, 0, made.stderr);
    return `${stem}.png`;
  }

  dispose(): void {
    for (const folder of [this.scratch, this.profile]) fs.rmSync(folder, { recursive: true, force: true });
  }
}
