import { TextDocument } from 'vscode-languageserver-textdocument';

interface CacheEntry<Session, Result> {
  /** Re-parses only what an edit touched. */
  session: Session;
  /** The version `analysis` is of (NaN once what it depends on changed): every feature of one keystroke reads the same one. */
  version: number;
  analysis: Result;
}

/** Per open document of one kind: its incremental session and the analysis of its current version. */
export class AnalysisCache<Session, Result> {
  private readonly entries = new Map<string, CacheEntry<Session, Result>>();

  constructor(private readonly newSession: () => Session) {}

  /** The analysis of the document's current version, made at most once per version (and per change of what it depends on). */
  of(document: TextDocument, analyze: (session: Session) => Result): Result {
    const entry = this.entries.get(document.uri);
    if (entry?.version === document.version) return entry.analysis;
    const session = entry?.session ?? this.newSession();
    // The last version's analysis (its text, line index and findings) may go while this one is
    // made: a big file's two versions need not be in memory together.
    this.entries.delete(document.uri);
    const analysis = analyze(session);
    this.entries.set(document.uri, { session, version: document.version, analysis });
    return analysis;
  }

  /** What the document depends on changed: the next request makes a new analysis (the session stays). */
  invalidate(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) entry.version = Number.NaN;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
