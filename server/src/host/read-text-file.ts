import { promises as fs, readFileSync } from 'fs';
import { LocalizedText, stripByteOrderMark } from '../core';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: LocalizedText };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a rubric as UTF-8 (BOM dropped); a missing, unreadable or non-UTF-8 file is a reason, not a throw. */
export async function readTextFile(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return { ok: false, reason: readErrorReason(error) };
  }
  return decode(bytes);
}

/** The same, synchronously: for the scoresheet's rubric lookup, which the core calls synchronously. */
export function readTextFileSync(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, reason: readErrorReason(error) };
  }
  return decode(bytes);
}

function readErrorReason(error: unknown): LocalizedText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { en: 'no such file or folder', 'zh-CN': '文件或文件夹不存在' };
  if (code === 'EACCES' || code === 'EPERM') return { en: 'permission denied', 'zh-CN': '没有读取权限' };
  if (code === 'EISDIR') return { en: 'is a folder', 'zh-CN': '这是一个文件夹' };
  return { en: `cannot be read (${code ?? String(error)})`, 'zh-CN': `无法读取（${code ?? String(error)}）` };
}

function decode(bytes: Buffer): ReadResult {
  try {
    return { ok: true, text: stripByteOrderMark(decoder.decode(bytes)) };
  } catch {
    return {
      ok: false,
      reason: {
        en: 'is not UTF-8 text (perhaps GBK); save it as UTF-8',
        'zh-CN': '不是 UTF-8 编码的文本（可能是 GBK）；请另存为 UTF-8 编码',
      },
    };
  }
}
