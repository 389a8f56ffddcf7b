import * as path from 'path';
import { pathToFileURL } from 'url';
import { ErrorCodes, Location, ResponseError, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis,
  followRubricRename,
  RubricLookup,
  RubricRename,
  ScoresheetAnalysis,
  ScoresheetSession,
  scoresheetCompletion,
  scoresheetDefinition,
  scoresheetHover,
  scoresheetInlayHints,
  scoresheetLenses,
  scoresheetRenameRefusal,
  Span,
  text,
} from '../core';
import { rankingTable, SCORES_FILE, SCORES_GLOB } from '../core';
import { resolveRubricPath } from '../host/resolve-rubric-path';
import { RubricFiles } from '../host/rubric-files';
import { readSheetFromDisk, ScoresheetFiles, SheetReading } from '../host/scoresheet-files';
import { toCompletionItem, toHover, toInlayHint, toOffset, toRankingLens, toSpan, toTextEdits } from './convert';
import { AnalyzedKind, DocumentServices } from './document-kind';
import { FileDependencies } from './file-dependencies';
import { ServerState } from './server-state';
import { filePathOf, uriPath } from './uris';

/** An open rubric, for a scoresheet that names it: its URI and its current (maybe unsaved) analysis. */
export interface OpenRubric {
  uri: string;
  analysis: Analysis;
}

/** An open document's text (maybe unsaved) and version, for a scoresheet that names it under `rounds:` or `previous:`. */
export interface OpenText {
  uri: string;
  version: number;
  text: string;
}

const NOT_A_FILE = text('the scoresheet is not saved as a file, so a rubric path cannot be resolved from it', '评分表尚未保存为文件，无法据此解析细则路径');

/**
 * Scoresheets (`*.scores.yaml|yml`): each analysed against its rubric. The rubric open in the
 * editor wins over the file on disk; on disk it is read only inside the workspace folders
 * (resolveRubricPath). The files a scoresheet's rubric lookup touched are its dependencies.
 */
export class ScoresheetKind extends AnalyzedKind<ScoresheetSession, ScoresheetAnalysis> {
  /** Other scoresheets' files are watched too: a round or a previous result changed on disk re-ranks the sheets naming it. */
  readonly watchedGlob = SCORES_GLOB;
  private readonly rubricFiles: RubricFiles;
  private readonly sheetFiles: ScoresheetFiles;

  constructor(
    private readonly state: ServerState,
    private readonly dependencies: FileDependencies,
    /** The rubric open in the editor at this real path, if any. */
    private readonly openRubricAt: (realPath: string) => OpenRubric | undefined,
    /** The document open in the editor at this real path, if any. */
    private readonly openTextAt: (realPath: string) => OpenText | undefined,
  ) {
    super(() => state.core.createScoresheetSession());
    this.rubricFiles = new RubricFiles(state.core, () => state.settings.maxFileSize);
    this.sheetFiles = new ScoresheetFiles(
      state.core,
      {
        read: (real) => this.sheetText(real),
        rubric: (sheet, written, files) => this.findRubric(sheet, written, files),
        location: (real) => this.openTextAt(real)?.uri ?? pathToFileURL(real).href,
      },
      () => state.workspaceRoots,
    );
  }

  takes(uri: string): boolean {
    return SCORES_FILE.test(uriPath(uri));
  }

  /**
   * Against its rubric's current state and the current state of the scoresheets it names (open
   * in the editor or on disk); every file looked at, at any depth, is recorded as the
   * scoresheet's dependency, so an edit in a quarter re-ranks the year.
   */
  protected analyze(session: ScoresheetSession, document: TextDocument): ScoresheetAnalysis {
    const sheetPath = filePathOf(document.uri);
    const reading: SheetReading = { files: new Set<string>(), waiting: false };
    const ownPath = this.dependencies.realPathOfDocument(document.uri);
    const sheets = sheetPath === undefined || ownPath === undefined ? undefined : this.sheetFiles.lookupFor(ownPath, reading);
    const analysis = session.update(
      document.getText(),
      (written) => {
        if (sheetPath === undefined) return { found: false, reason: NOT_A_FILE };
        const lookup = this.findRubric(sheetPath, written, reading.files);
        reading.waiting ||= !lookup.found;
        return lookup;
      },
      sheets ?? (() => ({ found: false, reason: NOT_A_FILE })),
    );
    this.dependencies.record(document.uri, reading.files, reading.waiting);
    return analysis;
  }

