import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { LocalizedText, text } from '../core';

export type WriteResult = { ok: true; file: string } | { ok: false; reason: LocalizedText; exists?: boolean };

function reasonOf(error: unknown): LocalizedText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return text('its folder does not exist', '所在文件夹不存在');
  if (code === 'EACCES' || code === 'EPERM') return text('permission denied', '没有写入权限');
  if (code === 'EISDIR') return text('is a folder', '这是一个文件夹');
  if (code === 'ENOSPC') return text('the disk is full', '磁盘空间不足');
  return text(`cannot be written (${code ?? String(error)})`, `无法写入（${code ?? String(error)}）`);
}

/** `.forest.xlsx.4242.0a1b2c3d.tmp`: hidden, beside the target, named by the writing process. */
const temporaryName = (target: string) => `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

/** How old a temporary file of a process that is gone must be before it is removed (a writer on another machine sharing the folder is given time). */
const STALE_AFTER_MS = 60_000;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run left beside the target (a kill -9 between writing and
 * renaming leaves one): those of the same target whose process no longer runs and which have not
 * been touched for a minute. Best effort: a folder that cannot be listed is left as it is.
 */
export async function removeStaleTemporaries(target: string): Promise<string[]> {
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!match || Number(match[1]) === process.pid || running(Number(match[1]))) continue;
    const file = path.join(folder, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat?.isFile() || Date.now() - stat.mtimeMs < STALE_AFTER_MS) continue;
    await fs.rm(file, { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target, which is
 * then renamed into place, so a crash, a full disk or an interrupted run never leaves half a
 * workbook under the target's name (and what a killed run left there is removed by the next,
 * removeStaleTemporaries). Without `force` an existing file is never replaced: the temporary file
 * is hard-linked to the target, which fails if the target exists, even when another process
 * creates it in between.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string, options: { force: boolean }): Promise<WriteResult> {
  const file = path.resolve(target);
  const existing = await fs.lstat(file).catch(() => undefined);
  if (existing?.isDirectory()) return { ok: false, reason: text('is a folder', '这是一个文件夹') };
  if (existing && !options.force) {
    return { ok: false, exists: true, reason: text('already exists: pass --force to replace it', '文件已存在：如需覆盖请加 --force') };
  }
  await removeStaleTemporaries(file);
  const temporary = path.join(path.dirname(file), temporaryName(file));
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
    if (options.force) {
      await fs.rename(temporary, file);
    } else {
      try {
        await fs.link(temporary, file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST')
          return { ok: false, exists: true, reason: text('already exists: pass --force to replace it', '文件已存在：如需覆盖请加 --force') };
        // File systems without hard links (some network and FAT drives): checked above, renamed now.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        await fs.rename(temporary, file);
      }
    }
    return { ok: true, file };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  } finally {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
  }
}

/** Reads a file's bytes (at most `maxBytes`), or why not, in words. */
export async function readFileBytes(file: string, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: LocalizedText }> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: text('is a folder', '这是一个文件夹') };
    // A FIFO or a device would block the read or never end.
    if (!stat.isFile()) return { ok: false, reason: text('is not a regular file', '不是普通文件') };
    if (stat.size > maxBytes) {
      const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
      return {
        ok: false,
        reason: text(`is ${mb(stat.size)}, above the ${mb(maxBytes)} a workbook may have`, `大小为 ${mb(stat.size)}，超过上限 ${mb(maxBytes)}`),
      };
    }
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: text('no such file', '文件不存在') };
    return { ok: false, reason: reasonOf(error) };
  }
}
