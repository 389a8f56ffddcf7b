import { realpathSync } from 'fs';
import { fileURLToPath } from 'url';

/** A URI's path, decoded (`file:///a/b%20c.scores.yaml` → `/a/b c.scores.yaml`); the URI itself when it has none. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** A file URI's path on disk; undefined for other schemes (untitled:, vscode-vfs:…). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The path with every symbolic link resolved; the path itself when it cannot be (no such file). */
export function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