  /** A named scoresheet's text: open in the editor (unsaved edits included, within the size limit), else on disk. */
  private sheetText(real: string): { text: string; stamp: string } | { reason: ReturnType<typeof text> } {
    const limit = this.state.settings.maxFileSize;
    const open = this.openTextAt(real);
    if (!open) return readSheetFromDisk(real, limit);
    if (Buffer.byteLength(open.text, 'utf8') > limit) {
      return { reason: text(`is larger than ${limit} bytes (rubric.maxFileSize); it is not read`, `大于 ${limit} 字节（rubric.maxFileSize），不予读取`) };
    }
    return { text: open.text, stamp: `${open.uri}@${open.version}` };
  }

  /** The rubric a scoresheet names: open in the editor (unsaved edits included), else on disk; its location is a URI. */
  private findRubric(sheetPath: string, written: string, files: Set<string>): RubricLookup {
    // Whatever stands at the path now (nothing, a folder, a FIFO, a link), a file put there changes the answer.
    files.add(path.resolve(path.dirname(sheetPath), written));
    const resolved = resolveRubricPath(sheetPath, written, this.state.workspaceRoots);
    if ('reason' in resolved) return { found: false, reason: resolved.reason };
    files.add(resolved.path);
    const open = this.openRubricAt(resolved.path);
    if (open) return { found: true, analysis: open.analysis, location: open.uri };
    const read = this.rubricFiles.read(resolved.path);
    return read.lookup.found ? { ...read.lookup, location: pathToFileURL(resolved.path).href } : read.lookup;
  }

  protected readonly services: Partial<DocumentServices<ScoresheetAnalysis>> = {
    hover: (a, p) => toHover(a, scoresheetHover(a, toOffset(a, p.position), this.state.locale)),
    completion: (a, p) => scoresheetCompletion(a, toOffset(a, p.position), this.state.locale).map((e, i) => toCompletionItem(a, e, i)),
    inlayHints: (a, p) => within(toSpan(a, p.range), scoresheetInlayHints(a, this.state.locale)).map((h) => toInlayHint(a, h)),
    codeLenses: (a, p) => scoresheetLenses(a, this.state.locale).map((lens) => toRankingLens(p.textDocument.uri, a, lens)),
    definition: (a, p) => rubricLocation(a, scoresheetDefinition(a, toOffset(a, p.position))),
    ranking: (a, p) => ({ uri: p.uri, rubric: rubricUriOf(a) ?? null, ...rankingTable(a) }),
    // An id a scoresheet uses is defined in its rubric: renamed there, the open scoresheets follow.
    prepareRename: (a, p) => {
      const refusal = scoresheetRenameRefusal(a, toOffset(a, p.position));
      return refusal ? new ResponseError(ErrorCodes.InvalidRequest, refusal[this.state.locale]) : null;
    },
  };

  followRename(document: TextDocument, rename: RubricRename): TextEdit[] {
    const analysis = this.analysisOf(document);
    return toTextEdits(analysis, followRubricRename(analysis, rename));
  }

  fileChanged(file: string): void {
    this.rubricFiles.forget(file);
    this.sheetFiles.forget(file);
  }
}

/** The URI of the rubric the scoresheet was checked against (findRubric's location); undefined when not found. */
function rubricUriOf(analysis: ScoresheetAnalysis): string | undefined {
  return analysis.rubric?.found ? analysis.rubric.location : undefined;
}

/** A place in the scoresheet's rubric: the rubric's URI and the span in its text. */
function rubricLocation(analysis: ScoresheetAnalysis, target: { span: Span; sheet?: string } | undefined): Location | null {
  // A round or the previous result: the start of that scoresheet.
  if (target?.sheet !== undefined) return Location.create(target.sheet, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const rubric = analysis.rubric;
  return target && rubric?.found ? Location.create(rubric.location, rubric.analysis.source.lines.rangeOf(target.span)) : null;
}

function within<T extends { offset: number }>(span: Span, items: T[]): T[] {
  return items.filter((item) => item.offset >= span.start && item.offset <= span.end);
}
