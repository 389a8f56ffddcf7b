import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analysis, Decimal, RankedSubject, RubricLookup, ScoresheetAnalysis } from 'rubric-studio-server';
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

/** A sample scoresheet analysed against the file its `rubric:` names, as a host would. */
export function analyzeSample(relative: string): ScoresheetAnalysis {
  const file = path.join(SAMPLES, relative);
  return core().analyzeScoresheet(fs.readFileSync(file, 'utf8'), (written) => {
    const target = path.resolve(path.dirname(file), written);
    if (!fs.existsSync(target)) return { found: false, reason: { en: 'no such file', 'zh-CN': '文件不存在' } };
    return { found: true, analysis: analyze(fs.readFileSync(target, 'utf8')), location: target };
  });
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
