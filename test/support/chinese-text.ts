import * as fs from 'fs';
import * as path from 'path';
import { Analysis, RubricModel } from 'rubric-studio-server';

/**
 * The rule every line a person reads in Chinese follows, as a test can hold it:
 *
 * - no English word left in a Chinese sentence: an ASCII word is allowed only as code (in
 *   backticks, a `key: value` to type, a word of the file format in full-width brackets after its
 *   Chinese name: `（subjects）`), a file path, a command-line option, a diagnostic code, or the
 *   name of something the author wrote in English;
 * - names, not ids: the id of something that has a name appears only as code or after the word
 *   编号 / id that says it is one;
 * - full-width punctuation: no half-width `:` `,` `;` in a Chinese line (but in times, code and
 *   paths), no half-width brackets around or beside Chinese text (arithmetic keeps its own, and
 *   so does a call of the formula's functions in a working: `if(1 = 1, 100% × 50, 40) − 0 × 2`).
 *
 * The English side of the same rule (names, not ids) is `idProblems` with locale 'en'.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** What a rubric names: the names (some in English) and the ids of things that have a name. */
export interface NamesOf {
  /** Every name written in the rubric (and the subjects of its sheet). */
  names: Set<string>;
  /** Ids that differ from their item's name: they should not stand for it in a sentence. */
  namedIds: Set<string>;
}

/** The names and named ids of rubrics, added to `into`. */
export function namesOf(analyses: readonly Analysis[], into: NamesOf = { names: new Set(), namedIds: new Set() }): NamesOf {
  for (const analysis of analyses) for (const document of analysis.documents) collect(document.model, into);
  return into;
}

const ROOT = path.resolve(__dirname, '../../..');

