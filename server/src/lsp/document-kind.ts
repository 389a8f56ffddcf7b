import {
  CodeAction,
  CodeActionParams,
  CodeLens,
  CodeLensParams,
  CompletionItem,
  CompletionParams,
  DefinitionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
  Location,
  PrepareRenameParams,
  ResponseError,
  Range,
  ReferenceParams,
  RenameParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, RubricRename } from '../core';
import type { NewScoresheetParams, Ranking, RankingParams, SimulateParams, SimulationRow, Summary, SummaryParams } from '../protocol';
import { AnalysisCache } from './analysis-cache';
import { Lines } from './convert';

/** Every request the server answers about one document: its parameters and its result. */
export interface ServiceSignatures {
  hover: [HoverParams, Hover | null];
  completion: [CompletionParams, CompletionItem[]];
  inlayHints: [InlayHintParams, InlayHint[]];
  codeLenses: [CodeLensParams, CodeLens[]];
  documentSymbols: [DocumentSymbolParams, DocumentSymbol[]];
  foldingRanges: [FoldingRangeParams, FoldingRange[]];
  definition: [DefinitionParams, Location | null];
  references: [ReferenceParams, Location[]];
  /** A ResponseError says why the place cannot be renamed (the editor shows it in place of the rename box). */
  prepareRename: [PrepareRenameParams, { range: Range; placeholder: string } | null | ResponseError<void>];
  rename: [RenameParams, WorkspaceEdit | null];
  codeActions: [CodeActionParams, CodeAction[]];
  summary: [SummaryParams, Summary | null];
  simulate: [SimulateParams, SimulationRow[] | null];
  newScoresheet: [NewScoresheetParams, { text: string } | null];
  ranking: [RankingParams, Ranking | null];
}

export type Service = keyof ServiceSignatures;
export type ParamsOf<S extends Service> = ServiceSignatures[S][0];
export type ResultOf<S extends Service> = ServiceSignatures[S][1];

/** The answer of a document (or a kind) without the service: nothing, in the shape the request expects. */
const EMPTY: { readonly [S in Service]: ResultOf<S> } = {
  hover: null,
  completion: [],
  inlayHints: [],
  codeLenses: [],
  documentSymbols: [],
  foldingRanges: [],
  definition: null,
  references: [],
  prepareRename: null,
  rename: null,
  codeActions: [],
  summary: null,
  simulate: null,
  newScoresheet: null,
  ranking: null,
};

/** What a request answers when the document has no kind, is refused, or its kind lacks the service. */
export function emptyResult<S extends Service>(service: S): ResultOf<S> {
  return EMPTY[service];
}

/** A kind's services over its analysis: each a line or two, from the analysis to a core service to convert.ts. */
export type DocumentServices<A> = { [S in Service]: (analysis: A, params: ParamsOf<S>) => ResultOf<S> };

/** What a kind's analyses have in common: a text with a line index, and findings to publish. */
export type KindAnalysis = Lines & { findings: readonly Finding[] };

/**
 * A kind of document the server knows (a rubric, a scoresheet): which URIs it takes, how a
 * document becomes its analysis, and which services it answers. Each LSP method is registered
 * once (rubric-server.ts) and asks the document's kind; a kind without the service answers the
 * empty result. A new kind of document is a new class here and one line in document-kinds.ts.
 */
export interface DocumentKind {
  takes(uri: string): boolean;
  /** Files of this kind other documents may depend on, for the editor's file watcher. */
  readonly watchedGlob?: string;
  /** The analysis of the document's current version: its findings and its text's line index, for publishing. */
  analysisOf(document: TextDocument): KindAnalysis;
  answer<S extends Service>(service: S, document: TextDocument, params: ParamsOf<S>): ResultOf<S>;
  /** A document checked against a rubric follows the rename of an indicator's or an input's id in it: its edits (none when it names neither). */
  followRename?(document: TextDocument, rename: RubricRename): TextEdit[];
  /** A file changed on disk: what the kind keeps of it is dropped. */
  fileChanged?(file: string): void;
  /** What the document depends on changed: its analysis is made again on the next request. */
  invalidate(uri: string): void;
  /** The document is closed (or refused): its state goes. */
  forget(uri: string): void;
}

/** A kind whose documents are analysed by an incremental session, kept per open document. */
export abstract class AnalyzedKind<Session, A extends KindAnalysis> implements DocumentKind {
  protected abstract readonly services: Partial<DocumentServices<A>>;
  private readonly analyses: AnalysisCache<Session, A>;

  constructor(newSession: () => Session) {
    this.analyses = new AnalysisCache(newSession);
  }

  abstract takes(uri: string): boolean;

  /** A new analysis of the document's current text, on its session. */
  protected abstract analyze(session: Session, document: TextDocument): A;

  analysisOf(document: TextDocument): A {
    return this.analyses.of(document, (session) => this.analyze(session, document));
  }

  answer<S extends Service>(service: S, document: TextDocument, params: ParamsOf<S>): ResultOf<S> {
    const run = this.services[service] as ((analysis: A, params: ParamsOf<S>) => ResultOf<S>) | undefined;
    return run ? run(this.analysisOf(document), params) : emptyResult(service);
  }

  invalidate(uri: string): void {
    this.analyses.invalidate(uri);
  }

  forget(uri: string): void {
    this.analyses.forget(uri);
  }
}
