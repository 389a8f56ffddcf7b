import { statSync } from 'fs';
import { Analysis, RubricCore, text } from '../core';
import type { RubricLookup } from '../core/scoresheet/types';
import { readTextFileSync } from './read-text-file';
import { resolveRubricPath } from './resolve-rubric-path';

interface Cached {
  mtimeMs: number;
  size: number;
  analysis: Analysis;
}

/** What a scoresheet's `rubric:` found on disk: the lookup the core takes, and the real path when found. */
export interface DiskLookup {
  lookup: RubricLookup;
  path?: string;
}

function tooLarge(limit: number) {
  return text(`is larger than ${limit} bytes (rubric.maxFileSize); it is not analysed`, `大于 ${limit} 字节（rubric.maxFileSize），不作分析`);
}

/**
 * Rubrics read from disk for scoresheets, confined as resolveRubricPath says. An analysis is kept
 * per real path while the file's size and modification time stay the same: a scoresheet edited
 * keystroke by keystroke does not read and parse its rubric again each time.
 */
export class RubricFiles {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly core: RubricCore,
    private readonly maxFileSize: () => number,
  ) {}

  lookup(scoresheetPath: string, writtenPath: string, workspaceRoots: readonly string[]): DiskLookup {
    const resolved = resolveRubricPath(scoresheetPath, writtenPath, workspaceRoots);
    if ('reason' in resolved) return { lookup: { found: false, reason: resolved.reason } };
    return this.read(resolved.path);
  }

  /** A rubric at a resolved real path. */
  read(file: string): DiskLookup {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      this.cache.delete(file);
      return { lookup: { found: false, reason: text('no such file', '文件不存在') } };
    }
    const limit = this.maxFileSize();
    if (stat.size > limit) return { lookup: { found: false, reason: tooLarge(limit) } };
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      return { lookup: { found: true, analysis: cached.analysis, location: file }, path: file };
    }
    const read = readTextFileSync(file);
    if (!read.ok) return { lookup: { found: false, reason: read.reason } };
    const analysis = this.core.analyze(read.text);
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, analysis });
    return { lookup: { found: true, analysis, location: file }, path: file };
  }

  /** Drops what is known of a file (the editor says it changed on disk). */
  forget(file: string): void {
    this.cache.delete(file);
  }
}
