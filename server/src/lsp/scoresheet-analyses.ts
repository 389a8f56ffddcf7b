import { realpathSync } from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, RubricCore, text } from '../core';
import type { RubricLookup, ScoresheetAnalysis, ScoresheetSession } from '../core/scoresheet/types';
import { RubricFiles } from '../host/rubric-files';
import { resolveRubricPath } from '../host/resolve-rubric-path';

interface SheetState {
  /** Parses again only the entries an edit touched; applies a changed rubric to the entries kept. */
  session: ScoresheetSession;
  version: number;
  analysis: ScoresheetAnalysis;
  /** The real path of the rubric it was checked against (found or not: the path it resolved to). */
  rubricPath?: string;
  /** Where the rubric came from: an open document's URI, else the file's. */
  rubricUri?: string;
}

/** An open rubric, for a scoresheet that names it: its URI and its current (maybe unsaved) analysis. */
export interface OpenRubric {
  uri: string;
  analysis: Analysis;
}

const NOT_A_FILE = text('the scoresheet is not saved as a file, so a rubric path cannot be resolved from it', '评分表尚未保存为文件，无法据此解析细则路径');

/** A file URI's path on disk; undefined for other schemes (untitled:, vscode-vfs:…). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * What the server keeps per open scoresheet: its analysis against its rubric, and which rubric
 * that was, so a change to the rubric (typed, unsaved; or on disk) re-checks the scoresheets that
 * name it. The rubric open in the editor wins over the file on disk; on disk it is read only
 * inside the workspace folders (resolveRubricPath).
 */
export class ScoresheetAnalyses {
  private readonly states = new Map<string, SheetState>();

  constructor(
    private readonly core: RubricCore,
    private readonly rubricFiles: RubricFiles,
    /** The rubric open in the editor at this real path, if any. */
    private readonly openRubric: (realPath: string) => OpenRubric | undefined,
    private readonly workspaceRoots: () => readonly string[],
  ) {}

  /** The analysis of the scoresheet's current version against its rubric's current state, made once per version and rubric change. */
  of(document: TextDocument): ScoresheetAnalysis {
    const state = this.states.get(document.uri);
    if (state?.version === document.version) return state.analysis;
    return this.analyze(document);
  }

  /** The rubric's URI as the scoresheet's last analysis found it (null when not found). */
  rubricUriOf(uri: string): string | undefined {
    return this.states.get(uri)?.rubricUri;
  }

  private analyze(document: TextDocument): ScoresheetAnalysis {
    const sheetPath = filePathOf(document.uri);
    let rubricPath: string | undefined;
    let rubricUri: string | undefined;
    const lookup = (written: string): RubricLookup => {
      if (sheetPath === undefined) return { found: false, reason: NOT_A_FILE };
      const resolved = resolveRubricPath(sheetPath, written, this.workspaceRoots());
      if ('reason' in resolved) return { found: false, reason: resolved.reason };
      rubricPath = resolved.path;
      const open = this.openRubric(resolved.path);
      if (open) {
        rubricUri = open.uri;
        return { found: true, analysis: open.analysis, location: open.uri };
      }
      const read = this.rubricFiles.read(resolved.path);
      if (read.lookup.found) {
        rubricUri = pathToFileURL(resolved.path).href;
        return { ...read.lookup, location: rubricUri };
      }
      return read.lookup;
    };
    const session = this.states.get(document.uri)?.session ?? this.core.createScoresheetSession();
    const analysis = session.update(document.getText(), lookup);
    this.states.set(document.uri, { session, version: document.version, analysis, rubricPath, rubricUri });
    return analysis;
  }

  /** Open scoresheets checked against the rubric at this real path. */
  dependentsOf(rubricRealPath: string): string[] {
    return [...this.states].filter(([, state]) => state.rubricPath === rubricRealPath).map(([uri]) => uri);
  }

  /** Open scoresheets whose rubric was not found: a rubric created or restored may be theirs. */
  withoutRubric(): string[] {
    return [...this.states].filter(([, state]) => state.rubricUri === undefined).map(([uri]) => uri);
  }

  /** Drops the analysis so the next request makes a new one (its rubric changed). */
  invalidate(uri: string): void {
    const state = this.states.get(uri);
    if (state) state.version = Number.NaN;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** A rubric file changed on disk: its cached analysis is dropped. */
  forgetRubricFile(file: string): void {
    this.rubricFiles.forget(file);
    this.rubricFiles.forget(realPathOf(file));
  }
}
