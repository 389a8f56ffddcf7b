import { spawn } from 'child_process';
import { constants, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LocalizedText, text } from '../core';
import { readFileBytes } from '../host/write-file';
import { MAX_WORKBOOK_BYTES } from './workbook-bytes';

/**
 * Old binary formats — Excel 97–2003 (.xls), WPS 表格 (.et), Word 97–2003 (.doc) — made readable by
 * LibreOffice when it is installed: `soffice --headless --convert-to xlsx|docx`, in a temporary
 * folder of its own (a copy of the file in, the converted file out, nothing written beside the
 * original), with a profile of its own (another LibreOffice running on the machine must not take
 * the conversion over, nor its first-start dialogs), and a time limit: a file that makes it hang
 * has its whole process group killed and gets a clear message. The converted bytes then go
 * through the same guard and import as a file saved as .xlsx or .docx.
 */

export type OldFormat = 'xls' | 'et' | 'doc';
export type ConvertedTo = 'xlsx' | 'docx';

export const CONVERTED_TO: Record<OldFormat, ConvertedTo> = { xls: 'xlsx', et: 'xlsx', doc: 'docx' };

/** The time a conversion may take (seconds), unless RUBRIC_CONVERT_TIMEOUT says otherwise: a first start makes LibreOffice's profile. */
export const DEFAULT_CONVERT_TIMEOUT_SECONDS = 120;

export type Conversion = { ok: true; bytes: Buffer } | { ok: false; reason: LocalizedText };

const SOFFICE_NAMES = ['soffice', 'libreoffice'];

/** The LibreOffice program: RUBRIC_SOFFICE, else `soffice` or `libreoffice` on the PATH. */
async function findSoffice(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  // RUBRIC_SOFFICE naming no program is LibreOffice not found, said as such (not a failed conversion).
  if (env.RUBRIC_SOFFICE) return (await executable(env.RUBRIC_SOFFICE)) ? env.RUBRIC_SOFFICE : undefined;
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter((f) => f !== '')) {
    for (const name of SOFFICE_NAMES) {
      const candidate = path.join(folder, name);
      if (await executable(candidate)) return candidate;
    }
  }
  return undefined;
}

const executable = (file: string) =>
  fs.access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

function notInstalled(format: OldFormat, env: NodeJS.ProcessEnv): LocalizedText {
  const kind =
    format === 'doc'
      ? text('an old Word 97–2003 document (.doc)', '旧版 Word 97–2003 文档（.doc）')
      : format === 'et'
        ? text('a WPS 表格 workbook (.et)', 'WPS 表格工作簿（.et）')
        : text('an old Excel 97–2003 workbook (.xls)', '旧版 Excel 97–2003 工作簿（.xls）');
  const target = CONVERTED_TO[format];
  const packages = format === 'doc' ? 'libreoffice-writer' : 'libreoffice-calc';
  const named = env.RUBRIC_SOFFICE
    ? text(` (RUBRIC_SOFFICE=${env.RUBRIC_SOFFICE} is no program)`, `（RUBRIC_SOFFICE=${env.RUBRIC_SOFFICE} 不是可执行程序）`)
    : text('', '');
  return text(
    `is ${kind.en}, which is read by converting it with LibreOffice, and LibreOffice is not installed${named.en}: install it (Debian/Ubuntu: sudo apt-get install ${packages}; Fedora: sudo dnf install libreoffice; macOS: brew install --cask libreoffice; Windows: libreoffice.org) or save the file as .${target} in Excel, WPS or Word and import that`,
    `是${kind['zh-CN']}，需经 LibreOffice 转换后读取，但未安装 LibreOffice${named['zh-CN']}：请安装（Debian/Ubuntu：sudo apt-get install ${packages}；Fedora：sudo dnf install libreoffice；macOS：brew install --cask libreoffice；Windows：libreoffice.org），或在 Excel、WPS、Word 中另存为 .${target} 后再导入`,
  );
}

/** Converts `file` to .xlsx or .docx with LibreOffice; the bytes of the result, or why not. */
export async function convertWithLibreOffice(file: string, format: OldFormat, env: NodeJS.ProcessEnv = process.env): Promise<Conversion> {
  const soffice = await findSoffice(env);
  if (!soffice) return { ok: false, reason: notInstalled(format, env) };
  const timeoutSeconds = Number(env.RUBRIC_CONVERT_TIMEOUT) > 0 ? Number(env.RUBRIC_CONVERT_TIMEOUT) : DEFAULT_CONVERT_TIMEOUT_SECONDS;
  const target = CONVERTED_TO[format];
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'rubric-convert-'));
  try {
    const input = path.join(scratch, `input.${format}`);
    const outdir = path.join(scratch, 'out');
    await fs.mkdir(outdir);
    await fs.copyFile(file, input);
    const run = await runSoffice(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(scratch, 'profile')).href}`,
        '--headless',
        '--invisible',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--nolockcheck',
        '--convert-to',
        target,
        '--outdir',
        outdir,
        input,
      ],
      timeoutSeconds * 1000,
    );
    if (run.timedOut) {
      return {
        ok: false,
        reason: text(
          `could not be converted: LibreOffice had not finished after ${timeoutSeconds} s and was stopped (RUBRIC_CONVERT_TIMEOUT sets the limit); open the file in Excel, WPS or LibreOffice, save it as .${target} and import that`,
          `无法转换：LibreOffice 在 ${timeoutSeconds} 秒内未完成，已被终止（可用 RUBRIC_CONVERT_TIMEOUT 设置时限）；请在 Excel、WPS 或 LibreOffice 中打开，另存为 .${target} 后再导入`,
        ),
      };
    }
    const converted = path.join(outdir, `input.${target}`);
    const read = await readFileBytes(converted, MAX_WORKBOOK_BYTES);
    if (!read.ok) {
      const said = (run.output.trim().split('\n').at(-1) ?? '').slice(0, 300);
      const detail = run.error ?? (said !== '' ? said : `exit ${run.code ?? run.signal}`);
      return {
        ok: false,
        reason: text(
          `could not be converted by LibreOffice (${detail}): it may be damaged, or not a .${format} at all; open it in Excel, WPS or Word and save it as .${target}`,
          `LibreOffice 无法转换（${detail}）：文件可能已损坏，或并非 .${format} 文件；请在 Excel、WPS 或 Word 中打开后另存为 .${target}`,
        ),
      };
    }
    return { ok: true, bytes: read.bytes };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}

interface SofficeRun {
  timedOut: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  error?: string;
}

/** Runs LibreOffice in a process group of its own, killed whole (soffice starts soffice.bin) when the time is up. */
function runSoffice(program: string, args: string[], timeoutMs: number): Promise<SofficeRun> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ timedOut, code: null, signal: null, output, error: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A helper LibreOffice left behind in the group goes with it.
      if (timedOut) killGroup();
      resolve({ timedOut, code, signal, output });
    });
  });
}

/** The old format a file is by its name, if any. */
export function oldFormatOf(file: string): OldFormat | undefined {
  const ext = path.extname(file).slice(1).toLowerCase();
  return ext === 'xls' || ext === 'et' || ext === 'doc' ? ext : undefined;
}
