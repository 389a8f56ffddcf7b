import Big from 'big.js';
import { isDocument, isNode, isPair } from 'yaml';
import type { DocumentAnalysis } from '../../rubric/types';
import { indexRubric, RubricIndex } from '../rubric-index';

/**
 * The rubric as a session last saw it: its document indexed once per analysis object, and
 * generations that change when what the entries' figures read of it changes (figures, ids,
 * structure: `figures`) and when anything they show changes (names too: `names`). An entry's
 * facts made under the same generations still hold.
 */
export class RubricGenerations {
  figures = 0;
  names = 0;
  private document: DocumentAnalysis | undefined;
  private index: RubricIndex | undefined;
  private figuresPrint: string | undefined;
  private namesPrint: string | undefined;

  indexOf(document: DocumentAnalysis): RubricIndex {
    if (document !== this.document || !this.index) {
      this.document = document;
      this.index = indexRubric(document);
      const { figures, names } = rubricFingerprints(document);
      if (figures !== this.figuresPrint) this.figures++;
      if (names !== this.namesPrint) this.names++;
      [this.figuresPrint, this.namesPrint] = [figures, names];
    }
    return this.index;
  }
}

/**
 * What of a rubric an entry's facts read: its figures and ids, its subjects and groups, tiers
 * and vetoes (`figures`), and with them the names its findings and workings show (`names`); not
 * where they are written, nor the YAML tree. Two rubrics alike here give every entry the same
 * total, steps and findings (a keystroke in a criteria text changes nothing of it; one in a
 * name, only the words). One walk makes both: it runs on every keystroke in the rubric.
 */
function rubricFingerprints(document: DocumentAnalysis): { figures: string; names: string } {
  const figures: string[] = [];
  const names: string[] = [];
  const put = (part: string, inName: boolean) => {
    names.push(part);
    if (!inName) figures.push(part);
  };
  const walk = (value: unknown, inName: boolean): void => {
    if (value === null || value === undefined) return put(value === null ? 'n' : 'u', inName);
    if (typeof value !== 'object') return put(typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`, inName);
    if (value instanceof Big) return put(`d${value.toString()}`, inName);
    if (isNode(value) || isPair(value) || isDocument(value)) return put('y', inName);
    if (Array.isArray(value)) {
      put('[', inName);
      for (const item of value) walk(item, inName);
      return put(']', inName);
    }
    put('{', inName);
    for (const [key, child] of Object.entries(value)) {
      // Where things are written, and the depth-first list the tree already holds.
      if (key === 'span' || key === 'keySpan' || key === 'allIndicators') continue;
      put(`${key}:`, inName);
      walk(child, inName || key === 'name' || key === 'title');
    }
    put('}', inName);
  };
  walk(document.model, false);
  return { figures: figures.join(' '), names: names.join(' ') };
}
