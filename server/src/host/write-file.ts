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

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target, which is
 * then renamed into place, so a crash, a full disk or an interrupted run never leaves half a
 * workbook under the target's name. Without `force` an existing file is never replaced: the
 * temporary file is hard-linked to the target, which fails if the target exists, even when another
 * process creates it in between.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string, options: { force: boolean }): Promise<WriteResult> {
  const file = path.resolve(target);
  const existing = await fs.lstat(file).catch(() => undefined);
  if (existing?.isDirectory()) return { ok: false, reason: text('is a folder', '这是一个文件夹') };
  if (existing && !options.force) {
    return { ok: false, exists: true, reason: text('already exists: pass --force to replace it', '文件已存在：如需覆盖请加 --force') };
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
