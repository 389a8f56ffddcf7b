import { statSync } from 'fs';
import * as path from 'path';
import { LocalizedText, RubricCore, RubricLookup, ScoresheetAnalysis, SheetLookup, SheetLookupFn, SheetRole, text } from '../core';
import { readTextFileSync } from './read-text-file';
import { resolveRubricPath, SCORESHEET_KIND } from './resolve-rubric-path';

/** Rounds of rounds (months → quarters → year …) read at most this deep: deeper is refused, never a long walk. */
export const MAX_SHEET_DEPTH = 8;

/** Where the text of a scoresheet, and the rubric it names, come from: the disk, or an editor's unsaved documents. */
export interface SheetSource {
  /** The text at a real path, and a stamp that changes whenever the text may have. */
  read(realPath: string): { text: string; stamp: string } | { reason: LocalizedText };
  /** The rubric that the scoresheet at `sheetPath` names, as the host finds it; the files looked at go into `files`. */
  rubric(sheetPath: string, written: string, files: Set<string>): RubricLookup;
  /** How a found scoresheet is named in a lookup (a path for the command line, a URI for the editor). */
  location(realPath: string): string;
}

/** What one top-level analysis learns of the files it read, for the dependencies an editor records. */
export interface SheetReading {
  /** Every path looked at, resolved and real, at any depth. */
  files: Set<string>;
  /** Some path found nothing: a file appearing there may change the answer. */
  waiting: boolean;
}

/** One read an analysis made, and what it was answered: a cached analysis holds while every read answers the same. */
type Read = { kind: 'rubric'; written: string; answer: unknown } | { kind: SheetRole; written: string; answer: unknown };

interface Cached {
  stamp: string;
  analysis: ScoresheetAnalysis;
  reads: Read[];
  files: string[];
  waiting: boolean;
}

const NOT_FOLLOWED = text('a previous result is not read for a sheet that is itself read', '被引用的评分表不再读取其上期结果');

function tooDeep(): LocalizedText {
  return text(`rounds are nested more than ${MAX_SHEET_DEPTH} deep`, `轮次嵌套超过 ${MAX_SHEET_DEPTH} 层`);
}

/**
 * The scoresheets a scoresheet names under `rounds:` and `previous:`, confined to the workspace as
 * its rubric is (resolveRubricPath with SCORESHEET_KIND), each analysed with its own rubric and
 * its own rounds. A path that leads back to a sheet being read is a loop, answered at once; rounds
 * nest at most MAX_SHEET_DEPTH deep. An analysis is kept per real path while its text and every
 * file it read answer the same (so a keystroke in a year does not analyse its twelve months again,
 * and a keystroke in a month analyses that month alone).
 */