/** The words of the file format: every key and value the two schemas name, and every diagnostic code. */
export function formatWords(): Set<string> {
  const words = new Set<string>();
  const walk = (node: unknown, key?: string) => {
    if (Array.isArray(node)) {
      if (key === 'enum' || key === 'required') for (const v of node) if (typeof v === 'string') words.add(v);
      for (const item of node) walk(item);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (key === 'properties') words.add(k);
        walk(v, k);
      }
    }
  };
  for (const schema of ['rubric', 'scores']) walk(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${schema}.schema.json`), 'utf8')));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: object } } };
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) {
    const code = /^rubric\.checks\.(.+)$/.exec(setting)?.[1];
    if (code) words.add(code);
  }
  words.add('yaml-syntax');
  return words;
}

function collect(model: RubricModel, into: NamesOf): void {
  const items: { name?: { value?: string }; key: string | undefined }[] = [
    ...model.allIndicators,
    ...model.allIndicators.flatMap((i) => i.scoring?.rules ?? []),
    ...model.methods.items,
    ...model.raters.items,
    ...(model.bonus?.items ?? []),
    ...(model.penalties?.items ?? []),
    ...model.veto.items,
    ...model.tiers.items,
    ...model.subjectGroups,
    ...model.subjectGroups.flatMap((g) => g.members),
    ...model.subjectItems,
  ];
  for (const item of items) {
    const name = item.name?.value;
    if (name) into.names.add(name);
    if (name && item.key && item.key !== name) into.namedIds.add(item.key);
  }
  if (model.title?.value) into.names.add(model.title.value);
}

/** Words of the file format and of the command line, written as code the person types. */
const CODE_WORDS = new Set([
  // the command line and its formats
  'rubric',
  'check',
  'simulate',
  'rank',
  'export',
  'import',
  'template',
  'help',
  'text',
  'json',
  'sarif',
  'github',
  'JSON',
  'SARIF',
  'GitHub',
  'Actions',
  'YAML',
  'Excel',
  'LANG',
  'MiB',
  'KiB',
  'UTF-8',
  'N',
  'A',
  'B',
  'K',
  'R',
  'X',
  'en',
  'zh-CN',
  'rubric-ignore',
  'error',
  'warning',
  'info',
]);

/** The functions of the formula language: the words an input's id may not be (the schema's `not.enum`). */
function formulaFunctions(): string[] {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const reserved = (node as { not?: { enum?: unknown } }).not?.enum;
      if (Array.isArray(reserved) && reserved.includes('clamp')) for (const word of reserved) if (typeof word === 'string') found.add(word);
      for (const value of Object.values(node)) walk(value);
    }
  };
  walk(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'rubric.schema.json'), 'utf8')));
  return [...found].filter((word) => /^[a-z]+$/.test(word));
}

/**
 * A call of a formula function over figures, as a working shows it (`if(1 = 1, 100% × 50, 40)`,
 * `max(0, 90 − 60)`): arithmetic, with its own brackets and commas. Innermost first.
 */
const FORMULA_CALL = new RegExp(`\\b(?:${formulaFunctions().join('|')})\\(([\\d.\\s+\\-−×÷*/=%<>≤≥≠,…]*)\\)`, 'g');

function withoutFormulaCalls(line: string): string {
  for (let before = ''; before !== line;) {
    before = line;
    line = line.replace(FORMULA_CALL, ' 0 ').replace(ARITHMETIC_GROUP, ' 0 ');
  }
  return line;
}

/**
 * Brackets that group arithmetic in a working (`(60 + (90 − 82) ÷ 12 × 40) × 0.3`), not beside a
 * Chinese character: arithmetic, as the bracket rule below takes them; taken out innermost first
 * so that a call around them (`if(94 = 82, 0.3, (…))`) is seen as one.
 */
const ARITHMETIC_GROUP = /(?<!\p{Script=Han}\s*)\(([\d.\s+\-−×÷*/=%]*[+\-−×÷*/=][\d.\s+\-−×÷*/=%]*)\)(?!\s*\p{Script=Han})/gu;

/** Ids of rounding modes: each has a Chinese name, which a Chinese sentence uses. */
const ROUNDING_IDS = new Set(['half-up', 'ceil', 'min-one', 'largest-remainder']);
/** `floor` and `count` are keys too: as roundings they come with a figure (`floor 3`). */
const ROUNDING_WITH_FIGURE = /\b(floor|count) \d/;

/** `key: value` as the person would type it, `rounding: min-one`. */
const TYPED = /[\w-]+: (\{[^}]*\}|[\w.%-]+)/g;

export interface TextRules {
  names: NamesOf;
  /** Words of the file format (schema keys and values) and diagnostic codes. */
  formatWords: ReadonlySet<string>;
}

/** The problems of one text (a message, a hover, a line of output) read as Chinese. */
export function chineseProblems(text: string, rules: TextRules): string[] {
  const problems: string[] = [];
  for (const raw of text.split('\n')) {
    if (!HAN.test(raw)) continue;
    let line = raw
      .replace(/```[^`]*```|`[^`]*`/g, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      // paths and file patterns: a word with a slash or a file extension
      .replace(/[\w.*…~-]*(\/[\w.*…~-]+)+\/?|[\w*…-]+(\.[\w*…-]+)*\.(ya?ml|xlsx|json|js|ts|lua|el)\b/g, ' ')
      .replace(/--[a-z-]+/g, ' ');
    line = withoutFormulaCalls(line);
    // Names may hold any characters: take them out before looking at words, longest first.
    for (const name of [...rules.names.names].sort((a, b) => b.length - a.length)) {
      if (!/[A-Za-z(),:;]/.test(name)) continue;
      line = line.split(name).join(' ');
    }
    for (const typed of line.match(TYPED) ?? []) {
      const [key] = typed.split(':');
      if (rules.formatWords.has(key) || rules.names.namedIds.has(key)) line = line.replace(typed, ' ');
    }
    if (ROUNDING_WITH_FIGURE.test(line)) problems.push(`rounding without its name: ${raw}`);
    for (const id of idsShown(line, rules.names)) problems.push(`id “${id}” where a name exists: ${raw}`);
    for (const word of line.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []) {
      if (rules.names.namedIds.has(word) || quoted(line, word)) continue;
      if (ROUNDING_IDS.has(word)) problems.push(`rounding “${word}” without its name: ${raw}`);
      else if (!CODE_WORDS.has(word) && !rules.formatWords.has(word)) problems.push(`English “${word}”: ${raw}`);
    }
    // What is left of code and paths: their punctuation is not the sentence's.
    line = line.replace(/[\w.-]+/g, (word) => (/[A-Za-z]/.test(word) ? 'x' : word));
    for (const m of line.matchAll(/[:,;]/g)) {
      const i = m.index ?? 0;
      const before = line.slice(0, i).trimEnd().slice(-1);
      const after = line
        .slice(i + 1)
        .trimStart()
        .charAt(0);
      if (m[0] === ':' && /\d/.test(line.charAt(i - 1)) && /\d/.test(line.charAt(i + 1))) continue;
      problems.push(`half-width “${m[0]}” in Chinese (${before}${m[0]}${after}): ${raw}`);
    }
    for (const m of line.matchAll(/\(([^()]*)\)/g)) {
      const inside = m[1];
      const i = m.index ?? 0;
      const before = line.slice(0, i).trimEnd().slice(-1);
      const after = line
        .slice(i + m[0].length)
        .trimStart()
        .charAt(0);
      const arithmetic = /^[\d.\s+\-−×÷*/=%]+$/.test(inside) && /[+\-−×÷*/=]/.test(inside);
      if (!arithmetic || CJK.test(before) || CJK.test(after)) problems.push(`half-width brackets “${m[0]}” in Chinese: ${raw}`);
    }
    if (/[()]/.test(line.replace(/\([^()]*\)/g, ''))) problems.push(`unpaired half-width bracket in Chinese: ${raw}`);
  }
  return problems;
}

/** A word quoted “…” that is not the id of something named: what the person wrote (an unknown key, a misspelling). */
function quoted(line: string, word: string): boolean {
  return [...line.matchAll(/“([^”]*)”/g)].some((m) => m[1].includes(word));
}

/** Ids of named things shown as words, not as code nor after 编号 / id. */
function idsShown(line: string, names: NamesOf): string[] {
  const shown: string[] = [];
  for (const m of line.matchAll(/[A-Za-z0-9][\w-]*/g)) {
    const word = m[0];
    if (!names.namedIds.has(word)) continue;
    const i = m.index ?? 0;
    if (/[A-Za-z0-9_-]/.test(line.charAt(i - 1)) || /[A-Za-z0-9_-]/.test(line.charAt(i + word.length))) continue;
    if (/(编号|\bid)\s*(为\s*)?[“"]?$/.test(line.slice(0, i))) continue;
    shown.push(word);
  }
  return shown;
}

/** English text: an id of something named, quoted or in brackets, where its name belongs. */
export function englishIdProblems(text: string, names: NamesOf): string[] {
  const problems: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/```[^`]*```|`[^`]*`/g, ' ');
    for (const m of line.matchAll(/["“(]([^"”()]+)["”)]/g)) {
      const before = line.slice(0, m.index ?? 0);
      if (names.namedIds.has(m[1]) && !/\bid\s*$/i.test(before) && !names.names.has(m[1])) problems.push(`id “${m[1]}” where a name exists: ${raw}`);
    }
  }
  return problems;
}
