import * as path from 'path';

/**
 * Typed access to scripts/code-server.js, which `npm start` uses too: the product's start must
 * not depend on compiled test code, so the helpers live there and this is only their types.
 * Resolved from the repository root at run time (this file runs from test/out/editor/runner).
 */
export const ROOT = path.resolve(__dirname, '../../../..');

export interface EditorTools {
  node24Bin: string;
  codeServer: string;
}

export interface CodeServerOptions {
  tools: EditorTools;
  /** Scratch folder for user data, extensions and XDG folders. */
  home: string;
  folder: string;
  settings: Record<string, unknown>;
  smokeTestDriver?: boolean;
  /** Ask for trust as VS Code does: the folder, not trusted, opens in Restricted Mode. */
  workspaceTrust?: boolean;
  locale?: string;
  log: (line: string) => void;
}

export interface RunningCodeServer {
  port: number;
  url: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

interface CodeServerScript {
  setupEditorTools(): EditorTools;
  installExtension(tools: EditorTools, home: string, vsix: string): void;
  startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer>;
}

const script = require(path.join(ROOT, 'scripts', 'code-server.js')) as CodeServerScript;

/** Installs (once) and locates Node 24, code-server and Chromium: see scripts/setup-editor.sh. */
export const setupEditorTools = script.setupEditorTools;
/** `code-server --install-extension X.vsix` into the scratch extensions folder. */
export const installExtension = script.installExtension;
/** Starts code-server on 127.0.0.1 in its own process group; resolves once /healthz answers. */
export const startCodeServer = script.startCodeServer;