export class ScoresheetFiles {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly core: RubricCore,
    private readonly source: SheetSource,
    private readonly workspaceRoots: () => readonly string[],
  ) {}

  /** The lookup the core takes for the sheet at `sheetPath` (its real path), noting what is read in `reading`. */
  lookupFor(sheetPath: string, reading: SheetReading): SheetLookupFn {
    return (written, role) => this.lookup(sheetPath, written, role, [sheetPath], reading).answer;
  }

  /** Drops what is known of a file (it changed on disk). */
  forget(file: string): void {
    this.cache.delete(file);
  }

  /** A path written in the sheet at `from`; `stack` holds the real paths of the sheets being read, the reader last. */
  private lookup(from: string, written: string, role: SheetRole, stack: readonly string[], reading: SheetReading): Answer {
    reading.files.add(path.resolve(path.dirname(from), written));
    const resolved = resolveRubricPath(from, written, this.workspaceRoots(), SCORESHEET_KIND);
    if ('reason' in resolved) return missing(reading, resolved.reason);
    const real = resolved.path;
    reading.files.add(real);
    if (stack.includes(real)) {
      const chain = [...stack.slice(stack.indexOf(real)), real].map((p) => path.basename(p));
      return { answer: { found: false, reason: text(`it leads back to ${chain[0]}`, `它又回到 ${chain[0]}`), loop: chain }, closesAt: real };
    }
    if (stack.length > MAX_SHEET_DEPTH) return missing(reading, tooDeep());
    return this.analysis(real, [...stack, real], reading);
  }

  /** The scoresheet at a real path, analysed (or kept from before while nothing it read has changed). */
  private analysis(real: string, stack: readonly string[], reading: SheetReading): Answer {
    const read = this.source.read(real);
    if ('reason' in read) {
      this.cache.delete(real);
      return missing(reading, read.reason);
    }
    const found = (analysis: ScoresheetAnalysis): Answer => ({ answer: { found: true, analysis, location: this.source.location(real) } });
    const kept = this.cache.get(real);
    if (kept && kept.stamp === read.stamp && this.stillAnswers(real, kept, stack)) {
      for (const file of kept.files) reading.files.add(file);
      reading.waiting ||= kept.waiting;
      return found(kept.analysis);
    }
    const own: SheetReading = { files: new Set(), waiting: false };
    const reads: Read[] = [];
    const loops: Answer[] = [];
    const analysis = this.core.analyzeScoresheet(
      read.text,
      (written) => {
        const answer = this.source.rubric(real, written, own.files);
        own.waiting ||= !answer.found;
        reads.push({ kind: 'rubric', written, answer: answerOf(answer) });
        return answer;
      },
      (written, role) => {
        // A sheet read for its figures is read for its rounds; its own previous result plays no part.
        const outcome: Answer = role === 'previous' ? { answer: { found: false, reason: NOT_FOLLOWED } } : this.lookup(real, written, role, stack, own);
        if (outcome.closesAt !== undefined) loops.push(outcome);
        reads.push({ kind: role, written, answer: answerOf(outcome.answer) });
        return outcome.answer;
      },
    );
    for (const file of own.files) reading.files.add(file);
    reading.waiting ||= own.waiting;
    // A loop back to a sheet below this one in the stack runs through this sheet: its reader says so.
    const through = loops.find((l) => l.closesAt !== real && stack.includes(l.closesAt!));
    if (through) return through;
    // Loops are answered by the stack they were met in: such an analysis is not kept.
    if (loops.length === 0) this.cache.set(real, { stamp: read.stamp, analysis, reads, files: [...own.files], waiting: own.waiting });
    else this.cache.delete(real);
    return found(analysis);
  }

  /** Whether every read a kept analysis made still gets the same answer (the same rubric analysis, the same sheets). */
  private stillAnswers(real: string, kept: Cached, stack: readonly string[]): boolean {
    const scratch: SheetReading = { files: new Set(), waiting: false };
    return kept.reads.every((read) => {
      if (read.kind === 'previous') return true;
      const answer =
        read.kind === 'rubric' ? this.source.rubric(real, read.written, scratch.files) : this.lookup(real, read.written, read.kind, stack, scratch).answer;
      return answerOf(answer) === read.answer;
    });
  }
}

/** A lookup's answer, and the real path of the sheet a loop in it leads back to. */
interface Answer {
  answer: SheetLookup;
  closesAt?: string;
}

function missing(reading: SheetReading, reason: LocalizedText): Answer {
  reading.waiting = true;
  return { answer: { found: false, reason } };
}

/** What identifies an answer: the analysis found (kept objects are the same object while unchanged), or why none was. */
function answerOf(answer: RubricLookup | SheetLookup): unknown {
  return answer.found ? answer.analysis : `${answer.reason.en}|${'loop' in answer ? (answer.loop?.join('>') ?? '') : ''}`;
}

/** A scoresheet's text from disk, refused above `limit` bytes before it is read; stamped by its size and time. */
export function readSheetFromDisk(realPath: string, limit: number): { text: string; stamp: string } | { reason: LocalizedText } {
  let stat;
  try {
    stat = statSync(realPath);
  } catch {
    return { reason: text('no such file', '文件不存在') };
  }
  if (stat.size > limit)
    return { reason: text(`is larger than ${limit} bytes (rubric.maxFileSize); it is not read`, `大于 ${limit} 字节（rubric.maxFileSize），不予读取`) };
  const read = readTextFileSync(realPath);
  return read.ok ? { text: read.text, stamp: `${stat.mtimeMs}:${stat.size}` } : { reason: read.reason };
}
