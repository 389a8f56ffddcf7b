import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  codeActions,
  hover,
  inlayHints,
  Locale,
  quotaLenses,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetLenses,
  simulateGroups,
  ScoresheetAnalysis,
  Analysis,
} from 'rubric-studio-server';
import { analyze, core } from '../support/rubric-core';
import { analyzeSheetFile, SAMPLES } from '../support/scoresheet';
import { chineseProblems, englishIdProblems, formatWords, namesOf, NamesOf } from '../support/chinese-text';

/**
 * Every line a person reads about the samples, in Chinese: each finding of each broken sample,
 * and each hover, inlay hint, lens, quick fix and simulated row of every sample, read as a
 * county officer reads them (the rule is in test/support/chinese-text.ts). The English side:
 * names, not ids, there too.
 */

function samples(): string[] {
  const files = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((f) => /\.(rubric|scores)\.yaml$/.test(f))
      .map((f) => path.join(dir, f));
  return [...files(SAMPLES), ...files(path.join(SAMPLES, 'broken'))];
}

/** Offsets where a hover may answer: each token's start. */
function tokenStarts(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]) && (i === 0 || /[\s\-:[{,]/.test(text[i - 1]))) offsets.push(i);
  return offsets;
}

function renderRubric(analysis: Analysis, text: string, locale: Locale): string[] {
  const out = analysis.findings.map((f) => f.message[locale]);
  for (const offset of tokenStarts(text)) {
    const answer = hover(analysis, offset, locale, core().schemaDocs);
    if (answer) out.push(answer.markdown);
  }
  for (const hint of inlayHints(analysis, { start: 0, end: text.length }, locale)) out.push(hint.label, hint.tooltip);
  for (const lens of quotaLenses(analysis, locale)) out.push(lens.title);
  for (const action of codeActions(analysis, analysis.findings, locale)) out.push(action.title);
  for (const document of analysis.documents) for (const row of simulateGroups(document, locale)) out.push(...(row.problems ?? []).map((p) => p.message));
  return out;
}

function renderSheet(analysis: ScoresheetAnalysis, text: string, locale: Locale): string[] {
  const out = analysis.findings.map((f) => f.message[locale]);
  for (const offset of tokenStarts(text)) {
    const answer = scoresheetHover(analysis, offset, locale);
    if (answer) out.push(answer.markdown);
  }
  for (const hint of scoresheetInlayHints(analysis, locale)) out.push(hint.label, hint.tooltip);
  for (const lens of scoresheetLenses(analysis, locale)) out.push(lens.title);
  return out;
}

/** Each sample's texts, with the names of its rubric (ids are judged against the rubric they belong to). */
function render(locale: Locale): { where: string; texts: string[]; names: NamesOf }[] {
  return samples().map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(SAMPLES, file);
    if (file.endsWith('.rubric.yaml')) {
      const analysis = analyze(text);
      return { where, texts: renderRubric(analysis, text, locale), names: namesOf([analysis]) };
    }
    const analysis = analyzeSheetFile(file, text);
    const names = namesOf(analysis.rubric?.found ? [analysis.rubric.analysis] : []);
    for (const subject of analysis.model?.scores.items ?? []) if (subject.subject?.value) names.names.add(subject.subject.value);
    // A round is shown by its file's name (`staff-2023-q1` for staff-2023-q1.scores.yaml): the name the person gave it.
    for (const round of analysis.model?.rounds.flatMap((r) => r.paths) ?? []) {
      if (round.value) names.names.add(path.basename(round.value).replace(/\.scores\.ya?ml$/i, ''));
    }
    return { where, texts: renderSheet(analysis, text, locale), names };
  });
}

describe('Chinese output reads as Chinese (every sample)', function () {
  this.timeout(60000);

  it('renders something of every kind for every sample, so the rule below is held over real output', () => {
    const rendered = render('zh-CN');
    for (const sample of rendered.filter((r) => r.where.startsWith('broken'))) assert.ok(sample.texts.length > 0, `nothing rendered for ${sample.where}`);
    assert.ok(rendered.reduce((n, r) => n + r.texts.length, 0) > 300);
  });

  it('Chinese: no English word outside code, paths and names; names, not ids; full-width punctuation', () => {
    const words = formatWords();
    const problems = render('zh-CN').flatMap(({ where, texts, names }) =>
      texts.flatMap((text) => chineseProblems(text, { names, formatWords: words }).map((p) => `${where}: ${p}`)),
    );
    assert.deepEqual([...new Set(problems)], []);
  });

  it('English: names, not ids, where a name exists', () => {
    const problems = render('en').flatMap(({ where, texts, names }) => texts.flatMap((text) => englishIdProblems(text, names).map((p) => `${where}: ${p}`)));
    assert.deepEqual([...new Set(problems)], []);
  });
});
