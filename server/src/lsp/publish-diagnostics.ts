import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzedNotification } from '../protocol';
import { toDiagnostic } from './convert';
import { DocumentKinds } from './document-kinds';
import { FileDependencies } from './file-dependencies';
import { Refusal, refusalOfDocument } from './refusal';
import { ServerState } from './server-state';

/**
 * A document's diagnostics: its kind's findings at the levels the person chose, or the one reason
 * it is not analysed. They go out as soon as they are computed, tagged with the version they
 * describe; then `rubric/analyzed` tells the views.
 */
export class DiagnosticsPublisher {
  constructor(
    private readonly state: ServerState,
    private readonly kinds: DocumentKinds,
    private readonly dependencies: FileDependencies,
  ) {}

  publish(document: TextDocument): void {
    const { uri, version } = document;
    try {
      const kind = this.kinds.kindOf(uri);
      if (!kind) {
        // Not (or no longer, after a settings change) a document we know: nothing of ours stays on it.
        this.kinds.forget(uri);
        void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const refused = refusalOfDocument(document, this.state.settings.maxFileSize);
      if (refused) {
        kind.forget(uri);
        this.dependencies.forget(uri);
        return this.sendRefusal(document, refused);
      }
      const analysis = kind.analysisOf(document);
      const diagnostics = analysis.findings.flatMap((f) => toDiagnostic(analysis, f, this.state.locale, this.state.settings.checks[f.code]) ?? []);
      void this.state.connection.sendDiagnostics({ uri, version, diagnostics });
      void this.state.connection.sendNotification(AnalyzedNotification, { uri, version });
    } catch (error) {
      this.state.log(`Validation failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /** Said once at the document's start. */
  private sendRefusal(document: TextDocument, refused: Refusal): void {
    const diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: refused.severity,
      source: 'rubric',
      message: refused.message[this.state.locale],
    };
    void this.state.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [diagnostic] });
    void this.state.connection.sendNotification(AnalyzedNotification, { uri: document.uri, version: document.version });
  }
}
