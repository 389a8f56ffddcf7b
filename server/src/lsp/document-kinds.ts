import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RubricRename, ScoresheetAnalysis } from '../core';
import { DocumentKind, emptyResult, ParamsOf, ResultOf, Service } from './document-kind';
import { FileDependencies } from './file-dependencies';
import { refusalOfDocument } from './refusal';
import { OpenRubric, OpenText, ScoresheetKind } from './scoresheet-kind';
import { RubricKind } from './rubric-kind';
import { ServerState } from './server-state';

/** An open document of a known kind, analysed (not refused): what a request is answered on. */
export interface OpenDocument {
  document: TextDocument;
  kind: DocumentKind;
}

/**
 * The kinds of document the server knows, and what passes between them: a scoresheet reads the
 * rubric open in the editor; a rubric's rename reaches the scoresheets that score it.
 */
export class DocumentKinds {
  private readonly rubric: RubricKind;
  private readonly scoresheet: ScoresheetKind;
  private readonly kinds: readonly DocumentKind[];

  constructor(
    private readonly state: ServerState,
    private readonly dependencies: FileDependencies,
  ) {
    this.rubric = new RubricKind(state, (uri, rename) => this.dependentRenames(uri, rename));
    this.scoresheet = new ScoresheetKind(
      state,
      dependencies,
      (realPath) => this.openRubricAt(realPath),
      (realPath) => this.openTextAt(realPath),
    );
    this.kinds = [this.scoresheet, this.rubric];
  }

  kindOf(uri: string): DocumentKind | undefined {
    return this.kinds.find((kind) => kind.takes(uri));
  }

  /** The document at this URI if it is open, of a known kind, and not refused (too large, not UTF-8). */
  open(uri: string, kind = this.kindOf(uri)): OpenDocument | undefined {
    const document = this.state.documents.get(uri);
    if (!document || !kind || refusalOfDocument(document, this.state.settings.maxFileSize)) return undefined;
    return { document, kind };
  }

  /** A request on a document, answered by its kind; the empty result when it has none or the kind lacks the service. */
  answer<S extends Service>(service: S, uri: string, params: ParamsOf<S>): ResultOf<S> {
    const open = this.open(uri);
    return open ? open.kind.answer(service, open.document, params) : emptyResult(service);
  }

  /** The current analysis of the scoresheet open at this URI (unsaved edits included); undefined when none is. */
  scoresheetAnalysis(uri: string): ScoresheetAnalysis | undefined {
    const open = this.open(uri, this.scoresheet);
    return open && this.scoresheet.takes(uri) ? this.scoresheet.analysisOf(open.document) : undefined;
  }

  /** Globs of the files documents may depend on, for the editor's watcher. */
  watchedGlobs(): string[] {
    return this.kinds.flatMap((kind) => kind.watchedGlob ?? []);
  }

  fileChanged(file: string): void {
    for (const kind of this.kinds) kind.fileChanged?.(file);
  }

  invalidate(uri: string): void {
    for (const kind of this.kinds) kind.invalidate(uri);
  }

  forget(uri: string): void {
    for (const kind of this.kinds) kind.forget(uri);
  }

  /** The current analysis of the rubric open in the editor at this real path (unsaved edits included). */
  private openRubricAt(realPath: string): OpenRubric | undefined {
    for (const document of this.state.documents.all()) {
      if (!this.rubric.takes(document.uri) || this.dependencies.realPathOfDocument(document.uri) !== realPath) continue;
      const open = this.open(document.uri, this.rubric);
      if (open) return { uri: document.uri, analysis: this.rubric.analysisOf(open.document) };
    }
    return undefined;
  }

  /** The text and version of the document open in the editor at this real path (unsaved edits included). */
  private openTextAt(realPath: string): OpenText | undefined {
    for (const document of this.state.documents.all()) {
      if (this.dependencies.realPathOfDocument(document.uri) === realPath) return { uri: document.uri, version: document.version, text: document.getText() };
    }
    return undefined;
  }

  /** The edits, by document, that keep the open documents checked against a rubric naming an indicator or input renamed in it. */
  private dependentRenames(rubricUri: string, rename: RubricRename): Record<string, TextEdit[]> {
    const rubricPath = this.dependencies.realPathOfDocument(rubricUri);
    const changes: Record<string, TextEdit[]> = {};
    if (rubricPath === undefined) return changes;
    for (const uri of this.dependencies.dependentsOf(rubricPath)) {
      const open = this.open(uri);
      const edits = open?.kind.followRename?.(open.document, rename) ?? [];
      if (edits.length > 0) changes[uri] = edits;
    }
    return changes;
  }
}
