import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analysis, Decimal, RankedSubject, RubricLookup, ScoresheetAnalysis, SheetLookup, SheetLookupFn } from 'rubric-studio-server';
import { analyze, core } from './rubric-core';

/** The repository's samples, read from test/out/unit at run time. */
export const SAMPLES = path.resolve(__dirname, '../../../samples');

/** A lookup answering every path with the given rubric text (and counting the calls). */
export function rubricLookup(rubric: string | Analysis): { lookup: (p: string) => RubricLookup; calls: string[] } {
  const analysis = typeof rubric === 'string' ? analyze(rubric) : rubric;
  const calls: string[] = [];
  return {
    calls,
    lookup: (p) => {
      calls.push(p);
      return { found: true, analysis, location: p };
    },
  };
}

/** A scoresheet analysed against one rubric text, whatever its `rubric:` path says. */
export function analyzeSheet(sheet: string, rubric: string | Analysis): ScoresheetAnalysis {
  return core().analyzeScoresheet(sheet, rubricLookup(rubric).lookup);
}

/** Files by name: rubrics (`*.rubric.yaml`) and scoresheets (`*.scores.yaml`), read from memory. */
export type Files = Record<string, string>;

/**
 * A sheet of `files` analysed as a host would: its rubric and every sheet it names (`rounds:`,
 * `previous:`) read from `files`, a path back to a sheet being read refused as a loop.
 */
export function analyzeInMemory(files: Files, name: string, stack: string[] = []): ScoresheetAnalysis {
  const sheets: SheetLookupFn = (written): SheetLookup => {
    if (stack.includes(written) || written === name) return { found: false, reason: { en: 'loop', 'zh-CN': '循环' }, loop: [name, written] };
    if (files[written] === undefined) return { found: false, reason: { en: 'no such file', 'zh-CN': '文件不存在' } };
    return { found: true, analysis: analyzeInMemory(files, written, [...stack, name]), location: written };
  };
  return core().analyzeScoresheet(
    files[name],
    (written) =>
      files[written] === undefined
        ? { found: false, reason: { en: 'no such file', 'zh-CN': '文件不存在' } }
        : { found: true, analysis: analyze(files[written]), location: written },
    sheets,
  );
}

/**
 * A sample scoresheet analysed as a host would: against the file its `rubric:` names, with the
 * scoresheets its `rounds:` and `previous:` name read from disk beside it (a path that leads back
 * to a sheet being read is a loop, refused with its chain).
 */
export function analyzeSample(relative: string): ScoresheetAnalysis {
  return analyzeSheetFile(path.join(SAMPLES, relative));
}

const NO_SUCH_FILE = { en: 'no such file', 'zh-CN': '文件不存在' };

/** A scoresheet file read as analyzeSample reads it; `reading` holds the sheets it is read for, outermost first. */
export function analyzeSheetFile(file: string, text = fs.readFileSync(file, 'utf8'), reading: string[] = []): ScoresheetAnalysis {
  const here = path.resolve(file);
  const sheets = (written: string): SheetLookup => {
    const target = path.resolve(path.dirname(here), written);
    const back = [...reading, here].indexOf(target);
    if (back >= 0) {
      const chain = [...reading, here].slice(back).map((f) => path.basename(f));
      return { found: false, reason: { en: `it leads back to ${chain[0]}`, 'zh-CN': `它又回到 ${chain[0]}` }, loop: [...chain, written] };
    }
    if (!fs.existsSync(target)) return { found: false, reason: NO_SUCH_FILE };
    return { found: true, analysis: analyzeSheetFile(target, undefined, [...reading, here]), location: target };
  };
  return core().analyzeScoresheet(
    text,
    (written) => {
      const target = path.resolve(path.dirname(here), written);
      if (!fs.existsSync(target)) return { found: false, reason: NO_SUCH_FILE };
      return { found: true, analysis: analyze(fs.readFileSync(target, 'utf8')), location: target };
    },
    sheets,
  );
}

export function subjectNamed(analysis: ScoresheetAnalysis, name: string): RankedSubject {
  const subject = analysis.subjects.find((s) => s.subject === name);
  assert.ok(subject, `no subject ${name}`);
  return subject;
}

/** Exact decimal as a string, for assertions that read like the arithmetic in the comment. */
export function exact(value: Decimal | undefined): string | undefined {
  return value?.toFixed();
}

/** `{name: [total, rank, tier]}` for every subject, for compact assertions. */
export function table(analysis: ScoresheetAnalysis): Record<string, [string | undefined, number | undefined, number | undefined]> {
  return Object.fromEntries(analysis.subjects.map((s) => [s.subject, [exact(s.total), s.rank, s.tier]]));
}
