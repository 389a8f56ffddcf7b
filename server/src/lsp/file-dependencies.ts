import { filePathOf, realPathOf } from './uris';

interface Dependencies {
  /** Paths (as resolved and as real paths) of the files the document's last analysis read or looked for. */
  files: Set<string>;
  /** Some file it names was not found (or was not a readable file of its kind): it waits for one to appear. */
  waiting: boolean;
}

/** What a re-check does: drop a document's analysis at once, publish its diagnostics later. */
export interface Rechecking {
  invalidate(uri: string): void;
  /** Publishes the documents again (those still open); called once per burst of changes. */
  publish(uris: readonly string[]): void;
}

/**
 * The server's cross-file state: which open documents depend on which files (a scoresheet on its
 * rubric), the real path of each open document's file, and the re-checks that follow when a file
 * changes (typed in the editor, saved, created, deleted or replaced on disk). A document states
 * the files it depends on after each analysis, whatever stood at those paths: a folder, a FIFO or
 * a missing file replaced by a good one re-checks the documents that named it.
 */
export class FileDependencies {
  private readonly dependencies = new Map<string, Dependencies>();
  private readonly realPaths = new Map<string, string | undefined>();
  private readonly toPublish = new Set<string>();
  private publishScheduled = false;

  constructor(private readonly rechecking: Rechecking) {}

  /** The files the document's last analysis depends on; replaces what it said before. */
  record(uri: string, files: Iterable<string>, waiting: boolean): void {
    this.dependencies.set(uri, { files: new Set(files), waiting });
  }

  /** The document is closed or refused: it depends on nothing any more. */
  forget(uri: string): void {
    this.dependencies.delete(uri);
    this.realPaths.delete(uri);
  }

  /** The real path of an open document's file (undefined for untitled: and other schemes), looked up once while it is open. */
  realPathOfDocument(uri: string): string | undefined {
    if (!this.realPaths.has(uri)) {
      const file = filePathOf(uri);
      this.realPaths.set(uri, file === undefined ? undefined : realPathOf(file));
    }
    return this.realPaths.get(uri);
  }

  /** Open documents that depend on this file directly. */
  dependentsOf(file: string): string[] {
    return [...this.dependencies].filter(([, d]) => d.files.has(file)).map(([uri]) => uri);
  }

  /**
   * Open documents a change to these files reaches: their dependents, the dependents of those
   * (through each dependent's own file), and so on; each once, however the files name each other.
   */
  affectedBy(files: Iterable<string | undefined>): string[] {
    const reached = new Set<string>();
    const queue = [...files].filter((f): f is string => f !== undefined);
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const uri of this.dependentsOf(file)) {
        if (reached.has(uri)) continue;
        reached.add(uri);
        const own = this.realPathOfDocument(uri);
        if (own !== undefined) queue.push(own);
      }
    }
    return [...reached];
  }

  /** Open documents waiting for a file that was not found: any file event may bring it (by a path no one can foresee, a link's target). */
  waiting(): string[] {
    return [...this.dependencies].filter(([, d]) => d.waiting).map(([uri]) => uri);
  }

  /** Open documents that read other files: the workspace folders bound where they may. */
  readingFiles(): string[] {
    return [...this.dependencies.keys()];
  }

  /**
   * Documents whose files changed: their analyses are dropped at once (a request that follows sees
   * the new state), and they are published again once the messages that have arrived are handled,
   * so a burst of keystrokes in a rubric re-checks each scoresheet once, after the rubric's own
   * diagnostics.
   */
  recheck(uris: Iterable<string>): void {
    let any = false;
    for (const uri of uris) {
      this.rechecking.invalidate(uri);
      this.toPublish.add(uri);
      any = true;
    }
    if (!any || this.publishScheduled) return;
    this.publishScheduled = true;
    setImmediate(() => {
      this.publishScheduled = false;
      const pending = [...this.toPublish];
      this.toPublish.clear();
      this.rechecking.publish(pending);
    });
  }
}
