import * as fs from 'fs';
import * as path from 'path';
import { LocalizedText, RUBRIC_FILE, SCORES_FILE, text } from '../core';

export type ResolvedRubricPath = { path: string } | { reason: LocalizedText };

/** Why a scoresheet's `rubric:` path is refused or finds nothing; each case its own words. */
export const RUBRIC_PATH_REASONS = {
  empty: text('no path given', '未给出路径'),
  outside: text('outside the workspace folder', '在工作区文件夹之外'),
  missing: text('no such file', '文件不存在'),
  folder: text('is a folder, not a rubric file', '这是一个文件夹，不是细则文件'),
  notRubric: text('is not a rubric file (*.rubric.yaml, *.rubric.yml)', '不是细则文件（*.rubric.yaml、*.rubric.yml）'),
  unreadable: text('cannot be read (permission denied)', '无法读取（没有读取权限）'),
} as const;

/** The kind of file a path must lead to: its name pattern, and what is said of a folder or another file there. */
export interface ConfinedKind {
  pattern: RegExp;
  folder: LocalizedText;
  wrongKind: LocalizedText;
}

/** A scoresheet's `rubric:`. */
export const RUBRIC_KIND: ConfinedKind = { pattern: RUBRIC_FILE, folder: RUBRIC_PATH_REASONS.folder, wrongKind: RUBRIC_PATH_REASONS.notRubric };

/** A scoresheet's `rounds:` and `previous:`: other scoresheets. */
export const SCORESHEET_KIND: ConfinedKind = {
  pattern: SCORES_FILE,
  folder: text('is a folder, not a scoresheet', '这是一个文件夹，不是评分表'),
  wrongKind: text('is not a scoresheet (*.scores.yaml, *.scores.yml)', '不是评分表（*.scores.yaml、*.scores.yml）'),
};

/** Whether `inner` is `outer` or lies below it (both absolute, normalised). */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function realpathOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * The folder a scoresheet may read rubrics from: the innermost workspace folder that holds it
 * (by its written path or its real path), else the scoresheet's own folder. A scoresheet opened
 * from outside every workspace folder reaches only its neighbours.
 */
export function confinementOf(scoresheetPath: string, workspaceRoots: readonly string[]): string {
  const sheet = path.resolve(scoresheetPath);
  const realSheet = realpathOrSelf(sheet);
  const holding = workspaceRoots
    .map((root) => path.resolve(root))
    .filter((root) => isInside(root, sheet) || isInside(realpathOrSelf(root), realSheet))
    .sort((a, b) => b.length - a.length);
  return holding[0] ?? path.dirname(sheet);
}

/**
 * Resolves the `rubric:` path a scoresheet writes (relative to the scoresheet's folder) to the
 * real path of a readable rubric file (or, with SCORESHEET_KIND, a `rounds:` or `previous:` path
 * to a scoresheet), never outside the folder `confinementOf` gives: a path that
 * climbs out (`../../etc/passwd`), an absolute path elsewhere and a symbolic link whose target lies
 * outside are all refused before anything outside is looked at, so a scoresheet cannot learn
 * whether a file exists there: "outside" whether it exists or not, never "no such file" (see
 * realPathWithin). Synchronous: the core's lookup is, and a rubric is small.
 */
export function resolveRubricPath(
  scoresheetPath: string,
  writtenPath: string,
  workspaceRoots: readonly string[],
  kind: ConfinedKind = RUBRIC_KIND,
): ResolvedRubricPath {
  if (writtenPath.trim() === '' || writtenPath.includes('\0')) return { reason: RUBRIC_PATH_REASONS.empty };
  const root = confinementOf(scoresheetPath, workspaceRoots);
  const candidate = path.resolve(path.dirname(path.resolve(scoresheetPath)), writtenPath);
  const found = realPathWithin(root, candidate);
  if ('reason' in found) return found;
  const real = found.path;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(real);
  } catch {
    return { reason: RUBRIC_PATH_REASONS.missing };
  }
  if (stat.isDirectory()) return { reason: kind.folder };
  // The name as written and the file it leads to must both be of the kind: a link named
  // `x.rubric.yaml` to some other file is not a rubric.
  if (!stat.isFile() || !kind.pattern.test(candidate) || !kind.pattern.test(real)) return { reason: kind.wrongKind };
  try {
    fs.accessSync(real, fs.constants.R_OK);
  } catch {
    return { reason: RUBRIC_PATH_REASONS.unreadable };
  }
  return { path: real };
}

/** Links followed on one path before it is taken for a loop (Linux's own limit). */
const MAX_LINKS = 40;

/**
 * The real path of `candidate`, found one name at a time from the real `root` down, and
 * following each symbolic link by its target as written: a target outside `root` is "outside"
 * at once, before the file system is asked anything about it. `fs.realpath` alone would ask it
 * (a link to `/`, then `link/etc/passwd` resolves and `link/etc/nothing` fails: an existence
 * oracle for the whole disk). Only names inside `root` are ever looked at, so "no such file" and
 * "cannot be read" are said only of what lies inside.
 */
function realPathWithin(root: string, candidate: string): ResolvedRubricPath {
  const realRoot = realpathOrSelf(root);
  // The names below the root (as written, or as it really is) that lead to `target`; undefined outside it.
  const namesBelowRoot = (target: string): string[] | undefined => {
    const relative = isInside(realRoot, target) ? path.relative(realRoot, target) : isInside(root, target) ? path.relative(root, target) : undefined;
    return relative?.split(path.sep).filter((name) => name !== '');
  };
  let names = namesBelowRoot(candidate);
  if (names === undefined) return { reason: RUBRIC_PATH_REASONS.outside };
  let base = realRoot;
  let links = 0;
  while (names.length > 0) {
    const next = path.join(base, names[0]);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(next);
    } catch (error) {
      return { reason: failure(error) };
    }
    if (!stat.isSymbolicLink()) {
      base = next;
      names = names.slice(1);
      continue;
    }
    if (++links > MAX_LINKS) return { reason: failure({ code: 'ELOOP' }) };
    let target: string;
    try {
      target = fs.readlinkSync(next);
    } catch (error) {
      return { reason: failure(error) };
    }
    // The link's target, then the names after the link, walked afresh from the root.
    const followed = namesBelowRoot(path.resolve(base, target, ...names.slice(1)));
    if (followed === undefined) return { reason: RUBRIC_PATH_REASONS.outside };
    base = realRoot;
    names = followed;
  }
  return { path: base };
}

/** Why a name inside the root could not be looked at. */
function failure(error: unknown): LocalizedText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return RUBRIC_PATH_REASONS.missing;
  if (code === 'EACCES' || code === 'EPERM') return RUBRIC_PATH_REASONS.unreadable;
  return text(`cannot be read (${code ?? String(error)})`, `无法读取（${code ?? String(error)}）`);
}
