import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, IncrementalSession, RubricCore } from '../core';

interface DocumentState {
  /** Re-parses only what an edit touched. */
  session: IncrementalSession;
  /** The analysis of `version`: every feature of one keystroke reads the same one. */
  version: number;
  analysis: Analysis;
}

/** What the server keeps per open rubric: its incremental session and the analysis of its current version. */
export class DocumentAnalyses {
  private readonly states = new Map<string, DocumentState>();

  constructor(private readonly core: RubricCore) {}

  /** The analysis of the document's current version, made at most once per version. */
  of(document: TextDocument): Analysis {
    const state = this.states.get(document.uri);
    if (state?.version === document.version) return state.analysis;
    const session = state?.session ?? this.core.createSession();
    // The last version's analysis (its text, line index and findings) may go while this one is
    // made: a big file's two versions need not be in memory together.
    this.states.delete(document.uri);
    const analysis = session.update(document.getText());
    this.states.set(document.uri, { session, version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}
