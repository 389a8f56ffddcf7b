import { DidChangeWatchedFilesNotification, DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { DocumentKinds } from './document-kinds';
import { FileDependencies } from './file-dependencies';
import { ServerState } from './server-state';
import { filePathOf, realPathOf } from './uris';

/**
 * What the editor says of the workspace beyond the open documents: files changed on disk (saved
 * elsewhere, created, deleted, replaced) and workspace folders added or removed. Each re-checks
 * the open documents that depend on what changed; an open document's unsaved text still wins.
 */
export class WorkspaceEvents {
  constructor(
    private readonly state: ServerState,
    private readonly kinds: DocumentKinds,
    private readonly dependencies: FileDependencies,
  ) {}

  /** Asks the editor to watch the files documents may depend on (VS Code registers it; others may send the events anyway). */
  watchFiles(): void {
    if (!this.state.abilities.watchFiles) return;
    const watchers = this.kinds.watchedGlobs().map((globPattern) => ({ globPattern }));
    this.state.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .catch((error: unknown) => this.state.log(`Could not watch files: ${String(error)}`));
  }

  filesChanged(params: DidChangeWatchedFilesParams): void {
    const files = params.changes.flatMap((change) => {
      const file = filePathOf(change.uri);
      return file === undefined ? [] : [file, realPathOf(file)];
    });
    for (const file of files) this.kinds.fileChanged(file);
    // Whatever the event's type: a folder, a FIFO or a link at a path replaced by a file is reported as changed.
    this.dependencies.recheck(new Set([...this.dependencies.affectedBy(files), ...this.dependencies.waiting()]));
  }

  /** Folders added to or removed from the workspace change where documents may read files: those that do are checked again. */
  followWorkspaceFolders(): void {
    // The library throws on the event when the client never said it sends it.
    if (!this.state.abilities.workspaceFolders) return;
    this.state.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.flatMap((f) => filePathOf(f.uri) ?? []));
      const added = event.added.flatMap((f) => filePathOf(f.uri) ?? []);
      this.state.workspaceRoots = [...this.state.workspaceRoots.filter((root) => !removed.has(root)), ...added];
      this.dependencies.recheck(this.dependencies.readingFiles());
    });
  }
}
